// What a failed call means for its row. Calls run with `maxRetries: 0`, so every failure comes
// here first: a 429 must pause the whole run (not one call), and the other retries are the
// runner's, with the same rules as the client's own (docs/errors-and-retries.md, "Reliability"): a billable call is
// sent again only when the server provably did not act on it.
import {
  APIConnectionError,
  ClientClosedError,
  InputValidationError,
  VistarkriyaError,
} from '../core/errors.js';
import { createRedactor } from '../core/redact.js';
import { backoffSeconds } from '../core/retry.js';
import type { BulkError, BulkStatus } from './types.js';

export type FailureVerdict =
  /** 429: wait for the whole run, then send again (the server did not act on it). */
  | { kind: 'rate-limited'; retryAfterMs: number | undefined; error: BulkError }
  /** Safe to send again after a backoff (a read, or a billable call the server provably did not act on). */
  | { kind: 'retry'; retryAfterMs: number | undefined; error: BulkError }
  /** Final: the row ends with this status. */
  | { kind: 'final'; status: Exclude<BulkStatus, 'ok'>; error: BulkError }
  /** The client was closed: this call was not sent, and no later one can be. */
  | { kind: 'closed'; error: BulkError };

interface ErrorFields {
  status?: unknown;
  outcomeUnknown?: unknown;
  retryAfter?: unknown;
  retryable?: unknown;
}

/**
 * Sorts a failed call. The retry class is already folded in: the pipeline marks a billable call
 * `outcomeUnknown` after any failure the server may have acted on, so what is left is safe to repeat.
 */
export function judgeFailure(err: unknown): FailureVerdict {
  const error = toBulkError(err);
  if (err instanceof InputValidationError) return { kind: 'final', status: 'invalid', error };
  if (err instanceof ClientClosedError) return { kind: 'closed', error };
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorFields;
  const retryAfterMs = typeof e.retryAfter === 'number' ? e.retryAfter * 1000 : undefined;
  if (e.outcomeUnknown === true) return { kind: 'final', status: 'unknown', error };
  if (e.status === 429) return { kind: 'rate-limited', retryAfterMs, error };
  // Not outcome-unknown: for a billable call the pipeline judged it safe (nothing sent, or a
  // service that declared it did nothing); for a read, any transient failure is safe to repeat.
  // No answer is transient; a configuration error, the caller's abort or a bug is not.
  const transient =
    err instanceof APIConnectionError ||
    e.status === 408 ||
    (typeof e.status === 'number' && e.status >= 500) ||
    e.retryable === true;
  if (err instanceof VistarkriyaError && transient) return { kind: 'retry', retryAfterMs, error };
  return { kind: 'final', status: 'failed', error };
}

/** How long a row judged `retry` waits before its re-send number `attempt + 1`: its Retry-After, else the client's backoff. */
export function retryPauseMs(verdict: { retryAfterMs: number | undefined }, attempt: number): number {
  return verdict.retryAfterMs ?? backoffSeconds(attempt + 1) * 1000;
}

// Errors that are not the SDK's (a bug, a custom transport) may carry anything: mask numbers.
const redact = createRedactor([]);

/** An error as plain JSON for a result line. */
export function toBulkError(err: unknown): BulkError {
  if (!(err instanceof Error)) return { name: 'Error', message: redact(String(err)) };
  const out: BulkError = {
    name: err.name,
    message: err instanceof VistarkriyaError ? err.message : redact(err.message),
  };
  const e = err as Error & {
    status?: unknown;
    code?: unknown;
    requestId?: unknown;
    retryAfter?: unknown;
  };
  if (typeof e.status === 'number') out.status = e.status;
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.requestId === 'string') out.requestId = e.requestId;
  if (typeof e.retryAfter === 'number') out.retryAfter = e.retryAfter;
  if (err instanceof InputValidationError) {
    out.field = err.field;
    out.rule = err.rule;
    out.issues = err.issues.map(({ field, rule, message }) => ({ field, rule, message }));
  }
  return out;
}

/** The reason given for a billable row that was (or may have been) in flight when its process stopped. */
export function interruptedError(where: string): BulkError {
  return {
    name: 'Interrupted',
    message: `${where} stopped while this billable call may have been in flight, so it may have been carried out (and billed). It is not re-sent automatically: reconcile, then re-run with retryUnknown.`,
  };
}
