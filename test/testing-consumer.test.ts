// `vistarkriya/testing` as a consumer meets it: the package built from this source
// (test/helpers/built-package.ts) in the node_modules of a fresh project outside the repository,
// run by plain `node` processes. ESM: setupServer(...sandboxHandlers()) serves a client created with
// default options. CommonJS: the Jest recipe (examples/testing/jest.test.cjs), unchanged, under
// Node's test runner with Jest's global names (Jest itself is not a dependency here). And without
// msw installed, `vistarkriya` still loads: msw is an optional peer, never a dependency.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './browser/bundle.js';
import { builtPackage, consumerProject } from './helpers/built-package.js';
import { runNode } from './helpers/run-node.js';

let work: string;
let pkg: string;

/** A project dir whose node_modules has the built package and links to these installed packages. */
function project(name: string, deps: string[]): string {
  return consumerProject(path.join(work, name), pkg, deps);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'vk-consumer-'));
  pkg = await builtPackage();
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// A base URL from the environment would send the default client elsewhere than msw's handlers.
const run = async (cwd: string, args: string[]) => {
  const out = await runNode(args, { VISTARKRIYA_BASE_URL: '', VERI5_BASE_URL: '' }, cwd);
  return { ...out, output: out.stdout + out.stderr };
};

describe('a fresh consumer project with the built package', () => {
  it('ESM: setupServer(...sandboxHandlers()) serves a client with default options; a wrong secret is SignatureMismatchError', async () => {
    const dir = project('esm', ['msw', 'undici', 'zod']);
    writeFileSync(
      path.join(dir, 'main.mjs'),
      `import { setupServer } from 'msw/node';
import { SignatureMismatchError, VistarkriyaClient } from 'vistarkriya';
import { MAGIC, SANDBOX_CREDENTIALS, sandboxHandlers } from 'vistarkriya/testing';
const server = setupServer(...sandboxHandlers());
server.listen({ onUnhandledRequest: 'error' });
const vk = new VistarkriyaClient(SANDBOX_CREDENTIALS);
const wrong = new VistarkriyaClient({ ...SANDBOX_CREDENTIALS, apiSecret: 'nope' });
const out = {
  resolved: import.meta.resolve('vistarkriya/testing'),
  valid: (await vk.verify.pan({ pan: MAGIC.pan.valid })).status,
  mismatch: (await vk.verify.pan({ pan: MAGIC.pan.name_mismatch, name: 'Ravi Kumar' })).status,
  wrong: await wrong.wallet.core.balance().then(() => 'no error', (e) => e instanceof SignatureMismatchError),
};
await vk.close(); await wrong.close(); server.close();
console.log(JSON.stringify(out));
`,
    );
    const { code, output } = await run(dir, ['main.mjs']);
    expect(code, output).toBe(0);
    const out = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(out).toEqual({
      resolved: expect.stringContaining(`${path.basename(dir)}/node_modules/vistarkriya/dist/testing.js`),
      valid: 'VALID',
      mismatch: 'NAME_MISMATCH',
      wrong: true,
    });
  });

  it('CommonJS: the Jest recipe passes, requiring the dist/*.cjs files', async () => {
    const dir = project('cjs', ['msw', 'undici', 'zod', 'chai', '@vitest/expect']);
    cpSync(path.join(ROOT, 'examples/testing/jest.test.cjs'), path.join(dir, 'jest.test.cjs'));
    // Jest's globals by their Jest names: lifecycle from node:test, `expect` Vitest's Jest-compatible one.
    writeFileSync(
      path.join(dir, 'jest-globals.cjs'),
      `const t = require('node:test');
const chai = require('chai');
const { JestAsymmetricMatchers, JestChaiExpect, JestExtend } = require('@vitest/expect');
chai.use(JestExtend); chai.use(JestChaiExpect); chai.use(JestAsymmetricMatchers);
Object.assign(globalThis, { describe: t.describe, test: t.test, it: t.it, beforeAll: t.before,
  afterAll: t.after, beforeEach: t.beforeEach, afterEach: t.afterEach, expect: chai.expect });
// Every module the recipe loads comes from this project's node_modules/vistarkriya/dist, as CommonJS.
process.on('exit', () => {
  const ours = Object.keys(require.cache).filter((f) => f.includes('node_modules/vistarkriya/dist/'));
  console.log('loaded:' + JSON.stringify(ours.map((f) => f.slice(f.indexOf('dist/')))));
});
`,
    );
    // TAP, whose counts are read below: Node 24's default reporter is `spec` even into a pipe.
    const { code, output } = await run(dir, [
      '--require',
      './jest-globals.cjs',
      '--test-reporter=tap',
      'jest.test.cjs',
    ]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/# pass 3\b/);
    expect(output).toMatch(/# fail 0\b/);
    const loaded = JSON.parse(/loaded:(.*)/.exec(output)![1]!) as string[];
    expect(loaded).toEqual(expect.arrayContaining(['dist/index.cjs', 'dist/testing.cjs']));
    expect(loaded.every((f) => f.endsWith('.cjs'))).toBe(true);
  });

  it('the CommonJS files never use import(): Jest runs them in a VM that refuses it', () => {
    const dist = path.join(pkg, 'dist');
    const cjs = readdirSync(dist).filter((f) => f.endsWith('.cjs'));
    expect(cjs.length).toBeGreaterThan(5);
    for (const file of cjs)
      expect(readFileSync(path.join(dist, file), 'utf8'), file).not.toMatch(/\bimport\(/);
    // The lazy loads are still there, as require() on first use.
    expect(
      cjs.some((f) =>
        readFileSync(path.join(dist, f), 'utf8').includes(`Promise.resolve().then(() => require("undici"))`),
      ),
    ).toBe(true);
  });

  it('without msw installed, vistarkriya loads (ESM and CommonJS); only vistarkriya/testing asks for msw', async () => {
    const dir = project('no-msw', ['undici', 'zod']);
    writeFileSync(
      path.join(dir, 'main.cjs'),
      `const { VistarkriyaClient } = require('vistarkriya');
const sandbox = require('vistarkriya/sandbox');
let testing;
try { require('vistarkriya/testing'); testing = 'loaded'; } catch (e) { testing = e.code + ' ' + e.message.split('\\n')[0]; }
import('vistarkriya').then((esm) => {
  console.log(JSON.stringify({ cjs: typeof VistarkriyaClient, esm: typeof esm.VistarkriyaClient,
    sandbox: typeof sandbox.createSandbox, testing }));
});
`,
    );
    const { code, output } = await run(dir, ['main.cjs']);
    expect(code, output).toBe(0);
    const out = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(out).toMatchObject({ cjs: 'function', esm: 'function', sandbox: 'function' });
    expect(out.testing).toMatch(/^MODULE_NOT_FOUND Cannot find module 'msw'/);
  });
});
