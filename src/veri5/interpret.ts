import { ResponseValidationError } from '../core/errors.js';
import { excerpt, interpretJson, requestIdOf, statusFailure, tryParseJson } from '../core/interpret.js';
import type { Failure, Interpretation, Interpreter } from '../core/failure.js';
import { parseRetryAfter } from '../core/retry.js';
import type { TransportResponse } from '../transport/types.js';
import { Veri5Error } from './errors.js';
import { type Veri5CodeInfo, retryabilityOfCode, veri5CodeInfo } from './codes.js';

type Json = Record<string, unknown>;

/** `Verified_data` → `verified_data`, `Age_band` → `age_band`, `txnId` → `txn_id`, `Code` → `code`. */
export function snakeKey(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * One level of key normalisation. The Veri5 API document capitalises inconsistently (`Verified_data`,
 * `Code`); when both spellings arrive, the one already in snake_case wins.
 */
export function normalizeKeys(obj: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) if (snakeKey(k) === k) out[k] = v;
  for (const [k, v] of Object.entries(obj)) {
    const s = snakeKey(k);
    if (!(s in out)) out[s] = v;
  }
  return out;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

const SUCCESS_CODES = new Set(['000', '4000']);
// Fields that show a GSTN taxpayer record (the Veri5 API document leaves the record's key unnamed).
const GSTIN_MARKERS = ['lgnm', 'gstin', 'sts', 'tradeNam'];

/** Finds the GSTIN record: at the top level, or in the first object member that looks like one. */
function extractGstinDetails(json: Json): { details?: Json; rest: Json } {
  const looksLikeRecord = (o: Json) => GSTIN_MARKERS.some((m) => m in o);
  if (looksLikeRecord(json)) {
    const { response_status, ...details } = json;
    return { details, rest: response_status === undefined ? {} : { response_status } };
  }
  for (const [k, v] of Object.entries(json)) {
    if (snakeKey(k) === 'response_status' || !isObject(v)) continue;
    if (looksLikeRecord(v)) {
      const { [k]: _omit, ...rest } = json;
      return { details: v, rest };
    }
  }
  return { rest: json };
}

/**
 * Which response is being read; the shapes differ (the Veri5 API document's "Response Payload" sections,
 * 3.1.2 to 3.5.2).
 */
export type Veri5ResponseKind = 'pan' | 'aadhaar' | 'panDetails' | 'gstin' | 'bank';

/** A 2xx that is not a Veri5 answer. */
function invalid(response: TransportResponse, message: string): Interpretation {
  return {
    ok: false,
    failure: {
      ...statusFailure(response, message, 'INVALID_RESPONSE'),
      retryability: 'final',
      errorClass: ResponseValidationError,
    },
  };
}

function errorFailure(
  response: TransportResponse,
  json: Json,
  code: string,
  info: Veri5CodeInfo | undefined,
  message: string,
): Failure {
  return {
    status: response.status,
    code,
    message,
    requestId: requestIdOf(response, json),
    headers: response.headers,
    retryAfter: parseRetryAfter(response.headers),
    retryability: retryabilityOfCode(info),
    errorClass: info?.kind === 'error' ? info.errorClass : Veri5Error,
  };
}

/**
 * For a request that must never reach Veri5 twice: the penny drop, whose `uniqueRequestNo` "Has to be unique
 * for every request" (the Veri5 API document, "3.4.1 Request Payload") and which moves money. Once Veri5 has
 * answered, nothing in the answer makes a re-send `safe` (not a 429, not a retryable code of another table):
 * the failure is final, or ambiguous with `outcomeUnknown` when Veri5 may have acted (4002, 5xx). The
 * pipeline still re-sends a request that provably never left (connection refused, DNS): Veri5 never saw that
 * number.
 */
export function neverResentOnceAnswered(interpret: Interpreter): Interpreter {
  return (response) => {
    const result = interpret(response);
    if (result.ok || result.failure.retryability !== 'safe') return result;
    return { ok: false, failure: { ...result.failure, retryability: 'final' } };
  };
}

/**
 * Veri5 answers HTTP 200 with `response_status` (and, for verifications, `verification_status`
 * and `verification_code`). The code decides, through the code table: success and FAIL results
 * are values, everything else is a typed, redacted error. `extra` (the request id or
 * uniqueRequestNo sent) is added to the result.
 */
export function veri5Interpreter(kind: Veri5ResponseKind, extra: Json = {}): Interpreter {
  return (response) => {
    const parsed = tryParseJson(response.body);
    if (!isObject(parsed)) {
      if (parsed === undefined || response.status < 200 || response.status >= 300)
        return interpretJson(response);
      return invalid(response, `Expected a JSON object, got: ${excerpt(response.body)}`);
    }
    const { details, rest } = kind === 'gstin' ? extractGstinDetails(parsed) : { rest: parsed };
    const top = normalizeKeys(rest);
    const rs = isObject(top.response_status) ? normalizeKeys(top.response_status) : {};
    if (isObject(top.response_status)) top.response_status = rs;
    if (isObject(top.verified_data)) top.verified_data = normalizeKeys(top.verified_data);
    if (isObject(top.response_data)) top.response_data = normalizeKeys(top.response_data);

    const codes = [text(top.verification_code), text(rs.code), text(top.code)].filter(
      (c): c is string => c !== undefined,
    );
    const code = codes.find((c) => !SUCCESS_CODES.has(c)) ?? codes[0];
    const info = code === undefined ? undefined : veri5CodeInfo(code);
    const statuses = [text(top.verification_status), text(rs.status), text(top.status)].map((s) =>
      s?.toUpperCase(),
    );
    const failed = statuses.includes('FAIL');
    // The message belongs with the code: Table 2 puts a verification's message in `verified_data`
    // when `response_status` only reports that the request itself was processed.
    const verifiedText = typeof top.verified_data === 'string' ? text(top.verified_data) : undefined;
    const fromVerification =
      code !== undefined && code === text(top.verification_code) && code !== text(rs.code);
    const message =
      (fromVerification ? verifiedText : undefined) ??
      text(rs.message) ??
      text(top.message) ??
      verifiedText ??
      '';

    const ok2xx = response.status >= 200 && response.status < 300;
    if (code !== undefined && info?.kind === 'error') {
      return { ok: false, failure: errorFailure(response, parsed, code, info, message || info.message) };
    }
    if (!ok2xx) {
      // An HTTP-level failure (429, 5xx, a gateway page): the status decides (RateLimitError, ...).
      return { ok: false, failure: statusFailure(response, message || `HTTP ${response.status}`, code) };
    }
    if (code === undefined)
      return invalid(response, `Veri5 answer without a code: ${excerpt(response.body)}`);
    if (!info) {
      if (failed || !statuses.includes('SUCCESS')) {
        return {
          ok: false,
          failure: errorFailure(response, parsed, code, undefined, message || 'Unknown Veri5 code.'),
        };
      }
    } else if (info.kind === 'success' && failed) {
      return invalid(response, `Veri5 answered FAIL with success code ${code}.`);
    }
    const status = info?.kind === 'result' ? 'FAIL' : 'SUCCESS';
    const value: Json = { ...top, ...extra, status, code, message: message || (info?.message ?? '') };
    if (details) value.gstin_details = details;
    return { ok: true, value };
  };
}
