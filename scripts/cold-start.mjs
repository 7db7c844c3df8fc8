#!/usr/bin/env node
// Cold start: how long loading the built package adds to a bare `node` process.
// Spawns node N times per command (interleaved, so drift hits every command alike) and
// compares medians: `require('./dist/index.cjs')` vs `node -e ""`, and the ESM import vs an
// empty ESM eval. Peers (undici, stripe, openai) are measured the same way, for context.
//   node scripts/cold-start.mjs [--runs 20] [--json] [--check]   (--check: exit 1 over 25 ms)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 25;
const JSON_OUT = args.includes('--json');
const CHECK = args.includes('--check');
const TARGET_MS = 25;

if (!existsSync(path.join(root, 'dist/index.cjs'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(2);
}

const cjs = (code) => ['-e', code];
const esm = (code) => ['--input-type=module', '-e', code];
// Each load also times itself in-process (printed to stdout): steadier than the difference of
// two process wall times on a busy machine, which is what the target is defined on.
const timedRequire = (id) =>
  cjs(
    `const t=performance.now();require(${JSON.stringify(id)});process.stdout.write(String(performance.now()-t))`,
  );
const timedImport = (id) =>
  esm(
    `const t=performance.now();await import(${JSON.stringify(id)});process.stdout.write(String(performance.now()-t))`,
  );
const commands = [
  { name: 'bare node', args: cjs(''), base: null },
  { name: 'bare node (ESM eval)', args: esm(''), base: null },
  {
    name: "vistarkriya: require('./dist/index.cjs')",
    args: timedRequire('./dist/index.cjs'),
    base: 'bare node',
  },
  {
    name: "vistarkriya: import('./dist/index.js')",
    args: timedImport('./dist/index.js'),
    base: 'bare node (ESM eval)',
  },
  { name: "peer: require('undici')", args: timedRequire('undici'), base: 'bare node' },
  { name: "peer: require('stripe')", args: timedRequire('stripe'), base: 'bare node' },
  { name: "peer: require('openai')", args: timedRequire('openai'), base: 'bare node' },
];

const samples = new Map(commands.map((c) => [c.name, []]));
const inProcess = new Map(commands.map((c) => [c.name, []]));
const env = { ...process.env, NODE_OPTIONS: '' };
for (let i = 0; i < RUNS + 2; i++) {
  for (const c of commands) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, c.args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) {
      console.error(`${c.name} failed:\n${r.stderr}`);
      process.exit(2);
    }
    if (i >= 2) {
      // the first two rounds warm the file cache
      samples.get(c.name).push(ms);
      if (c.base) inProcess.get(c.name).push(Number(r.stdout.toString()));
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const medians = new Map([...samples].map(([name, xs]) => [name, median(xs)]));
const rows = commands.map((c) => ({
  name: c.name,
  medianMs: medians.get(c.name),
  overBareMs: c.base ? medians.get(c.name) - medians.get(c.base) : 0,
  inProcessMs: c.base ? median(inProcess.get(c.name)) : 0,
}));
const ours = rows.filter((r) => r.name.startsWith('vistarkriya'));
const ok = ours.every((r) => r.overBareMs <= TARGET_MS);

if (JSON_OUT) {
  console.log(JSON.stringify({ runs: RUNS, targetMs: TARGET_MS, ok, rows }));
} else {
  console.log(`cold start, median of ${RUNS} runs each (node ${process.version})\n`);
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    const over = r.inProcessMs
      ? `  +${r.overBareMs.toFixed(1)} ms over bare (in-process load ${r.inProcessMs.toFixed(1)} ms)`
      : '';
    console.log(`${r.name.padEnd(w)}  ${r.medianMs.toFixed(1).padStart(6)} ms${over}`);
  }
  console.log(`\ntarget: vistarkriya ≤ ${TARGET_MS} ms over bare node: ${ok ? 'PASS' : 'MISS'}`);
}
if (CHECK && !ok) process.exit(1);
