// Node's TLS handshake failures (node:tls and OpenSSL codes). A request is only written once the
// handshake has succeeded, so any of these means nothing was sent. Node build of
// `#platform/tls-failure` (package.json `imports`); the web build takes tls-failure-web.ts:
// `fetch` in browsers, workers and Deno never exposes these codes.

// A certificate OpenSSL refused, no common protocol or cipher, a server that speaks no TLS.
// Record-layer errors (`ERR_SSL_..._BAD_RECORD_MAC`) may come after the request and are not here.
const HANDSHAKE =
  /^(?:HOSTNAME_MISMATCH|CERT_\w+|UNABLE_TO_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|INVALID_(?:CA|PURPOSE)|PATH_LENGTH_EXCEEDED|ERR_TLS_(?:CERT_ALTNAME_INVALID|HANDSHAKE_TIMEOUT|INVALID_PROTOCOL_VERSION|DH_PARAM_SIZE)|ERR_SSL_(?:WRONG_VERSION_NUMBER|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE|NO_SHARED_CIPHER|DH_KEY_TOO_SMALL|UNSAFE_LEGACY_RENEGOTIATION_DISABLED|\w*CERTIFICATE_REQUIRED|\w*ALERT_(?:HANDSHAKE_FAILURE|PROTOCOL_VERSION|UNKNOWN_CA|BAD_CERTIFICATE|UNSUPPORTED_CERTIFICATE|CERTIFICATE_\w+|INSUFFICIENT_SECURITY|UNRECOGNIZED_NAME|NO_APPLICATION_PROTOCOL|ACCESS_DENIED)))$/;

/** True when `err` (with its first `code`) is a failed TLS handshake. */
export function tlsHandshakeFailed(err: unknown, code: string): boolean {
  if (HANDSHAKE.test(code)) return true;
  // Node's ECONNRESET when the peer hangs up during the handshake (fetch wraps it as the cause).
  const e = err as { message?: unknown; cause?: { message?: unknown } } | null;
  return code === 'ECONNRESET' && /before secure TLS/.test(`${e?.message} ${e?.cause?.message}`);
}
