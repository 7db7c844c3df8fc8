import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { openLegacyStringToSign } from '../../src/signers/open-legacy.js';
import type { SignInput, SignResult, Signer } from '../../src/signers/types.js';
import { vistarkriyaStringToSign } from '../../src/signers/vistarkriya.js';
import { type Veri5Vectors, bodyOf, openLegacyVectors, veri5Vectors, vistarkriyaVectors } from './vectors.js';

// Shared vector checks: signers.test.ts runs them on the node provider (and on both providers
// through the internal factories), signers-web.test.ts on the public signers built on WebCrypto.

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export async function sign(signer: Signer, input: SignInput): Promise<SignResult> {
  return await signer.sign(input);
}

export const ADMIN = '123456';

export function checkVistarkriya(
  make: (o: { apiKey: string; apiSecret: string; adminCode: string }) => Signer,
) {
  it.each(vistarkriyaVectors.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const body = bodyOf(v);
    const input = { method: v.method, target: v.target, body, timestamp: v.timestamp };
    if (v.string_to_sign !== undefined) expect(vistarkriyaStringToSign(input)).toBe(v.string_to_sign);
    const result = await sign(make({ apiKey: 'vk_test_key', apiSecret: v.secret, adminCode: ADMIN }), input);
    expect(result.headers).toEqual({
      'X-API-Key': 'vk_test_key',
      'X-Timestamp': String(v.timestamp),
      'X-Signature': v.signature,
      'X-Admin-Code': ADMIN,
    });
    expect(result.body).toBeUndefined();
  });
}

export function checkOpenLegacy(make: (o: { accessKey: string; secretKey: string }) => Signer) {
  it.each(openLegacyVectors.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const body = bodyOf(v);
    const input = { method: v.method, target: '/open/v1/payment_token', body, timestamp: v.timestamp };
    const prehash = openLegacyStringToSign(input);
    if (v.prehash !== undefined) expect(prehash).toBe(v.prehash);
    expect(sha256(prehash)).toBe(v.prehash_sha256);
    const result = await sign(make({ accessKey: v.access_key, secretKey: v.secret }), input);
    expect(result.headers).toEqual({
      Authorization: `Bearer ${v.access_key}:${v.signature}`,
      'X-O-Timestamp': String(v.timestamp),
    });
    // Only the prehash is stripped; the body that is sent is never rewritten.
    expect(result.body).toBeUndefined();
  });
}

type SignerCase = Veri5Vectors['signer'][number];

function veri5Envelope(v: SignerCase) {
  return {
    headers: { client_code: v.client_code, sub_client_code: '', stan: '1001', function_code: 'DEFAULT' },
    request: { ...v.request },
  };
}

export function checkVeri5(
  hash: (fields: string[]) => Promise<string>,
  make: (o: { clientCode: string; apiKey: string; salt: string }) => Signer,
) {
  it.each(veri5Vectors.hashes.map((v) => [v.name, v] as const))('hash: %s', async (_name, v) => {
    expect(await hash(v.fields)).toBe(v.hash);
  });

  it.each(veri5Vectors.signer.map((v) => [v.name, v] as const))('signer: %s', async (_name, v) => {
    const envelope = veri5Envelope(v);
    const signer = make({ clientCode: v.client_code, apiKey: v.api_key, salt: v.salt });
    for (const target of [`/service/api/1.0/${v.operation}`, `/service/api/1.0/${v.operation}?trace=1`]) {
      const result = await sign(signer, {
        method: 'POST',
        target,
        body: JSON.stringify(envelope),
        timestamp: 1739612345,
      });
      expect(result.headers).toEqual({});
      // Exactly the input plus api_key and the PHP hash: no salt field, nothing else changed.
      expect(JSON.parse(result.body!)).toEqual({
        headers: envelope.headers,
        request: { ...v.request, api_key: v.api_key, hash: v.hash },
      });
      const others = [v.client_code, v.api_key, ...Object.values(v.request)];
      if (!others.some((o) => o.includes(v.salt))) {
        expect(result.body).not.toContain(v.salt);
        expect(result.body).not.toContain(JSON.stringify(v.salt).slice(1, -1));
      }
      expect(JSON.stringify(result.headers)).not.toContain(v.salt);
    }
    expect(signer.secrets).toEqual([v.salt]);
  });

  it('leaves operations without a hash sequence untouched', async () => {
    const signer = make({ clientCode: 'VERI5_TEST', apiKey: 'veri5_test_key', salt: 'veri5_test_salt' });
    const body = JSON.stringify({ headers: {}, request: { pan_details: { pan_number: 'ABCDE1234F' } } });
    const result = await sign(signer, {
      method: 'POST',
      target: '/service/api/1.0/verifyUserIdDoc',
      body,
      timestamp: 1,
    });
    expect(result).toEqual({ headers: {} });
  });
}
