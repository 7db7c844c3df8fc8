import type { Signer } from '../signers/types.js';
import type { Transport, TransportResponse } from '../transport/types.js';
import { type TransportError, classifyNetworkError } from '../transport/types.js';
import { CallAbort } from './call-abort.js';
import type { Clock } from './clock.js';
import { makeAPIError } from './error-map.js';
import {
  type APIError,
  APIConnectionError,
  type APIErrorInit,
  APITimeoutError,
  ClientClosedError,
  ResponseValidationError,
  UserAbortError,
  VistarkriyaError,
} from './errors.js';
import { CLOSED, type Lifecycle } from './lifecycle.js';
import type { InternalLogger } from './logger.js';
import { NUMERIC_OPTIONS, checkNumericOptions } from './options.js';
import type { Redactor } from './redact.js';
import { type RetryClass, type Verdict, backoffSeconds, mayRetry, verdictForStatus } from './retry.js';

/** A failed answer, described before it becomes an error (the retry decision comes first). */
export interface Failure extends Omit<APIErrorInit, 'outcomeUnknown'> {
  verdict: Verdict | 'clock-skew';
  /** Builds a specialised error class (Veri5 codes); defaults to the platform's code/status map. */
  make?: (init: APIErrorInit) => APIError;
  /**
   * The server answered, but the answer could not be read (not JSON, not the envelope, too large):
   * a billable call was acted on with an unknown result, so its error says `outcomeUnknown`.
   */
  unreadable?: boolean;
  /** What the answer itself says about the outcome (a vistarkriya proxy's `outcome_unknown`). */
  outcomeUnknown?: boolean;
}

export type Interpretation = { ok: true; value: unknown } | { ok: false; failure: Failure };

/** Turns a complete HTTP answer into a value or a failure (platform envelope, Veri5, raw JSON). */
export type Interpreter = (response: TransportResponse) => Interpretation;

export interface CallSpec {
  /** Upper-case method; used for signing and sending. */
  method: string;
  /** Path + query as sent (without the client's base path), built once. */
  target: string;
  /** Exact body text ('' for none), serialised once. */
  body: string;
  retry: RetryClass;
  interpret: Interpreter;
  signal?: AbortSignal | undefined;
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  headers?: Record<string, string> | undefined;
  /** Operation id for log lines, e.g. `verify.pan`. */
  operation?: string | undefined;
}

export interface PipelineConfig {
  /** `https://vistarkriya.com`, or `''` for origin-relative URLs in a browser. */
  origin: string;
  /** Path prefix of the base URL (`''`, or `/api/vk` behind a proxy); part of the signed target. */
  basePath: string;
  signer: Signer;
  transport: Transport;
  clock: Clock;
  timeout: number;
  maxRetries: number;
  /** A Retry-After longer than this is not waited for: the error is thrown at once. */
  maxRetryAfterSeconds: number;
  maxResponseBytes: number;
  log: InternalLogger;
  redact: Redactor;
  defaultHeaders: Record<string, string>;
  /** The client's open/closed state: after `close()` no attempt starts. */
  lifecycle: Lifecycle;
}

// The per-call options a caller can pass (`{ timeout, maxRetries }`), checked on every call.
const CALL_OPTIONS = { timeout: NUMERIC_OPTIONS.timeout, maxRetries: NUMERIC_OPTIONS.maxRetries };
const TIMEOUT = Symbol('timeout');
// setTimeout fires at once for delays above 2^31-1 ms (~24.8 days): clamp, never overflow.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The one request pipeline: every attempt is signed afresh (fresh, skew-corrected timestamp),
 * sent, interpreted, and either returned, retried per the call's retry class, or thrown as a
 * typed, redacted error. `timeout` is a deadline for the whole call, backoff included.
 */
export async function execute(config: PipelineConfig, spec: CallSpec): Promise<unknown> {
  if (spec.timeout !== undefined || spec.maxRetries !== undefined)
    checkNumericOptions(spec, CALL_OPTIONS, 'Per-call ');
  const timeoutMs = spec.timeout ?? config.timeout;
  const maxRetries = spec.maxRetries ?? config.maxRetries;
  const deadline = Date.now() + timeoutMs;
  // Not an AbortController: see call-abort.ts (a fresh AbortSignal per call costs ~10 µs in Node).
  const controller = new CallAbort();
  const userSignal = spec.signal;
  if (userSignal?.aborted) throw new UserAbortError();
  const unfollow = userSignal ? followSignal(userSignal, controller) : undefined;
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(abortForTimeout, Math.min(timeoutMs, MAX_TIMER_MS), controller)
    : undefined;
  const target = config.basePath + spec.target;
  const url = config.origin + target;
  let retries = 0;
  let skewCorrected = false;
  try {
    for (let attempt = 1; ; attempt++) {
      if (config.lifecycle.closed) throw new ClientClosedError();
      const started = Date.now();
      const signing = config.signer.sign({
        method: spec.method,
        target,
        body: spec.body,
        timestamp: config.clock.now(),
      });
      // Node signers are synchronous: do not spend a microtask turn awaiting a plain value.
      const signed = isThenable(signing) ? await signing : signing;
      const body = signed.body ?? spec.body;
      const headers = mergeHeaders(config.defaultHeaders, spec.headers, signed.headers);

      let failure: Failure;
      let transportFailure: TransportError | undefined;
      try {
        const response = await config.transport.send({
          method: spec.method,
          url,
          headers,
          body: body === '' ? undefined : body,
          // A real AbortSignal only for transports that need one (see call-abort.ts).
          signal: (config.transport.usesAbortSource ? undefined : controller.signal) as AbortSignal,
          abortSource: controller,
          maxResponseBytes: config.maxResponseBytes,
        });
        const result = interpretSafely(spec.interpret, response);
        if (config.log.debugEnabled) {
          config.log.debug(
            `${spec.method} ${target} -> ${response.status} (${spec.operation ?? 'request'}, attempt ${attempt}, ${Date.now() - started} ms)`,
          );
        }
        if (result.ok) return result.value;
        failure = result.failure;
      } catch (caught) {
        if (caught instanceof ClientClosedError) throw caught;
        // A custom transport may throw raw errors: sort them like the built-in ones do.
        const err = classifyNetworkError(caught, controller);
        transportFailure = err;
        if (err.kind === 'aborted') {
          if (controller.reason === TIMEOUT) throw timeoutError(spec.retry, timeoutMs);
          // Aborted in flight: a billable request may already have reached the server.
          throw new UserAbortError(undefined, { outcomeUnknown: spec.retry === 'billable' });
        }
        config.log.debug(`${spec.method} ${target} -> ${err.message} (attempt ${attempt})`);
        failure =
          err.kind === 'too-large'
            ? tooLargeFailure(err)
            : {
                status: 0,
                message: err.message,
                verdict: err.kind === 'not-sent' ? 'safe' : err.kind === 'invalid' ? 'final' : 'ambiguous',
              };
      }

      // Clock skew: learn the offset from the server's Date header and retry once.
      if (
        failure.verdict === 'clock-skew' &&
        !skewCorrected &&
        config.clock.learnFrom(failure.headers?.date)
      ) {
        skewCorrected = true;
        config.log.info(
          `server clock differs by ${config.clock.offsetSeconds} s; re-signing with the corrected time`,
        );
        continue;
      }
      const verdict: Verdict = failure.verdict === 'clock-skew' ? 'final' : failure.verdict;
      let delay = failure.retryAfter;
      const retryable = retries < maxRetries && mayRetry(verdict, spec.retry);
      if (retryable && (delay === undefined || delay <= config.maxRetryAfterSeconds)) {
        delay ??= backoffSeconds(retries + 1);
        if (Date.now() + delay * 1000 < deadline) {
          retries++;
          config.log.info(`retrying ${spec.method} ${target} in ${Math.round(delay * 1000)} ms`);
          const doneWaiting = config.lifecycle.wait(controller);
          await sleep(delay * 1000, controller)
            .catch(() => {
              if (controller.reason === TIMEOUT) throw timeoutError(spec.retry, timeoutMs);
              throw controller.reason === CLOSED ? new ClientClosedError() : new UserAbortError();
            })
            .finally(doneWaiting);
          continue;
        }
      }
      const outcomeUnknown =
        failure.outcomeUnknown ??
        (spec.retry === 'billable' && (verdict === 'ambiguous' || failure.unreadable === true));
      if (transportFailure && transportFailure.kind !== 'too-large') {
        throw new APIConnectionError({
          message: config.redact(transportFailure.message),
          cause: safeCause(transportFailure.cause, config.redact),
          outcomeUnknown,
        });
      }
      const { verdict: _v, make: _m, unreadable: _u, outcomeUnknown: _o, ...fields } = failure;
      const init: APIErrorInit = {
        ...fields,
        message: config.redact(failure.message),
        // A debugging proxy may echo request headers (the signature) into the answer's headers.
        headers: failure.headers && redactHeaders(failure.headers, config.redact),
        // Read from the same headers (or the body): redacted the same way.
        requestId: failure.requestId && config.redact(failure.requestId),
        outcomeUnknown,
      };
      const error = failure.make ? failure.make(init) : makeAPIError(init);
      config.log.debug(`${spec.method} ${target} failed: ${error.message}`);
      throw error;
    }
  } catch (err) {
    if (err instanceof VistarkriyaError) throw err;
    // Anything else (a signer that threw, a bug) must not leak secrets either.
    throw new VistarkriyaError(config.redact(err instanceof Error ? err.message : String(err)), {
      cause: undefined,
    });
  } finally {
    clearTimeout(timer);
    unfollow?.();
  }
}

/**
 * The low-level error, rebuilt with a redacted message, its name and code, and no stack or
 * further causes: a custom `fetch` may put request details (the signature) into its errors, and
 * `util.inspect` prints an error's causes.
 */
function safeCause(cause: unknown, redact: Redactor): Error | undefined {
  if (cause === undefined || cause === null) return undefined;
  const source = cause as { name?: unknown; message?: unknown };
  const safe = new Error(redact(typeof source.message === 'string' ? source.message : String(cause)));
  safe.stack = undefined;
  if (typeof source.name === 'string') safe.name = source.name;
  let c: unknown = cause;
  for (let depth = 0; c && depth < 4; depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') {
      (safe as Error & { code?: string }).code = code;
      break;
    }
    c = (c as { cause?: unknown }).cause;
  }
  return safe;
}

function redactHeaders(headers: Record<string, string>, redact: Redactor): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) out[name] = redact(headers[name]!);
  return out;
}

/**
 * A body over `maxResponseBytes`: the status still tells whether the server acted. A 2xx is an
 * unreadable success (never retried: the same answer would come back); an error status keeps its
 * usual verdict (a 5xx page is still ambiguous).
 */
function tooLargeFailure(err: TransportError): Failure {
  const status = err.status ?? 0;
  const unreadable = status < 300;
  return {
    status,
    code: 'RESPONSE_TOO_LARGE',
    message: err.message,
    verdict: unreadable ? 'final' : verdictForStatus(status),
    unreadable,
    ...(status >= 200 && status < 300
      ? { make: (init: APIErrorInit) => new ResponseValidationError(init) }
      : {}),
  };
}

/** Interpreters must not throw; if one does anyway, its answer is unreadable, not a crash. */
function interpretSafely(interpret: Interpreter, response: TransportResponse): Interpretation {
  try {
    return interpret(response);
  } catch {
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok: false,
      failure: {
        status: response.status,
        code: 'INVALID_RESPONSE',
        message: `Could not interpret an HTTP ${response.status} answer.`,
        headers: response.headers,
        verdict: ok ? 'final' : verdictForStatus(response.status),
        unreadable: ok,
        make: (init) => (ok ? new ResponseValidationError(init) : makeAPIError(init)),
      },
    };
  }
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** The calls that share one caller `AbortSignal`, and the one listener that ends them all. */
interface SignalFollowers {
  calls: Set<CallAbort>;
  onAbort: () => void;
}
const followersBySignal = new WeakMap<AbortSignal, SignalFollowers>();

/**
 * Ends `call` when the caller's signal aborts; returns the "stop following" function. One
 * listener per signal however many calls share it: Node warns of a "possible EventTarget memory
 * leak" past 10 listeners on one AbortSignal (an app-wide shutdown signal, a request's signal
 * shared by a fan-out of calls), although every listener is removed when its call ends.
 */
function followSignal(signal: AbortSignal, call: CallAbort): () => void {
  let followers = followersBySignal.get(signal);
  if (!followers) {
    const calls = new Set<CallAbort>();
    const onAbort = () => {
      followersBySignal.delete(signal);
      for (const c of calls) c.abort(signal.reason);
    };
    followers = { calls, onAbort };
    followersBySignal.set(signal, followers);
    signal.addEventListener('abort', onAbort, { once: true });
  }
  const { calls, onAbort } = followers;
  calls.add(call);
  return () => {
    calls.delete(call);
    if (calls.size === 0 && followersBySignal.get(signal)?.calls === calls) {
      followersBySignal.delete(signal);
      signal.removeEventListener('abort', onAbort);
    }
  };
}

function abortForTimeout(controller: CallAbort): void {
  controller.abort(TIMEOUT);
}

/**
 * `{ ...defaults, ...perCall, ...auth }` (later wins), with names compared case-insensitively
 * (HTTP names are case-insensitive): a per-call `content-type` replaces the default
 * `Content-Type`, and no default or per-call `x-api-key` can travel beside the signer's
 * `X-API-Key`. The name that wins keeps its spelling, because servers are not all case-blind:
 * PHP's `getallheaders()` returns names as the client wrote them, and code written from seed 000
 * reads `getallheaders()['X-API-Key']`. Loops without allocation (this runs on every attempt; a
 * chain of object spreads, or `toLowerCase()` on every name, costs microseconds here).
 * @internal Exported for tests.
 */
export function mergeHeaders(
  defaults: Record<string, string>,
  perCall: Record<string, string> | undefined,
  auth: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in defaults) if (Object.hasOwn(defaults, key)) setHeader(out, key, defaults[key]!);
  if (perCall) for (const key in perCall) if (Object.hasOwn(perCall, key)) setHeader(out, key, perCall[key]!);
  for (const key in auth) if (Object.hasOwn(auth, key)) setHeader(out, key, auth[key]!);
  return out;
}

/** Sets `name`, first dropping a name that differs from it only in letter case. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  if (!Object.hasOwn(headers, name)) {
    for (const existing in headers) {
      if (sameHeaderName(existing, name)) {
        delete headers[existing];
        break;
      }
    }
  }
  headers[name] = value;
}

/** ASCII case-insensitive equality (header names are ASCII tokens), without allocating. */
function sameHeaderName(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const folded = x | 0x20;
    if (folded !== (y | 0x20) || folded < 0x61 || folded > 0x7a) return false;
  }
  return true;
}

function timeoutError(retry: RetryClass, timeoutMs: number): APITimeoutError {
  return new APITimeoutError({
    message: `Request timed out after ${timeoutMs} ms.`,
    outcomeUnknown: retry === 'billable',
  });
}

function sleep(ms: number, signal: CallAbort): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.once('abort', onAbort);
  });
}
