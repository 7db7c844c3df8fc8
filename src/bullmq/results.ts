// The outcomes of a queue's bulk jobs, each yielded once, ending when no job is left to run.
// Finished jobs are read from BullMQ's completed and failed sets in finishing order; a window
// behind the read position is read again (finishing times come from each worker's clock), and a
// final full pass catches anything that slipped through, so nothing is missed or repeated.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Job, Queue } from 'bullmq';
import { keyBytes } from '../bulk/key.js';
import { loadBulkOperation } from '../bulk/operations.js';
import { delay } from '../bulk/rate.js';
import { KeyIndex } from '../bulk/tables.js';
import type { BulkCounts, BulkResult } from '../bulk/types.js';
import type { BulkJobData } from './enqueue.js';

/** Options of {@link bulkResults}. */
export interface BulkResultsOptions {
  /** How often to look for newly finished jobs while others still run, in ms. Default 500. */
  pollMs?: number;
  /** Ends the iteration early. */
  signal?: AbortSignal;
}

const PAGE = 500;
/** Entries re-read behind the read position on every pass. */
const REWIND = 1000;
const FINISHED = ['completed', 'failed'] as const;
const UNFINISHED = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

/**
 * Yields the `BulkResult` of every job in `queue` (one per distinct enqueued row), as jobs
 * finish, and ends once no job is waiting, delayed or active. A job BullMQ failed (it stalled
 * twice, or the processor crashed) is reported `unknown` for a billable operation, with BullMQ's
 * reason, since the call may have been sent, and `failed` for a read.
 */
export async function* bulkResults(
  queue: Queue,
  options: BulkResultsOptions = {},
): AsyncGenerator<BulkResult> {
  const pollMs = options.pollMs ?? 500;
  const seen = new KeyIndex();
  const position = { completed: 0, failed: 0 };
  let fullPass = false;
  for (;;) {
    options.signal?.throwIfAborted();
    const counts = await queue.getJobCounts(...UNFINISHED, ...FINISHED);
    let fresh = 0;
    for (const state of FINISHED) {
      let start = fullPass ? 0 : Math.max(0, position[state] - REWIND);
      for (;;) {
        const ids = await queue.getRanges([state], start, start + PAGE - 1, true);
        const unseen = ids.filter((id) => seen.find(keyBytes(id)) < 0);
        const jobs = await Promise.all(
          unseen.map((id) => queue.getJob(id) as Promise<Job<BulkJobData> | undefined>),
        );
        for (const job of jobs) {
          if (!job?.id || seen.find(keyBytes(job.id)) >= 0) continue;
          seen.set(keyBytes(job.id), 1, 0);
          fresh++;
          yield await resultOf(job, state);
        }
        start += ids.length;
        if (ids.length < PAGE) break;
      }
      position[state] = start;
    }
    const unfinished = UNFINISHED.reduce((n, s) => n + (counts[s] ?? 0), 0);
    if (unfinished === 0) {
      const finished = (counts.completed ?? 0) + (counts.failed ?? 0);
      // Everything counted before this pass has been read (or a full pass found nothing more).
      if (seen.size >= finished || fullPass) return;
      fullPass = true;
      continue;
    }
    fullPass = false;
    if (fresh === 0) await delay(pollMs, options.signal);
  }
}

async function resultOf(job: Job<BulkJobData>, state: 'completed' | 'failed'): Promise<BulkResult> {
  const key = job.id!;
  if (state === 'completed' && job.returnvalue && typeof job.returnvalue === 'object')
    return { ...(job.returnvalue as BulkResult), key };
  const billable = await loadBulkOperation(job.data.operation).then(
    (op) => op.retry === 'billable',
    () => true,
  );
  return {
    index: job.data.index,
    key,
    status: billable ? 'unknown' : 'failed',
    error: {
      name: 'JobFailed',
      message: `BullMQ failed the job: ${job.failedReason || 'no reason given'}.${billable ? ' The call may have been sent (and billed): reconcile before enqueuing it again.' : ''}`,
    },
  };
}

/** Writes every result of `bulkResults(queue)` to a JSON Lines file; returns the counts by status. */
export async function collectBulkResults(
  queue: Queue,
  path: string,
  options: BulkResultsOptions = {},
): Promise<BulkCounts> {
  const counts: BulkCounts = { ok: 0, invalid: 0, failed: 0, unknown: 0 };
  const out = createWriteStream(path);
  try {
    for await (const result of bulkResults(queue, options)) {
      counts[result.status]++;
      if (!out.write(`${JSON.stringify(result)}\n`)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }
  return counts;
}
