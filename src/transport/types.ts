import { errorCodeOf } from '../core/error-cause.js';
import { failureOfCode } from '#platform/failure-codes';

/** One HTTP request as the pipeline hands it to a {@link Transport}: signed, serialised, final. */
export interface TransportRequest {
  method: string;
  /** Absolute (or, in browsers, origin-relative) URL; its path+query is the signed target, verbatim. */
  url: string;
  /**
   * Names spelled as the documents write them (`X-API-Key`, `Content-Type`), each present once
   * whatever its case. A transport should send them as given: some servers read names
   * case-sensitively (PHP's `getallheaders()`).
   */
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
  /**
   * @internal The same abort state as `signal`, shaped like an EventEmitter (undici accepts it as
   * its `signal`). In Node an `AbortController` costs ~3.5 µs and a listener on its fresh signal
   * ~8 µs per request, a quarter of a keep-alive round trip. A transport that declares
   * `usesAbortSource` gets only this (its `signal` is left unset).
   */
  abortSource?: AbortSource;
  /** Bodies larger than this are refused (a broken or hostile upstream cannot exhaust memory). */
  maxResponseBytes: number;
}

/** @internal EventEmitter-shaped abort state (what undici accepts as `signal`). */
export interface AbortSource {
  readonly aborted: boolean;
  readonly reason: unknown;
  on(event: 'abort', listener: () => void): unknown;
  once(event: 'abort', listener: () => void): unknown;
  removeListener(event: 'abort', listener: () => void): unknown;
}

/** A complete HTTP answer, body read as text (what interpreters work on). */
export interface TransportResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

/** How a request failed before a complete answer arrived; the retry policy reads `kind`. */
export type TransportFailureKind =
  /** Nothing reached the server: connection refused, DNS failure, connect timeout. */
  | 'not-sent'
  /** The request may have reached the server: reset, socket closed, body cut off. */
  | 'ambiguous'
  /** The response was larger than `maxResponseBytes`. */
  | 'too-large'
  /** The request's signal fired. */
  | 'aborted'
  /** The request could not even be built (an invalid header value, e.g. a key ending in `\r`): nothing was sent, and retrying cannot help. */
  | 'invalid';

export class TransportError extends Error {
  override name = 'TransportError';
  declare readonly kind: TransportFailureKind;
  declare readonly status?: number;
  constructor(kind: TransportFailureKind, message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.status = status;
  }
}

/** One HTTP exchange. Implementations: undici (Node) and fetch (everywhere). */
export interface Transport {
  /** Sends one request and reads the whole answer; throws a `TransportError` when none arrived. */
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Closes idle keep-alive connections. */
  close(): Promise<void>;
  /** @internal The transport reads `abortSource`, never `signal` (the built-in undici one). */
  readonly usesAbortSource?: boolean;
}

/** Sorts a low-level failure into "provably not sent" versus "may have been acted on". */
export function classifyNetworkError(err: unknown, signal: { readonly aborted: boolean }): TransportError {
  if (err instanceof TransportError) return err;
  if (signal.aborted) return new TransportError('aborted', 'Request was aborted.', undefined, { cause: err });
  const code = errorCodeOf(err);
  const [kind, message] = (code && failureOfCode(err, code)) || [
    'ambiguous',
    `Connection failed${code ? ` (${code})` : ''}.`,
  ];
  return new TransportError(kind, message, undefined, { cause: err });
}
