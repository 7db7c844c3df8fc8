import { existsSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { webPlatformPlugin } from './scripts/web-platform.mjs';

// Public entry points. An entry is built once its file exists, so every issue can add its own.
const NODE_ENTRIES = {
  index: 'src/index.ts',
  validators: 'src/validators/index.ts',
  proxy: 'src/proxy/index.ts',
  sandbox: 'src/sandbox/index.ts',
  bulk: 'src/bulk/index.ts',
  bullmq: 'src/bullmq/index.ts',
  cli: 'src/cli.ts',
};
// Browser / worker / edge builds: no sandbox, no CLI, no `node:` imports.
const WEB_ENTRIES = {
  index: 'src/index.ts',
  validators: 'src/validators/index.ts',
  proxy: 'src/proxy/index.ts',
};

const present = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

/** Swaps the Node implementations (node:crypto, undici) for the Fetch/WebCrypto ones (shared with the size check and the browser/edge tests). */
const webPlatform = webPlatformPlugin() as NonNullable<Options['esbuildPlugins']>[number];

export default defineConfig([
  {
    entry: present(NODE_ENTRIES),
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    outDir: 'dist',
  },
  {
    entry: present(WEB_ENTRIES),
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    dts: false,
    sourcemap: true,
    splitting: true,
    treeshake: true,
    outDir: 'dist/web',
    esbuildPlugins: [webPlatform],
  },
]);
