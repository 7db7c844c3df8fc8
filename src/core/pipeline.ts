import type { Operation } from '../model/operation.js';
import type { Signer, SignResult } from '../signers/types.js';
import type { Transport, TransportRequest, TransportResponse } from '../transport/types.js';
import { type TransportError, classifyNetworkError } from '../transport/types.js';
import { CallAbort, TIMED_OUT, clearDeadline, followSignal, setDeadline } from '#platform/call-abort';
import type { Clock } from './clock.js';
import { redactedCause } from './error-cause.js';
import { makeAPIError } from './error-map.js';
import {
  APIConnectionError,
  type APIErrorInit,
  APITimeoutError,
  ClientClosedError,
  InputValidationError,
  ResponseValidationError,
  UserAbortError,
  VistarkriyaError,
} from './errors.js';
import type { Failure, Interpretation, Interpreter } from './failure.js';
import { mergeHeaders } from './headers.js';
import { statusFailure, unreadableSuccess } from './interpret.js';
import { CLOSED, type Lifecycle } from './lifecycle.js';
import type { InternalLogger } from './logger.js';
import { checkNumericOptions } from './options.js';
import { CALL_NUMERIC_OPTIONS } from './request.js';
import type { Redactor } from './redact.js';
import { type RetryClass, backoffSeconds, mayRetry, retryabilityOfStatus } from './retry.js';

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
  /** The row this call runs: its id names it in log lines, and the signer gets it (`SignInput.operation`). */
  op?: Operation | undefined;
  /** The body before serialisation, given to the signer (see `SignInput.json`). */
  json?: Record<string, unknown> | undefined;
  /** Sees each attempt's signed request just before it is sent (the proxy records its signatures). */
  onRequest?: ((request: TransportRequest) => void) | undefined;
  /** Sees each complete answer before it is interpreted (the proxy passes the platform's on). */
  onResponse?: ((response: TransportResponse) => void) | undefined;
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
  /**
   * Recognises the API's "your clock is off" answer (the platform's `TIMESTAMP_EXPIRED`): the
   * pipeline then learns the offset from the answer's `Date` header and re-signs once. A verdict of
   * that API, not of HTTP: a client without one never re-signs.
   */
  isClockSkew?: ((failure: Failure) => boolean) | undefined;
}

/** One call in progress: its deadline, its abort state and what it has tried so far. */
interface Call {
  /** Base path + target: what is signed and sent. */
  readonly target: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly deadline: number;
  readonly abort: CallAbort;
  attempt: number;
  retries: number;
  skewCorrected: boolean;
}

/** A failed attempt: the failure, and the transport's error when no answer arrived. */
type FailedAttempt = { ok: false; failure: Failure; connectionError?: TransportError | undefined };
type AttemptResult = { ok: true; value: unknown } | FailedAttempt;

/** What follows a failed attempt: re-sign at once, throw, or retry after this many seconds. */
type Decision = 'resign' | 'throw' | number;

/**
 * The one request pipeline, in named steps: {@link attempt} (sign afresh with a skew-corrected
 * timestamp, send, interpret), {@link decide} (re-sign, retry per the call's retry class, or stop)
 * and {@link buildError} (a typed, redacted error). `timeout` is a deadline for the whole call,
 * backoff included. Only the send can fail the call: a logger cannot (it never throws), and a
 * signer or interpreter that throws becomes a typed error of its own.
 */
export async function execute(config: PipelineConfig, spec: CallSpec): Promise<unknown> {
  if (spec.timeout !== undefined || spec.maxRetries !== undefined)
    checkNumericOptions(spec, CALL_NUMERIC_OPTIONS, 'Per-call ');
  if (spec.signal?.aborted) throw new UserAbortError();
  const timeoutMs = spec.timeout ?? config.timeout;
  const target = config.basePath + spec.target;
  const call: Call = {
    target,
    timeoutMs,
    maxRetries: spec.maxRetries ?? config.maxRetries,
    deadline: performance.now() + timeoutMs, // monotonic, as the deadline timer: a wall-clock change moves neither
    // In Node not an AbortController: see call-abort-node.ts (a fresh AbortSignal costs ~10 µs there).
    abort: new CallAbort(),
    attempt: 0,
    retries: 0,
    skewCorrected: false,
  };
  const unfollow = spec.signal ? followSignal(spec.signal, call.abort) : undefined;
  // The deadline aborts the call with TIMED_OUT (in Node, one timer serves every call in flight).
  if (Number.isFinite(timeoutMs)) setDeadline(call.abort, call.deadline);
  try {
    for (;;) {
      const result = await attempt(config, spec, call);
      if (result.ok) return result.value;
      const decision = decide(config, spec, call, result.failure);
      if (decision === 'throw') throw buildError(config, spec, call, result);
      if (decision !== 'resign') await waitToRetry(config, spec, call, decision);
    }
  } finally {
    clearDeadline(call.abort);
    unfollow?.();
  }
}

/**
 * Step 1: one signed attempt. Only code that is not the pipeline's own sits in a `try`: the
 * signer, the transport's send and (in interpretSafely) the interpreter.
 */
async function attempt(config: PipelineConfig, spec: CallSpec, call: Call): Promise<AttemptResult> {
  if (config.lifecycle.closed) throw new ClientClosedError();
  call.attempt++;
  const started = Date.now();
  let signed: SignResult;
  try {
    const signing = config.signer.sign({
      method: spec.method,
      target: call.target,
      body: spec.body,
      timestamp: config.clock.now(),
      operation: spec.op,
      json: spec.json,
    });
    // Node signers are synchronous: do not spend a microtask turn awaiting a plain value.
    signed = isThenable(signing) ? await signing : signing;
  } catch (err) {
    throw signingError(err, config.redact);
  }
  const body = signed.body ?? spec.body;
  const request: TransportRequest = {
    method: spec.method,
    url: config.origin + call.target,
    headers: mergeHeaders(config.defaultHeaders, spec.headers, signed.headers),
    body: body === '' ? undefined : body,
    // A real AbortSignal only for transports that need one (see call-abort-node.ts).
    signal: (config.transport.usesAbortSource ? undefined : call.abort.signal) as AbortSignal,
    abortSource: call.abort,
    maxResponseBytes: config.maxResponseBytes,
  };
  spec.onRequest?.(request);
  let response: TransportResponse;
  try {
    response = await config.transport.send(request);
  } catch (caught) {
    return noAnswer(config, spec, call, caught);
  }
  spec.onResponse?.(response);
  const result = interpretSafely(spec.interpret, response);
  if (config.log.debugEnabled) {
    config.log.debug(
      `${spec.method} ${call.target} -> ${response.status} (${spec.op?.id ?? 'request'}, attempt ${call.attempt}, ${Date.now() - started} ms)`,
    );
  }
  return result;
}

/** A custom signer or a token function that threw: the call ends with its message, redacted. */
function signingError(err: unknown, redact: Redactor): VistarkriyaError {
  if (err instanceof VistarkriyaError) return err;
  return new VistarkriyaError(redact(err instanceof Error ? err.message : String(err)));
}

/** A send that produced no answer: aborts end the call, anything else is a failure to decide on. */
function noAnswer(config: PipelineConfig, spec: CallSpec, call: Call, caught: unknown): FailedAttempt {
  if (caught instanceof ClientClosedError) throw caught;
  // A custom transport may throw raw errors: sort them like the built-in ones do.
  const err = classifyNetworkError(caught, call.abort);
  if (err.kind === 'aborted') {
    if (call.abort.reason === TIMED_OUT) throw timeoutError(spec.retry, call.timeoutMs);
    // Aborted in flight: a billable request may already have reached the server.
    throw new UserAbortError(undefined, { outcomeUnknown: spec.retry === 'billable' });
  }
  config.log.debug(`${spec.method} ${call.target} -> ${err.message} (attempt ${call.attempt})`);
  if (err.kind === 'too-large') return { ok: false, failure: tooLargeFailure(err) };
  const retryability = err.kind === 'not-sent' ? 'safe' : err.kind === 'invalid' ? 'final' : 'ambiguous';
  return { ok: false, failure: { status: 0, message: err.message, retryability }, connectionError: err };
}

/**
 * Step 2: after a failure, re-sign once with a corrected clock (when the API says the clock is
 * off), retry within `maxRetries`, `maxRetryAfter` and the deadline when the failure's
 * retryability allows it for this call's retry class, or throw.
 */
function decide(config: PipelineConfig, spec: CallSpec, call: Call, failure: Failure): Decision {
  if (!call.skewCorrected && config.isClockSkew?.(failure) && config.clock.learnFrom(failure.headers?.date)) {
    call.skewCorrected = true;
    config.log.info(
      `server clock differs by ${config.clock.offsetSeconds} s; re-signing with the corrected time`,
    );
    return 'resign';
  }
  if (call.retries >= call.maxRetries || !mayRetry(failure.retryability, spec.retry)) return 'throw';
  const asked = failure.retryAfter;
  if (asked !== undefined && asked > config.maxRetryAfterSeconds) return 'throw';
  const delaySeconds = asked ?? backoffSeconds(call.retries + 1);
  return performance.now() + delaySeconds * 1000 < call.deadline ? delaySeconds : 'throw';
}

/** Waits out a retry delay; the deadline, the caller's signal and `close()` cut it short. */
async function waitToRetry(config: PipelineConfig, spec: CallSpec, call: Call, delaySeconds: number) {
  call.retries++;
  config.log.info(`retrying ${spec.method} ${call.target} in ${Math.round(delaySeconds * 1000)} ms`);
  const doneWaiting = config.lifecycle.wait(call.abort);
  try {
    await sleep(delaySeconds * 1000, call.abort);
  } catch {
    if (call.abort.reason === TIMED_OUT) throw timeoutError(spec.retry, call.timeoutMs);
    throw call.abort.reason === CLOSED ? new ClientClosedError() : new UserAbortError();
  } finally {
    doneWaiting();
  }
}

/** Step 3: the error a failed call ends with, redacted; says whether a billable call may have been acted on. */
function buildError(
  config: PipelineConfig,
  spec: CallSpec,
  call: Call,
  result: FailedAttempt,
): VistarkriyaError {
  const { failure, connectionError } = result;
  const outcomeUnknown =
    failure.outcomeUnknown ??
    (spec.retry === 'billable' && (failure.retryability === 'ambiguous' || failure.unreadable === true));
  if (connectionError) {
    return new APIConnectionError({
      message: config.redact(connectionError.message),
      cause: redactedCause(connectionError.cause, config.redact),
      outcomeUnknown,
    });
  }
  // The failure's own fields (retryability, …) ride along: the error classes read only theirs.
  const init: APIErrorInit = {
    ...failure,
    message: config.redact(failure.message),
    // A debugging proxy may echo request headers (the signature) into the answer's headers.
    headers: failure.headers && redactHeaders(failure.headers, config.redact),
    // Read from the same headers (or the body): redacted the same way.
    requestId: failure.requestId && config.redact(failure.requestId),
    outcomeUnknown,
  };
  // A proxy's refusal of the input is the error the client's own check throws (interpret.ts).
  const error = failure.issues
    ? new InputValidationError(failure.issues.map((i) => ({ ...i, message: config.redact(i.message) })))
    : failure.errorClass
      ? new failure.errorClass(init)
      : makeAPIError(init);
  config.log.debug(`${spec.method} ${call.target} failed: ${error.message}`);
  return error;
}

function redactHeaders(headers: Record<string, string>, redact: Redactor): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) out[name] = redact(headers[name]!);
  return out;
}

/**
 * A body over `maxResponseBytes`: the status still tells whether the server acted. A 2xx is an
 * unreadable success (never retried: the same answer would come back); an error status keeps its
 * usual retryability (a 5xx page is still ambiguous).
 */
function tooLargeFailure(err: TransportError): Failure {
  const status = err.status ?? 0;
  const unreadable = status < 300;
  return {
    status,
    code: 'RESPONSE_TOO_LARGE',
    message: err.message,
    retryability: unreadable ? 'final' : retryabilityOfStatus(status),
    unreadable,
    errorClass: status >= 200 && status < 300 ? ResponseValidationError : undefined,
  };
}

/** Interpreters must not throw; if one does anyway, its answer is unreadable, not a crash. */
function interpretSafely(interpret: Interpreter, response: TransportResponse): Interpretation {
  try {
    return interpret(response);
  } catch {
    const message = `Could not interpret an HTTP ${response.status} answer.`;
    const ok = response.status >= 200 && response.status < 300;
    const failure = ok
      ? unreadableSuccess(response, message)
      : statusFailure(response, message, 'INVALID_RESPONSE');
    return { ok: false, failure };
  }
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function timeoutError(retry: RetryClass, timeoutMs: number): APITimeoutError {
  return new APITimeoutError({
    message: `Request timed out after ${timeoutMs} ms.`,
    outcomeUnknown: retry === 'billable',
  });
}

/** Resolves after `ms`; rejects with the abort reason as soon as `call` aborts. */
function sleep(ms: number, call: CallAbort): Promise<void> {
  return new Promise((resolve, reject) => {
    if (call.aborted) return reject(call.reason);
    const t = setTimeout(() => {
      call.removeListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(call.reason);
    };
    call.once('abort', onAbort);
  });
}
