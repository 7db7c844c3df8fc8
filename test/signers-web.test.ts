// The public signers exactly as the web build wires them: src/platform/crypto.js replaced by
// the WebCrypto provider (what tsup's web build does), checked against every PHP vector.
import { describe, expect, it, vi } from 'vitest';
import { openLegacySigner, veri5Hash, veri5Signer, vistarkriyaSigner } from '../src/signers/index.js';
import { checkOpenLegacy, checkVeri5, checkVistarkriya } from './helpers/signer-checks.js';

vi.mock('../src/platform/crypto.js', async () => ({ ...(await import('../src/platform/crypto-web.js')) }));

describe('public signers on the WebCrypto provider equal PHP', () => {
  it('really runs on WebCrypto (asynchronous signatures)', async () => {
    const { crypto } = await import('../src/platform/crypto.js');
    expect(crypto.kind).toBe('web');
    const raw = vistarkriyaSigner({ apiKey: 'k', apiSecret: 's', adminCode: '123456' }).sign({
      method: 'GET',
      target: '/api/v1/wallet/balance',
      body: '',
      timestamp: 1739612345,
    });
    expect(raw).toBeInstanceOf(Promise);
  });

  describe('vistarkriyaSigner', () => checkVistarkriya(vistarkriyaSigner));
  describe('openLegacySigner', () => checkOpenLegacy(openLegacySigner));
  describe('veri5Hash / veri5Signer', () => checkVeri5(veri5Hash, veri5Signer));
});
