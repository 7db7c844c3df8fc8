// The built package in headless Chromium, bundled from a consumer project as a front-end bundler does
// (esbuild, `browser` condition), and served from the sandbox's own origin (the page's calls to the
// sandbox are same-origin, as behind a reverse proxy):
// - the runtime contract (test/runtimes/contract.mjs) on the full web build, which a page gets with
//   `import 'vistarkriya/web'` (it signs in the page with `dangerouslyAllowBrowser`);
// - the browser build, what `import 'vistarkriya'` gives a page (browser-build-page.mjs): no secret,
//   no input check in the page, the proxy does both.
// The contract's proxy (test/runtimes/checks.mjs) answers /api/vk from this process.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { type Plugin, build } from 'esbuild';
import type { BrowserContext, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProxyHandler, createProxyHandler } from '../../src/proxy/index.js';
import { launchChromium } from '../helpers/chromium.js';
import { ROOT } from './bundle.js';
import { PROXY_SESSION, proxyOptions } from '../runtimes/checks.mjs';
import type { ContractReport } from '../runtimes/contract.mjs';
import { expectContractPassed, useContractProject } from '../runtimes/project.js';

const contract = useContractProject();
let proxy: ProxyHandler;
let script: string;
let loaded: string[];
let context: BrowserContext;
let closeChromium: (() => Promise<void>) | undefined;

let upstreamCalls = 0;

/** `import 'vistarkriya'` as `import 'vistarkriya/web'`: the page of an app that signs in the page. */
const fullWebBuild: Plugin = {
  name: 'vistarkriya-web',
  setup(b) {
    b.onResolve({ filter: /^vistarkriya$/ }, (args) =>
      b.resolve('vistarkriya/web', { kind: args.kind, resolveDir: args.resolveDir }),
    );
  },
};

/** The page script bundled from the consumer project; which files of the package it loaded. */
async function bundlePage(entry: string, plugins: Plugin[] = []) {
  const bundle = await build({
    absWorkingDir: contract.project,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
  const files = Object.keys(bundle.metafile.inputs).filter((f) => f.includes('node_modules/vistarkriya/'));
  return { script: bundle.outputFiles[0]!.text, loaded: files };
}

beforeAll(async () => {
  proxy = createProxyHandler({
    ...proxyOptions(contract.sandboxURL),
    fetch: (url, init) => {
      upstreamCalls++;
      return fetch(url, init);
    },
  });
  ({ script, loaded } = await bundlePage('page.mjs', [fullWebBuild]));
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

/** Opens a page of the sandbox's origin that runs `script`, its /api/vk answered by the proxy. */
async function openPage(script: string, ready: string) {
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
    (name) => typeof (globalThis as Record<string, unknown>)[name] === 'function',
    ready,
  );
  return { page, pageErrors };
}

describe('the runtime contract in Chromium', () => {
  it('passes in the page, on the full web build (vistarkriya/web)', async () => {
    expect(loaded).toContain('node_modules/vistarkriya/dist/web/index.js');
    expect(loaded.every((f) => f.startsWith('node_modules/vistarkriya/dist/web/'))).toBe(true);

    const { page, pageErrors } = await openPage(script, 'runContract');
    const report = await page.evaluate(() =>
      (globalThis as unknown as { runContract: () => Promise<ContractReport> }).runContract(),
    );
    expect(pageErrors).toEqual([]);
    expectContractPassed(report, 'browser');
    await page.close();
  });
});

describe('the browser build in Chromium', () => {
  it("is what `import 'vistarkriya'` gives a page; the proxy checks and signs, its refusals are the client's typed errors", async () => {
    copyFileSync(
      path.join(ROOT, 'test/browser/browser-build-page.mjs'),
      path.join(contract.project, 'browser-build-page.mjs'),
    );
    const bundle = await bundlePage('browser-build-page.mjs');
    expect(bundle.loaded).toEqual(['node_modules/vistarkriya/dist/browser/index.js']);
    const { page, pageErrors } = await openPage(bundle.script, 'runBrowserBuild');
    const before = upstreamCalls;
    const r = await page.evaluate(
      (session) =>
        (
          globalThis as unknown as { runBrowserBuild: (s: string) => Promise<Record<string, any>> }
        ).runBrowserBuild(session),
      PROXY_SESSION,
    );
    expect(pageErrors).toEqual([]);
    // One call reached the platform: the valid one (its PAN upper-cased by the proxy's rules).
    expect(r.valid).toBe('VALID');
    expect(upstreamCalls - before).toBe(1);
    expect(r.typo).toMatchObject({
      name: 'InputValidationError',
      isInput: true,
      isVistarkriyaError: true,
      isAPI: false,
      field: 'nmae',
      rule: 'unknown_field',
      outcomeUnknown: false,
    });
    expect(r.typo.message).toContain('did you mean `name`?');
    expect(r.badPan).toMatchObject({ name: 'InputValidationError', field: 'pan', rule: 'format' });
    expect(r.notAllowed).toMatchObject({ name: 'APIError', isAPI: true, status: 403 });
    expect(r.withKeys).toMatchObject({ name: 'ConfigurationError', isConfiguration: true });
    expect(r.withKeys.message).toMatch(/proxySigner\(\).*'vistarkriya\/web'/);
    await page.close();
  });
});
