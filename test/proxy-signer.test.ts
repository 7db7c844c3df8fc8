import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError, VistarkriyaClient, proxySigner } from '../src/index.js';

const input = {
  method: 'POST',
  target: '/api/vk/api/v1/verify/pan',
  body: '{"pan":"ABCPE1234F"}',
  timestamp: 1,
};

describe('proxySigner', () => {
  it('adds static headers and nothing else (no signature, no secret)', async () => {
    const signer = proxySigner({ headers: { Authorization: 'Bearer session-token-123' } });
    const result = await signer.sign(input);
    expect(result).toEqual({ headers: { Authorization: 'Bearer session-token-123' } });
    // The static token is redacted from errors and logs like a secret (the credential alone too).
    expect(signer.secrets).toEqual(['Bearer session-token-123', 'session-token-123']);
  });

  it('calls a (sync or async) header function on every attempt, so a refreshed token is used', async () => {
    let n = 0;
    const sync = proxySigner({ headers: () => ({ 'X-Session': `s${++n}` }) });
    expect(await sync.sign(input)).toEqual({ headers: { 'X-Session': 's1' } });
    expect(await sync.sign(input)).toEqual({ headers: { 'X-Session': 's2' } });
    const asyncSigner = proxySigner({ headers: async () => ({ Authorization: `Bearer t${++n}` }) });
    expect(await asyncSigner.sign(input)).toEqual({ headers: { Authorization: 'Bearer t3' } });
  });

  it('works with no options (cookie sessions)', async () => {
    expect(await proxySigner().sign(input)).toEqual({ headers: {} });
  });
});

describe('browser guard', () => {
  afterEach(() => vi.unstubAllGlobals());
  const creds = { apiKey: 'vk_key', apiSecret: 'browser_secret_value', adminCode: '123456' };

  it('refuses an apiSecret in a browser-like global (window + document)', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    expect(() => new VistarkriyaClient(creds)).toThrow(ConfigurationError);
    expect(() => new VistarkriyaClient(creds)).toThrow(/createProxyHandler/);
    try {
      new VistarkriyaClient(creds);
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(creds.apiSecret);
    }
  });

  it('allows it with dangerouslyAllowBrowser, and always allows proxySigner', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    expect(() => new VistarkriyaClient({ ...creds, dangerouslyAllowBrowser: true })).not.toThrow();
    expect(
      () => new VistarkriyaClient({ baseURL: 'http://127.0.0.1:1/api/vk', signer: proxySigner() }),
    ).not.toThrow();
  });

  it('does not trigger outside a browser (window alone, as in some workers, is not a page)', () => {
    vi.stubGlobal('window', {});
    expect(() => new VistarkriyaClient(creds)).not.toThrow();
  });
});
