#!/usr/bin/env node
// `npm run check:package`: what `npm publish` would ship is right. Run after `npm run build`.
//   1. publint --strict (package.json fields, exports, files);
//   2. attw --pack . (types resolve under node10, node16 ESM/CJS and bundler, no masquerading);
//   3. the tarball holds only dist/, README.md, CHANGELOG.md, LICENSE and package.json, and every
//      file the exports map, main/module/types, typesVersions and bin point at is in it;
//   4. no CommonJS file uses `import()` (Jest runs CommonJS in a VM that refuses it; tsup.config.ts);
//   5. no built file imports `#platform/*` (the build resolves them; the map is not shipped);
//   6. the built User-Agent (ESM and CJS) carries package.json's version;
//   7. the packed-tarball smoke test (scripts/smoke/run.mjs), unless --no-smoke.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const failures = [];

function section(title, fn) {
  process.stdout.write(`check:package: ${title} ... `);
  try {
    const detail = fn();
    console.log(detail ? `ok (${detail})` : 'ok');
  } catch (err) {
    console.log('FAILED');
    console.error(String(err.stdout || '') + String(err.stderr || '') || err.message);
    failures.push(title);
  }
}

async function asyncSection(title, fn) {
  process.stdout.write(`check:package: ${title} ... `);
  try {
    await fn();
    console.log('ok');
  } catch (err) {
    console.log('FAILED');
    console.error(err.message);
    failures.push(title);
  }
}

function exec(cmd, args) {
  return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

if (!existsSync(path.join(root, 'dist/index.js'))) {
  console.error('check:package: dist/ is missing; run `npm run build` first.');
  process.exit(2);
}

section('publint --strict', () => {
  const out = exec(bin('publint'), ['--strict']);
  if (!/All good/.test(out)) throw new Error(out);
});

section('attw --pack .', () => {
  // The JSON documents (`vistarkriya/openapi.json`, `/schemas.json`) are data, reached through
  // `exports` only: node10 resolution, which predates `exports`, cannot see them, and has no types to
  // check in them anyway.
  exec(bin('attw'), ['--pack', '.', '--exclude-entrypoints', './openapi.json', './schemas.json', './web']);
  // `vistarkriya/web` is the Fetch/WebCrypto build, ESM only like every web build (a CommonJS
  // program in Node has the Node build): from CommonJS it is reached with `import()`, which attw
  // reports as cjs-resolves-to-esm. Every other problem still fails.
  exec(bin('attw'), ['--pack', '.', '--entrypoints', './web', '--ignore-rules', 'cjs-resolves-to-esm']);
});

section('tarball contents', () => {
  const [pack] = JSON.parse(exec('npm', ['pack', '--dry-run', '--json']));
  const files = new Set(pack.files.map((f) => f.path));
  const allowed = /^(dist\/.+|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/;
  const stray = [...files].filter((f) => !allowed.test(f));
  if (stray.length) throw new Error(`unexpected files in the tarball: ${stray.join(', ')}`);
  const required = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];
  // Every path package.json points at must be packed.
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin ?? {})];
  const walk = (node) => {
    if (typeof node === 'string') targets.push(node);
    else if (node && typeof node === 'object') for (const v of Object.values(node)) walk(v);
  };
  walk(pkg.exports);
  walk(pkg.typesVersions);
  for (const t of targets) if (t && !t.includes('*')) required.push(t.replace(/^\.\//, ''));
  const missing = [...new Set(required)].filter((f) => !files.has(f));
  if (missing.length) throw new Error(`missing from the tarball: ${missing.join(', ')}`);
  return `${pack.entryCount} files, ${(pack.size / 1024).toFixed(0)} kB packed, ${(pack.unpackedSize / 1024).toFixed(0)} kB unpacked`;
});

section('no import() in CommonJS files (Jest)', () => {
  const dist = path.join(root, 'dist');
  const cjs = readdirSync(dist).filter((f) => f.endsWith('.cjs'));
  const offenders = cjs.filter((f) => /\bimport\(/.test(readFileSync(path.join(dist, f), 'utf8')));
  if (offenders.length) throw new Error(`dynamic import() in ${offenders.join(', ')}`);
  return `${cjs.length} files`;
});

section(
  'dist/ has every #platform import resolved (package.json `imports` maps to src/, not shipped)',
  () => {
    const unresolved = [];
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(c?js|d\.c?ts)$/.test(entry.name) && readFileSync(file, 'utf8').includes('#platform/'))
          unresolved.push(path.relative(root, file));
      }
    };
    walk(path.join(root, 'dist'));
    if (unresolved.length) throw new Error(`still importing #platform/*: ${unresolved.join(', ')}`);
  },
);

await asyncSection('the built User-Agent carries package.json’s version (tsup `define`)', async () => {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const sent = [];
  const transport = {
    send: async (req) => {
      sent.push(req.headers['User-Agent']);
      return { status: 200, headers: {}, body: '{"success":true,"data":{}}' };
    },
    close: async () => {},
  };
  const options = { apiKey: 'k', apiSecret: 's', adminCode: '123456', transport, logLevel: 'off' };
  const esm = await import(pathToFileURL(path.join(root, 'dist/index.js')).href);
  const cjs = createRequire(import.meta.url)(path.join(root, 'dist/index.cjs'));
  for (const sdk of [esm, cjs]) await new sdk.VistarkriyaClient(options).wallet.core.balance();
  const expected = `vistarkriya-node/${version}`;
  if (sent.some((ua) => ua !== expected))
    throw new Error(`User-Agent ${sent.join(', ')}; expected ${expected}`);
});

if (!process.argv.includes('--no-smoke')) {
  section('packed-tarball smoke test (ESM, CJS, tsc node16 + bundler)', () => {
    exec(process.execPath, [path.join(root, 'scripts/smoke/run.mjs')]);
  });
}

if (failures.length) {
  console.error(`\ncheck:package: ${failures.length} check(s) failed: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('\ncheck:package: all good');
