// The checkpoint: an append-only JSON Lines file that makes a run resumable.
//   {"checkpoint":1,"operation":"verify.pan"}        first line
//   {"index":7,"key":"…","sending":true}              in the file (on disk with `durable`) before row 7 is sent
//   {"index":7,"key":"…","status":"ok","result":{…}}  its outcome: the same line the CLI writes out
//   {"index":7,"key":"…","sending":false}             row 7 was abandoned unsent (a stop during a retry wait)
// A row whose last word is `sending: true` was in flight when its process died: its outcome is
// unknown. A row may have several outcome lines (an unknown one re-sent with retryUnknown): the
// last one counts.
import { ConfigurationError } from '../core/errors.js';
import { AppendLog, readLines, repairJsonlTail } from './jsonl.js';
import { keyBytes } from './key.js';
import { ByteColumn, type KeyIndex, U32Column } from './tables.js';
import type { BulkResult, BulkStatus } from './types.js';

/** Row states kept per index and per key (0 means "nothing known"); outcomes are the highest. */
export const ROW = {
  /** Being sent by this run. */
  pending: 1,
  /** Sent by an earlier run that died before the answer was recorded. */
  interrupted: 2,
  /** This run stopped before sending it: as good as new. */
  abandoned: 3,
  invalid: 4,
  ok: 5,
  failed: 6,
  unknown: 7,
} as const;

/** True for the states that are a row's outcome. */
export function isOutcome(state: number): boolean {
  return state >= ROW.invalid;
}

const STATUS_CODE: Record<BulkStatus, number> = {
  invalid: ROW.invalid,
  ok: ROW.ok,
  failed: ROW.failed,
  unknown: ROW.unknown,
};
const CODE_STATUS = ['', '', '', '', 'invalid', 'ok', 'failed', 'unknown'] as const;

export function statusCode(status: BulkStatus): number {
  return STATUS_CODE[status];
}
export function codeStatus(code: number): BulkStatus {
  return CODE_STATUS[code] as BulkStatus;
}

const STATUSES = new Set(Object.keys(STATUS_CODE));

/** What a replay learns: per row index its state, per key its state and first index. */
export interface ReplayState {
  rows: ByteColumn;
  keys: KeyIndex;
}

export class Checkpoint {
  private constructor(
    readonly path: string,
    private readonly log: AppendLog,
    private readonly existed: boolean,
    /** Write-ahead lines are fdatasync'd before their row is sent (see `BulkOptions.durable`). */
    private readonly durable: boolean,
  ) {}

  /** Opens (or creates) the checkpoint of a run of `operation`; a torn last line is repaired. */
  static async open(path: string, operation: string, durable = false): Promise<Checkpoint> {
    await repairJsonlTail(path);
    let header: string | undefined;
    for await (const line of readLines(path)) {
      header = line;
      break;
    }
    if (header !== undefined) {
      const parsed = parse(header, path, 1) as { checkpoint?: unknown; operation?: unknown };
      if (parsed.checkpoint !== 1)
        throw new ConfigurationError(
          `${path} is not a bulk checkpoint (its first line has no "checkpoint": 1).`,
        );
      if (parsed.operation !== operation)
        throw new ConfigurationError(
          `${path} is the checkpoint of a ${String(parsed.operation)} run, not of ${operation}.`,
        );
    }
    const checkpoint = new Checkpoint(path, AppendLog.open(path), header !== undefined, durable);
    if (header === undefined)
      await checkpoint.log.append(JSON.stringify({ checkpoint: 1, operation }), durable);
    return checkpoint;
  }

  /**
   * Replays an existing checkpoint into `state` and yields the outcome of every row that is done
   * (the last outcome line of each row), flagged `resumed`. With `retryUnknown`, rows whose last
   * outcome is `unknown` are not done: they are left for the run to send again. Two passes over
   * the file keep memory to a few bytes per row.
   */
  async *replay(state: ReplayState, retryUnknown: boolean): AsyncGenerator<BulkResult> {
    if (!this.existed) return;
    // Pass 1: the line number of each row's last outcome line, each row's and each key's state.
    const lastOutcome = new U32Column();
    // What a `sending: false` line reverts its row to: the state before its `sending: true` line.
    const stateBefore = new ByteColumn();
    const outcomeBefore = new U32Column();
    let lineNo = 0;
    for await (const line of readLines(this.path)) {
      lineNo++;
      if (lineNo === 1) continue;
      const rec = parse(line, this.path, lineNo) as Partial<BulkResult> & { sending?: boolean };
      if (typeof rec.index !== 'number' || typeof rec.key !== 'string')
        throw new ConfigurationError(`${this.path}:${lineNo} is not a checkpoint line.`);
      if (rec.sending === true) {
        stateBefore.set(rec.index, state.rows.get(rec.index));
        outcomeBefore.set(rec.index, lastOutcome.get(rec.index));
        state.rows.set(rec.index, ROW.interrupted);
        state.keys.set(keyBytes(rec.key), ROW.interrupted, rec.index);
        continue;
      }
      if (rec.sending === false) {
        const before = stateBefore.get(rec.index);
        state.rows.set(rec.index, before);
        lastOutcome.set(rec.index, outcomeBefore.get(rec.index));
        state.keys.set(keyBytes(rec.key), isOutcome(before) ? before : ROW.abandoned, rec.index);
        continue;
      }
      if (!STATUSES.has(rec.status as string))
        throw new ConfigurationError(`${this.path}:${lineNo} has no valid status.`);
      const code = STATUS_CODE[rec.status as BulkStatus];
      state.rows.set(rec.index, code);
      lastOutcome.set(rec.index, lineNo);
      if (rec.status !== 'invalid' && rec.duplicateOf === undefined)
        state.keys.set(keyBytes(rec.key), code, rec.index);
    }
    // Pass 2: yield each done row's last outcome. Its line is parsed again here on purpose: keeping the
    // values pass 1 parsed would hold every outcome (its `result` too) in memory until the file's end,
    // and which line is a row's last is known only then (docs/bulk.md, "Bounded memory").
    lineNo = 0;
    for await (const line of readLines(this.path)) {
      lineNo++;
      if (lineNo === 1 || !line.includes('"status"')) continue;
      const rec = parse(line, this.path, lineNo) as BulkResult;
      if (lastOutcome.get(rec.index) !== lineNo || !isOutcome(state.rows.get(rec.index))) continue;
      if (retryUnknown && rec.status === 'unknown') {
        state.rows.set(rec.index, 0);
        continue;
      }
      yield { ...rec, resumed: true };
    }
  }

  /**
   * Records that a row is about to be sent; resolves once that is in the file (then send). Only
   * this line needs the disk for `durable`: an outcome line lost in a power cut leaves its row's
   * `sending` line last, so the row resumes as `unknown`, never sent twice.
   */
  sending(index: number, key: string): Promise<void> {
    // JSON.stringify({ index, key, sending: true }), spelled out: one line per row sent.
    return this.log.append(`{"index":${index},"key":${JSON.stringify(key)},"sending":true}`, this.durable);
  }

  /** Records that a row marked `sending` was not sent after all. */
  notSent(index: number, key: string): Promise<void> {
    return this.log.append(JSON.stringify({ index, key, sending: false }));
  }

  /** Records a row's outcome; resolves once it is in the file. */
  outcome(result: BulkResult): Promise<void> {
    return this.log.append(JSON.stringify(result));
  }

  close(): void {
    this.log.close();
  }
}

function parse(line: string, path: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new ConfigurationError(`${path}:${lineNo} is not JSON: the checkpoint is damaged.`);
  }
}
