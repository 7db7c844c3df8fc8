import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Options } from 'tsup';

// Public entry points. An entry is built once its file exists, so every issue can add its own.
const NODE_ENTRIES = {
  index: 'src/index.ts',
  validators: 'src/validators/index.ts',
  proxy: 'src/proxy/index.ts',
  sandbox: 'src/sandbox/index.ts',
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

/** Swaps the Node implementations (node:crypto, undici) for the Fetch/WebCrypto ones. */
const webPlatform: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'vistarkriya-web-platform',
  setup(build) {
    const swaps: Record<string, string> = {
      'platform/crypto-node.js': 'src/platform/crypto-web.ts',
      'transport/default.js': 'src/transport/default-web.ts',
    };
    build.onResolve({ filter: /(crypto-node|default)\.js$/ }, (args) => {
      for (const [suffix, replacement] of Object.entries(swaps)) {
        if (path.join(args.resolveDir, args.path).endsWith(suffix))
          return { path: path.resolve(replacement) };
      }
      return undefined;
    });
  },
};

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
