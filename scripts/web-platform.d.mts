import type { Plugin } from 'esbuild';

/** The esbuild plugin that swaps node:crypto and undici for WebCrypto and fetch (see web-platform.mjs). */
export declare function webPlatformPlugin(options?: { root?: string }): Plugin;
/** Matches an import of a `node:` module or undici in bundled code. */
export declare const NODE_ONLY_IMPORT: RegExp;
