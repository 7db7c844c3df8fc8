// A bulk worker in its own process, for the kill test: `node --import tsx test/redis/worker-process.ts`.
// Env: REDIS_PORT, QUEUE, CONCURRENCY, and the sandbox's VISTARKRIYA_* variables. Prints "ready".
import { runBulkWorker } from '../../src/bullmq/index.js';
import { VistarkriyaClient } from '../../src/index.js';

const client = new VistarkriyaClient();
const worker = runBulkWorker({
  queueName: process.env.QUEUE!,
  connection: { host: '127.0.0.1', port: Number(process.env.REDIS_PORT) },
  client,
  concurrency: Number(process.env.CONCURRENCY ?? 4),
  // A killed worker's jobs are found stalled within a few seconds instead of the default 30-60 s.
  workerOptions: { lockDuration: 2000, stalledInterval: 1000 },
});
await worker.waitUntilReady();
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await worker.close();
  await client.close();
  process.exit(0);
});
