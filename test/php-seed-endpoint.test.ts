// The SDK's calls pass through a PHP endpoint written from the seeds (test/php/seed-endpoint.php),
// run by real PHP (php-wasm, as a web SAPI): headers are read by their documented names through
// getallheaders(), which keeps names as the client sent them (Apache mod_php, PHP's built-in
// server), and both signatures are checked as the seeds' PHP computes them.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MissingApiKeyError,
  SignatureMismatchError,
  type Signer,
  VistarkriyaClient,
  openLegacySigner,
} from '../src/index.js';
import { REPO_ROOT } from './helpers/php.js';
import { type PhpServer, servePhp } from './helpers/php-server.js';

const ENDPOINT = path.join(REPO_ROOT, 'test/php/seed-endpoint.php');
const PLATFORM = { apiKey: 'vk_live_php_endpoint', apiSecret: 'php endpoint secret ✓', adminCode: '123456' };
const OPEN = { accessKey: 'open_php_key', secretKey: 'open php secret' };

let server: PhpServer;
const clients: VistarkriyaClient[] = [];
function client(options: ConstructorParameters<typeof VistarkriyaClient>[0]): VistarkriyaClient {
  const c = new VistarkriyaClient({ baseURL: server.url, maxRetries: 0, logLevel: 'off', ...options });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await servePhp(ENDPOINT);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

interface Echo {
  scheme: string;
  method: string;
  endpoint?: string;
  body: unknown;
}

describe('a PHP platform written from seed 000 accepts the SDK (undici transport)', () => {
  it('GET: a namespace call and a raw call with a query', async () => {
    const vk = client(PLATFORM);
    const balance = await vk.wallet.core.balance();
    expect(balance).toMatchObject({ balance: 15420.5, currency: 'INR', method: 'GET' });
    const raw = await vk.request<Echo>({
      method: 'GET',
      path: '/api/v1/wallet/core/transactions',
      query: { page: 2, q: "Asha D'Souza / राम" },
    });
    expect(raw.endpoint).toBe(
      '/api/v1/wallet/core/transactions?page=2&q=Asha%20D%27Souza%20%2F%20%E0%A4%B0%E0%A4%BE%E0%A4%AE',
    );
  });

  it("POST: seed 000's own example, and a body with '/' and non-ASCII (the raw body is what is signed)", async () => {
    const vk = client(PLATFORM);
    expect(await vk.verify.pan({ pan: 'ABCDE1234F' })).toMatchObject({
      method: 'POST',
      body: { pan: 'ABCDE1234F' },
    });
    const body = { name: 'राम कुमार शर्मा', note: 'a/b ₹ 😀', nested: { list: [1, 2.5, 'x'] } };
    const echo = await vk.request<Echo>({ method: 'POST', path: '/api/v1/b2c/customer', body });
    expect(echo.body).toEqual(body);
  });

  it('X-Tenant-Code, the later name of the admin code header', async () => {
    const vk = client({ ...PLATFORM, adminCodeHeader: 'X-Tenant-Code' });
    await expect(vk.wallet.core.balance()).resolves.toMatchObject({ scheme: 'vistarkriya' });
  });

  it('the endpoint is not lenient: lower-case names (a fetch wrapper that copies a Headers) miss X-API-Key', async () => {
    // Iterating a Headers object yields lower-case names (Fetch standard), as here.
    const lowerCasing = (url: string, init: RequestInit) =>
      fetch(url, { ...init, headers: Object.fromEntries(new Headers(init.headers)) });
    const vk = client({ ...PLATFORM, fetch: lowerCasing });
    await expect(vk.wallet.core.balance()).rejects.toBeInstanceOf(MissingApiKeyError);
  });
});

describe('a PHP endpoint written from seed 004 accepts the Open legacy signer', () => {
  it('GET (timestamp + method) and POST (whitespace-stripped prehash, body sent as is)', async () => {
    const open = client({ signer: openLegacySigner(OPEN) });
    expect(await open.request<Echo>({ method: 'GET', path: '/open/v1/status' })).toMatchObject({
      scheme: 'open-legacy',
      method: 'GET',
    });
    const pretty = '{\n  "amount": "9.00",\n  "email_id": "asha@example.com",\n  "note": "paid in full"\n}';
    const echo = await open.request<Echo>({ method: 'POST', path: '/open/v1/payment_token', body: pretty });
    expect(echo.body).toEqual({ amount: '9.00', email_id: 'asha@example.com', note: 'paid in full' });
    const object = await open.request<Echo>({
      method: 'POST',
      path: '/open/v1/payment_token',
      body: { amount: '9.00', currency: 'INR', mtx: '123456XYZ' },
    });
    expect(object.body).toEqual({ amount: '9.00', currency: 'INR', mtx: '123456XYZ' });
  });

  it('a millisecond X-O-Timestamp, as docs/signing.md shows it, is what a server on milliseconds gets', async () => {
    const legacy = openLegacySigner(OPEN);
    const ms: Signer = {
      ...legacy,
      sign: (input) => legacy.sign({ ...input, timestamp: input.timestamp * 1000 }),
    };
    // This endpoint wants seconds: the signature still verifies, then the time check refuses it.
    const err = await client({ signer: ms })
      .request({ method: 'GET', path: '/open/v1/status' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 401, code: 'TIMESTAMP_EXPIRED' });
  });
});

describe('a server that re-encodes the body with json_encode before checking the HMAC', () => {
  // The helper of docs/signing.md: JSON the way PHP's json_encode($value) writes it (default flags).
  const phpJson = (value: unknown) =>
    JSON.stringify(value)
      .replace(/\//g, '\\/')
      .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const body = { name: 'राम कुमार', site: 'https://example.com/a', emoji: '😀', plain: 'ascii only' };

  it('refuses JSON.stringify bytes with / or non-ASCII, and accepts the pre-serialised string', async () => {
    const vk = client(PLATFORM);
    await expect(vk.request({ method: 'POST', path: '/reencoded/verify', body })).rejects.toBeInstanceOf(
      SignatureMismatchError,
    );
    const echo = await vk.request<Echo>({ method: 'POST', path: '/reencoded/verify', body: phpJson(body) });
    expect(echo.body).toEqual(body);
  });
});
