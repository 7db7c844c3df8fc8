// `vistarkriya/testing` with msw's setupServer: the sandbox at the production base URL, reached by
// clients created with default options (credentials only), signatures checked over the bytes sent.
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import {
  ConfigurationError,
  RateLimitError,
  SignatureMismatchError,
  Veri5Client,
  Veri5HashError,
  VistarkriyaClient,
} from 'vistarkriya';
import {
  MAGIC,
  SANDBOX_CREDENTIALS,
  SANDBOX_VERI5_CREDENTIALS,
  createSandbox,
  sandboxHandlers,
} from 'vistarkriya/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hmacHex } from './helpers/raw-request.js';

const sandbox = createSandbox({ slowMs: 100 });
const server = setupServer(...sandboxHandlers({ sandbox }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('sandboxHandlers() with setupServer', () => {
  it('serves a client created with default options: magic values, typed errors', async () => {
    const vk = new VistarkriyaClient({ ...SANDBOX_CREDENTIALS, maxRetries: 0 });
    try {
      expect((await vk.verify.pan({ pan: MAGIC.pan.valid })).status).toBe('VALID');
      expect((await vk.verify.pan({ pan: MAGIC.pan.name_mismatch, name: 'Ravi Kumar' })).status).toBe(
        'NAME_MISMATCH',
      );
      expect(await vk.verify.pan({ pan: MAGIC.pan.rate_limited }).catch((e: unknown) => e)).toBeInstanceOf(
        RateLimitError,
      );
      expect(await vk.wallet.core.balance()).toMatchObject({ balance: 15420.5, currency: 'INR' });
      const seen = sandbox.requests.at(-1)!;
      expect(seen.target).toBe('/api/v1/wallet/core/balance');
      expect(seen.headers['x-api-key']).toBe(SANDBOX_CREDENTIALS.apiKey);
    } finally {
      await vk.close();
    }
  });

  it('a wrong secret gives SignatureMismatchError', async () => {
    const vk = new VistarkriyaClient({ ...SANDBOX_CREDENTIALS, apiSecret: 'not_the_secret' });
    try {
      const err = await vk.wallet.core.balance().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SignatureMismatchError);
      expect(String((err as Error).message)).not.toContain('not_the_secret');
    } finally {
      await vk.close();
    }
  });

  it('checks the signature over the exact bytes received (a non-SDK caller, invalid UTF-8 in the body)', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const body = Buffer.concat([Buffer.from('{"pan":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const send = (signature: string) =>
      fetch('https://vistarkriya.com/api/v1/verify/pan', {
        method: 'POST',
        headers: {
          'X-API-Key': 'vk_test_sandbox',
          'X-Timestamp': ts,
          'X-Signature': signature,
          'X-Admin-Code': '123456',
        },
        body: new Uint8Array(body),
      }).then(async (r) => ({ status: r.status, code: ((await r.json()) as any).error.code }));
    // Over the raw bytes: authenticated, then refused by validation.
    expect(await send(hmacHex('sandbox_secret', [`${ts}POST/api/v1/verify/pan`, body]))).toEqual({
      status: 400,
      code: 'VALIDATION_ERROR',
    });
    // Over the text the bytes decode to (U+FFFD for 0xff 0xfe): a different message.
    expect(
      await send(hmacHex('sandbox_secret', [`${ts}POST/api/v1/verify/pan${body.toString('utf8')}`])),
    ).toEqual({
      status: 401,
      code: 'HMAC_INVALID',
    });
    expect(Buffer.from(sandbox.requests.at(-1)!.rawBody).byteLength).toBe(0); // refused: metadata only
    expect(sandbox.requests.at(-1)!.bodyBytes).toBe(body.byteLength);
  });

  it('serves Veri5 at its default base URL: hashes checked with the salt, a wrong salt is Veri5HashError', async () => {
    const v5 = new Veri5Client({ ...SANDBOX_VERI5_CREDENTIALS, maxRetries: 0 });
    const bad = new Veri5Client({ ...SANDBOX_VERI5_CREDENTIALS, salt: 'zz-wrong-salt', maxRetries: 0 });
    try {
      expect((await v5.verifyGstin({ gstin: MAGIC.gstin.valid })).status).toBe('SUCCESS');
      expect(await bad.verifyGstin({ gstin: MAGIC.gstin.valid }).catch((e: unknown) => e)).toBeInstanceOf(
        Veri5HashError,
      );
      expect(sandbox.requests.at(-1)!.operation).toBe('veri5.verifyGSTIN');
    } finally {
      await v5.close();
      await bad.close();
    }
  });

  it('serves other base URLs when told, and leaves the rest to other handlers', async () => {
    const other = createSandbox({ credentials: { apiSecret: 'other_secret' } });
    server.use(
      ...sandboxHandlers({
        sandbox: other,
        baseURL: 'http://platform.test',
        veri5BaseURL: 'http://veri5.test',
      }),
      http.get('https://example.test/ping', () => HttpResponse.json({ pong: true })),
    );
    const vk = new VistarkriyaClient({
      ...other.clientOptions,
      fetch: undefined,
      baseURL: 'http://platform.test',
    });
    try {
      expect((await vk.wallet.core.balance()).currency).toBe('INR');
      expect(other.requests).toHaveLength(1);
      expect(await (await fetch('https://example.test/ping')).json()).toEqual({ pong: true });
    } finally {
      await vk.close();
    }
  });

  it('refuses a base URL that is not an origin', () => {
    expect(() => sandboxHandlers({ baseURL: 'https://vistarkriya.com/api' })).toThrow(ConfigurationError);
    expect(() => sandboxHandlers({ veri5BaseURL: 'ftp://veri5.test' })).toThrow(ConfigurationError);
  });
});
