import type { Signer } from '../signers/types.js';
import type { Transport, TransportResponse } from '../transport/types.js';
import { TransportError } from '../transport/types.js';
import type { Clock } from './clock.js';
import { makeAPIError } from './error-map.js';
import {
  type APIError,
  APIConnectionError,
  type APIErrorInit,
  APITimeoutError,
  UserAbortError,
  VistarkriyaError,
} from './errors.js';
import type { InternalLogger } from './logger.js';
import type { Redactor } from './redact.js';
import { type RetryClass, type Verdict, backoffSeconds, mayRetry, parseRetryAfter } from './retry.js';

/** A failed answer, described before it becomes an error (the retry decision comes first). */
export interface Failure extends Omit<APIErrorInit, 'outcomeUnknown'> {
  verdict: Verdict | 'clock-skew';
  /** Builds a specialised error class (Veri5 codes); defaults to the platform's code/status map. */
  make?: (init: APIErrorInit) => APIError;
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
}

const TIMEOUT = Symbol('timeout');

/**
 * The one request pipeline: every attempt is signed afresh (fresh, skew-corrected timestamp),
 * sent, interpreted, and either returned, retried per the call's retry class, or thrown as a
 * typed, redacted error. `timeout` is a deadline for the whole call, backoff included.
 */
export async function execute(config: PipelineConfig, spec: CallSpec): Promise<unknown> {
  const timeoutMs = spec.timeout ?? config.timeout;
  const maxRetries = spec.maxRetries ?? config.maxRetries;
  const deadline = Date.now() + timeoutMs;
  const controller = new AbortController();
  const userSignal = spec.signal;
  if (userSignal?.aborted) throw new UserAbortError();
  const onUserAbort = () => controller.abort(userSignal?.reason);
  userSignal?.addEventListener('abort', onUserAbort, { once: true });
  const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
  const target = config.basePath + spec.target;
  const url = config.origin + target;
  let retries = 0;
  let skewCorrected = false;
  try {
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      const signed = await config.signer.sign({
        method: spec.method,
        target,
        body: spec.body,
        timestamp: config.clock.now(),
      });
      const body = signed.body ?? spec.body;
      const headers: Record<string, string> = {
        ...config.defaultHeaders,
        ...spec.headers,
        ...signed.headers,
      };
      if (body !== '') headers['Content-Type'] ??= 'application/json';

      let failure: Failure;
      let transportFailure: TransportError | undefined;
      try {
        const response = await config.transport.send({
          method: spec.method,
          url,
          headers,
          body: body === '' ? undefined : body,
          signal: controller.signal,
          maxResponseBytes: config.maxResponseBytes,
        });
        const result = spec.interpret(response);
        if (config.log.debugEnabled) {
          config.log.debug(
            `${spec.method} ${target} -> ${response.status} (${spec.operation ?? 'request'}, attempt ${attempt}, ${Date.now() - started} ms)`,
          );
        }
        if (result.ok) return result.value;
        failure = result.failure;
      } catch (err) {
        if (!(err instanceof TransportError)) throw err;
        transportFailure = err;
        if (err.kind === 'aborted') {
          if (controller.signal.reason === TIMEOUT) throw timeoutError(spec.retry, timeoutMs);
          throw new UserAbortError();
        }
        config.log.debug(`${spec.method} ${target} -> ${err.message} (attempt ${attempt})`);
        failure =
          err.kind === 'too-large'
            ? {
                status: err.status ?? 0,
                code: 'RESPONSE_TOO_LARGE',
                message: err.message,
                verdict: 'ambiguous',
              }
            : { status: 0, message: err.message, verdict: err.kind === 'not-sent' ? 'safe' : 'ambiguous' };
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
          await sleep(delay * 1000, controller.signal).catch(() => {
            throw controller.signal.reason === TIMEOUT
              ? timeoutError(spec.retry, timeoutMs)
              : new UserAbortError();
          });
          continue;
        }
      }
      const outcomeUnknown = spec.retry === 'billable' && verdict === 'ambiguous';
      if (transportFailure && transportFailure.kind !== 'too-large') {
        throw new APIConnectionError({
          message: config.redact(transportFailure.message),
          cause: transportFailure.cause,
          outcomeUnknown,
        });
      }
      const init: APIErrorInit = { ...failure, message: config.redact(failure.message), outcomeUnknown };
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
    userSignal?.removeEventListener('abort', onUserAbort);
  }
}

function timeoutError(retry: RetryClass, timeoutMs: number): APITimeoutError {
  return new APITimeoutError({
    message: `Request timed out after ${timeoutMs} ms.`,
    outcomeUnknown: retry === 'billable',
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
