// Every committed PHP vector (scripts/vectors/generate.php, the seeds' formulas verbatim) through
// the public signers (node:crypto in the Node build) and through both crypto providers
// (node:crypto and WebCrypto). signers-web.test.ts runs the public signers built on WebCrypto.
import { describe, expect, it } from 'vitest';
import { openLegacySigner, stripPhpWhitespace } from '../src/signers/index.js';
import { createOpenLegacySigner } from '../src/signers/open-legacy.js';
import { veri5Hash, veri5Signer } from '../src/signers/veri5.js';
import { createVistarkriyaSigner, vistarkriyaSigner } from '../src/signers/vistarkriya.js';
import { ADMIN, checkOpenLegacy, checkVeri5, checkVistarkriya, sign } from './helpers/signer-checks.js';
import {
  PROVIDERS,
  WHITESPACE_CHARACTERS,
  bodyOf,
  openLegacyVectors,
  veri5Vectors,
  vistarkriyaVectors,
} from './helpers/vectors.js';

describe('the committed vectors cover what issue 2 asks for', () => {
  const all = [...vistarkriyaVectors, ...openLegacyVectors];
  const bodies = all.map(bodyOf);

  it('has every method, with and without bodies', () => {
    for (const list of [vistarkriyaVectors, openLegacyVectors]) {
      expect(new Set(list.map((v) => v.method))).toEqual(new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']));
    }
    expect(vistarkriyaVectors.some((v) => v.method === 'GET' && bodyOf(v) === '')).toBe(true);
    expect(openLegacyVectors.some((v) => v.method === 'GET' && bodyOf(v) !== '')).toBe(true);
  });

  it('has every whitespace character inside bodies', () => {
    for (const list of [vistarkriyaVectors, openLegacyVectors]) {
      for (const c of WHITESPACE_CHARACTERS)
        expect(
          list.some((v) => bodyOf(v).includes(c)),
          `U+${c.codePointAt(0)!.toString(16)}`,
        ).toBe(true);
    }
  });

  it('has non-ASCII scripts, astral characters, combining marks, RTL and JSON escapes', () => {
    for (const re of [
      /\p{Script=Devanagari}/u,
      /\p{Script=Tamil}/u,
      /\p{Script=Bengali}/u,
      /\p{Script=Arabic}/u,
      /\p{Script=Hebrew}/u,
      /\p{M}/u,
      /[\u{10000}-\u{10FFFF}]/u,
      /\\u[0-9a-f]{4}/,
      /\\"/,
    ]) {
      expect(
        bodies.some((b) => re.test(b)),
        String(re),
      ).toBe(true);
    }
  });

  it('has query strings with %20 and percent-encoded UTF-8, and large bodies (64 KiB, 1 MiB)', () => {
    const targets = vistarkriyaVectors.map((v) => v.target);
    expect(targets.some((t) => t.includes('?') && t.includes('%20'))).toBe(true);
    expect(targets.some((t) => /%E0%A4/.test(t))).toBe(true);
    const large = all.filter((v) => v.body_repeat);
    // The expansion here produces exactly the byte count PHP hashed.
    for (const v of large) expect(Buffer.byteLength(bodyOf(v), 'utf8')).toBe(v.body_bytes);
    expect(large.some((v) => v.body_bytes === 65536)).toBe(true);
    expect(large.some((v) => v.body_bytes! >= 1024 * 1024)).toBe(true);
  });

  it('has short, block-size, longer-than-block, non-ASCII and empty secrets', () => {
    const lengths = vistarkriyaVectors.map((v) => Buffer.byteLength(v.secret, 'utf8'));
    expect(lengths).toContain(1);
    expect(lengths).toContain(64);
    expect(lengths.some((n) => n > 64)).toBe(true);
    expect(lengths).toContain(0);
    expect(vistarkriyaVectors.some((v) => /[^\x00-\x7f]/.test(v.secret))).toBe(true);
  });
});

describe('public signers (the build default provider) equal PHP', () => {
  describe('vistarkriyaSigner', () => checkVistarkriya(vistarkriyaSigner));
  describe('openLegacySigner', () => checkOpenLegacy(openLegacySigner));
  describe('veri5Hash / veri5Signer', () => checkVeri5(veri5Hash, veri5Signer));
});

describe.each(PROVIDERS.map((p) => [p.kind, p] as const))(
  '%s crypto provider equals PHP',
  (_kind, provider) => {
    describe('vistarkriya', () => checkVistarkriya((o) => createVistarkriyaSigner(o, provider)));
    describe('open legacy', () => checkOpenLegacy((o) => createOpenLegacySigner(o, provider)));
    it.each(veri5Vectors.hashes.map((v) => [v.name, v] as const))(
      'veri5 hash formula: %s',
      async (_name, v) => {
        expect(await provider.sha256Hex(v.fields.join('|'))).toBe(v.hash);
      },
    );

    it('node:crypto and WebCrypto return the same signature object shape (sync vs async)', async () => {
      const signer = createVistarkriyaSigner({ apiKey: 'k', apiSecret: 's', adminCode: ADMIN }, provider);
      const raw = signer.sign({
        method: 'GET',
        target: '/api/v1/wallet/balance',
        body: '',
        timestamp: 1739612345,
      });
      // node:crypto signs synchronously (no promise on the hot path); WebCrypto is async.
      expect(raw instanceof Promise).toBe(provider.kind === 'web');
    });
  },
);

describe('signer details', () => {
  it('uses the admin code header name given, and never signs the admin code', async () => {
    const v = vistarkriyaVectors[0]!;
    const input = { method: v.method, target: v.target, body: bodyOf(v), timestamp: v.timestamp };
    const a = await sign(vistarkriyaSigner({ apiKey: 'k', apiSecret: v.secret, adminCode: '111111' }), input);
    const b = await sign(
      vistarkriyaSigner({
        apiKey: 'k',
        apiSecret: v.secret,
        adminCode: '999999',
        adminCodeHeader: 'X-Tenant-Code',
      }),
      input,
    );
    expect(a.headers['X-Signature']).toBe(v.signature);
    expect(b.headers['X-Signature']).toBe(v.signature);
    expect(b.headers['X-Tenant-Code']).toBe('999999');
    expect(b.headers['X-Admin-Code']).toBeUndefined();
  });

  it('strips exactly what PCRE \\s strips without /u: ASCII whitespace, nothing else', () => {
    expect(stripPhpWhitespace(' \t\n\v\f\r')).toBe('');
    const kept = '\u0085\u00a0\u1680\u180e\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\x1c\x1f';
    expect(stripPhpWhitespace(`a ${kept} b`)).toBe(`a${kept}b`);
  });

  it('declares its secret for redaction', () => {
    // The admin code is a credential too (redacted whole); the API key is redacted to a prefix.
    const vk = vistarkriyaSigner({ apiKey: 'k', apiSecret: 'sec-ret', adminCode: ADMIN });
    expect(vk.secrets).toEqual(['sec-ret', ADMIN]);
    expect(vk.keys).toEqual(['k']);
    const open = openLegacySigner({ accessKey: 'a', secretKey: 'sec-ret' });
    expect(open.secrets).toEqual(['sec-ret']);
    expect(open.keys).toEqual(['a']);
  });
});
