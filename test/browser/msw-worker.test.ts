// vistarkriya/testing with msw's setupWorker in headless Chromium: the page registers msw's service
// worker (mockServiceWorker.js, served by this test's server) and the sandbox core answers, in the
// page, the SDK's calls to https://vistarkriya.com and Veri5, checking signatures over the bytes
// the browser sent. Chromium: CHROMIUM_PATH, else one on this machine, else the npm build.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { hmacHex } from '../helpers/raw-request.js';
import { ROOT, bundleForWeb } from './bundle.js';

let server: http.Server;
let origin: string;
let context: BrowserContext;
let closeChromium: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const bundle = await bundleForWeb('test/browser/msw-app.ts', { format: 'esm' });
  const workerScript = readFileSync(path.join(ROOT, 'node_modules/msw/lib/mockServiceWorker.js'), 'utf8');
  const html = `<!doctype html><meta charset="utf-8"><title>msw</title><script type="module" src="/app.js"></script>`;
  const files: Record<string, [string, string]> = {
    '/': ['text/html; charset=utf-8', html],
    '/app.js': ['text/javascript; charset=utf-8', bundle],
    '/mockServiceWorker.js': ['text/javascript; charset=utf-8', workerScript],
  };
  server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    res.statusCode = file ? 200 : 404;
    if (file) res.setHeader('content-type', file[0]);
    res.end(file?.[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ context, close: closeChromium } = await launchChromium());
}, 60_000);

afterAll(async () => {
  await closeChromium?.();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

describe('sandboxHandlers() with setupWorker in Chromium', () => {
  it('serves the SDK in the page at the production base URL; nothing leaves the browser', async () => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    const platformResponses: { url: string; fromServiceWorker: boolean }[] = [];
    page.on('response', (r) => {
      if (!r.url().startsWith(origin))
        platformResponses.push({ url: r.url(), fromServiceWorker: r.fromServiceWorker() });
    });

    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = Buffer.concat([Buffer.from('{"pan":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const bytes = {
      body: [...body],
      timestamp,
      good: hmacHex('sandbox_secret', [`${timestamp}POST/api/v1/verify/pan`, body]),
      decoded: hmacHex('sandbox_secret', [`${timestamp}POST/api/v1/verify/pan${body.toString('utf8')}`]),
    };
    await page.goto(`${origin}/`);
    await page.waitForFunction(
      () => typeof (globalThis as { runMswChecks?: unknown }).runMswChecks === 'function',
    );
    const result = await page.evaluate(
      (b) => (globalThis as unknown as { runMswChecks: (x: typeof b) => Promise<unknown> }).runMswChecks(b),
      bytes,
    );
    expect(pageErrors).toEqual([]);
    expect(result).toEqual({
      valid: 'VALID',
      mismatch: 'NAME_MISMATCH',
      limited: 'RateLimitError',
      reset: 'APIConnectionError',
      wrongSecret: 'SignatureMismatchError',
      veri5: 'SUCCESS',
      // The browser's exact bytes: authenticated (then refused by validation); the decoded text is not what was signed.
      rawGood: { status: 400, code: 'VALIDATION_ERROR' },
      rawDecoded: { status: 401, code: 'HMAC_INVALID' },
      log: [
        'verify.pan 200 20',
        'verify.pan 200 40',
        'verify.pan 429 20',
        'verify.pan 0 20',
        'undefined 401 0',
        expect.stringMatching(/^veri5\.verifyGSTIN 200 \d+$/),
        'verify.pan 400 12',
        'undefined 401 12',
      ],
    });
    // Every platform and Veri5 answer came from the service worker (8 calls; the reset has none).
    expect(platformResponses).toHaveLength(7);
    for (const r of platformResponses) expect(r, r.url).toMatchObject({ fromServiceWorker: true });
    await page.close();
  });
});
