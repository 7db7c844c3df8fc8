// `vistarkriya/testing` as a consumer meets it: the package built from this source (tsup, the Node
// build, into a temporary node_modules/vistarkriya) in a fresh project outside the repository, run
// by plain `node` processes. ESM: setupServer(...sandboxHandlers()) serves a client created with
// default options. CommonJS: the Jest recipe (examples/testing/jest.test.cjs), unchanged, under
// Node's test runner with Jest's global names (Jest itself is not a dependency here). And without
// msw installed, `vistarkriya` still loads: msw is an optional peer, never a dependency.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../tsup.config.js';
import { ROOT } from './browser/bundle.js';
import { runNode } from './helpers/run-node.js';

let work: string;

/** A project dir whose node_modules has the built package and links to these installed packages. */
function project(name: string, deps: string[]): string {
  const dir = path.join(work, name);
  const pkgDir = path.join(dir, 'node_modules/vistarkriya');
  mkdirSync(pkgDir, { recursive: true });
  cpSync(path.join(work, 'built'), pkgDir, { recursive: true });
  for (const dep of deps) {
    const link = path.join(dir, 'node_modules', dep);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', dep), link, 'dir');
  }
  writeFileSync(path.join(dir, 'package.json'), '{ "name": "consumer", "private": true }\n');
  return dir;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'vk-consumer-'));
  const nodeBuild = (Array.isArray(config) ? config[0] : config) as Parameters<typeof build>[0];
  await build({
    ...nodeBuild,
    entry: Object.fromEntries(
      Object.entries(nodeBuild.entry as Record<string, string>).map(([k, v]) => [k, path.join(ROOT, v)]),
    ),
    config: false,
    dts: false,
    sourcemap: false,
    silent: true,
    outDir: path.join(work, 'built/dist'),
    tsconfig: path.join(ROOT, 'tsconfig.json'),
  });
  cpSync(path.join(ROOT, 'package.json'), path.join(work, 'built/package.json'));
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// A base URL from the environment would send the default client elsewhere than msw's handlers.
const run = async (cwd: string, args: string[]) => {
  const out = await runNode(args, { VISTARKRIYA_BASE_URL: '', VERI5_BASE_URL: '' }, cwd);
  return { ...out, output: out.stdout + out.stderr };
};

describe('a fresh consumer project with the built package', () => {
  it('ESM: setupServer(...sandboxHandlers()) serves a client with default options; a wrong secret is SignatureMismatchError', async () => {
    const dir = project('esm', ['msw', 'undici', 'zod']);
    writeFileSync(
      path.join(dir, 'main.mjs'),
      `import { setupServer } from 'msw/node';
import { SignatureMismatchError, VistarkriyaClient } from 'vistarkriya';
import { MAGIC, SANDBOX_CREDENTIALS, sandboxHandlers } from 'vistarkriya/testing';
const server = setupServer(...sandboxHandlers());
server.listen({ onUnhandledRequest: 'error' });
const vk = new VistarkriyaClient(SANDBOX_CREDENTIALS);
const wrong = new VistarkriyaClient({ ...SANDBOX_CREDENTIALS, apiSecret: 'nope' });
const out = {
  resolved: import.meta.resolve('vistarkriya/testing'),
  valid: (await vk.verify.pan({ pan: MAGIC.pan.valid })).status,
  mismatch: (await vk.verify.pan({ pan: MAGIC.pan.name_mismatch, name: 'Ravi Kumar' })).status,
  wrong: await wrong.wallet.core.balance().then(() => 'no error', (e) => e instanceof SignatureMismatchError),
};
await vk.close(); await wrong.close(); server.close();
console.log(JSON.stringify(out));
`,
    );
    const { code, output } = await run(dir, ['main.mjs']);
    expect(code, output).toBe(0);
    const out = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(out).toEqual({
      resolved: expect.stringContaining(`${path.basename(dir)}/node_modules/vistarkriya/dist/testing.js`),
      valid: 'VALID',
      mismatch: 'NAME_MISMATCH',
      wrong: true,
    });
  });

  it('CommonJS: the Jest recipe passes, requiring the dist/*.cjs files', async () => {
    const dir = project('cjs', ['msw', 'undici', 'zod', 'chai', '@vitest/expect']);
    cpSync(path.join(ROOT, 'examples/testing/jest.test.cjs'), path.join(dir, 'jest.test.cjs'));
    // Jest's globals by their Jest names: lifecycle from node:test, `expect` Vitest's Jest-compatible one.
    writeFileSync(
      path.join(dir, 'jest-globals.cjs'),
      `const t = require('node:test');
const chai = require('chai');
const { JestAsymmetricMatchers, JestChaiExpect, JestExtend } = require('@vitest/expect');
chai.use(JestExtend); chai.use(JestChaiExpect); chai.use(JestAsymmetricMatchers);
Object.assign(globalThis, { describe: t.describe, test: t.test, it: t.it, beforeAll: t.before,
  afterAll: t.after, beforeEach: t.beforeEach, afterEach: t.afterEach, expect: chai.expect });
// Every module the recipe loads comes from this project's node_modules/vistarkriya/dist, as CommonJS.
process.on('exit', () => {
  const ours = Object.keys(require.cache).filter((f) => f.includes('node_modules/vistarkriya/dist/'));
  console.log('loaded:' + JSON.stringify(ours.map((f) => f.slice(f.indexOf('dist/')))));
});
`,
    );
    const { code, output } = await run(dir, ['--test-reporter=tap', '--require', './jest-globals.cjs', 'jest.test.cjs']);
    expect(code, output).toBe(0);
    expect(output).toMatch(/# pass 3\b/);
    expect(output).toMatch(/# fail 0\b/);
    const loaded = JSON.parse(/loaded:(.*)/.exec(output)![1]!) as string[];
    expect(loaded).toEqual(expect.arrayContaining(['dist/index.cjs', 'dist/testing.cjs']));
    expect(loaded.every((f) => f.endsWith('.cjs'))).toBe(true);
  });

  it('the CommonJS files never use import(): Jest runs them in a VM that refuses it', () => {
    const dist = path.join(work, 'built/dist');
    const cjs = readdirSync(dist).filter((f) => f.endsWith('.cjs'));
    expect(cjs.length).toBeGreaterThan(5);
    for (const file of cjs)
      expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toMatch(/\bimport\(/);
    // The lazy loads are still there, as require() on first use.
    expect(
      cjs.some((f) =>
        readFileSync(path.join(dist, f), 'utf8').includes(`Promise.resolve().then(() => require("undici"))`),
      ),
    ).toBe(true);
  });

  it('without msw installed, vistarkriya loads (ESM and CommonJS); only vistarkriya/testing asks for msw', async () => {
    const dir = project('no-msw', ['undici', 'zod']);
    writeFileSync(
      path.join(dir, 'main.cjs'),
      `const { VistarkriyaClient } = require('vistarkriya');
const sandbox = require('vistarkriya/sandbox');
let testing;
try { require('vistarkriya/testing'); testing = 'loaded'; } catch (e) { testing = e.code + ' ' + e.message.split('\\n')[0]; }
import('vistarkriya').then((esm) => {
  console.log(JSON.stringify({ cjs: typeof VistarkriyaClient, esm: typeof esm.VistarkriyaClient,
    sandbox: typeof sandbox.createSandbox, testing }));
});
`,
    );
    const { code, output } = await run(dir, ['main.cjs']);
    expect(code, output).toBe(0);
    const out = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(out).toMatchObject({ cjs: 'function', esm: 'function', sandbox: 'function' });
    expect(out.testing).toMatch(/^MODULE_NOT_FOUND Cannot find module 'msw'/);
  });
});
