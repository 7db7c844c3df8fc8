// The runtime contract (test/runtimes/contract.mjs) in headless Chromium: the page script is
// bundled from a consumer project as a front-end bundler does (esbuild, `browser` condition, so the
// web build), and served from the sandbox's own origin (the page's calls to the sandbox are
// same-origin, as behind a reverse proxy). The browser holds no secret: the contract's proxy
// (test/runtimes/checks.mjs) answers /api/vk from this process.
import { build } from 'esbuild';
import type { BrowserContext, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProxyHandler, createProxyHandler } from '../../src/proxy/index.js';
import { launchChromium } from '../helpers/chromium.js';
import { proxyOptions } from '../runtimes/checks.mjs';
import type { ContractReport } from '../runtimes/contract.mjs';
import { expectContractPassed, useContractProject } from '../runtimes/project.js';

const contract = useContractProject();
let proxy: ProxyHandler;
let script: string;
let loaded: string[];
let context: BrowserContext;
let closeChromium: (() => Promise<void>) | undefined;

beforeAll(async () => {
  proxy = createProxyHandler(proxyOptions(contract.sandboxURL));
  const bundle = await build({
    absWorkingDir: contract.project,
    entryPoints: ['page.mjs'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
  });
  script = bundle.outputFiles[0]!.text;
  loaded = Object.keys(bundle.metafile.inputs).filter((f) => f.includes('node_modules/vistarkriya/'));
  ({ context, close: closeChromium } = await launchChromium());
}, 120_000);

afterAll(async () => {
  await closeChromium?.();
  await proxy?.close();
});

/** Answers a page request with the contract's proxy (running here, with the secret). */
async function toProxy(route: Route) {
  const req = route.request();
  const body = req.postDataBuffer();
  const res = await proxy(
    new Request(req.url(), {
      method: req.method(),
      headers: await req.allHeaders(),
      body: body ? new Uint8Array(body) : undefined,
    }),
  );
  await route.fulfill({
    status: res.status,
    headers: Object.fromEntries(res.headers),
    body: Buffer.from(await res.arrayBuffer()),
  });
}

describe('the runtime contract in Chromium', () => {
  it('passes in the page, on the web build', async () => {
    expect(loaded).toContain('node_modules/vistarkriya/dist/web/index.js');
    expect(loaded.every((f) => f.startsWith('node_modules/vistarkriya/dist/web/'))).toBe(true);

    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    const html = '<!doctype html><meta charset="utf-8"><script type="module" src="page.js"></script>';
    await page.route(`${contract.sandboxURL}/__contract/*`, (route) =>
      route.request().url().endsWith('/page.js')
        ? route.fulfill({ contentType: 'text/javascript', body: script })
        : route.fulfill({ contentType: 'text/html', body: html }),
    );
    await page.route(`${contract.sandboxURL}/api/vk/**`, toProxy);
    await page.goto(`${contract.sandboxURL}/__contract/`);
    await page.waitForFunction(
      () => typeof (globalThis as { runContract?: unknown }).runContract === 'function',
    );
    const report = await page.evaluate(() =>
      (globalThis as unknown as { runContract: () => Promise<ContractReport> }).runContract(),
    );
    expect(pageErrors).toEqual([]);
    expectContractPassed(report, 'browser');
    await page.close();
  });
});
