// `runBulk`: a book of rows through one operation, with one rate budget, a checkpoint, and an
// honest outcome per row. Rows are pulled from the input only when a slot is free and results
// are handed out through a bounded channel, so memory holds the rows in flight, not the book.
import { setMaxListeners } from 'node:events';
import type { RequestOptions } from '../client.js';
import { ConfigurationError } from '../core/errors.js';
import { backoffSeconds } from '../core/retry.js';
import { Channel } from './channel.js';
import { Checkpoint, ROW, codeStatus, isOutcome, statusCode } from './checkpoint.js';
import { keyBytes, rowKey } from './key.js';
import { type BulkOperation, loadBulkOperation } from './operations.js';
import { interruptedError, judgeFailure, toBulkError } from './outcome.js';
import { RateGovernor, delay } from './rate.js';
import { ByteColumn, KeyIndex } from './tables.js';
import type { BulkCounts, BulkProgress, BulkResult, BulkStatus } from './types.js';

/** Options of {@link runBulk}. */
export interface BulkOptions<Row = unknown> {
  /** A `VistarkriyaClient` for platform operations, a `Veri5Client` for `veri5.*`. */
  client: object;
  /** An operation id (`verify.pan`, `verify.gst`, ...) or a Veri5 method (`veri5.verifyPan`, ...). */
  operation: string;
  /** The inputs, one per row: an array, any iterable, or an async iterable (a stream). */
  rows: Iterable<Row> | AsyncIterable<Row>;
  /** Calls in flight at once. Default 8. */
  concurrency?: number;
  /** Rows sent per second at most, across the run. Default: no limit but the server's 429s. */
  ratePerSecond?: number;
  /**
   * Path of a JSON Lines checkpoint. With one, a restart skips the rows already done, and a row
   * that was in flight when the process died comes back as `unknown`.
   */
  checkpoint?: string;
  /** Send rows again whose earlier outcome is `unknown` (after you reconciled them). Default false. */
  retryUnknown?: boolean;
  /** Re-sends of a row after a failure the server provably did not act on (429, nothing sent). Default 5. */
  retries?: number;
  /** Deadline per call, in ms. Default: the client's. */
  timeout?: number;
  /** Stops the run: no new row is sent, calls in flight finish, the checkpoint is flushed, the iteration ends. */
  signal?: AbortSignal;
  /** Called after every row. */
  onProgress?: (progress: BulkProgress) => void;
}

/**
 * Runs `operation` for every row and yields each row's outcome as it completes (not in input
 * order; `index` says which row). Every row is yielded once: with a checkpoint, the rows an earlier
 * run finished come first, flagged `resumed`, and are not sent again.
 *
 * @example
 * for await (const r of runBulk({ client: vk, operation: 'verify.pan', rows, concurrency: 16, ratePerSecond: 50 }))
 *   if (r.status !== 'ok') console.log(r.index, r.status, r.error?.message);
 */
export async function* runBulk<Row>(options: BulkOptions<Row>): AsyncGenerator<BulkResult> {
  const settings = checkOptions(options);
  const op = await loadBulkOperation(options.operation);
  op.assertClient(options.client);
  const checkpoint = options.checkpoint ? await Checkpoint.open(options.checkpoint, op.id) : undefined;
  const run = new BulkRun(op, options, settings, checkpoint);
  try {
    if (checkpoint) {
      for await (const result of checkpoint.replay(run, settings.retryUnknown)) {
        run.resumed(result);
        yield result;
      }
    }
    yield* run.results(options.rows);
  } finally {
    await run.stop();
    await checkpoint?.close();
  }
}

interface Settings {
  concurrency: number;
  retries: number;
  retryUnknown: boolean;
}

function checkOptions(options: BulkOptions<unknown>): Settings {
  const concurrency = options.concurrency ?? 8;
  const retries = options.retries ?? 5;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new ConfigurationError('runBulk: concurrency must be a positive integer.');
  if (!Number.isInteger(retries) || retries < 0)
    throw new ConfigurationError('runBulk: retries must be a non-negative integer.');
  if (
    options.ratePerSecond !== undefined &&
    !(options.ratePerSecond > 0 && Number.isFinite(options.ratePerSecond))
  )
    throw new ConfigurationError('runBulk: ratePerSecond must be a positive number.');
  if (options.rows === null || typeof options.rows !== 'object')
    throw new ConfigurationError('runBulk: rows must be an iterable or an async iterable.');
  return { concurrency, retries, retryUnknown: options.retryUnknown === true };
}

/** One run's state. Its `rows` and `keys` tables are what a checkpoint replay fills in. */
class BulkRun {
  /** Per input index: a ROW state (done rows are skipped). */
  readonly rows = new ByteColumn();
  /** Per key: a ROW state and the index of the row that carries it. */
  readonly keys = new KeyIndex();
  private readonly governor: RateGovernor;
  private readonly out: Channel<BulkResult>;
  private readonly callOptions: RequestOptions;
  /** Rows being sent, by key: a duplicate waits for its original here. */
  private readonly sending = new Map<string, Promise<BulkResult | undefined>>();
  private readonly stopper = new AbortController();
  private readonly unfollow: (() => void) | undefined;
  private readonly counts: BulkCounts = { invalid: 0, ok: 0, failed: 0, unknown: 0 };
  private done = 0;
  private resumedCount = 0;
  private duplicates = 0;
  private active = 0;
  private calls = 0;
  private readonly started = performance.now();
  private slotFreed: (() => void) | undefined;
  private idleWaiter: (() => void) | undefined;
  private pumping: Promise<void> | undefined;
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly op: BulkOperation,
    private readonly options: BulkOptions<unknown>,
    private readonly settings: Settings,
    private readonly checkpoint: Checkpoint | undefined,
  ) {
    this.governor = new RateGovernor({ ratePerSecond: options.ratePerSecond });
    this.out = new Channel(settings.concurrency * 2 + 16);
    this.callOptions = {
      maxRetries: 0,
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    };
    // Every waiting row listens to the stop signal.
    setMaxListeners(0, this.stopper.signal);
    const signal = options.signal;
    if (signal?.aborted) this.stopper.abort();
    else if (signal) {
      const onAbort = () => this.stopper.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.unfollow = () => signal.removeEventListener('abort', onAbort);
    }
  }

  /** A row restored from the checkpoint. */
  resumed(result: BulkResult): void {
    this.resumedCount++;
    if (result.duplicateOf !== undefined) this.duplicates++;
    this.count(result.status);
  }

  async *results(rows: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<BulkResult> {
    this.pumping = this.pump(rows).then(
      () => (this.failure ? this.out.fail(this.failure.error) : this.out.end()),
      (err: unknown) => this.out.fail(err),
    );
    yield* this.out;
  }

  /** Stops intake, lets calls in flight finish (their outcomes still reach the checkpoint). */
  async stop(): Promise<void> {
    this.stopper.abort();
    this.out.detach();
    this.slotFreed?.();
    await this.pumping;
    this.unfollow?.();
  }

  private get stopping(): boolean {
    return this.stopper.signal.aborted;
  }

  private async pump(rows: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> {
    let index = 0;
    try {
      for await (const row of rows) {
        const i = index++;
        if (this.stopping) break;
        if (isOutcome(this.rows.get(i))) continue;
        while (this.active >= this.settings.concurrency && !this.stopping)
          await new Promise<void>((resolve) => {
            this.slotFreed = resolve;
          });
        if (this.stopping) break;
        this.active++;
        this.processRow(i, row).then(
          () => this.release(),
          (err: unknown) => {
            this.failure ??= { error: err };
            this.stopper.abort();
            this.release();
          },
        );
      }
    } finally {
      while (this.active > 0)
        await new Promise<void>((resolve) => {
          this.idleWaiter = resolve;
        });
    }
  }

  private release(): void {
    this.active--;
    const freed = this.slotFreed;
    this.slotFreed = undefined;
    freed?.();
    if (this.active === 0) this.idleWaiter?.();
  }

  private async processRow(index: number, row: unknown): Promise<void> {
    let input: unknown;
    try {
      input = this.op.normalize(row);
    } catch (err) {
      await this.finish({
        index,
        key: rowKey(this.op.id, row ?? null),
        status: 'invalid',
        error: toBulkError(err),
      });
      return;
    }
    const key = rowKey(this.op.id, input);
    const bytes = keyBytes(key);
    const slot = this.keys.find(bytes);
    const state = slot < 0 ? 0 : this.keys.state(slot);
    if (state === ROW.pending) {
      const original = await this.sending.get(key);
      if (original) await this.finish({ index, key, status: original.status, duplicateOf: original.index });
      return;
    }
    const earlier = state === ROW.interrupted || isOutcome(state);
    const again = this.settings.retryUnknown && (state === ROW.interrupted || state === ROW.unknown);
    if (earlier && !again) {
      const first = this.keys.first(slot);
      if (first === index) {
        // This very row was in flight when an earlier run stopped.
        this.keys.set(bytes, ROW.unknown, index);
        await this.finish({ index, key, status: 'unknown', error: interruptedError('An earlier run') });
      } else {
        const status: BulkStatus = state === ROW.interrupted ? 'unknown' : codeStatus(state);
        await this.finish({ index, key, status, duplicateOf: first });
      }
      return;
    }
    this.keys.set(bytes, ROW.pending, index);
    const sending = this.send(index, key, input);
    this.sending.set(key, sending);
    const result = await sending;
    this.sending.delete(key);
    this.keys.set(bytes, result ? statusCode(result.status) : ROW.abandoned, index);
  }

  /** Sends one row, with the run's retries; undefined when the run stopped before it was sent. */
  private async send(index: number, key: string, input: unknown): Promise<BulkResult | undefined> {
    const signal = this.stopper.signal;
    let marked = false;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.governor.acquire(signal);
        if (!marked && this.checkpoint) {
          // Write-ahead: once this line is in the file, a crash can no longer lose the fact that
          // the row may have been sent. A 429 that paused the run meanwhile is still honoured.
          await this.checkpoint.sending(index, key);
          marked = true;
          await this.governor.whenUnpaused(signal);
        }
      } catch {
        return this.abandon(index, key, marked);
      }
      const sentAt = performance.now();
      this.calls++;
      let verdict: ReturnType<typeof judgeFailure>;
      try {
        const result = await this.op.run(this.options.client, input, this.callOptions);
        this.governor.succeeded();
        return await this.finish({ index, key, status: 'ok', result });
      } catch (err) {
        verdict = judgeFailure(err);
      } finally {
        this.calls--;
      }
      if (verdict.kind === 'final')
        return await this.finish({ index, key, status: verdict.status, error: verdict.error });
      if (verdict.kind === 'rate-limited') this.governor.rateLimited(sentAt, verdict.retryAfterMs);
      if (attempt >= this.settings.retries)
        return await this.finish({ index, key, status: 'failed', error: verdict.error });
      if (verdict.kind === 'retry') {
        try {
          await delay(verdict.retryAfterMs ?? backoffSeconds(attempt + 1) * 1000, signal);
        } catch {
          return this.abandon(index, key, marked);
        }
      }
    }
  }

  /** The run stopped before this row was sent (again): no outcome; a resumed run sends it. */
  private async abandon(index: number, key: string, marked: boolean): Promise<undefined> {
    if (marked) await this.checkpoint?.notSent(index, key);
    return undefined;
  }

  /** Records a row's outcome (checkpoint first), then hands it out. */
  private async finish(result: BulkResult): Promise<BulkResult> {
    await this.checkpoint?.outcome(result);
    if (result.duplicateOf !== undefined) this.duplicates++;
    this.count(result.status);
    await this.out.push(result);
    return result;
  }

  private count(status: BulkStatus): void {
    this.counts[status]++;
    this.done++;
    this.options.onProgress?.({
      done: this.done,
      counts: { ...this.counts },
      resumed: this.resumedCount,
      duplicates: this.duplicates,
      inFlight: this.calls,
      rateLimit: this.governor.rate,
      paused: this.governor.paused,
      elapsedMs: performance.now() - this.started,
    });
  }
}
