import { existsSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { buildDefines } from './scripts/build-constants.mjs';

// Public entry points. An entry is built once its file exists, so every issue can add its own.
const NODE_ENTRIES = {
  index: 'src/index.ts',
  validators: 'src/validators/index.ts',
  proxy: 'src/proxy/index.ts',
  sandbox: 'src/sandbox/index.ts',
  testing: 'src/testing/index.ts',
  bulk: 'src/bulk/index.ts',
  bullmq: 'src/bullmq/index.ts',
  zod: 'src/zod/index.ts',
  cli: 'src/cli.ts',
};
// Browser / worker / edge builds: no Node server, no CLI, no `node:` imports. `testing` serves the
// sandbox core through msw (`setupWorker` in a browser); `sandbox` is that core alone
// (`createSandbox`, without the Node server `startSandbox`); `zod` serves forms (react-hook-form).
// Platform `browser` resolves package.json `imports` without the `node` condition, so
// `#platform/*` is the web code.
const WEB_ENTRIES = {
  index: 'src/index.ts',
  validators: 'src/validators/index.ts',
  proxy: 'src/proxy/index.ts',
  sandbox: 'src/sandbox/web.ts',
  testing: 'src/testing/index.ts',
  zod: 'src/zod/index.ts',
};
// Declarations: one per Node entry (`.d.ts` and `.d.cts`), and `web/sandbox.d.ts` for the web
// sandbox, whose API is the Node one without `startSandbox`. The other web entries export exactly
// what their Node entries do, so their conditions point at the Node declarations.
const DTS_ENTRIES = { ...NODE_ENTRIES, 'web/sandbox': WEB_ENTRIES.sandbox };

const present = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));

// The SDK's version, from package.json (src/core/version.ts).
const define = buildDefines(process.cwd());

/**
 * The CommonJS files load their lazy modules (undici, the zod schemas) with `require`, not
 * `import()`: Jest runs CommonJS in a VM that refuses `import()` ("A dynamic import callback was
 * invoked without --experimental-vm-modules"). Still lazy: `require` runs on first use. Runs before
 * tsup turns the chunks into CommonJS, on the specifiers esbuild already rewrote.
 */
const cjsLazyRequire: NonNullable<Options['plugins']>[number] = {
  name: 'cjs-lazy-require',
  renderChunk(code, info) {
    if (this.format !== 'cjs') return undefined;
    const out = code.replace(/\bimport\((["'][^"']+["'])\)/g, 'Promise.resolve().then(() => require($1))');
    return out === code ? undefined : { code: out, map: info.map };
  },
};

export default defineConfig([
  {
    entry: present(NODE_ENTRIES),
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: { entry: present(DTS_ENTRIES) },
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    outDir: 'dist',
    plugins: [cjsLazyRequire],
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
    // The full web code: `worker` comes before `browser` in package.json `imports`, so the
    // `#platform/*` modules a page's build swaps out (rules, input check, signer) stay the real ones.
    esbuildOptions(options) {
      options.conditions = ['worker'];
    },
  },
  {
    // What `import 'vistarkriya'` gives a web page (the `browser` condition): the client whose calls
    // go through your `createProxyHandler` route, which checks and signs them. Platform `browser`
    // (no `worker` condition) picks the page's `#platform/*` modules (package.json `imports`): rows
    // without their rules, no input check and no signing from keys in the page. Workers and edge
    // runtimes sign directly and get dist/web; so does a page that imports `vistarkriya/web`.
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    dts: false,
    sourcemap: true,
    treeshake: true,
    outDir: 'dist/browser',
    define,
  },
]);
