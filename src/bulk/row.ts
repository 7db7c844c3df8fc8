// One row's way through a run: validate and normalise, find its key among the rows already seen
// (a duplicate is not sent again, a row an earlier run left in flight is unknown), then send it
// under the run's rate budget, with a write-ahead line in the checkpoint, and record its outcome.
import type { RequestOptions } from '../core/request.js';
import { type Checkpoint, ROW, codeStatus, isOutcome, statusCode } from './checkpoint.js';
import { rowKey, rowKeyWithBytes } from './key.js';
import type { BulkOperation } from './operations.js';
import { type FailureVerdict, interruptedError, judgeFailure, retryPauseMs, toBulkError } from './outcome.js';
import { type RateGovernor, delay } from './rate.js';
import { ByteColumn, KeyIndex } from './tables.js';
import type { BulkResult, BulkStatus } from './types.js';

export interface RowSettings {
  retries: number;
  retryUnknown: boolean;
  callOptions: RequestOptions;
}

/**
 * Where outcomes go: the run hands each to its consumer once `written` (its checkpoint line, when
 * there is a checkpoint) has reached the file. The row's slot is free before that, so the next
 * row's write-ahead line joins the same write.
 */
export type Deliver = (result: BulkResult, written: Promise<void> | undefined) => void;

export class RowProcessor {
  /** Per input index: a ROW state (a checkpoint replay fills it; done rows are skipped). */
  readonly rows = new ByteColumn();
  /** Per key: a ROW state and the index of the row that carries it. */
  readonly keys = new KeyIndex();
  /** Calls on the wire now. */
  calls = 0;
  /** Rows being sent, by key: a duplicate waits for its original here. */
  private readonly sending = new Map<string, Promise<BulkResult | undefined>>();

  constructor(
    private readonly op: BulkOperation,
    private readonly client: object,
    private readonly settings: RowSettings,
    private readonly governor: RateGovernor,
    private readonly checkpoint: Checkpoint | undefined,
    /** Aborts when the run stops: rows waiting for a token or a retry give up, unsent. */
    private readonly stopped: AbortSignal,
    private readonly deliver: Deliver,
  ) {}

  /** True when an earlier run already recorded this row's outcome. */
  isDone(index: number): boolean {
    return isOutcome(this.rows.get(index));
  }

  async process(index: number, row: unknown): Promise<void> {
    let input: unknown;
    try {
      input = this.op.normalize(row);
    } catch (err) {
      const key = rowKey(this.op.id, row ?? null);
      this.finish({ index, key, status: 'invalid', error: toBulkError(err) });
      return;
    }
    const { key, bytes } = rowKeyWithBytes(this.op.id, input);
    const slot = this.keys.find(bytes);
    const state = slot < 0 ? 0 : this.keys.state(slot);
    if (state === ROW.pending) {
      const original = await this.sending.get(key);
      if (original) this.finish({ index, key, status: original.status, duplicateOf: original.index });
      return;
    }
    const earlier = state === ROW.interrupted || isOutcome(state);
    const again = this.settings.retryUnknown && (state === ROW.interrupted || state === ROW.unknown);
    if (earlier && !again) {
      const first = this.keys.first(slot);
      if (first !== index) {
        const status: BulkStatus = state === ROW.interrupted ? 'unknown' : codeStatus(state);
        this.finish({ index, key, status, duplicateOf: first });
        return;
      }
      // This very row was in flight when an earlier run stopped.
      this.keys.set(bytes, ROW.unknown, index);
      this.finish({ index, key, status: 'unknown', error: interruptedError('An earlier run') });
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
    let marked = false;
    for (let attempt = 0; ; attempt++) {
      try {
        if (!this.governor.tryAcquire()) await this.governor.acquire(this.stopped);
        if (!marked && this.checkpoint) {
          // Write-ahead: once this line is in the file, a crash can no longer lose the fact that
          // the row may have been sent. A 429 that paused the run meanwhile is still honoured.
          await this.checkpoint.sending(index, key);
          marked = true;
          if (this.governor.paused) await this.governor.whenUnpaused(this.stopped);
        }
      } catch {
        return this.abandon(index, key, marked);
      }
      const sentAt = performance.now();
      this.calls++;
      let verdict: FailureVerdict;
      try {
        const result = await this.op.run(this.client, input, this.settings.callOptions);
        this.governor.succeeded();
        return this.finish({ index, key, status: 'ok', result });
      } catch (err) {
        verdict = judgeFailure(err);
        if (verdict.kind === 'closed') {
          // Retrying cannot help and no row can be sent any more: this row stays unsent (a
          // resumed run sends it) and the run ends with the error.
          await this.abandon(index, key, marked);
          throw err;
        }
      } finally {
        this.calls--;
      }
      if (verdict.kind === 'final')
        return this.finish({ index, key, status: verdict.status, error: verdict.error });
      if (verdict.kind === 'rate-limited') this.governor.rateLimited(sentAt, verdict.retryAfterMs);
      if (attempt >= this.settings.retries)
        return this.finish({ index, key, status: 'failed', error: verdict.error });
      if (verdict.kind === 'retry') {
        try {
          await delay(retryPauseMs(verdict, attempt), this.stopped);
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

  /** Records a row's outcome in the checkpoint and delivers it. */
  private finish(result: BulkResult): BulkResult {
    this.deliver(result, this.checkpoint?.outcome(result));
    return result;
  }
}
