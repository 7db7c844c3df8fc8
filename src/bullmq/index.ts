/**
 * `vistarkriya/bullmq`: the bulk runner spread over BullMQ workers on Redis, on any number of
 * processes and hosts. `bullmq` (and `ioredis`) are optional peer dependencies: install them to
 * use this entry point. Node only.
 *
 * @example
 * ```ts
 * import { Queue } from 'bullmq';
 * import { VistarkriyaClient } from 'vistarkriya';
 * import { enqueueBulk, runBulkWorker, bulkResults } from 'vistarkriya/bullmq';
 * const connection = { host: '127.0.0.1', port: 6379 };
 * const queue = new Queue('pan-book', { connection });
 * await enqueueBulk(queue, { operation: 'verify.pan', rows });
 * const worker = runBulkWorker({ queueName: 'pan-book', connection, client: new VistarkriyaClient(), concurrency: 8, ratePerSecond: 20 });
 * for await (const r of bulkResults(queue)) console.log(r.index, r.status);
 * await worker.close();
 * ```
 * @module
 */
export {
  enqueueBulk,
  type BulkJobData,
  type EnqueueBulkOptions,
  type EnqueueBulkSummary,
} from './enqueue.js';
export { runBulkWorker, limiterFor, type BulkWorkerOptions } from './worker.js';
export { bulkResults, collectBulkResults, type BulkResultsOptions } from './results.js';
export type { BulkCounts, BulkError, BulkResult, BulkStatus } from '../bulk/types.js';
