// The options `runBulk` and `runBulkWorker` share, stated and checked once: a bad value is a
// `ConfigurationError` that names its caller ("runBulk: …", "runBulkWorker: …") before any row is
// read or any Redis connection made, never a `RangeError` from inside BullMQ or a failure per row.
import { ConfigurationError } from '../core/errors.js';
import { checkNumericOptions } from '../core/options.js';
import type { RequestOptions } from '../core/request.js';
import { bulkCallOptions } from './operations.js';

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
  /** What every call is sent with (see `bulkCallOptions`). */
  callOptions: RequestOptions;
}

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_RETRIES = 5;

/** Checks the shared options; `caller` prefixes every message (`runBulk`, `runBulkWorker`). */
export function checkBulkOptions(options: SharedBulkOptions, caller: string): CheckedBulkOptions {
  const where = `${caller}: `;
  if (options.client === null || typeof options.client !== 'object')
    throw new ConfigurationError(`${where}\`client\` must be a VistarkriyaClient or a Veri5Client.`);
  checkNumericOptions(
    options,
    { concurrency: 'a positive integer', retries: 'a whole number, 0 or more' },
    where,
  );
  checkRatePerSecond(options.ratePerSecond, where);
  return {
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    retries: options.retries ?? DEFAULT_RETRIES,
    callOptions: bulkCallOptions(options.timeout, where),
  };
}

/** `ratePerSecond` is optional (no limit but the server's 429s); given, it is a finite rate above 0. */
export function checkRatePerSecond(ratePerSecond: number | undefined, where: string): void {
  checkNumericOptions({ ratePerSecond }, { ratePerSecond: 'a positive, finite number' }, where);
}
