export interface TransportRequest {
  method: string;
  /** Absolute (or, in browsers, origin-relative) URL; its path+query is the signed target, verbatim. */
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
  /** Bodies larger than this are refused (a broken or hostile upstream cannot exhaust memory). */
  maxResponseBytes: number;
}

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
  | 'aborted';

export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly kind: TransportFailureKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One HTTP exchange. Implementations: undici (Node) and fetch (everywhere). */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

function codeOf(err: unknown): string | undefined {
  let c: unknown = err;
  for (let i = 0; c && i < 4; i++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    c = (c as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Sorts a low-level failure into "provably not sent" versus "may have been acted on". */
export function classifyNetworkError(err: unknown, signal: AbortSignal): TransportError {
  if (err instanceof TransportError) return err;
  if (signal.aborted) return new TransportError('aborted', 'Request was aborted.', undefined, { cause: err });
  const code = codeOf(err);
  const kind = code && NOT_SENT_CODES.has(code) ? 'not-sent' : 'ambiguous';
  const detail = code ? ` (${code})` : '';
  return new TransportError(
    kind,
    kind === 'not-sent' ? `Could not connect${detail}.` : `Connection failed${detail}.`,
    undefined,
    { cause: err },
  );
}
