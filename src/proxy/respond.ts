// Responses the proxy writes itself use the platform's own error envelope (`{ success: false,
// error: { code, message, http_status } }`, as the platform's API overview shows it), so a browser
// client turns them into the same typed errors as an upstream failure.
import {
  APIConnectionError,
  APITimeoutError,
  ClientClosedError,
  InputValidationError,
  UserAbortError,
} from '../core/errors.js';
import type { InternalLogger } from '../core/logger.js';
import { PROXY_ANSWER_FINAL, PROXY_ANSWER_HEADER } from '../core/proxy-answer.js';
import type { Redactor } from '../core/redact.js';

// Everything the proxy returns is served from the app's own origin, so it must never be a page
// there: the body is always JSON (see `passThrough`), `nosniff` keeps it so, and the CSP sandbox
// leaves nothing to run even if a browser were asked to render it.
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
};

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  ...SECURITY_HEADERS,
  // The proxy applied the retry policy to the platform: the browser client does not retry this.
  [PROXY_ANSWER_HEADER]: PROXY_ANSWER_FINAL,
};

/** `{ success: false, error: { code, message, http_status, ...extra } }` with that status. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body = { success: false, error: { code, message, http_status: status, ...extra } };
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

/**
 * What a 400 `VALIDATION_ERROR` carries besides its message: the first issue's `field` and `rule`
 * and every issue, which the client behind the proxy throws as the same `InputValidationError`.
 */
export function validationFields(err: InputValidationError): Record<string, unknown> {
  const issues = err.issues.map(({ field, rule, message }) => ({ field, rule, message }));
  return { field: err.field, rule: err.rule, issues };
}

/** A Response the proxy did not build (from `authorize`), with the security headers set on it. */
export function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The upstream headers a browser may see; everything else (cookies, hop-by-hop, server) stays behind. */
export const PASS_THROUGH_HEADERS = ['retry-after', 'retry-after-ms', 'x-request-id', 'request-id'];

/** What the pipeline concluded about a failed upstream call. */
export interface UpstreamOutcome {
  /** True when a billable call may have been carried out (the client's `outcomeUnknown`). */
  outcomeUnknown: boolean;
}

/**
 * Builds the pass-through response from an upstream answer: the status and the envelope are the
 * platform's, re-serialised from the parsed JSON with `scrub` applied to every string. A body that
 * is not a JSON object (an HTML error page, which could echo a script) is never passed on: the
 * browser gets the proxy's own `UPSTREAM_INVALID_RESPONSE` instead.
 */
export function passThrough(
  upstream: { status: number; headers: Record<string, string>; body: string },
  scrub: Redactor,
  failure: UpstreamOutcome | undefined,
): Response {
  const headers: Record<string, string> = {};
  for (const name of PASS_THROUGH_HEADERS) {
    const v = upstream.headers[name];
    if (v !== undefined) headers[name] = scrub(v);
  }
  // 204/304 may not carry a body in the Fetch API.
  if (upstream.status === 204 || upstream.status === 304) {
    return new Response(null, { status: upstream.status, headers: { ...BASE_HEADERS, ...headers } });
  }
  const json = parseObject(upstream.body);
  const scrubbed = json === undefined ? undefined : scrubJson(json, scrub, 0);
  if (scrubbed === undefined) {
    return errorResponse(
      upstream.status >= 400 ? upstream.status : 502,
      'UPSTREAM_INVALID_RESPONSE',
      'The platform answered with something other than JSON.',
      { outcome_unknown: failure?.outcomeUnknown ?? false },
      headers,
    );
  }
  return new Response(JSON.stringify(scrubbed), {
    status: upstream.status,
    headers: { ...BASE_HEADERS, ...headers },
  });
}

function parseObject(text: string): object | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

// The platform's envelopes are a few levels deep; anything deeper is not one of its answers.
const MAX_DEPTH = 32;

/**
 * A copy of a parsed JSON value with `scrub` applied to every string (keys included) and every
 * number that equals a scrubbed value (an admin code echoed as a number); `undefined` past
 * `MAX_DEPTH`. Objects are rebuilt without a prototype, so a `__proto__` key stays a plain key.
 */
function scrubJson(value: unknown, scrub: Redactor, depth: number): unknown {
  if (depth > MAX_DEPTH) return undefined;
  if (typeof value === 'string') return scrub(value);
  if (typeof value === 'number') {
    const text = String(value);
    return scrub(text) === text ? value : scrub(text);
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const v = scrubJson(item, scrub, depth + 1);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const v = scrubJson((value as Record<string, unknown>)[key], scrub, depth + 1);
    if (v === undefined) return undefined;
    out[scrub(key)] = v;
  }
  return out;
}

/** The answer to an upstream call that produced no platform answer (abort, close, timeout, network). */
export function failureResponse(error: unknown, scrub: Redactor, log: InternalLogger): Response {
  if (error instanceof UserAbortError)
    return errorResponse(499, 'CLIENT_CLOSED_REQUEST', 'The request was aborted.');
  if (error instanceof ClientClosedError)
    return errorResponse(503, 'PROXY_CLOSED', 'The proxy is shutting down.', { outcome_unknown: false });
  if (error instanceof APITimeoutError) {
    return errorResponse(504, 'UPSTREAM_TIMEOUT', 'The platform did not answer in time.', {
      outcome_unknown: error.outcomeUnknown,
    });
  }
  if (error instanceof APIConnectionError) {
    return errorResponse(502, 'UPSTREAM_UNAVAILABLE', 'The platform could not be reached.', {
      outcome_unknown: error.outcomeUnknown,
    });
  }
  if (error instanceof InputValidationError)
    return errorResponse(400, 'VALIDATION_ERROR', error.message, validationFields(error));
  const message = error instanceof Error ? error.message : String(error);
  log.error(`proxy: upstream call failed: ${scrub(message)}`);
  return errorResponse(502, 'UPSTREAM_ERROR', 'The platform call failed.');
}
