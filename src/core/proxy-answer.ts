/**
 * How a `vistarkriya/proxy` answer tells the browser-side client what the proxy already did
 * (docs/browsers-and-edge.md, "Retries through the proxy"). The proxy runs the SDK's retry policy against the platform
 * and marks every answer it writes with `X-Vistarkriya-Proxy: final`; the client does not retry a
 * marked answer (one layer retries, so a click never costs 3 × 3 platform calls), and takes
 * `error.outcome_unknown` from it: the proxy, not the browser, saw whether the platform may have
 * acted on a billable call.
 */
export const PROXY_ANSWER_HEADER = 'x-vistarkriya-proxy';
export const PROXY_ANSWER_FINAL = 'final';

/** True for an answer written by a vistarkriya proxy (lower-case header names). */
export function isFinalProxyAnswer(headers: Record<string, string>): boolean {
  return headers[PROXY_ANSWER_HEADER] === PROXY_ANSWER_FINAL;
}
