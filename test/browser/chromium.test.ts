// Proof in a real browser: headless Chromium loads a page served from 127.0.0.1 that bundles the
// SDK, and calls the local sandbox through createProxyHandler mounted on the same server.
// Chromium: CHROMIUM_PATH, else one on this machine, else the npm build (test/helpers/chromium.ts).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHandler, toNodeHandler } from '../../src/proxy/index.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { launchChromium } from '../helpers/chromium.js';
import { bundleForWeb } from './bundle.js';

// A fresh secret per run: if it shows up anywhere in the page, it can only have leaked.
const SECRET = `sbx_${randomBytes(16).toString('hex')}`;
const SESSION = `session_${randomBytes(8).toString('hex')}`;

let sandbox: Sandbox;
let proxy: ReturnType<typeof createProxyHandler>;
let server: http.Server;
let origin: string;
let bundle: string;
let context: BrowserContext;
let closeChromium: (() => Promise<void>) | undefined;

beforeAll(async () => {
  bundle = await bundleForWeb('test/browser/app.ts', { format: 'esm' });
  sandbox = await startSandbox({ credentials: { apiSecret: SECRET } });
  proxy = createProxyHandler({
    ...sandbox.clientOptions,
    basePath: '/api/vk',
    allow: ['verify.pan', 'wallet.core.balance', 'wallet.core.transactions'],
    authorize: (request) => request.headers.get('authorization') === `Bearer ${SESSION}`,
    maxRetries: 0,
    logLevel: 'off',
  });
  const api = toNodeHandler(proxy);
  const html = `<!doctype html><meta charset="utf-8"><title>vistarkriya</title><script type="module" src="/app.js"></script>`;
  server = http.createServer((req, res) => {
    if (req.url?.startsWith('/api/vk/')) return void api(req, res);
    if (req.url === '/') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return void res.end(html);
    }
    if (req.url === '/app.js') {
      res.setHeader('content-type', 'text/javascript; charset=utf-8');
      return void res.end(bundle);
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ context, close: closeChromium } = await launchChromium());
}, 60_000);

afterAll(async () => {
  await closeChromium?.();
  await proxy?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await sandbox?.close();
});

describe('the SDK in headless Chromium, through createProxyHandler, against the sandbox', () => {
  it('gets typed results, typed errors, and never sees the secret', async () => {
    const page = await context.newPage();
    const bodies: Promise<string>[] = [];
    const sentHeaders: Record<string, string>[] = [];
    page.on('request', (request) => sentHeaders.push(request.headers()));
    page.on('response', (response) => bodies.push(response.text().catch(() => '')));
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));

    await page.goto(`${origin}/`);
    await page.waitForFunction(() => typeof (globalThis as { runChecks?: unknown }).runChecks === 'function');
    const result = await page.evaluate(
      (token) => (globalThis as unknown as { runChecks: (t: string) => Promise<unknown> }).runChecks(token),
      SESSION,
    );
    const r = result as Record<string, any>;
    expect(pageErrors).toEqual([]);

    // A real browser page (secure context, no Node globals).
    expect(r.secureContext).toBe(true);
    expect(r.hasProcess).toBe(false);

    // Typed results from the sandbox, through the proxy.
    expect(r.pan).toMatchObject({ pan: 'ABCPV1234D', status: 'VALID' });
    expect(r.status).toBe('VALID');
    expect(r.amount).toBeTypeOf('number');
    expect(r.page.items).toHaveLength(2);
    expect(r.page.pagination).toMatchObject({ page: 1, per_page: 2 });

    // Refusals arrive as typed errors.
    expect(r.notAllowed).toMatchObject({ name: 'APIError', status: 403, code: 'OPERATION_NOT_ALLOWED' });
    expect(r.invalidInBrowser).toMatchObject({ name: 'InputValidationError', isVistarkriyaError: true });
    // The proxy's refusal of the input is the same typed error as the client's own check.
    expect(r.invalidAtProxy).toMatchObject({ name: 'InputValidationError', status: undefined });
    expect(r.invalidAtProxy.message).toMatch(/^Invalid pan: /);
    expect(r.unauthorized).toMatchObject({ name: 'AuthenticationError', status: 401 });

    // The guard: a secret in a real page throws unless dangerouslyAllowBrowser.
    expect(r.guard).toMatchObject({ name: 'ConfigurationError' });
    expect(r.guard.message).toMatch(/createProxyHandler/);
    expect(r.allowedWithFlag).toBe(true);

    // The sandbox verified real signatures: the proxy signed every forwarded call.
    const forwarded = sandbox.requests.map((q) => `${q.method} ${q.target}`);
    expect(forwarded).toEqual([
      'POST /api/v1/verify/pan',
      'GET /api/v1/wallet/core/balance',
      'GET /api/v1/wallet/core/transactions?page=1&per_page=2',
    ]);

    // The secret never reached the page: not in the bundle, the HTML, any response, any request, the DOM.
    const seen = [bundle, await page.content(), JSON.stringify(result), ...(await Promise.all(bodies))];
    expect(bodies.length).toBeGreaterThanOrEqual(8);
    for (const text of seen) expect(text).not.toContain(SECRET);
    for (const headers of sentHeaders) {
      expect(JSON.stringify(headers)).not.toContain(SECRET);
      expect(Object.keys(headers)).not.toContain('x-signature');
      expect(Object.keys(headers)).not.toContain('x-api-key');
    }
    // Nor did any signature the proxy sent upstream.
    for (const q of sandbox.requests) {
      const signature = String(q.headers['x-signature']);
      expect(signature).toMatch(/^[0-9a-f]{64}$/);
      expect(q.status).toBe(200);
      for (const text of seen) expect(text).not.toContain(signature);
    }
    await page.close();
  });
});
