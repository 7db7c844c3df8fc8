// Rows in, BullMQ jobs out: each row is validated and normalised where it is enqueued (an
// invalid row is recorded, never sent) and becomes one job whose id is its row key, so enqueuing
// the same book twice adds nothing the second time.
import type { Queue } from 'bullmq';
import { rowKeyWithBytes } from '../bulk/key.js';
import { loadBulkOperation } from '../bulk/operations.js';
import { toBulkError } from '../bulk/outcome.js';
import { KeyIndex } from '../bulk/tables.js';
import type { BulkError } from '../bulk/types.js';

/** The data of one bulk job. */
export interface BulkJobData {
  operation: string;
  /** 0-based position of the row in its input. */
  index: number;
  /** The normalised input (absent for an invalid row: its raw values are not stored). */
  input?: unknown;
  /** Why the row was rejected, for an invalid row. */
  invalid?: BulkError;
  /**
   * Re-sends already spent, set by a worker that closed during this job's retry backoff: the next
   * worker goes on from there (same `retries` budget, same backoff), not from the first send.
   */
  retriesUsed?: number;
}

/** Options of {@link enqueueBulk}. */
export interface EnqueueBulkOptions<Row = unknown> {
  /** An operation id (`verify.pan`, ...) or a Veri5 method (`veri5.verifyPan`, ...). */
  operation: string;
  rows: Iterable<Row> | AsyncIterable<Row>;
  /** Jobs per `addBulk` call. Default 500. */
  batchSize?: number;
}

/** What {@link enqueueBulk} did. */
export interface EnqueueBulkSummary {
  /** Rows read. */
  rows: number;
  /** Jobs handed to BullMQ (a job already in the queue under the same key is left as it is). */
  jobs: number;
  /** Rows that repeated an earlier row of this input (no job of their own). */
  duplicates: number;
  /** Of `jobs`, rows rejected by validation: they end `invalid` without being sent. */
  invalid: number;
}

/**
 * Adds one job per distinct row to `queue`, with `jobId` = the row key (a hash of the operation
 * and the normalised input). Jobs are never retried by BullMQ (`attempts: 1`) and stay in the
 * queue when finished: they are the record `bulkResults` reads, and what makes a second
 * `enqueueBulk` of the same rows a no-op.
 */
export async function enqueueBulk<Row>(
  queue: Queue,
  options: EnqueueBulkOptions<Row>,
): Promise<EnqueueBulkSummary> {
  const op = await loadBulkOperation(options.operation);
  const batchSize = options.batchSize ?? 500;
  const seen = new KeyIndex();
  const summary: EnqueueBulkSummary = { rows: 0, jobs: 0, duplicates: 0, invalid: 0 };
  let batch: Parameters<Queue['addBulk']>[0] = [];
  const flush = async () => {
    if (batch.length > 0) await queue.addBulk(batch);
    batch = [];
  };
  for await (const row of options.rows) {
    const index = summary.rows++;
    let key: string;
    let bytes: Uint8Array;
    let data: BulkJobData;
    try {
      const input = op.normalize(row);
      ({ key, bytes } = rowKeyWithBytes(op.id, input));
      data = { operation: op.id, index, input };
    } catch (err) {
      ({ key, bytes } = rowKeyWithBytes(op.id, row ?? null));
      data = { operation: op.id, index, invalid: toBulkError(err) };
    }
    if (seen.find(bytes) >= 0) {
      summary.duplicates++;
      continue;
    }
    seen.set(bytes, 1, index);
    if (data.invalid) summary.invalid++;
    summary.jobs++;
    batch.push({
      name: op.id,
      data,
      opts: { jobId: key, attempts: 1, removeOnComplete: false, removeOnFail: false },
    });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}
