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
