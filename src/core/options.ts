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
  /** Retries after the first attempt (see README, Reliability). Default 2. */
  maxRetries?: number;
  /** Your own `fetch` (tests, proxies, instrumentation). Node uses undici otherwise. */
  fetch?: FetchLike;
  /** Any console-like logger. Default: `console`. */
  logger?: Logger;
  /** Default `warn`, or the `VISTARKRIYA_LOG` environment variable. */
  logLevel?: LogLevel;
  /** Extra headers on every request (never allowed to replace the auth headers). */
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

type NumberRule = 'positive' | 'positive-integer' | 'count' | 'non-negative';

const RULES: Record<NumberRule, { test: (n: number) => boolean; what: string }> = {
  // Infinity is a deliberate "no deadline"; NaN and 0 are mistakes.
  positive: { test: (n) => n > 0, what: 'a positive number' },
  'positive-integer': { test: (n) => Number.isSafeInteger(n) && n > 0, what: 'a positive integer' },
  count: { test: (n) => Number.isSafeInteger(n) && n >= 0, what: 'a whole number, 0 or more' },
  'non-negative': { test: (n) => n >= 0, what: 'a number, 0 or more' },
};

/** The numeric options a client takes, and what each must be. */
export const NUMERIC_OPTIONS = {
  timeout: 'positive',
  maxRetries: 'count',
  maxRetryAfter: 'non-negative',
  maxResponseBytes: 'positive-integer',
} as const satisfies Record<string, NumberRule>;

/**
 * Throws a `ConfigurationError` naming the first numeric option that is given but not a usable
 * number: `timeout: '500'` (read from an environment variable, say) would otherwise pass
 * `Number.isFinite` as false and silently remove the deadline. `undefined` means "not given".
 */
export function checkNumericOptions(
  options: Readonly<Record<string, unknown>>,
  rules: Readonly<Record<string, NumberRule>> = NUMERIC_OPTIONS,
  where = '',
): void {
  for (const name of Object.keys(rules)) {
    const value = options[name];
    if (value === undefined) continue;
    const rule = RULES[rules[name]!];
    if (typeof value === 'number' && !Number.isNaN(value) && rule.test(value)) continue;
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
    throw new ConfigurationError(
      `${where}\`${name}\` must be ${rule.what}; got ${shown} (${value === null ? 'null' : typeof value}).` +
        (typeof value === 'string' ? ' Convert it with Number(...) first.' : ''),
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
