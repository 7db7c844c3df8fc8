// Property tests: thousands of random requests where both HMAC signers, on both crypto
// providers, equal a long-lived PHP process running the seeds' formulas (test/php-oracle.ts).
// Samples are generated with a logged seed and sent to PHP in batches; a smaller fc.assert run
// asks PHP per case so that fast-check can shrink a counterexample.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenLegacySigner, openLegacyStringToSign } from '../src/signers/open-legacy.js';
import type { Signer } from '../src/signers/types.js';
import { veri5Hash } from '../src/signers/veri5.js';
import { createVistarkriyaSigner } from '../src/signers/vistarkriya.js';
import { type Req, WHITESPACE, fragments, request } from './helpers/signing-arbitraries.js';
import { PROVIDERS, bodyOf, openLegacyVectors, vistarkriyaVectors } from './helpers/vectors.js';
import { type PhpOracle, startPhpOracle } from './php-oracle.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2_147_483_647);
const BATCH_RUNS = Number(process.env.FC_RUNS ?? 8000);

let php: PhpOracle;
beforeAll(() => {
  php = startPhpOracle();
});
afterAll(async () => {
  await php.close();
});

// ---------------------------------------------------------------- signing through the SDK

async function sdkVistarkriya(r: Req): Promise<string[]> {
  return Promise.all(
    PROVIDERS.map(async (p) => {
      const s: Signer = createVistarkriyaSigner({ apiKey: 'k', apiSecret: r.secret, adminCode: '123456' }, p);
      return (await s.sign(r)).headers['X-Signature']!;
    }),
  );
}

async function sdkOpenLegacy(r: Req): Promise<string[]> {
  return Promise.all(
    PROVIDERS.map(async (p) => {
      const s = createOpenLegacySigner({ accessKey: 'ak', secretKey: r.secret }, p);
      return (await s.sign(r)).headers.Authorization!.slice('Bearer ak:'.length);
    }),
  );
}

/** Printable form of a failing case (escapes keep invisible characters visible). */
const show = (r: Req) => JSON.stringify(r).slice(0, 600);

describe('PHP oracle', () => {
  it('is really PHP running the seed formulas', async () => {
    expect(await php.version()).toMatch(/^\d+\.\d+\.\d+/);
    // Seed 003 Appendix E known answer.
    expect(await php.veri5(['INFO9378', 'abcd', 'abc', 'abc', '29AAECK9415C1ZJ'])).toBe(
      'e3f10f1787428a75e5f0c9331c3bacde36df54e855744a3ccc1f0ff9c7b518fe',
    );
    // Agrees with the committed vectors from scripts/vectors/generate.php.
    const v = vistarkriyaVectors[0]!;
    expect(await php.vistarkriya({ ...v, body: bodyOf(v) })).toBe(v.signature);
    const o = openLegacyVectors.find((x) => x.prehash !== undefined && bodyOf(x).includes('\u00a0'))!;
    expect(await php.openLegacy({ ...o, body: bodyOf(o) })).toEqual({
      signature: o.signature,
      prehash: o.prehash,
    });
    // preg_replace('/\s+/') without /u strips ASCII whitespace only.
    const stripped = await php.openLegacy({
      secret: 'x',
      timestamp: 1,
      method: 'POST',
      body: ' a\t\n\v\f\rb\u00a0c\u2028d',
    });
    expect(stripped.prehash).toBe('1POSTab\u00a0c\u2028d');
  });
});

describe(`random requests equal PHP (seed ${SEED}, ${BATCH_RUNS} per signer)`, () => {
  const samples = fc.sample(request, { numRuns: BATCH_RUNS, seed: SEED });

  it('covers every whitespace class and astral characters', () => {
    const all = samples.map((s) => s.body).join('');
    for (const c of WHITESPACE) expect(all.includes(c), `U+${c.codePointAt(0)!.toString(16)}`).toBe(true);
    expect(/[\u{10000}-\u{10FFFF}]/u.test(all)).toBe(true);
    expect(samples.some((s) => s.body.length >= 2000)).toBe(true);
    expect(samples.some((s) => s.target.includes('?'))).toBe(true);
  });

  it('vistarkriyaSigner (node:crypto and WebCrypto) equals PHP on every sample', async () => {
    const expected = await Promise.all(samples.map((r) => php.vistarkriya(r)));
    const failures: string[] = [];
    for (let i = 0; i < samples.length; i++) {
      const got = await sdkVistarkriya(samples[i]!);
      if (got.some((g) => g !== expected[i]))
        failures.push(`${show(samples[i]!)} php=${expected[i]} sdk=${got}`);
    }
    expect(failures.slice(0, 3)).toEqual([]);
  });

  it('openLegacySigner (node:crypto and WebCrypto) equals PHP on every sample, prehash included', async () => {
    const expected = await Promise.all(samples.map((r) => php.openLegacy(r)));
    const failures: string[] = [];
    for (let i = 0; i < samples.length; i++) {
      const r = samples[i]!;
      const got = await sdkOpenLegacy(r);
      const prehash = openLegacyStringToSign(r);
      if (prehash !== expected[i]!.prehash || got.some((g) => g !== expected[i]!.signature)) {
        failures.push(`${show(r)} php=${expected[i]!.signature} sdk=${got}`);
      }
    }
    expect(failures.slice(0, 3)).toEqual([]);
  });
});

describe(`random Veri5 field lists equal PHP (seed ${SEED})`, () => {
  it('veri5Hash and both providers equal hash(sha256, implode(|, fields))', async () => {
    const fieldLists = fc.sample(
      fc.array(fc.oneof(fragments, fc.constantFrom('', '|', 'a|b')), { maxLength: 6 }),
      {
        numRuns: 2000,
        seed: SEED + 3,
      },
    );
    const expected = await Promise.all(fieldLists.map((f) => php.veri5(f)));
    const failures: string[] = [];
    for (let i = 0; i < fieldLists.length; i++) {
      const joined = fieldLists[i]!.join('|');
      const got = await Promise.all([
        veri5Hash(fieldLists[i]!),
        ...PROVIDERS.map((p) => p.sha256Hex(joined)),
      ]);
      if (got.some((g) => g !== expected[i])) failures.push(JSON.stringify(fieldLists[i]));
    }
    expect(failures.slice(0, 3)).toEqual([]);
  });
});

describe('shrinkable properties (one PHP call per case)', () => {
  it('vistarkriyaSigner equals PHP', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const [expected, got] = await Promise.all([php.vistarkriya(r), sdkVistarkriya(r)]);
        expect(got).toEqual([expected, expected]);
      }),
      { numRuns: 300, seed: SEED + 1 },
    );
  });

  it('openLegacySigner equals PHP', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const [expected, got] = await Promise.all([php.openLegacy(r), sdkOpenLegacy(r)]);
        expect(openLegacyStringToSign(r)).toBe(expected.prehash);
        expect(got).toEqual([expected.signature, expected.signature]);
      }),
      { numRuns: 300, seed: SEED + 2 },
    );
  });
});
