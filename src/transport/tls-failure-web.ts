// The web build's tls-failure.ts: `fetch` in browsers, workers and Deno reports no TLS codes.

/** Never true here: a web `fetch` does not say why a connection failed. */
export function tlsHandshakeFailed(_err: unknown, _code: string): boolean {
  return false;
}
