// The package as a consumer installs it, for tests that load it the way users do (through
// package.json's `exports`): tsup's Node and web builds of this source, without declarations or
// source maps, beside package.json (with `{ declarations: true }`, also the .d.ts files the package
// ships, for tests that compile a consumer against its types). Built from src/ so a stale dist/ never
// decides a test, once per version of the sources: kept in .tmp/package-<hash>[-dts]/ and shared by
// test files and runs.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Options, build } from 'tsup';
import config from '../../tsup.config.js';
import { ROOT } from '../browser/bundle.js';

/** What decides the build's output. */
const INPUTS = ['src', 'package.json', 'tsup.config.ts', 'tsconfig.json', 'scripts/build-constants.mjs'];

function sourcesHash(): string {
  const hash = createHash('sha256');
  const add = (rel: string) => {
    const file = path.join(ROOT, rel);
    if (statSync(file).isDirectory()) for (const name of readdirSync(file).sort()) add(path.join(rel, name));
    else hash.update(`${rel}\0`).update(readFileSync(file)).update('\0');
  };
  for (const input of INPUTS) add(input);
  return hash.digest('hex').slice(0, 16);
}

/** Builds (or reuses) the package; returns its directory (package.json, dist/, dist/web/). */
export async function builtPackage(options: { declarations?: boolean } = {}): Promise<string> {
  const declarations = options.declarations === true;
  const hash = sourcesHash();
  const dir = path.join(ROOT, `.tmp/package-${hash}${declarations ? '-dts' : ''}`);
  const lock = `${dir}.lock`;
  mkdirSync(path.dirname(dir), { recursive: true });
  for (let waited = 0; !existsSync(path.join(dir, 'package.json')); waited += 250) {
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building the same sources: wait for it (a lock left by a killed run expires).
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (waited > 180_000 || Date.now() - since > 300_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      const staging = `${dir}.staging`;
      rmSync(staging, { recursive: true, force: true });
      await buildInto(staging, declarations);
      renameSync(staging, dir);
      // Builds of earlier sources are not needed again.
      for (const old of readdirSync(path.dirname(dir)))
        if (/^package-[0-9a-f]{16}(-dts)?$/.test(old) && !old.startsWith(`package-${hash}`))
          rmSync(path.join(path.dirname(dir), old), { recursive: true, force: true });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

async function buildInto(out: string, declarations: boolean): Promise<void> {
  // In order: the Node build cleans its outDir (dist/), which holds the web build's dist/web.
  for (const part of (Array.isArray(config) ? config : [config]) as Options[]) {
    await build({
      ...part,
      entry: Object.fromEntries(
        Object.entries(part.entry as Record<string, string>).map(([k, v]) => [k, path.join(ROOT, v)]),
      ),
      config: false,
      dts: declarations ? absoluteDtsEntries(part.dts) : false,
      sourcemap: false,
      silent: true,
      outDir: path.join(out, part.outDir!),
      tsconfig: path.join(ROOT, 'tsconfig.json'),
    });
  }
  cpSync(path.join(ROOT, 'package.json'), path.join(out, 'package.json'));
}

function absoluteDtsEntries(dts: Options['dts']): Options['dts'] {
  if (typeof dts !== 'object' || typeof dts.entry !== 'object' || Array.isArray(dts.entry)) return dts;
  return {
    ...dts,
    entry: Object.fromEntries(Object.entries(dts.entry).map(([k, v]) => [k, path.join(ROOT, v)])),
  };
}

/**
 * A consumer project in `dir`: package.json, and node_modules with a copy of the built package
 * and links to these installed packages (the package's dependencies, test tools).
 */
export function consumerProject(dir: string, pkg: string, deps: readonly string[]): string {
  const target = path.join(dir, 'node_modules/vistarkriya');
  mkdirSync(target, { recursive: true });
  cpSync(pkg, target, { recursive: true });
  for (const dep of deps) {
    const link = path.join(dir, 'node_modules', dep);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', dep), link, 'dir');
  }
  writeFileSync(
    path.join(dir, 'package.json'),
    '{ "name": "consumer", "private": true, "type": "module" }\n',
  );
  return dir;
}
