import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientClosedError, type ClientOptions, Veri5Client, VistarkriyaClient } from '../src/index.js';
import { createProxyHandler } from '../src/proxy/index.js';
import { TRANSPORTS, expectNoNewResources, leakyCounts, rejectionOf } from './faults/helpers.js';
import { type LocalServer, startLocalServer } from './helpers/http.js';

// Every answer is a 429 asking for a 2 s wait: each call sends once, then waits to retry.
let server: LocalServer;
let seen = 0;
beforeAll(async () => {
  server = await startLocalServer((_req, _raw, res) => {
    seen++;
    res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '2' });
    res.end(
      JSON.stringify({ success: false, error: { code: 'RATE_LIMITED', message: 'wait', http_status: 429 } }),
    );
  });
});
afterAll(() => server.close());
beforeEach(() => {
  seen = 0;
});

type Call = () => Promise<unknown>;
const CLIENTS: {
  name: string;
  make: (options: ClientOptions) => { call: Call; close: () => Promise<void> };
}[] = [
  {
    name: 'VistarkriyaClient',
    make: (options) => {
      const vk = new VistarkriyaClient({
        apiKey: 'vk_close_key',
        apiSecret: 'close_secret_88',
        adminCode: '554433',
        baseURL: server.url,
        logLevel: 'off',
        ...options,
      });
      return { call: () => vk.wallet.core.balance(), close: () => vk.close() };
    },
  },
  {
    name: 'Veri5Client',
    make: (options) => {
      const veri5 = new Veri5Client({
        clientCode: 'C',
        apiKey: 'veri5_close_key',
        salt: 'veri5_test_salt',
        baseURL: server.url,
        logLevel: 'off',
        ...options,
      });
      return { call: () => veri5.verifyGstin({ gstin: '27ABCPS1234D1Z1' }), close: () => veri5.close() };
    },
  },
];

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe.each(CLIENTS)('$name.close()', ({ make }) => {
  describe.each(TRANSPORTS)('over $name', (transport) => {
    it('ends a call waiting to retry at once, sends nothing more and leaves nothing open', async () => {
      const before = leakyCounts();
      const { options, close: closeUserPool } = transport.make();
      const client = make(options);
      const pending = rejectionOf(client.call());
      await waitFor(() => seen === 1);
      const started = Date.now();
      await client.close();
      const err = await pending;
      expect(err).toBeInstanceOf(ClientClosedError);
      expect((err as ClientClosedError).outcomeUnknown).toBe(false);
      expect(Date.now() - started).toBeLessThan(500);
      // A new call fails at once too, and never reaches the server.
      await expect(client.call()).rejects.toBeInstanceOf(ClientClosedError);
      await new Promise((r) => setTimeout(r, 50));
      expect(seen).toBe(1);
      await closeUserPool?.();
      await expectNoNewResources(before);
    });

    it('close() is idempotent, and a call after it opens no connection pool', async () => {
      const before = leakyCounts();
      const { options, close: closeUserPool } = transport.make();
      const client = make(options);
      await client.close();
      await client.close();
      const err = await rejectionOf(client.call());
      expect(err).toBeInstanceOf(ClientClosedError);
      expect((err as Error).message).toMatch(/closed/);
      expect(seen).toBe(0);
      await closeUserPool?.();
      await expectNoNewResources(before);
    });
  });
});

describe('the proxy after close()', () => {
  it('answers 503 PROXY_CLOSED and sends nothing', async () => {
    const handler = createProxyHandler({
      apiKey: 'vk_close_key',
      apiSecret: 'close_secret_88',
      adminCode: '554433',
      baseURL: server.url,
      basePath: '/api/vk',
      allow: ['wallet.core.balance'],
      authorize: () => true,
      logLevel: 'off',
    });
    await handler.close();
    const res = await handler(new Request('http://app.test/api/vk/api/v1/wallet/core/balance'));
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('PROXY_CLOSED');
    expect(seen).toBe(0);
  });
});
