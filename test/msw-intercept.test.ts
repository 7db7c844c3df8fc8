// A client created with default options is intercepted by msw's setupServer: its Node transport
// (undici's own Agent, which msw never sees) sends through the patched `globalThis.fetch` while an
// interceptor is applied, and through undici otherwise, at the cost of one property read.
import { http as mock, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallAbort } from '../src/core/call-abort-node.js';
import { APIConnectionError, APITimeoutError, VistarkriyaClient } from '../src/index.js';
import { UndiciTransport } from '../src/transport/undici.js';
import { type LocalServer, startLocalServer } from './helpers/http.js';

const CREDENTIALS = { apiKey: 'vk_test_key', apiSecret: 'test_secret', adminCode: '123456' };
const BALANCE = { balance: 42, currency: 'INR', last_updated: '2026-01-01T00:00:00Z' };

/** A real local server that counts what reaches it (so "not intercepted" is visible). */
let real: LocalServer;
let reached = 0;
beforeAll(async () => {
  real = await startLocalServer((_req, _raw, res) => {
    reached++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ success: true, data: { ...BALANCE, balance: 7 } }));
  });
});
afterAll(() => real.close());

describe('msw setupServer intercepts a client created with default options', () => {
  const msw = setupServer(
    mock.get('https://vistarkriya.com/api/v1/wallet/core/balance', () =>
      HttpResponse.json({ success: true, data: BALANCE }),
    ),
  );
  afterEach(() => {
    msw.resetHandlers();
    msw.close();
  });

  it('answers from the mock at the production base URL, with no change to the code under test', async () => {
    msw.listen({ onUnhandledRequest: 'error' });
    const vk = new VistarkriyaClient(CREDENTIALS);
    try {
      expect(await vk.wallet.core.balance()).toEqual(BALANCE);
    } finally {
      await vk.close();
    }
  });

  it('follows listen() and close() per call: the same client goes back to undici afterwards', async () => {
    const vk = new VistarkriyaClient({ ...CREDENTIALS, baseURL: real.url, maxRetries: 0 });
    try {
      const before = reached;
      expect((await vk.wallet.core.balance()).balance).toBe(7);
      expect(reached).toBe(before + 1);
      msw.listen({ onUnhandledRequest: 'bypass' });
      msw.use(
        mock.get(`${real.url}/api/v1/wallet/core/balance`, () =>
          HttpResponse.json({ success: true, data: BALANCE }),
        ),
      );
      expect((await vk.wallet.core.balance()).balance).toBe(42);
      expect(reached).toBe(before + 1);
      msw.close();
      expect((await vk.wallet.core.balance()).balance).toBe(7);
      expect(reached).toBe(before + 2);
    } finally {
      await vk.close();
    }
  });

  it("onUnhandledRequest: 'error' stops an SDK call to a URL nobody mocked: it fails and nothing is sent", async () => {
    msw.listen({ onUnhandledRequest: 'error' });
    const vk = new VistarkriyaClient({ ...CREDENTIALS, baseURL: real.url, maxRetries: 0 });
    const before = reached;
    try {
      const err = await vk.wallet.core.balance().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(APIConnectionError);
      expect(reached).toBe(before);
      // msw's own refusal is the cause.
      expect(String((err as Error).cause)).toMatch(/Failed to fetch|MSW/);
    } finally {
      await vk.close();
    }
  });

  it("keeps the client's timeout through the intercepted path", async () => {
    msw.listen({ onUnhandledRequest: 'error' });
    msw.use(mock.get('https://vistarkriya.com/api/v1/wallet/pipeline/balance', () => delay('infinite')));
    const vk = new VistarkriyaClient({ ...CREDENTIALS, timeout: 200, maxRetries: 0 });
    try {
      const t0 = Date.now();
      const err = await vk.wallet.pipeline.balance().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(APITimeoutError);
      expect(Date.now() - t0).toBeLessThan(2000);
    } finally {
      await vk.close();
    }
  });
});

describe('the production path pays one property read', () => {
  it('reads the interceptor slot once per request and never touches globalThis.fetch', async () => {
    const slot = Symbol.for('fetch-interceptor');
    const reads = { slot: 0, fetch: 0 };
    const realFetch = globalThis.fetch;
    Object.defineProperty(globalThis, slot, {
      configurable: true,
      get: () => {
        reads.slot++;
        return undefined;
      },
    });
    Object.defineProperty(globalThis, 'fetch', {
      configurable: true,
      get: () => {
        reads.fetch++;
        return realFetch;
      },
    });
    const transport = new UndiciTransport();
    try {
      for (let i = 0; i < 20; i++) {
        const res = await transport.send({
          method: 'GET',
          url: `${real.url}/api/v1/wallet/core/balance`,
          headers: {},
          body: undefined,
          signal: undefined as unknown as AbortSignal,
          abortSource: new CallAbort(),
          maxResponseBytes: 1 << 20,
        });
        expect(res.status).toBe(200);
      }
      expect(reads).toEqual({ slot: 20, fetch: 0 });
      // Nothing was built for the intercepted path.
      expect((transport as unknown as { intercepted?: unknown }).intercepted).toBeUndefined();
    } finally {
      delete (globalThis as Record<symbol, unknown>)[slot];
      Object.defineProperty(globalThis, 'fetch', { configurable: true, writable: true, value: realFetch });
      await transport.close();
    }
  });
});
