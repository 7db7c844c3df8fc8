import type { TransportResponse } from '../transport/types.js';
import { ResponseValidationError, type ValidationIssue } from './errors.js';
import { isFinalProxyAnswer } from './proxy-answer.js';
import type { Failure, Interpretation } from './failure.js';
import { parseRetryAfter, retryabilityOfStatus } from './retry.js';

const EXCERPT = 120;

/** A short, single-line excerpt of a body that is not the JSON we expected. */
export function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
}

export function requestIdOf(response: TransportResponse, json?: unknown): string | undefined {
  const h = response.headers['x-request-id'] ?? response.headers['request-id'];
  if (h) return h;
  const j = json as { request_id?: unknown; error?: { request_id?: unknown } } | undefined;
  const id = j?.error?.request_id ?? j?.request_id;
  return typeof id === 'string' ? id : undefined;
}

/** Parses JSON without ever letting a SyntaxError escape; `undefined` means "not JSON". */
export function tryParseJson(body: string): unknown {
  if (body === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** A failure from status and headers alone (used when the body is not the documented JSON). */
export function statusFailure(
  response: TransportResponse,
  message: string,
  code?: string,
  json?: unknown,
): Failure {
  return {
    status: response.status,
    code,
    message,
    requestId: requestIdOf(response, json),
    headers: response.headers,
    retryAfter: parseRetryAfter(response.headers),
    retryability: retryabilityOfStatus(response.status),
  };
}

/**
 * A 2xx whose body is not the answer the API documents: the server acted, but what it did cannot
 * be read (a billable call's outcome is unknown), and the same answer would come back on a retry.
 */
export function unreadableSuccess(
  response: TransportResponse,
  message: string,
  code = 'INVALID_RESPONSE',
): Failure {
  return {
    ...statusFailure(response, message, code),
    retryability: 'final',
    unreadable: true,
    errorClass: ResponseValidationError,
  };
}

function notJson(response: TransportResponse): Interpretation {
  const what = response.body === '' ? 'an empty body' : `a non-JSON body: ${excerpt(response.body)}`;
  if (response.status >= 200 && response.status < 300) {
    return { ok: false, failure: unreadableSuccess(response, `Expected JSON, got ${what}`) };
  }
  if (response.status >= 300 && response.status < 400) {
    return {
      ok: false,
      failure: statusFailure(
        response,
        `Redirect to ${response.headers.location ?? '(no location)'} not followed: signed requests are never redirected.`,
        'REDIRECT',
      ),
    };
  }
  return { ok: false, failure: statusFailure(response, `HTTP ${response.status} with ${what}`) };
}

interface PlatformEnvelope {
  success?: unknown;
  data?: unknown;
  error?: {
    code?: unknown;
    message?: unknown;
    http_status?: unknown;
    outcome_unknown?: unknown;
    issues?: unknown;
  };
  message?: unknown;
}

/**
 * The platform's clock-skew answer, `TIMESTAMP_EXPIRED` ("Request too old (>5 min)" in the
 * platform's API overview): the pipeline learns the offset from its `Date` header and re-signs
 * once. Not from a vistarkriya proxy, whose answers are final (it corrected its own clock).
 */
export function isPlatformClockSkew(failure: Failure): boolean {
  return failure.code === 'TIMESTAMP_EXPIRED' && !(failure.headers && isFinalProxyAnswer(failure.headers));
}

/**
 * The platform's envelope (its API overview's response format): `{ success: true, data }` → `data`;
 * `{ success: false, error: { code, message, http_status } }` → a typed failure.
 */
export function interpretPlatform(response: TransportResponse): Interpretation {
  const json = tryParseJson(response.body) as PlatformEnvelope | undefined;
  if (json === undefined || json === null || typeof json !== 'object') return notJson(response);
  const ok = response.status >= 200 && response.status < 300;
  if (ok && json.success === true) return { ok: true, value: json.data };
  if (json.success === false || !ok) {
    const err = json.error && typeof json.error === 'object' ? json.error : undefined;
    const code = firstString(err?.code);
    // A 200 carrying `success: false` takes its status from `http_status`, when that is an error status.
    const declared = err?.http_status;
    const status =
      ok && typeof declared === 'number' && Number.isInteger(declared) && declared >= 400 && declared <= 599
        ? declared
        : response.status;
    const message =
      firstString(err?.message, json.message) ?? `HTTP ${response.status}: ${excerpt(response.body)}`;
    const failure: Failure = {
      ...statusFailure(response, message, code, json),
      status,
      // The server did not act, and the same clock would be refused again (see isPlatformClockSkew).
      retryability: code === 'TIMESTAMP_EXPIRED' ? 'final' : retryabilityOfStatus(status),
    };
    return { ok: false, failure: fromProxy(failure, response, err) };
  }
  const expected = `Expected the { success, data } envelope, got: ${excerpt(response.body)}`;
  return { ok: false, failure: unreadableSuccess(response, expected) };
}

/**
 * Plain JSON APIs (Veri5, Open legacy, raw calls with `unwrap: false`): any 2xx JSON is the value.
 * An error answer's code and message are read from the top level (`{ code, message }`) or from the
 * platform's `{ error: { code, message } }`, so the code still picks the error class.
 */
export function interpretJson(response: TransportResponse): Interpretation {
  const json = tryParseJson(response.body);
  if (json === undefined) return notJson(response);
  if (response.status >= 200 && response.status < 300) return { ok: true, value: json };
  // `null`, numbers and strings are JSON too: read fields only from objects.
  const j = (typeof json === 'object' && json !== null ? json : {}) as PlatformEnvelope & { code?: unknown };
  const err = j.error && typeof j.error === 'object' ? j.error : {};
  const failure = statusFailure(
    response,
    firstString(j.message, err.message) ?? `HTTP ${response.status}: ${excerpt(response.body)}`,
    firstString(j.code, err.code),
  );
  return { ok: false, failure: fromProxy(failure, response, j.error) };
}

/** The first of `values` that is a string: an answer's fields, in the order they are looked for. */
function firstString(...values: unknown[]): string | undefined {
  return values.find((v) => typeof v === 'string') as string | undefined;
}

/**
 * A vistarkriya proxy's answer (see proxy-answer.ts): the proxy already retried (and corrected
 * the clock) against the platform, so it is final here, and the proxy knows better than we do
 * whether a billable call may have been acted on (`outcome_unknown`). Its refusal of the input
 * (`VALIDATION_ERROR` with `issues`: the operation's rules, run before anything was signed)
 * carries the issues, so the caller gets the `InputValidationError` a local check throws.
 */
function fromProxy(failure: Failure, response: TransportResponse, error: PlatformEnvelope['error']): Failure {
  if (!isFinalProxyAnswer(response.headers)) return failure;
  const outcome = error && typeof error === 'object' ? error.outcome_unknown : undefined;
  const issues = failure.code === 'VALIDATION_ERROR' ? issuesOf(error?.issues) : undefined;
  return {
    ...failure,
    retryability: 'final',
    ...(typeof outcome === 'boolean' ? { outcomeUnknown: outcome } : {}),
    ...(issues ? { issues } : {}),
  };
}

/** A proxy's `issues`, when every one is a `{ field, rule, message }` of strings. */
function issuesOf(value: unknown): ValidationIssue[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const issues: ValidationIssue[] = [];
  for (const i of value) {
    const { field, rule, message } = (i ?? {}) as Record<string, unknown>;
    if (typeof field !== 'string' || typeof rule !== 'string' || typeof message !== 'string')
      return undefined;
    issues.push({ field, rule, message });
  }
  return issues;
}
