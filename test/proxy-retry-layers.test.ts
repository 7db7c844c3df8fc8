// End to end: a browser-side client (proxySigner over fetch) → the real proxy handler → a faulty
// platform. Exactly one layer retries (the proxy), and what the proxy concludes about a billable
// call's outcome is what the browser's error says.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type APIError,
  type FetchLike,
  InputValidationError,
  InternalServerError,
  RateLimitError,
  ResponseValidationError,
  VistarkriyaClient,
  proxySigner,
} from '../src/index.js';
import { type ProxyHandler, createProxyHandler } from '../src/proxy/index.js';
import { closedPort } from './faults/server.js';
import { rejectionOf } from './faults/helpers.js';
import { type LocalServer, startLocalServer } from './helpers/http.js';

type Mode = '503' | '429' | 'reset-after' | 'html-200' | 'ok';
let mode: Mode = 'ok';
let upstreamRequests = 0;
let platform: LocalServer;

beforeAll(async () => {
  platform = await startLocalServer((_req, _raw, res) => {
    upstreamRequests++;
    const envelope = (status: number, code: string) =>
      JSON.stringify({ success: false, error: { code, message: code, http_status: status } });
    if (mode === 'reset-after') return void res.socket?.destroy();
    if (mode === 'html-200') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<html>done?</html>');
    }
    if (mode === '503') {
      res.writeHead(503, { 'content-type': 'application/json' });
      return void res.end(envelope(503, 'SERVICE_UNAVAILABLE'));
    }
    if (mode === '429') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
      return void res.end(envelope(429, 'RATE_LIMITED'));
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ success: true, data: { balance: 1, status: 'VALID' } }));
  });
});
afterAll(() => platform.close());
beforeEach(() => {
  upstreamRequests = 0;
});

/** The browser side: the SDK client with proxySigner, its `fetch` wired to the handler. */
function browserClient(handler: ProxyHandler) {
  let proxyRequests = 0;
  const fetch: FetchLike = async (url, init) => {
    proxyRequests++;
    return handler(new Request(new URL(url, 'http://app.test'), init));
  };
  const vk = new VistarkriyaClient({
    baseURL: '/api/vk',
    signer: proxySigner({ headers: () => ({ Authorization: 'Bearer session-token-42' }) }),
    fetch,
    maxRetries: 2,
    timeout: 10_000,
    logLevel: 'off',
  });
  return { vk, proxyRequests: () => proxyRequests };
}

function proxyTo(baseURL: string) {
  return createProxyHandler({
    apiKey: 'vk_layers_key',
    apiSecret: 'layers_secret_19',
    adminCode: '135790',
    baseURL,
    basePath: '/api/vk',
    allow: ['wallet.core.balance', 'verify.pan'],
    authorize: (request) => request.headers.get('authorization') === 'Bearer session-token-42',
    maxRetries: 2,
    logLevel: 'off',
  });
}

describe('exactly one layer retries: the proxy', () => {
  it.each<[Mode, new (...a: never[]) => APIError]>([
    ['503', InternalServerError],
    ['429', RateLimitError],
  ])(
    'a read meeting %s reaches the platform 3 times, not 9',
    async (fault, ErrorClass) => {
      mode = fault;
      const handler = proxyTo(platform.url);
      const { vk, proxyRequests } = browserClient(handler);
      const err = (await rejectionOf(vk.wallet.core.balance())) as APIError;
      expect(err).toBeInstanceOf(ErrorClass);
      expect(err.outcomeUnknown).toBe(false);
      expect(upstreamRequests).toBe(3);
      expect(proxyRequests()).toBe(1);
      await handler.close();
    },
    15_000,
  );

  it('a successful call is unchanged', async () => {
    mode = 'ok';
    const handler = proxyTo(platform.url);
    const { vk } = browserClient(handler);
    await expect(vk.wallet.core.balance()).resolves.toEqual({ balance: 1, status: 'VALID' });
    expect(upstreamRequests).toBe(1);
    await handler.close();
  });
});

describe('the proxy’s outcome_unknown is the browser’s err.outcomeUnknown', () => {
  it('billable, reset after the platform read it: sent once, outcome unknown', async () => {
    mode = 'reset-after';
    const handler = proxyTo(platform.url);
    const { vk, proxyRequests } = browserClient(handler);
    const err = (await rejectionOf(vk.verify.pan({ pan: 'ABCPE1234F' }))) as APIError;
    expect(err.status).toBe(502);
    expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(err.outcomeUnknown).toBe(true);
    expect(upstreamRequests).toBe(1);
    expect(proxyRequests()).toBe(1);
    await handler.close();
  });

  it('billable, platform unreachable: nothing was sent, so the outcome is known', async () => {
    const handler = proxyTo(`http://127.0.0.1:${await closedPort()}`);
    const { vk, proxyRequests } = browserClient(handler);
    const err = (await rejectionOf(vk.verify.pan({ pan: 'ABCPE1234F' }))) as APIError;
    expect(err.status).toBe(502);
    expect(err.code).toBe('UPSTREAM_UNAVAILABLE');
    // A 502 on a billable call would otherwise read as "may have been carried out".
    expect(err.outcomeUnknown).toBe(false);
    expect(err.message).not.toMatch(/outcome is unknown/i);
    expect(proxyRequests()).toBe(1);
    await handler.close();
  }, 15_000);

  it('billable, platform answered a page instead of JSON: outcome unknown, never retried', async () => {
    mode = 'html-200';
    const handler = proxyTo(platform.url);
    const { vk, proxyRequests } = browserClient(handler);
    const err = (await rejectionOf(vk.verify.pan({ pan: 'ABCPE1234F' }))) as APIError;
    expect(err.code).toBe('UPSTREAM_INVALID_RESPONSE');
    expect(err.outcomeUnknown).toBe(true);
    expect(err).not.toBeInstanceOf(ResponseValidationError);
    expect(upstreamRequests).toBe(1);
    expect(proxyRequests()).toBe(1);
    await handler.close();
  });

  it('a refusal by the proxy itself is final too (no retry of a 4xx, nothing sent)', async () => {
    mode = 'ok';
    const handler = proxyTo(platform.url);
    const { vk, proxyRequests } = browserClient(handler);
    const err = (await rejectionOf(
      vk.request({ method: 'POST', path: '/api/v1/verify/pan', body: { pan: 'bad' } }),
    )) as InputValidationError;
    // The proxy's refusal of the input is the client's own: InputValidationError, nothing billed.
    expect(err).toBeInstanceOf(InputValidationError);
    expect(err.field).toBe('pan');
    expect(err.outcomeUnknown).toBe(false);
    expect(proxyRequests()).toBe(1);
    expect(upstreamRequests).toBe(0);
    await handler.close();
  });
});

describe('a raw request through the proxy (unwrap: false) follows the same protocol', () => {
  it('is not retried by the browser, and keeps the proxy’s outcome', async () => {
    mode = '503';
    const handler = proxyTo(platform.url);
    const { vk, proxyRequests } = browserClient(handler);
    const err = (await rejectionOf(
      vk.request({ method: 'GET', path: '/api/v1/wallet/core/balance', unwrap: false }),
    )) as APIError;
    expect(err.status).toBe(503);
    expect(upstreamRequests).toBe(3);
    expect(proxyRequests()).toBe(1);
    await handler.close();
  }, 15_000);
});
