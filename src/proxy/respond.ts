// Responses the proxy writes itself use the platform's own error envelope (seed 000), so a
// browser client turns them into the same typed errors as an upstream failure.

// `nosniff`: an upstream gateway's HTML page is served from the app's own origin, and must never
// be rendered as a page there.
const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** `{ success: false, error: { code, message, http_status, ...extra } }` with that status. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body = { success: false, error: { code, message, http_status: status, ...extra } };
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

/** The upstream headers a browser may see; everything else (cookies, hop-by-hop, server) stays behind. */
export const PASS_THROUGH_HEADERS = [
  'content-type',
  'retry-after',
  'retry-after-ms',
  'x-request-id',
  'request-id',
];

/** Replaces every occurrence of the given values (the secret, this call's signatures) in a text. */
export function scrub(text: string, values: readonly string[]): string {
  let out = text;
  for (const v of values) if (v.length >= 4 && out.includes(v)) out = out.split(v).join('[REDACTED]');
  return out;
}

/** Builds the pass-through response from an upstream answer (status and envelope unchanged). */
export function passThrough(
  upstream: { status: number; headers: Record<string, string>; body: string },
  secrets: readonly string[],
): Response {
  const headers: Record<string, string> = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  for (const name of PASS_THROUGH_HEADERS) {
    const v = upstream.headers[name];
    if (v !== undefined) headers[name] = scrub(v, secrets);
  }
  headers['content-type'] ??= 'application/json; charset=utf-8';
  // 204/304 may not carry a body in the Fetch API.
  const body = upstream.status === 204 || upstream.status === 304 ? null : scrub(upstream.body, secrets);
  return new Response(body, { status: upstream.status, headers });
}
