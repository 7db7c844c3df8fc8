// The options `runBulk` and `runBulkWorker` share, stated and checked once: a bad value is a
// `ConfigurationError` that names its caller ("runBulk: …", "runBulkWorker: …") before any row is
// read or any Redis connection made, never a `RangeError` from inside BullMQ or a failure per row.
import { ConfigurationError } from '../core/errors.js';
import { NUMERIC_OPTIONS, checkNumericOptions } from '../core/options.js';
import type { RequestOptions } from '../core/request.js';

/** What a bulk run and a bulk worker are both given. */
export interface SharedBulkOptions {
  client: object;
  concurrency?: number;
  ratePerSecond?: number;
  retries?: number;
  timeout?: number;
}

export interface CheckedBulkOptions {
  /** Rows (jobs) in flight at once. */
  concurrency: number;
  /** Re-sends of a row after a failure the server provably did not act on. */
  retries: number;
  /** What every call is sent with: `maxRetries: 0` and the run's `timeout`. */
  callOptions: RequestOptions;
}

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_RETRIES = 5;

/** The numeric options, in the order they are checked (the first bad one is named). */
const RULES = {
  concurrency: 'a positive integer',
  retries: 'a whole number, 0 or more',
  // Optional (no limit but the server's 429s); given, a finite rate above 0.
  ratePerSecond: 'a positive, finite number',
  // Checked as the client checks its own: a `ConfigurationError` before any row, not one per row.
  timeout: NUMERIC_OPTIONS.timeout,
} as const;

/** Checks the shared options; `caller` prefixes every message (`runBulk`, `runBulkWorker`). */
export function checkBulkOptions(options: SharedBulkOptions, caller: string): CheckedBulkOptions {
  const where = `${caller}: `;
  if (options.client === null || typeof options.client !== 'object')
    throw new ConfigurationError(`${where}\`client\` must be a VistarkriyaClient or a Veri5Client.`);
  checkNumericOptions(options, RULES, where);
  const { timeout } = options;
  return {
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    retries: options.retries ?? DEFAULT_RETRIES,
    // `maxRetries: 0`: the run (or the worker), not each call, decides what is sent again.
    callOptions: { maxRetries: 0, ...(timeout !== undefined ? { timeout } : {}) },
  };
}

/** `ratePerSecond` alone, as `checkBulkOptions` checks it (for `limiterFor`). */
export function checkRatePerSecond(ratePerSecond: number | undefined, where: string): void {
  checkNumericOptions({ ratePerSecond }, { ratePerSecond: RULES.ratePerSecond }, where);
}
