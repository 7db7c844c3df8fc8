// Heap over 100 000 calls: is anything retained per call (listeners, timers, caches)?
// Runs the built client against bench/server.mjs (separate process) at concurrency 32 and
// compares heapUsed after a full GC at 10 000 and at 100 000 calls.
//   node --expose-gc --import tsx bench/heap.ts [--json]
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type SDK = typeof import('../src/index.js');
const sdk = (await import(new URL('../dist/index.js', import.meta.url).href)) as SDK;

const CALLS = 100_000;
const CHECKPOINT = 10_000;
const CONCURRENCY = 32;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const heapAfterGc = () => {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

const child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [], { stdio: 'inherit' });
const url = await new Promise<string>((resolve, reject) => {
  child.once('message', (m: { url: string }) => resolve(m.url));
  child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});

try {
  const vk = new sdk.VistarkriyaClient({
    apiKey: 'vk_bench_key',
    apiSecret: 'bench_secret',
    adminCode: '123456',
    baseURL: url,
  });
  const ns = vk as unknown as { wallet?: { core?: { balance?: () => Promise<unknown> } } };
  const call =
    typeof ns.wallet?.core?.balance === 'function'
      ? () => ns.wallet!.core!.balance!()
      : () => vk.request({ method: 'GET', path: '/api/v1/wallet/core/balance' });

  let issued = 0;
  let done = 0;
  let at10k = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < CALLS) {
      issued++;
      await call();
      done++;
      // Measured by whichever worker crosses the checkpoint; the others keep their calls in flight.
      if (done === CHECKPOINT) at10k = heapAfterGc();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const at100k = heapAfterGc();
  await vk.close();
  const result = { calls: done, at10kMb: at10k, at100kMb: at100k, growthMb: at100k - at10k, seconds };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log(
      `${done} calls in ${seconds.toFixed(1)} s; heapUsed after GC: ${at10k.toFixed(2)} MB at 10k, ${at100k.toFixed(2)} MB at 100k (growth ${(at100k - at10k).toFixed(2)} MB)`,
    );
  }
} finally {
  child.send('stop');
  child.disconnect();
}
