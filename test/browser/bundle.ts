import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_ONLY_IMPORT, buildDefines } from '../../scripts/build-constants.mjs';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles an entry the way an edge user's bundler would, or a page's that imports `vistarkriya/web`
 * (platform `browser` with the `worker` condition, so the `#platform/*` imports resolve to the full
 * web implementations, as in the published dist/web), from `src` so the tests never run a stale
 * `dist`. A page's own build (dist/browser, no `worker`) is tested from the package:
 * test/browser-build.test.ts, test/browser/runtime-contract.test.ts.
 * Throws if anything Node-only (a `node:` module, undici) is left in the output.
 */
export async function bundleForWeb(
  entry: string,
  options: { format: 'esm' | 'iife'; globalName?: string; minify?: boolean },
): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve(ROOT, entry)],
    bundle: true,
    write: false,
    platform: 'browser',
    conditions: ['worker'],
    format: options.format,
    globalName: options.globalName,
    target: 'es2022',
    minify: options.minify ?? false,
    logLevel: 'silent',
    define: buildDefines(ROOT),
  });
  const code = result.outputFiles[0]!.text;
  const nodeOnly = NODE_ONLY_IMPORT.exec(code);
  if (nodeOnly) throw new Error(`web bundle of ${entry} still imports ${nodeOnly[0]}`);
  return code;
}
