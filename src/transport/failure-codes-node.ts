// What Node's error codes (node:net, node:tls, OpenSSL, undici) say about a request that got no
// answer: provably not sent, or refused before sending. Node build of `#platform/failure-codes`
// (package.json `imports`); the web build takes failure-codes-web.ts: `fetch` in browsers, workers
// and Deno reports no codes (`TypeError: Failed to fetch`), so there every such failure is ambiguous.

// Nothing reached the server: the connection was refused, the name did not resolve, the host
// is unreachable, the connect timed out.
const NOT_SENT =
  /^(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_NONAME|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;

// Local argument errors: raised before any byte is written.
const INVALID_REQUEST_CODES = new Set([
  'UND_ERR_INVALID_ARG',
  'ERR_INVALID_CHAR',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_INVALID_ARG_TYPE',
  'ERR_INVALID_ARG_VALUE',
  'ERR_INVALID_URL',
]);

/**
 * The failure `code` (the first one on `err` or its causes) proves, with its message: `invalid` (the
 * request could not even be built, nothing was sent), `not-sent`, or `undefined` when the request
 * may have reached the server.
 */
export function failureOfCode(err: unknown, code: string): ['invalid' | 'not-sent', string] | undefined {
  if (INVALID_REQUEST_CODES.has(code))
    return [
      'invalid',
      `The request could not be sent as given (${code}): check header values (a stray newline in a key?).`,
    ];
  if (NOT_SENT.test(code) || tlsHandshakeFailed(err, code))
    return ['not-sent', `Could not connect (${code}).`];
  return undefined;
}

// TLS handshake failures: a request is only written once the handshake has succeeded, so any of
// these means nothing was sent.

// A certificate OpenSSL refused, no common protocol or cipher, a server that speaks no TLS.
// Record-layer errors (`ERR_SSL_..._BAD_RECORD_MAC`) may come after the request and are not here.
const HANDSHAKE =
  /^(?:HOSTNAME_MISMATCH|CERT_\w+|UNABLE_TO_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|INVALID_(?:CA|PURPOSE)|PATH_LENGTH_EXCEEDED|ERR_TLS_(?:CERT_ALTNAME_INVALID|HANDSHAKE_TIMEOUT|INVALID_PROTOCOL_VERSION|DH_PARAM_SIZE)|ERR_SSL_(?:WRONG_VERSION_NUMBER|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE|NO_SHARED_CIPHER|DH_KEY_TOO_SMALL|UNSAFE_LEGACY_RENEGOTIATION_DISABLED|\w*CERTIFICATE_REQUIRED|\w*ALERT_(?:HANDSHAKE_FAILURE|PROTOCOL_VERSION|UNKNOWN_CA|BAD_CERTIFICATE|UNSUPPORTED_CERTIFICATE|CERTIFICATE_\w+|INSUFFICIENT_SECURITY|UNRECOGNIZED_NAME|NO_APPLICATION_PROTOCOL|ACCESS_DENIED)))$/;

/** True when `err` (with its first `code`) is a failed TLS handshake. */
function tlsHandshakeFailed(err: unknown, code: string): boolean {
  if (HANDSHAKE.test(code)) return true;
  // Node's ECONNRESET when the peer hangs up during the handshake (fetch wraps it as the cause).
  const e = err as { message?: unknown; cause?: { message?: unknown } } | null;
  return code === 'ECONNRESET' && /before secure TLS/.test(`${e?.message} ${e?.cause?.message}`);
}
