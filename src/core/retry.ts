import { matchHttpDate } from './http-date.js';

/**
 * Retry policy (docs/errors-and-retries.md, "Reliability"):
 * - `read` calls (GET) retry on connection failures, timeouts, 408, 429 and 5xx;
 * - `billable` calls (verification, CIBIL fetch, orders, customer creation, penny-drop) retry
 *   only when the server provably did not act: nothing was sent, 429, or a service that
 *   declared itself unavailable before doing anything. After an ambiguous failure they throw
 *   an error with `outcomeUnknown: true`: double-billing is worse than an error.
 */
export type RetryClass = 'read' | 'billable';

/**
 * What a failed answer says about re-sending the request: whether the server provably did not act,
 * may have acted, or will answer the same way again. The call's retry class decides the rest.
 */
export type Retryability =
  /** The server provably did not act (refused, DNS, 429, declared unavailable): safe for every class. */
  | 'safe'
  /** The server may have acted (reset after sending, timeout, 408, 5xx): only reads retry. */
  | 'ambiguous'
  /** Retrying cannot help (4xx, bad credentials). */
  | 'final';

export function mayRetry(retryability: Retryability, retryClass: RetryClass): boolean {
  return retryability === 'safe' || (retryability === 'ambiguous' && retryClass === 'read');
}

export function retryabilityOfStatus(status: number): Retryability {
  if (status === 429) return 'safe';
  if (status === 408 || status >= 500) return 'ambiguous';
  return 'final';
}

/**
 * `Retry-After` in seconds: delta-seconds (digits only) or an HTTP-date in one of the three RFC 9110
 * formats; also the `retry-after-ms` variant. Anything else (`-5`, `+5`, `1.5`, `soon`) is ignored,
 * so the normal backoff applies. Duplicate headers arrive joined with `, `: the first valid value wins.
 */
export function parseRetryAfter(headers: Record<string, string>, nowMs = Date.now()): number | undefined {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined) {
    const value = firstValid(ms, (text) => {
      const m = /^\d+(?:\.\d+)?/.exec(text);
      return m ? { value: Number(m[0]) / 1000, length: m[0].length } : undefined;
    });
    if (value !== undefined) return value;
  }
  const value = headers['retry-after'];
  if (value === undefined) return undefined;
  return firstValid(value, (text) => {
    const seconds = /^\d+/.exec(text);
    if (seconds) return { value: Number(seconds[0]), length: seconds[0].length };
    const date = matchHttpDate(text, nowMs);
    return date && { value: Math.max(0, (date.ms - nowMs) / 1000), length: date.length };
  });
}

/**
 * The first element of a comma-joined header value that `read` accepts whole. An element is
 * read from where it starts (an HTTP-date has a comma of its own), and must end at a comma or
 * at the end of the value; an element `read` refuses is skipped up to the next comma.
 */
function firstValid(
  joined: string,
  read: (text: string) => { value: number; length: number } | undefined,
): number | undefined {
  let rest = joined;
  while (rest !== '') {
    rest = rest.replace(/^[ \t]+/, '');
    const found = read(rest);
    if (found && /^[ \t]*(,|$)/.test(rest.slice(found.length))) return found.value;
    const comma = rest.indexOf(',');
    if (comma === -1) return undefined;
    rest = rest.slice(comma + 1);
  }
  return undefined;
}

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s ... capped at 8 s, minus up to 25 %. */
export function backoffSeconds(retryNumber: number): number {
  const base = Math.min(0.5 * 2 ** (retryNumber - 1), 8);
  return base * (1 - Math.random() * 0.25);
}
