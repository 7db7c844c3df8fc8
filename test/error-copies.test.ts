// `instanceof` across copies of the SDK: an app that loads both builds (ESM and CommonJS code, test
// runners), the web build beside the Node one, or two installed versions gets several sets of
// error classes. Each class carries a brand (its name) that every copy recognises, with exact
// subclass semantics. Checked on two fresh module instances of the source, then on the built
// package: dist/index.js, dist/index.cjs and dist/web/index.js of one install, and a second install.
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as a from '../src/index.js';
import { builtPackage, consumerProject } from './helpers/built-package.js';
import { runNode } from './helpers/run-node.js';

type Copy = typeof a;
let b: Copy;

/** Every exported error class, by name. */
function errorClasses(copy: Copy): [string, typeof a.VistarkriyaError][] {
  return Object.entries(copy).filter(
    (e): e is [string, typeof a.VistarkriyaError] =>
      typeof e[1] === 'function' && e[1].prototype instanceof (copy as Copy).VistarkriyaError,
  );
}

beforeAll(async () => {
  vi.resetModules();
  b = await import('../src/index.js');
});

describe('instanceof across two module instances of the SDK', () => {
  it('is two sets of classes', () => {
    expect(b.APIError).not.toBe(a.APIError);
    expect(errorClasses(a).length).toBeGreaterThanOrEqual(27);
  });

  it('holds for every pair of classes exactly as within one copy', () => {
    const names = errorClasses(a).map(([name]) => name);
    for (const x of names) {
      const value = Object.create((a as Record<string, any>)[x].prototype);
      for (const y of names) {
        const within = value instanceof (a as Record<string, any>)[y];
        expect(value instanceof (b as Record<string, any>)[y], `${x} instanceof other ${y}`).toBe(within);
      }
    }
  });

  it('for errors the SDK builds: a RateLimitError is an APIError of the other copy, not a NotFoundError', () => {
    const init = { status: 429, code: 'RATE_LIMITED', message: 'slow down' };
    const err = new a.RateLimitError(init);
    expect(err).toBeInstanceOf(b.RateLimitError);
    expect(err).toBeInstanceOf(b.APIError);
    expect(err).toBeInstanceOf(b.VistarkriyaError);
    expect(err).not.toBeInstanceOf(b.NotFoundError);
    expect(err).not.toBeInstanceOf(b.APIConnectionError);
    expect(new a.APITimeoutError()).toBeInstanceOf(b.APIConnectionError);
    expect(new b.Veri5HashError(init)).toBeInstanceOf(a.Veri5AuthenticationError);
    expect(new b.Veri5HashError(init)).not.toBeInstanceOf(a.Veri5QuotaError);
    expect(new a.InputValidationError([])).toBeInstanceOf(b.InputValidationError);
    expect(err.name).toBe('RateLimitError');
    expect(new b.Veri5HashError(init).name).toBe('Veri5HashError');
  });

  it('leaves subclasses of yours the plain check, and their names', () => {
    class QuotaError extends b.APIError {}
    class Named extends b.RateLimitError {
      override name = 'Named';
    }
    const init = { status: 429, message: 'm' };
    expect(new QuotaError(init)).toBeInstanceOf(a.APIError);
    expect(new QuotaError(init)).not.toBeInstanceOf(a.NotFoundError);
    expect(new a.APIError(init)).not.toBeInstanceOf(QuotaError);
    expect(new b.APIError(init)).not.toBeInstanceOf(QuotaError);
    expect(new Named(init)).toBeInstanceOf(a.RateLimitError);
    expect(new a.RateLimitError(init)).not.toBeInstanceOf(Named);
    expect(new QuotaError(init).name).toBe('APIError');
    expect(new Named(init).name).toBe('Named');
  });

  it('is false for anything else', () => {
    const values = [null, undefined, 0, 'APIError', {}, Object.create(null), new Error('x'), a.APIError];
    for (const [i, value] of values.entries())
      expect(value instanceof b.VistarkriyaError, `#${i}`).toBe(false);
    // An object that only claims the name is not branded.
    expect({ name: 'APIError', constructor: { brand: 'APIError' } } instanceof b.APIError).toBe(false);
  });
});

describe('instanceof across the built copies (ESM, CommonJS, web build, a second install)', () => {
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'vk-copies-'));
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds for every pair of classes exactly as within one copy', async () => {
    const pkg = await builtPackage();
    const app = consumerProject(path.join(work, 'app'), pkg, ['undici', 'zod']);
    const other = consumerProject(path.join(work, 'other'), pkg, ['undici', 'zod']);
    const otherManifest = path.join(other, 'node_modules/vistarkriya/package.json');
    writeFileSync(
      otherManifest,
      JSON.stringify({ ...JSON.parse(readFileSync(otherManifest, 'utf8')), version: '0.2.0-other' }),
    );
    writeFileSync(
      path.join(app, 'main.mjs'),
      `import { createRequire } from 'node:module';
import * as esm from 'vistarkriya';
const cjs = createRequire(import.meta.url)('vistarkriya');
const web = await import('./node_modules/vistarkriya/dist/web/index.js');
const other = createRequire(${JSON.stringify(path.join(other, 'main.cjs'))})('vistarkriya');
const copies = { esm, cjs, web, other };
const names = Object.keys(esm).filter((k) => typeof esm[k] === 'function' && esm[k].prototype instanceof esm.VistarkriyaError);
const distinct = new Set(Object.values(copies).map((c) => c.APIError)).size;
const wrong = [];
for (const [from, x] of Object.entries(copies))
  for (const [to, y] of Object.entries(copies))
    for (const n of names) {
      const value = Object.create(x[n].prototype);
      for (const m of names)
        if ((value instanceof y[m]) !== (value instanceof x[m])) wrong.push(from + '.' + n + ' vs ' + to + '.' + m);
    }
const err = new cjs.RateLimitError({ status: 429, message: 'm' });
console.log(JSON.stringify({ classes: names.length, distinct, wrong, otherVersion: other.VistarkriyaClient && createRequire(${JSON.stringify(path.join(other, 'main.cjs'))})('vistarkriya/package.json').version,
  rateLimit: [esm.RateLimitError, web.APIError, other.VistarkriyaError, esm.NotFoundError, other.APIConnectionError].map((c) => err instanceof c) }));
`,
    );
    const { code, stdout, stderr } = await runNode(['main.mjs'], {}, app);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      classes: errorClasses(a).length,
      distinct: 4,
      wrong: [],
      otherVersion: '0.2.0-other',
      rateLimit: [true, true, true, false, false],
    });
  });
});
