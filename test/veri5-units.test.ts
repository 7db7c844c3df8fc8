import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crypto as webCrypto } from '../src/platform/crypto-web.js';
import { veri5Hash, veri5Signer, verifyVeri5Hash } from '../src/index.js';
import { checkDocument } from '../src/veri5/document.js';
import { nextStan, stampEnvelope } from '../src/veri5/envelope.js';
import { normalizeKeys, snakeKey } from '../src/veri5/interpret.js';

const SEED_SEQUENCE = 'INFO9378|abcd|abc|abc|29AAECK9415C1ZJ';
const SEED_HASH = 'e3f10f1787428a75e5f0c9331c3bacde36df54e855744a3ccc1f0ff9c7b518fe';

interface HashCase {
  op: 'verifyGSTIN' | 'fetchPanDetails';
  clientCode: string;
  apiKey: string;
  salt: string;
  request: Record<string, string>;
  sequence: string;
  hash: string;
}
// Generated with php -r (hash('sha256', implode('|', ...))), see the file's "generator".
const vectors = JSON.parse(readFileSync(new URL('./vectors/veri5-hash.json', import.meta.url), 'utf8')) as {
  cases: HashCase[];
};

describe('Veri5 hash (Appendix E)', () => {
  it('reproduces the seed worked example (known answer)', async () => {
    expect(await veri5Hash(['INFO9378', 'abcd', 'abc', 'abc', '29AAECK9415C1ZJ'])).toBe(SEED_HASH);
    expect(createHash('sha256').update(SEED_SEQUENCE).digest('hex')).toBe(SEED_HASH);
    expect(await webCrypto.sha256Hex(SEED_SEQUENCE)).toBe(SEED_HASH);
  });

  it.each(vectors.cases.map((c) => [`${c.op} ${c.clientCode}`, c] as const))(
    'the signer hashes %s exactly as PHP does, and never sends the salt',
    async (_name, c) => {
      const signer = veri5Signer({ clientCode: c.clientCode, apiKey: c.apiKey, salt: c.salt });
      const body = JSON.stringify({ headers: { client_code: c.clientCode }, request: c.request });
      const signed = await signer.sign({
        method: 'POST',
        target: `/service/api/1.0/${c.op}`,
        body,
        timestamp: 1,
      });
      const sent = JSON.parse(signed.body!);
      expect(sent.request.hash).toBe(c.hash);
      expect(sent.request.api_key).toBe(c.apiKey);
      // Exactly the body given plus api_key and hash: nothing else (no salt) is added.
      expect(signed.body).toBe(
        JSON.stringify({
          headers: { client_code: c.clientCode },
          request: { ...c.request, api_key: c.apiKey, hash: c.hash },
        }),
      );
      expect(signer.secrets).toContain(c.salt);
    },
  );

  it('verifyVeri5Hash accepts the right hash (any case) and rejects others', async () => {
    const fields = ['INFO9378', 'abcd', 'abc', 'abc', '29AAECK9415C1ZJ'];
    expect(await verifyVeri5Hash(fields, SEED_HASH)).toBe(true);
    expect(await verifyVeri5Hash(fields, SEED_HASH.toUpperCase())).toBe(true);
    expect(await verifyVeri5Hash(fields, SEED_HASH.replace(/^e/, 'f'))).toBe(false);
    expect(await verifyVeri5Hash(fields, SEED_HASH.slice(1))).toBe(false);
    expect(await verifyVeri5Hash([...fields.slice(0, 4), '29AAECK9415C1ZK'], SEED_HASH)).toBe(false);
  });

  it('hashes an operation found by operationOf (overridden routes)', async () => {
    const c = vectors.cases[0]!;
    const signer = veri5Signer({
      clientCode: c.clientCode,
      apiKey: c.apiKey,
      salt: c.salt,
      operationOf: (path) => (path === '/custom/gst' ? 'verifyGSTIN' : undefined),
    });
    const body = JSON.stringify({ headers: {}, request: c.request });
    const signed = await signer.sign({ method: 'POST', target: '/custom/gst', body, timestamp: 1 });
    expect(JSON.parse(signed.body!).request.hash).toBe(c.hash);
    const untouched = await signer.sign({
      method: 'POST',
      target: '/service/api/1.0/verifyGSTIN',
      body,
      timestamp: 1,
    });
    expect(untouched.body).toBeUndefined();
  });
});

describe('stan and transmission_datetime', () => {
  it('gives distinct, increasing numeric stans within one millisecond', () => {
    const stans = Array.from({ length: 5000 }, () => nextStan());
    expect(new Set(stans).size).toBe(5000);
    for (const s of stans) expect(s).toMatch(/^\d+$/);
    // Increasing: a run from a random start (wrapping after 8 × 10^15 values: never in practice).
    for (let i = 1; i < stans.length; i++) expect(BigInt(stans[i]!) > BigInt(stans[i - 1]!)).toBe(true);
    expect(Number.isSafeInteger(Number(stans.at(-1)))).toBe(true);
  });

  it('stamps a fresh stan and a ms time (skew-corrected) into the envelope, skipping bodies without one', () => {
    const body = { headers: { stan: '', transmission_datetime: '' }, request: {} };
    const before = Date.now();
    stampEnvelope(
      body,
      { method: 'POST', target: '/x', body: '', timestamp: Math.floor(before / 1000) + 60 },
      () => '42',
    );
    expect(body.headers.stan).toBe('42');
    const t = Number(body.headers.transmission_datetime);
    expect(t).toBeGreaterThanOrEqual(before + 59_000);
    expect(t).toBeLessThanOrEqual(Date.now() + 61_000);
    const bank: Record<string, unknown> = { uniqueRequestNo: 'u1' };
    stampEnvelope(bank, { method: 'POST', target: '/x', body: '', timestamp: 1 });
    expect(bank).toEqual({ uniqueRequestNo: 'u1' });
  });
});

describe('PAN card image checks (Appendix C)', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

  it('accepts JPEG and PNG (base64, data URL or bytes) and reports the decoded size', () => {
    expect(checkDocument(png.toString('base64'))).toEqual({
      base64: png.toString('base64'),
      type: 'png',
      bytes: 12,
    });
    expect(checkDocument(`data:image/jpeg;base64,${jpeg.toString('base64')}`)).toMatchObject({
      type: 'jpeg',
      bytes: 10,
    });
    expect(checkDocument(new Uint8Array(jpeg))).toMatchObject({
      type: 'jpeg',
      base64: jpeg.toString('base64'),
    });
  });

  it('rejects other formats, bad base64 and images over the cap', () => {
    const gif = Buffer.from('GIF89a-------').toString('base64');
    expect(checkDocument(gif)).toEqual({
      issue: expect.objectContaining({ field: 'document', rule: 'image_type' }),
    });
    expect(checkDocument('not base64!')).toEqual({ issue: expect.objectContaining({ rule: 'base64' }) });
    expect(checkDocument('')).toEqual({ issue: expect.objectContaining({ rule: 'required' }) });
    const big = Buffer.concat([png, Buffer.alloc(2000)]).toString('base64');
    expect(checkDocument(big, 1000)).toEqual({ issue: expect.objectContaining({ rule: 'max_size' }) });
  });
});

describe('response key normalisation', () => {
  it('maps the seed capitalisation to lower snake_case, preferring snake_case duplicates', () => {
    expect(snakeKey('Verified_data')).toBe('verified_data');
    expect(snakeKey('Age_band')).toBe('age_band');
    expect(snakeKey('txnId')).toBe('txn_id');
    expect(snakeKey('Code')).toBe('code');
    expect(normalizeKeys({ Verified_data: 'old', verified_data: 'new', Mobile_number: 'x' })).toEqual({
      verified_data: 'new',
      mobile_number: 'x',
    });
  });
});
