import { readEnv } from '../platform/runtime.js';
import { ConfigurationError } from './errors.js';
import type { Transport } from '../transport/types.js';
import type { FetchLike } from '../transport/fetch.js';
import type { LogLevel, Logger } from './logger.js';

/** Options every client of this SDK shares (VistarkriyaClient, Veri5Client, the proxy). */
export interface CoreOptions {
  /** Base URL of the API. A path prefix (e.g. `/api/vk` behind a proxy) is part of the signed target. */
  baseURL?: string;
  /** Deadline for a whole call in ms, retries and backoff included. Default 30 000. */
  timeout?: number;
  /** Retries after the first attempt (see docs/errors-and-retries.md, "Reliability"). Default 2. */
  maxRetries?: number;
  /**
   * Your own `fetch` (tests, proxies, instrumentation). Node uses undici otherwise, which keeps the
   * documented header spelling (`X-API-Key`); through `fetch` that is not guaranteed (see
   * `FetchTransport`).
   */
  fetch?: FetchLike;
  /** Any console-like logger. Default: `console`. */
  logger?: Logger;
  /** Default `warn`, or the `VISTARKRIYA_LOG` environment variable. */
  logLevel?: LogLevel;
  /**
   * Extra headers on every request. They replace the SDK's defaults of the same name, compared
   * case-insensitively (`accept` replaces `Accept`); they never replace the auth headers.
   */
  defaultHeaders?: Record<string, string>;
  /** A `Retry-After` longer than this (seconds) is not waited for. Default 60. */
  maxRetryAfter?: number;
  /** Largest response body accepted, in bytes. Default 10 MiB. */
  maxResponseBytes?: number;
  /** Advanced: a custom transport (every built-in one passes the same contract tests). */
  transport?: Transport;
}

export const DEFAULTS = {
  timeout: 30_000,
  maxRetries: 2,
  maxRetryAfter: 60,
  maxResponseBytes: 10 * 1024 * 1024,
} as const;

/** What a numeric option must be (NaN never is). Infinity is a deliberate "no deadline". */
type NumberRule =
  | 'a positive number'
  | 'a positive, finite number'
  | 'a positive integer'
  | 'a whole number, 0 or more'
  | 'a number, 0 or more';

const TESTS: Record<NumberRule, (n: number) => boolean> = {
  'a positive number': (n) => n > 0,
  'a positive, finite number': (n) => n > 0 && Number.isFinite(n),
  'a positive integer': (n) => Number.isSafeInteger(n) && n > 0,
  'a whole number, 0 or more': (n) => Number.isSafeInteger(n) && n >= 0,
  'a number, 0 or more': (n) => n >= 0,
};

/** The numeric options a client takes, and what each must be. */
export const NUMERIC_OPTIONS = {
  timeout: 'a positive number',
  maxRetries: 'a whole number, 0 or more',
  maxRetryAfter: 'a number, 0 or more',
  maxResponseBytes: 'a positive integer',
} as const satisfies Record<string, NumberRule>;

/**
 * Throws a `ConfigurationError` naming the first numeric option that is given but not a usable
 * number: `timeout: '500'` (read from an environment variable, say) would otherwise pass
 * `Number.isFinite` as false and silently remove the deadline. `undefined` means "not given".
 */
export function checkNumericOptions(
  options: object,
  rules: Readonly<Record<string, NumberRule>> = NUMERIC_OPTIONS,
  where = '',
): void {
  for (const name in rules) {
    const value = (options as Record<string, unknown>)[name];
    const rule = rules[name]!;
    if (value === undefined || (typeof value === 'number' && TESTS[rule](value))) continue;
    throw new ConfigurationError(
      `${where}\`${name}\` must be ${rule}; got ${typeof value === 'string' ? JSON.stringify(value) : String(value)} (${value === null ? 'null' : typeof value}).`,
    );
  }
}

/** Splits a base URL into origin and path prefix; relative URLs (`/api/vk`) have an empty origin. */
export function splitBaseURL(baseURL: string): { origin: string; basePath: string } {
  const trimmed = baseURL.replace(/\/+$/, '');
  if (trimmed.startsWith('/') || trimmed === '') return { origin: '', basePath: trimmed };
  const url = new URL(trimmed);
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}

/**
 * Resolves credentials from options, then the environment; throws one ConfigurationError that
 * names every missing option and its variable. `fields` maps option name → [value, env var].
 */
export function requireCredentials<K extends string>(
  clientName: string,
  fields: Record<K, [string | undefined, string]>,
  hint: string,
): Record<K, string> {
  const out = {} as Record<K, string>;
  const missing: string[] = [];
  for (const name in fields) {
    const [value, env] = fields[name];
    const resolved = value ?? readEnv(env);
    if (resolved) out[name] = resolved;
    else missing.push(`${name} (or env ${env})`);
  }
  if (missing.length > 0)
    throw new ConfigurationError(`${clientName} is missing ${missing.join(', ')}. ${hint}`);
  return out;
}
