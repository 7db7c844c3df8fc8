// Bulk benchmarks (`npm run bench`, section "bulk"; BENCH_ONLY=bulk for just this):
//   1. rows/s against concurrency: runBulk (built dist/bulk.js) through verify.pan against the
//      sandbox (dist/sandbox.js) in a separate process;
//   2. the runner's overhead: runBulk against a bare loop of the same client calls at the same
//      concurrency (goal: ≥ 0.9x), with and without a checkpoint, in rows/s and client CPU per row;
//   3. 1M rows in bounded memory (bench/bulk-heap.ts, its own process).
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type SDK = typeof import('../src/index.js');
type Bulk = typeof import('../src/bulk/index.js');
const sdk = (await import(new URL('../dist/index.js', import.meta.url).href)) as SDK;
const bulk = (await import(new URL('../dist/bulk.js', import.meta.url).href)) as Bulk;

export const BULK_TARGET = 0.9;
const ROWS = Number(process.env.BENCH_BULK_ROWS ?? 4000);
const ROUNDS = Number(process.env.BENCH_BULK_ROUNDS ?? 5);

export interface BulkBenchHooks {
  table(head: string[], rows: string[][]): void;
  verdict(ok: boolean, text: string): void;
  fmtInt(n: number): string;
}

/** 10 000 distinct valid, non-magic PANs; each measurement takes a fresh slice. */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let next = 0;
function rows(n: number): Array<{ pan: string }> {
  return Array.from({ length: n }, () => {
    const i = next++;
    return {
      pan: `BBBP${LETTERS[Math.floor(i / 260_000) % 26]}${String(Math.floor(i / 26) % 10_000).padStart(4, '0')}${LETTERS[i % 26]}`,
    };
  });
}

async function startSandbox(): Promise<{ clientOptions: Record<string, string>; child: ChildProcess }> {
  const child = fork(fileURLToPath(new URL('./sandbox-server.mjs', import.meta.url)), [], {
    stdio: 'inherit',
  });
  const { clientOptions } = await new Promise<{ clientOptions: Record<string, string> }>(
    (resolve, reject) => {
      child.once('message', (m) => resolve(m as { clientOptions: Record<string, string> }));
      child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    },
  );
  return { clientOptions, child };
}

type Runner = (
  client: InstanceType<SDK['VistarkriyaClient']>,
  input: Array<{ pan: string }>,
  concurrency: number,
) => Promise<void>;

/** The loop every integrator writes: `concurrency` workers sharing one iterator of rows. */
const bareLoop: Runner = async (client, input, concurrency) => {
  const it = input[Symbol.iterator]();
  const worker = async () => {
    for (let r = it.next(); !r.done; r = it.next()) await client.verify.pan(r.value).catch(() => undefined);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
};

const viaRunBulk =
  (checkpointDir?: string): Runner =>
  async (client, input, concurrency) => {
    const checkpoint = checkpointDir ? path.join(checkpointDir, `ckpt-${next}.jsonl`) : undefined;
    for await (const r of bulk.runBulk({
      client,
      operation: 'verify.pan',
      rows: input,
      concurrency,
      checkpoint,
    }))
      if (r.status !== 'ok') throw new Error(`bench row ${r.index} ended ${r.status}: ${r.error?.message}`);
  };

interface Measure {
  rps: number;
  /** This process's CPU time per row, in µs: steadier than rows/s on a busy machine. */
  cpuUs: number;
}

async function measure(
  run: Runner,
  client: InstanceType<SDK['VistarkriyaClient']>,
  concurrency: number,
): Promise<Measure> {
  const input = rows(ROWS);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run(client, input, concurrency);
  const cpu = process.cpuUsage(cpu0);
  return { rps: (ROWS / (performance.now() - t0)) * 1000, cpuUs: (cpu.user + cpu.system) / ROWS };
}

export async function bulkBench(hooks: BulkBenchHooks): Promise<void> {
  const { clientOptions, child } = await startSandbox();
  const dir = mkdtempSync(path.join(tmpdir(), 'vk-bulk-bench-'));
  const client = new sdk.VistarkriyaClient(clientOptions);
  try {
    const cases: Array<[string, Runner]> = [
      ['bare loop of vk.verify.pan()', bareLoop],
      ['runBulk', viaRunBulk()],
      ['runBulk + checkpoint', viaRunBulk(dir)],
    ];
    const concurrencies = [1, 8, 32, 64];
    await measure(bareLoop, client, 8); // warm-up: connections, JIT, the lazily loaded schemas
    await measure(viaRunBulk(dir), client, 8);
    // Every round measures each case once per concurrency; odd rounds run the cases in reverse,
    // so no case always follows the same one. Ratios are per round (a case against the bare loop
    // measured next to it), then the median and the spread are shown.
    const runs = new Map<string, Measure[]>();
    for (let round = 0; round < ROUNDS; round++)
      for (const c of concurrencies)
        for (const [name, run] of round % 2 ? [...cases].reverse() : cases) {
          const id = `${name}@${c}`;
          runs.set(id, [...(runs.get(id) ?? []), await measure(run, client, c)]);
        }
    console.log(
      `\n## Bulk: verify.pan rows/s against the sandbox (separate process), ${hooks.fmtInt(ROWS)} rows per run, medians of ${ROUNDS} interleaved rounds [lowest–highest ratio]\n`,
    );
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
    const at = (i: number, c: number) => runs.get(`${cases[i]![0]}@${c}`)!;
    const ratios = (i: number, c: number) => at(i, c).map((m, r) => m.rps / at(0, c)[r]!.rps);
    const spread = (xs: number[]) =>
      `${median(xs).toFixed(2)}x [${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}]`;
    hooks.table(
      ['concurrency', ...cases.map(([n]) => n), 'runBulk vs bare', '+ checkpoint vs bare'],
      concurrencies.map((c) => [
        String(c),
        ...[0, 1, 2].map((i) => hooks.fmtInt(median(at(i, c).map((m) => m.rps)))),
        spread(ratios(1, c)),
        spread(ratios(2, c)),
      ]),
    );
    console.log('\nClient CPU per row (this process; the sandbox runs in another), medians:\n');
    hooks.table(
      ['concurrency', ...cases.map(([n]) => n), 'runBulk extra', '+ checkpoint extra'],
      concurrencies.map((c) => {
        const [bare, plain, ckpt] = [0, 1, 2].map((i) => median(at(i, c).map((m) => m.cpuUs))) as [
          number,
          number,
          number,
        ];
        const us = (v: number) => `${v.toFixed(1)} µs`;
        return [String(c), us(bare), us(plain), us(ckpt), us(plain - bare), us(ckpt - bare)];
      }),
    );
    for (const c of [8, 32]) {
      const ratio = median(ratios(2, c));
      hooks.verdict(
        ratio >= BULK_TARGET,
        `runBulk + checkpoint at c=${c} ≥ ${BULK_TARGET}x a bare loop (median ${ratio.toFixed(2)}x)`,
      );
    }
  } finally {
    await client.close();
    child.send('stop');
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    '\n## Bulk: 1,000,000 rows through runBulk with a checkpoint, in-process API (bench/bulk-heap.ts)\n',
  );
  const out = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/bulk-heap.ts', '--json'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (out.status !== 0) throw new Error(`bench/bulk-heap.ts failed: ${out.stderr}`);
  const r = JSON.parse(out.stdout) as {
    rows: number;
    seconds: number;
    heap: Array<[number, number]>;
    checkpointMb: number;
  };
  hooks.table(
    [
      'rows',
      'time',
      'rows/s',
      ...r.heap.map(([n]) => `heap+buffers at ${hooks.fmtInt(n)}`),
      'checkpoint file',
    ],
    [
      [
        hooks.fmtInt(r.rows),
        `${r.seconds.toFixed(1)} s`,
        hooks.fmtInt(r.rows / r.seconds),
        ...r.heap.map(([, mb]) => `${mb.toFixed(1)} MB`),
        `${r.checkpointMb.toFixed(0)} MB`,
      ],
    ],
  );
  const [first, last] = [r.heap[0]![1], r.heap.at(-1)![1]];
  // Growth allowed: the key and row tables (~50 bytes per distinct row), nothing per result.
  const allowed = ((r.rows - r.heap[0]![0]) * 64) / 1e6;
  hooks.verdict(
    last - first <= allowed,
    `1M rows: memory grows only by the key tables (${(last - first).toFixed(1)} MB ≤ ${allowed.toFixed(0)} MB)`,
  );
}
