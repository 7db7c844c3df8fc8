// Node build of `#platform/transport` (package.json `imports`): undici unless the user passes
// `fetch`. The web build takes default-web.ts.
import { type FetchLike, FetchTransport } from './fetch.js';
import type { Transport } from './types.js';
import { UndiciTransport } from './undici.js';

export function defaultTransport(fetchImpl: FetchLike | undefined): Transport {
  return fetchImpl ? new FetchTransport(fetchImpl) : new UndiciTransport();
}
