/** esbuild `define`s shared by every build: `__VISTARKRIYA_VERSION__` (see build-constants.mjs). */
export declare function buildDefines(root: string): Record<string, string>;
/** Matches an import of a `node:` module or undici in bundled code. */
export declare const NODE_ONLY_IMPORT: RegExp;
