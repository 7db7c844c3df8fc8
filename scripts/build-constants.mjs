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
