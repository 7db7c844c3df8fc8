/**
 * What became of one row:
 * - `invalid`: rejected by input validation; never sent, not billed;
 * - `ok`: the API answered; `result` is its answer (a verification that found a mismatch is `ok`);
 * - `failed`: a definite API error, or a failure the server provably did not act on (after retries);
 * - `unknown`: a billable call whose outcome is unknown (it may have been billed). Never re-sent
 *   automatically: reconcile, then re-run with `retryUnknown`.
 */
export type BulkStatus = 'invalid' | 'ok' | 'failed' | 'unknown';

/** A row's error, as plain JSON (SDK errors are already redacted; values are never echoed). */
export interface BulkError {
  /** The error class, e.g. `InputValidationError`, `RateLimitError`, `Interrupted`. */
  name: string;
  message: string;
  status?: number;
  code?: string;
  requestId?: string;
  /** Seconds the server asked to wait. */
  retryAfter?: number;
  /** For `invalid` rows: the first offending field and rule, and every issue. */
  field?: string;
  rule?: string;
  issues?: ReadonlyArray<{ field: string; rule: string; message: string }>;
}

/** One row's outcome, as yielded by `runBulk` and written as one JSON line by the CLI. */
export interface BulkResult {
  /** 0-based position of the row in the input. */
  index: number;
  /** Stable key: a hash of the operation and the normalised input (raw input for `invalid` rows). */
  key: string;
  status: BulkStatus;
  /** The API's answer, for `ok` rows. */
  result?: unknown;
  /** Why, for the other statuses. */
  error?: BulkError;
  /** Set when this row repeats the row at that index: it was not sent again and shares its status. */
  duplicateOf?: number;
  /** Set on rows whose outcome was read from the checkpoint of an earlier run (not sent in this one). */
  resumed?: true;
}

/** Counts by status. */
export type BulkCounts = Record<BulkStatus, number>;

/** Passed to `onProgress` after every row. */
export interface BulkProgress {
  /** Rows with an outcome so far (resumed ones included). */
  done: number;
  counts: BulkCounts;
  /** Of `done`, read from the checkpoint of an earlier run. */
  resumed: number;
  /** Of `done`, duplicates of an earlier row (not sent). */
  duplicates: number;
  /** Calls in flight now. */
  inFlight: number;
  /** The rate limit in force now (rows/s): the configured one, or lower after a 429. `Infinity` for none. */
  rateLimit: number;
  /** True while the whole run waits out a 429's `Retry-After`. */
  paused: boolean;
  /** Since the run started, in ms. */
  elapsedMs: number;
}
