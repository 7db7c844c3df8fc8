// Web build of `#platform/tls-failure`: `fetch` in browsers, workers and Deno reports no TLS codes.

/** Never true here: a web `fetch` does not say why a connection failed. */
export function tlsHandshakeFailed(_err: unknown, _code: string): boolean {
  return false;
}
