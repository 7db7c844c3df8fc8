// What every build of the SDK shares (tsup's Node and web builds, the browser and edge tests'
// bundles): the compile-time constants, and the pattern of imports no web bundle may contain.
// Which implementation each build uses (node:crypto or WebCrypto, undici or fetch, zod or plain
// checks) is not decided here: package.json `imports` (`#platform/*`) decides it, in plain sight.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * esbuild `define`s: `__VISTARKRIYA_VERSION__` is package.json's version (src/core/version.ts).
 * @param {string} root the repository root
 * @returns {Record<string, string>}
 */
export function buildDefines(root) {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return { __VISTARKRIYA_VERSION__: JSON.stringify(version) };
}

/** Module names that must never appear in a web bundle. */
export const NODE_ONLY_IMPORT =
  /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](?:node:[^"']+|undici(?:\/[^"']*)?)["']/;

/**
 * Members of the request pipeline's own objects (the per-client config, the per-call state, the
 * failure an interpreter returns, the clock, the close() state, the internal logger) that no user
 * sets or reads: the web build shortens them (esbuild `mangleProps`, tsup.config.ts), about 0.11 kB
 * of the browser bundle's gzip. Every occurrence of such a name in the web build is renamed,
 * whatever object it is on, so only names that are nowhere a public option, field, route segment,
 * wire key or host API belong here (not `pipeline`: `vk.wallet.pipeline` is a namespace).
 * test/web-mangle.test.ts checks the operations, their fields and the wire schemas against it.
 */
export const INTERNAL_PROPS =
  /^(retryability|unreadable|connectionError|failure|skewCorrected|timeoutMs|maxRetryAfterSeconds|isClockSkew|lifecycle|waiting|offsetSeconds|debugEnabled|interpret|retries|deadline|timer|onRequest|onResponse)$/;
