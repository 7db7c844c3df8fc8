/**
 * Browser → your server → platform. The browser holds no secret: its client uses
 * `proxySigner` and calls your route; `createProxyHandler` authorizes the user, checks the
 * operation against `allow`, signs with the secret and forwards.
 *
 *   npx tsx examples/proxy.ts
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationError, APIError, VistarkriyaClient, proxySigner } from 'vistarkriya';
import { createProxyHandler, toNodeHandler } from 'vistarkriya/proxy';
import { MAGIC } from 'vistarkriya/sandbox';
import { type Log, expect, runIfMain } from './_harness.js';

const SESSION_TOKEN = 'session-of-a-logged-in-user';

export default async function proxy(log: Log): Promise<string> {
  // --- your server: credentials from the environment, like any server-side client ---
  const handler = createProxyHandler({
    basePath: '/api/vk',
    allow: ['verify.pan', 'wallet.core.balance'],
    authorize: (request) => request.headers.get('authorization') === `Bearer ${SESSION_TOKEN}`,
  });
  const server = http.createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // --- the browser: no API key, no secret; only the user's session ---
  const browser = new VistarkriyaClient({
    baseURL: `${origin}/api/vk`,
    signer: proxySigner({ headers: { Authorization: `Bearer ${SESSION_TOKEN}` } }),
    maxRetries: 0,
  });
  const stranger = new VistarkriyaClient({
    baseURL: `${origin}/api/vk`,
    signer: proxySigner(),
    maxRetries: 0,
  });
  try {
    const pan = await browser.verify.pan({ pan: MAGIC.pan.valid });
    log(`browser → proxy → platform: verify.pan ${pan.pan} ${pan.status}`);
    expect(pan.status === 'VALID', 'the proxied call succeeds');

    try {
      await browser.b2c.customers();
      throw new Error('b2c.customers is not in allow: it must be refused');
    } catch (err) {
      expect(err instanceof APIError && err.status === 403, `an operation outside allow → 403 (got ${err})`);
      log(`operation not in allow (b2c.customers) → ${err.status}, nothing forwarded`);
    }
    try {
      await stranger.wallet.core.balance();
      throw new Error('a caller without a session must be refused');
    } catch (err) {
      expect(err instanceof AuthenticationError && err.status === 401, `no session → 401 (got ${err})`);
      log(`no session → ${err.status}, nothing forwarded`);
    }
    return 'browser call signed on the server; disallowed and unauthorized calls refused';
  } finally {
    await browser.close();
    await stranger.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

await runIfMain(import.meta, proxy);
