// Node build of `#platform/transport` (package.json `imports`): undici unless the user passes
// `fetch`. The web build takes default-web.ts.
import { type FetchLike, FetchTransport } from './fetch.js';
import type { Transport } from './types.js';
import { UndiciTransport } from './undici.js';
import { SDK_VERSION } from '../core/version.js';

/** The Node build's `User-Agent` (the web build sends none: browsers own theirs). */
export const USER_AGENT: string | undefined = `vistarkriya-node/${SDK_VERSION}`;

export function defaultTransport(fetchImpl: FetchLike | undefined): Transport {
  return fetchImpl ? new FetchTransport(fetchImpl) : new UndiciTransport();
}
