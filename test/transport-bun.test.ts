// Bun runs the Node build, but its `undici` is Bun's own partial module: an Agent whose
// `request` is not a function. The Node build's default transport is therefore Bun's `fetch`
// there, and an HTTP client that refuses a request before sending it is never reported as an
// outcome-unknown failure (it used to reach a proxy's caller as a 502 marked outcome_unknown).
// The real Bun run is in runtimes.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIConnectionError } from '../src/core/errors.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.doUnmock('undici');
  vi.resetModules();
});

describe('the Node build under Bun', () => {
  it('sends through the global fetch, looked up per call', async () => {
    vi.stubGlobal('Bun', { version: '1.4.5' });
    vi.resetModules();
    const { defaultTransport } = await import('../src/transport/default-node.js');
    const { FetchTransport } = await import('../src/transport/fetch.js');
    const transport = defaultTransport(undefined);
    expect(transport).toBeInstanceOf(FetchTransport);
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return new Response('{"success":true,"data":{}}');
    });
    const res = await transport.send({
      method: 'GET',
      url: 'http://127.0.0.1:1/api/v1/wallet/core/balance',
      headers: {},
      body: undefined,
      signal: new AbortController().signal,
      maxResponseBytes: 1 << 20,
    });
    expect(res.status).toBe(200);
    expect(urls).toEqual(['http://127.0.0.1:1/api/v1/wallet/core/balance']);
  });

  it('uses undici in Node', async () => {
    vi.resetModules();
    const { defaultTransport } = await import('../src/transport/default-node.js');
    const { UndiciTransport } = await import('../src/transport/undici.js');
    expect(defaultTransport(undefined)).toBeInstanceOf(UndiciTransport);
  });
});

describe('an HTTP client that refuses the request before sending it', () => {
  // Bun's stand-in for undici: an Agent without `request()`.
  const bunLikeUndici = () => ({
    Agent: class {
      async close() {}
    },
    request: undefined,
  });

  it('is a failure with nothing sent: a billable call is not outcome-unknown', async () => {
    vi.doMock('undici', bunLikeUndici);
    vi.resetModules();
    const { VistarkriyaClient } = await import('../src/index.js');
    const vk = new VistarkriyaClient({
      apiKey: 'vk_test_key',
      apiSecret: 'test_secret',
      adminCode: '123456',
      baseURL: 'http://127.0.0.1:1',
      logLevel: 'off',
    });
    const err = await vk.verify.pan({ pan: 'ABCPV1234D' }).catch((e: unknown) => e);
    await vk.close();
    // A class from the freshly loaded copy of the SDK is still this copy's class (branded).
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err).toMatchObject({ outcomeUnknown: false });
    expect((err as Error).message).toMatch(/not sent/);
    expect(String((err as Error).cause)).toMatch(/request is not a function/);
  });

  it('reaches a proxy caller as a 502 with outcome_unknown false', async () => {
    vi.doMock('undici', bunLikeUndici);
    vi.resetModules();
    const { createProxyHandler } = await import('../src/proxy/index.js');
    const proxy = createProxyHandler({
      apiKey: 'vk_test_key',
      apiSecret: 'test_secret',
      adminCode: '123456',
      baseURL: 'http://127.0.0.1:1',
      basePath: '/api/vk',
      allow: ['verify.pan'],
      authorize: () => true,
      logLevel: 'off',
    });
    const res = await proxy(
      new Request('http://app.test/api/vk/api/v1/verify/pan', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pan: 'ABCPV1234D' }),
      }),
    );
    await proxy.close();
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({
      success: false,
      error: { code: 'UPSTREAM_UNAVAILABLE', outcome_unknown: false },
    });
  });
});
