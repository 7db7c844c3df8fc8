// Node build of `#platform/transport` (package.json `imports`): undici unless the user passes
// `fetch`. The web build takes default-web.ts.
import { type FetchLike, FetchTransport } from './fetch.js';
import type { Transport } from './types.js';
import { UndiciTransport } from './undici.js';
import { SDK_VERSION } from '../core/version.js';

/** The Node build's `User-Agent` (the web build sends none: browsers own theirs). */
export const USER_AGENT: string | undefined = `vistarkriya-node/${SDK_VERSION}`;

/**
 * Bun runs the Node build (CommonJS, `node:crypto`, `startSandbox` and `toNodeHandler` work
 * there), but answers `import('undici')` with its own partial module whose dispatchers have no
 * `request()`: there the transport is Bun's native `fetch`, looked up per call so that a test's
 * msw `setupServer` sees it.
 */
const IS_BUN = typeof (globalThis as { Bun?: unknown }).Bun !== 'undefined';

export function defaultTransport(fetchImpl: FetchLike | undefined): Transport {
  if (fetchImpl) return new FetchTransport(fetchImpl);
  return IS_BUN ? new FetchTransport((url, init) => globalThis.fetch(url, init)) : new UndiciTransport();
}
