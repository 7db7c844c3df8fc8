// Web build of `#platform/transport` (browsers, workers, edge): the Fetch API only (no undici,
// no `node:` imports).
import { type FetchLike, FetchTransport } from './fetch.js';
import type { Transport } from './types.js';

/** The Node build's `User-Agent` (the web build sends none: browsers own theirs). */
export const USER_AGENT: string | undefined = undefined;

export function defaultTransport(fetchImpl: FetchLike | undefined): Transport {
  const f = fetchImpl ?? (globalThis.fetch ? (globalThis.fetch.bind(globalThis) as FetchLike) : undefined);
  if (!f) throw new Error('vistarkriya: no fetch() in this runtime; pass one as the `fetch` option');
  return new FetchTransport(f);
}
