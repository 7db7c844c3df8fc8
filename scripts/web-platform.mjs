// The esbuild plugin behind every browser / worker / edge build (tsup's web build, the size
// check, the browser and edge tests): it swaps the Node implementations for the Web ones, so
// the output has no `node:` imports, no undici and no zod in the client's path.
//   src/platform/crypto-node.ts  → src/platform/crypto-web.ts   (node:crypto → WebCrypto)
//   src/transport/default.ts     → src/transport/default-web.ts (undici → fetch)
//   src/resources/schemas.ts     → src/resources/schemas-web.ts (zod → plain checks, same results:
//                                  test/schemas-web.test.ts; keeps the browser bundle in budget)
//   src/resources/load-schemas.ts → src/resources/load-schemas-web.ts (no dynamic import: a consumer's
//                                  bundler would otherwise wrap shared modules in lazy initialisers)
//   src/transport/tls-failure.ts → src/transport/tls-failure-web.ts (Node's TLS error codes, which
//                                  a web `fetch` never reports)
import path from 'node:path';

/**
 * @param {{ root?: string }} [options] the repository root (default: the current directory)
 * @returns {import('esbuild').Plugin}
 */
export function webPlatformPlugin(options = {}) {
  const root = path.resolve(options.root ?? process.cwd());
  const swaps = new Map([
    [path.join(root, 'src/platform/crypto-node'), path.join(root, 'src/platform/crypto-web.ts')],
    [path.join(root, 'src/transport/default'), path.join(root, 'src/transport/default-web.ts')],
    [path.join(root, 'src/resources/schemas'), path.join(root, 'src/resources/schemas-web.ts')],
    [path.join(root, 'src/resources/load-schemas'), path.join(root, 'src/resources/load-schemas-web.ts')],
    [path.join(root, 'src/transport/tls-failure'), path.join(root, 'src/transport/tls-failure-web.ts')],
  ]);
  return {
    name: 'vistarkriya-web-platform',
    setup(build) {
      build.onResolve({ filter: /(crypto-node|default|schemas|tls-failure)(\.[jt]s)?$/ }, (args) => {
        if (!args.resolveDir) return undefined;
        const target = path.resolve(args.resolveDir, args.path).replace(/\.[jt]s$/, '');
        const replacement = swaps.get(target);
        return replacement ? { path: replacement } : undefined;
      });
    },
  };
}

/** Module names that must never appear in a web bundle. */
export const NODE_ONLY_IMPORT =
  /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](?:node:[^"']+|undici(?:\/[^"']*)?)["']/;
