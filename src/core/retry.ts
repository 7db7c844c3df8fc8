/**
 * Retry policy (README, "Reliability"):
 * - `read` calls (GET) retry on connection failures, timeouts, 408, 429 and 5xx;
 * - `billable` calls (verification, CIBIL fetch, orders, customer creation, penny-drop) retry
 *   only when the server provably did not act: nothing was sent, 429, or a service that
 *   declared itself unavailable before doing anything. After an ambiguous failure they throw
 *   an error with `outcomeUnknown: true`: double-billing is worse than an error.
 */
export type RetryClass = 'read' | 'billable';

/** What a failure says about whether the server acted on the request. */
export type Verdict =
  /** The server provably did not act (refused, DNS, 429, declared unavailable): safe for every class. */
  | 'safe'
  /** The server may have acted (reset after sending, timeout, 408, 5xx): only reads retry. */
  | 'ambiguous'
  /** Retrying cannot help (4xx, bad credentials). */
  | 'final';

export function mayRetry(verdict: Verdict, retryClass: RetryClass): boolean {
  return verdict === 'safe' || (verdict === 'ambiguous' && retryClass === 'read');
}

export function verdictForStatus(status: number): Verdict {
  if (status === 429) return 'safe';
  if (status === 408 || status >= 500) return 'ambiguous';
  return 'final';
}

/** Retry-After as seconds: delta-seconds or an HTTP date; also the `retry-after-ms` variant. */
export function parseRetryAfter(headers: Record<string, string>, nowMs = Date.now()): number | undefined {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms) / 1000;
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, (date - nowMs) / 1000) : undefined;
}

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s ... capped at 8 s, minus up to 25 %. */
export function backoffSeconds(retryNumber: number): number {
  const base = Math.min(0.5 * 2 ** (retryNumber - 1), 8);
  return base * (1 - Math.random() * 0.25);
}
