// What every call is made of before the pipeline runs it: the caller's per-call options, and the
// exact bytes that are signed and sent (built once, never re-serialised).
import { didYouMean } from '../model/suggest.js';
import { ConfigurationError, InputValidationError } from './errors.js';
import { NUMERIC_OPTIONS } from './options.js';
import { type Query, buildTarget } from './target.js';

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Deadline for this call in ms (retries included). */
  timeout?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

/** The numeric per-call options and their rules: the pipeline checks their values on every call. */
export const CALL_NUMERIC_OPTIONS = {
  timeout: NUMERIC_OPTIONS.timeout,
  maxRetries: NUMERIC_OPTIONS.maxRetries,
} as const satisfies { [K in keyof RequestOptions]?: string };
const CALL_OPTION_NAMES: readonly (keyof RequestOptions)[] = [
  'signal',
  ...(Object.keys(CALL_NUMERIC_OPTIONS) as (keyof typeof CALL_NUMERIC_OPTIONS)[]),
  'headers',
];
const CALL_OPTIONS_SET: ReadonlySet<string> = new Set(CALL_OPTION_NAMES);
const NO_MORE: readonly string[] = [];

/**
 * Refuses a per-call option this SDK does not know, before anything is sent: from JavaScript,
 * `{ timout: 500 }` would otherwise drop the deadline silently, and `balance({ pan })` (an input given
 * to an operation that takes none) would be sent without it. TypeScript refuses both at compile time.
 * Runs on every call: nothing is allocated unless it throws.
 */
export function checkCallOptions(options: unknown, more = NO_MORE): void {
  if (typeof options !== 'object' || !options)
    throw new ConfigurationError('Per-call options must be an object.');
  for (const key in options) {
    if (!Object.hasOwn(options, key) || CALL_OPTIONS_SET.has(key) || more.includes(key)) continue;
    const known = [...CALL_OPTION_NAMES, ...more];
    throw new ConfigurationError(`\`${key}\` is not a per-call option${didYouMean(key, known)}`);
  }
}

// Lone UTF-16 surrogates cannot be encoded as UTF-8, so the bytes sent could not equal
// the bytes signed by any reference implementation: refuse them up front.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Serialises a body once; these exact bytes are signed and sent. */
export function serializeBody(body: unknown): string {
  if (body === undefined || body === null) return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (LONE_SURROGATE.test(text)) {
    throw new InputValidationError([
      {
        field: 'body',
        rule: 'utf8',
        message: 'contains a lone UTF-16 surrogate, which has no UTF-8 encoding.',
      },
    ]);
  }
  return text;
}

/**
 * An operation's validated input as it is sent: a GET's input is its query string, any other
 * method's is its JSON body (`{}` when there is none).
 */
export function encodeInput(method: string, path: string, input: unknown): { target: string; body: string } {
  return method === 'GET'
    ? { target: buildTarget(path, input as Query | undefined), body: '' }
    : { target: path, body: serializeBody(input ?? {}) };
}
