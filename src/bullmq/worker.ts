// The BullMQ worker: runs bulk jobs with the same outcome rules as runBulk, BullMQ's global
// limiter as the rate budget shared by every worker on every host, and a 429 that rate-limits the
// whole queue. A billable job is never run twice: once it has stalled (its worker died or lost
// its lock mid-call), it ends `unknown` instead of being sent again.
import { setMaxListeners } from 'node:events';
import { type ConnectionOptions, DelayedError, type Job, Worker, type WorkerOptions } from 'bullmq';
import { type BulkOperation, loadBulkOperation } from '../bulk/operations.js';
import { checkBulkOptions, checkRatePerSecond } from '../bulk/options.js';
import {
  type FailureVerdict,
  interruptedError,
  judgeFailure,
  retryPauseMs,
  toBulkError,
} from '../bulk/outcome.js';
import { delay, rateLimitPauseMs } from '../bulk/rate.js';
import type { BulkResult } from '../bulk/types.js';
import { ConfigurationError } from '../core/errors.js';
import type { BulkJobData } from './enqueue.js';

/** Options of {@link runBulkWorker}. */
export interface BulkWorkerOptions {
  queueName: string;
  /** Redis connection options (or a client), as for any BullMQ worker. */
  connection: ConnectionOptions;
  /** A `VistarkriyaClient` for platform operations, a `Veri5Client` for `veri5.*`. */
  client: object;
  /** Jobs this worker runs at once. Default 8. */
  concurrency?: number;
  /** Rows per second across ALL workers of the queue (BullMQ's global limiter). Give every worker the same value. */
  ratePerSecond?: number;
  /**
   * Re-sends of a job after a failure the server provably did not act on (429, nothing sent).
   * Default 5. A worker closed during a job's backoff hands the count on with the job.
   */
  retries?: number;
  /** Deadline per call, in ms. Default: the client's. */
  timeout?: number;
  /** Any other BullMQ worker options (`lockDuration`, `stalledInterval`, `autorun`, ...). */
  workerOptions?: Omit<WorkerOptions, 'connection' | 'concurrency' | 'limiter'>;
}

const NO_LIMIT = { max: 1_000_000_000, duration: 1000 };

/** BullMQ's limiter is "max jobs per duration ms": 2.5/s becomes 5 per 2 s, 0.5/s 1 per 2 s. */
export function limiterFor(ratePerSecond: number): { max: number; duration: number } {
  checkRatePerSecond(ratePerSecond, 'limiterFor: ');
  for (const seconds of [1, 2, 4, 5, 10]) {
    const max = ratePerSecond * seconds;
    if (Number.isInteger(max)) return { max, duration: seconds * 1000 };
  }
  return ratePerSecond >= 1
    ? { max: Math.round(ratePerSecond * 10), duration: 10_000 }
    : { max: 1, duration: Math.round(1000 / ratePerSecond) };
}

/**
 * Starts a BullMQ `Worker` for jobs added by `enqueueBulk`. Every job completes with its
 * `BulkResult` as return value (`ok`, `invalid`, `failed` or `unknown`); BullMQ never retries one.
 * Bad options are a `ConfigurationError` before any connection is made. `worker.close()` cuts a
 * retry backoff short: that job was not sent again, and goes back to the queue for a later worker.
 */
export function runBulkWorker(options: BulkWorkerOptions): Worker<BulkJobData, BulkResult> {
  if (typeof options?.queueName !== 'string' || options.queueName === '')
    throw new ConfigurationError('runBulkWorker: `queueName` must be a non-empty string.');
  const { concurrency, retries, callOptions } = checkBulkOptions(options, 'runBulkWorker');
  // BullMQ honours `rateLimit()` only on a worker with a limiter: without a rate, one that never binds.
  const limiter = options.ratePerSecond !== undefined ? limiterFor(options.ratePerSecond) : NO_LIMIT;
  // Aborts when `close()` begins (BullMQ's 'closing' event): every job in a retry backoff listens.
  const closing = new AbortController();
  setMaxListeners(0, closing.signal);
  const operations = new Map<string, Promise<BulkOperation>>();
  const operation = (id: string) => {
    let op = operations.get(id);
    if (!op) {
      op = loadBulkOperation(id).then((loaded) => {
        loaded.assertClient(options.client);
        return loaded;
      });
      operations.set(id, op);
    }
    return op;
  };

  const worker: Worker<BulkJobData, BulkResult> = new Worker<BulkJobData, BulkResult>(
    options.queueName,
    async (job: Job<BulkJobData, BulkResult>, token?: string): Promise<BulkResult> => {
      const { index, input, invalid } = job.data;
      const key = job.id!;
      if (invalid) return { index, key, status: 'invalid', error: invalid };
      let op: BulkOperation;
      try {
        op = await operation(job.data.operation);
      } catch (err) {
        // An unknown operation, or the wrong client for it: nothing was sent.
        return { index, key, status: 'failed', error: toBulkError(err) };
      }
      // BullMQ moves a job whose worker stopped renewing its lock back to `wait` and counts it in
      // `stalledCounter`. Whether that worker had sent the call is unknown: never send it again.
      if (job.stalledCounter > 0 && op.retry === 'billable')
        return { index, key, status: 'unknown', error: interruptedError('A worker') };
      for (let attempt = job.data.retriesUsed ?? 0; ; attempt++) {
        let verdict: FailureVerdict;
        try {
          return { index, key, status: 'ok', result: await op.run(options.client, input, callOptions) };
        } catch (err) {
          verdict = judgeFailure(err);
        }
        if (verdict.kind === 'final') return { index, key, status: verdict.status, error: verdict.error };
        // A closed client, like the wrong one: nothing was sent.
        if (verdict.kind === 'closed') return { index, key, status: 'failed', error: verdict.error };
        if (verdict.kind === 'rate-limited') {
          // `attemptsStarted` counts every start, those after a rate limit included.
          if (job.attemptsStarted > retries) return { index, key, status: 'failed', error: verdict.error };
          const ms = rateLimitPauseMs(verdict.retryAfterMs, job.attemptsStarted);
          // The whole queue waits, on every worker; this job goes back to `wait` (no attempt used).
          await worker.rateLimit(ms);
          throw Worker.RateLimitError();
        }
        if (attempt >= retries) return { index, key, status: 'failed', error: verdict.error };
        const pauseMs = retryPauseMs(verdict, attempt);
        const resumeAt = Date.now() + pauseMs;
        try {
          await delay(pauseMs, closing.signal);
        } catch {
          // The worker is closing, and this row was not sent again: it has no outcome yet, as a
          // row runBulk abandons when stopped. Not `failed` (final: enqueuing it again adds
          // nothing) and not a thrown error (BullMQ would fail the job, which bulkResults reports
          // `unknown` for a billable row, though it provably was not sent): it goes back to the
          // queue's delayed set for the rest of its backoff, without using an attempt
          // (`moveToDelayed` + `DelayedError`, BullMQ docs "Process Step Jobs", "Delaying"), and the
          // next worker sends it, as re-send `attempt + 1`. Should Redis refuse these writes (a
          // forced close), the job stalls instead and ends `unknown` if billable: never sent twice.
          await job.updateData({ ...job.data, retriesUsed: attempt + 1 });
          await job.moveToDelayed(resumeAt, token);
          throw new DelayedError();
        }
      }
    },
    {
      maxStalledCount: 1,
      ...options.workerOptions,
      connection: options.connection,
      concurrency,
      limiter,
    },
  );
  worker.once('closing', () => closing.abort());
  return worker;
}
