// 1M rows through runBulk (built dist/bulk.js) with a checkpoint, to show that memory stays
// bounded: rows are generated lazily, results consumed as they come, and the heap (plus typed-array
// buffers) is sampled after a full GC along the way. The API is in-process (the client's `fetch`
// option answers at once), so this measures the SDK and the runner, not a network.
// `node --expose-gc --import tsx bench/bulk-heap.ts [--json]`; BENCH_BULK_HEAP_ROWS (default 1,000,000).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type SDK = typeof import('../src/index.js');
type Bulk = typeof import('../src/bulk/index.js');
const sdk = (await import(new URL('../dist/index.js', import.meta.url).href)) as SDK;
const bulk = (await import(new URL('../dist/bulk.js', import.meta.url).href)) as Bulk;

const ROWS = Number(process.env.BENCH_BULK_HEAP_ROWS ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const ANSWER = JSON.stringify({ success: true, data: { verification_id: 'V1', status: 'VALID' } });
const client = new sdk.VistarkriyaClient({
  apiKey: 'vk_bench',
  apiSecret: 'bench_secret',
  adminCode: '123456',
  baseURL: 'http://127.0.0.1:9',
  fetch: async () => new Response(ANSWER, { status: 200, headers: { 'content-type': 'application/json' } }),
});

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function* rows() {
  for (let i = 0; i < ROWS; i++)
    yield {
      pan: `CCCP${LETTERS[Math.floor(i / 260_000) % 26]}${String(Math.floor(i / 26) % 10_000).padStart(4, '0')}${LETTERS[i % 26]}`,
    };
}

const mb = () => {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
};
const samples = new Set([Math.min(100_000, ROWS), Math.round(ROWS / 2), ROWS]);
const heap: Array<[number, number]> = [];
const dir = mkdtempSync(path.join(tmpdir(), 'vk-bulk-heap-'));
const checkpoint = path.join(dir, 'checkpoint.jsonl');
const t0 = performance.now();
let n = 0;
for await (const r of bulk.runBulk({
  client,
  operation: 'verify.pan',
  rows: rows(),
  concurrency: 32,
  checkpoint,
})) {
  if (r.status !== 'ok') throw new Error(`row ${r.index}: ${r.status}`);
  if (samples.has(++n)) heap.push([n, mb()]);
}
const seconds = (performance.now() - t0) / 1000;
const checkpointMb = statSync(checkpoint).size / 1e6;
rmSync(dir, { recursive: true, force: true });
await client.close();
const result = { rows: n, seconds, heap, checkpointMb };
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else console.log(result);
