import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { buildDefines } from './scripts/build-constants.mjs';

// Public entry points. An entry is built once its file exists, so every issue can add its own.
const NODE_ENTRIES = {
  index: 'src/index.ts',
  validators: 'src/validators/index.ts',
  proxy: 'src/proxy/index.ts',
  sandbox: 'src/sandbox/index.ts',
  cli: 'src/cli.ts',
};
// Browser / worker / edge builds: no sandbox, no CLI, no `node:` imports. Platform `browser`
// resolves package.json `imports` without the `node` condition, so `#platform/*` is the web code.
const WEB_ENTRIES = {
  index: 'src/index.ts',
  validators: 'src/validators/index.ts',
  proxy: 'src/proxy/index.ts',
};

const present = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

// The SDK's version, from package.json (src/core/version.ts).
const define = buildDefines(process.cwd());

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
    define,
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
    define,
  },
]);
