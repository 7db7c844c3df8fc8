#!/usr/bin/env node
// prepack / postpack: the package.json that `npm pack` and `npm publish` ship has no install-time
// script. `prepare` builds dist/ where npm runs it: this repository's own `npm ci`, and an install from
// a git URL (npm clones, installs the dev dependencies and runs `prepare`). npm never runs it for an
// install from the registry or a tarball, yet npm 11 lists every package whose package.json has one
// under "install-scripts not yet covered by allowScripts". The `imports` map goes too: it maps
// `#platform/*` to files in src/, which is not shipped (dist/ has every one of them resolved).
// So, the way `pinst` does it for husky:
//   node scripts/pack-manifest.mjs strip     (prepack)  sets package.json aside, writes it without them
//   node scripts/pack-manifest.mjs restore   (postpack) puts the original back, byte for byte
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const INSTALL_SCRIPTS = [
  'preinstall',
  'install',
  'postinstall',
  'preprepare',
  'prepare',
  'postprepare',
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = path.join(root, 'package.json');
const aside = path.join(root, 'node_modules/.cache/vistarkriya-pack/package.json');

function restore() {
  if (existsSync(aside)) renameSync(aside, manifest);
}

function strip() {
  restore(); // a pack that failed before postpack left it aside
  const original = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(original);
  for (const name of INSTALL_SCRIPTS) delete pkg.scripts?.[name];
  delete pkg.imports;
  mkdirSync(path.dirname(aside), { recursive: true });
  writeFileSync(aside, original);
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  if (mode === 'strip') strip();
  else if (mode === 'restore') restore();
  else {
    console.error('usage: node scripts/pack-manifest.mjs strip|restore');
    process.exit(2);
  }
}
