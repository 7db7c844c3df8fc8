// The browser build (dist/browser: what `import 'vistarkriya'` gives a web page, the `browser`
// export condition) as built from this source, run here in Node against a real createProxyHandler
// in front of a sandbox. A page never signs and does not check inputs itself: the proxy does both,
// and its refusal reaches the page as the same InputValidationError a local check throws. Chromium
// runs the same build in test/browser/browser-build.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as RealRules from '../src/model/rules.js';
import * as RulesAtProxy from '../src/model/rules-at-proxy.js';
import { interpretPlatform } from '../src/core/interpret.js';
import { createProxyHandler } from '../src/proxy/index.js';
import { createSandbox } from '../src/sandbox/web.js';
import { MAGIC } from '../src/sandbox/magic.js';
import { builtPackage } from './helpers/built-package.js';

type BrowserBuild = typeof import('../src/index.js');
let vk: BrowserBuild;

beforeAll(async () => {
  const pkg = await builtPackage();
  vk = (await import(pathToFileURL(path.join(pkg, 'dist/browser/index.js')).href)) as BrowserBuild;
}, 120_000);

/** A sandbox, a proxy in front of it (allowing `allow`), and a browser-build client of the proxy. */
function throughProxy(allow: string[] = ['verify.pan', 'b2c.createCustomer', 'wallet.core.balance']) {
  const sandbox = createSandbox();
  const proxy = createProxyHandler({
    ...sandbox.clientOptions,
    basePath: '/api/vk',
    allow,
    authorize: (request) => request.headers.get('authorization') === 'Bearer page-session',
    maxRetries: 0,
    logLevel: 'off',
  });
  const client = new vk.VistarkriyaClient({
    baseURL: 'http://app.test/api/vk',
    signer: vk.proxySigner({ headers: { Authorization: 'Bearer page-session' } }),
    fetch: (url, init) => proxy(new Request(url, init)),
    maxRetries: 0,
  });
  return { sandbox, proxy, client, upstream: () => sandbox.requests.length };
}

describe('the browser build', () => {
  it('is the build without the validators and without signing from keys', async () => {
    const code = readFileSync(path.join(await builtPackage(), 'dist/browser/index.js'), 'utf8');
    // Veri5's rows keep their rules (Veri5Client is exported too), so the validators are in the file,
    // but they are pure: a page's bundler drops them (scripts/size.mjs measures that bundle).
    expect(code).toContain('/* @__PURE__ */ identifier(');
  });

  it('sends a valid call through the proxy, which signs it', async () => {
    const { client, upstream, proxy } = throughProxy();
    const result = await client.verify.pan({ pan: MAGIC.pan.valid.toLowerCase() });
    expect(result.status).toBe('VALID');
    expect(upstream()).toBe(1);
    await client.close();
    await proxy.close();
  });

  it("gets the proxy's refusal of a misspelt field as InputValidationError, did-you-mean included; the platform sees nothing", async () => {
    const { client, upstream, proxy } = throughProxy();
    const input = { pan: MAGIC.pan.valid, nmae: 'Ravi Kumar' } as unknown as { pan: string };
    const err = await client.verify.pan(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(vk.InputValidationError);
    const e = err as InstanceType<BrowserBuild['InputValidationError']>;
    expect(e.field).toBe('nmae');
    expect(e.rule).toBe('unknown_field');
    expect(e.message).toContain('did you mean `name`?');
    expect(e.issues).toEqual([{ field: 'nmae', rule: 'unknown_field', message: expect.any(String) }]);
    expect(upstream()).toBe(0);
    await client.close();
    await proxy.close();
  });

  it('gets every issue of a bad input, with the messages of the local check, and never the value', async () => {
    const { client, upstream, proxy } = throughProxy();
    const err = await client.b2c
      .createCustomer({ name: ' ', mobile: '12345', email: 'not-an-email' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(vk.InputValidationError);
    const issues = (err as InstanceType<BrowserBuild['InputValidationError']>).issues;
    expect(issues.map((i) => `${i.field}:${i.rule}`)).toEqual([
      'name:required',
      'mobile:format',
      'email:format',
    ]);
    // The same issues as the Node client's own check (src/, every rule in the page).
    const local = await import('../src/index.js').then(({ VistarkriyaClient }) =>
      new VistarkriyaClient({ ...createSandbox().clientOptions }).b2c
        .createCustomer({ name: ' ', mobile: '12345', email: 'not-an-email' })
        .catch((e: { issues: unknown }) => e.issues),
    );
    expect(issues).toEqual(local);
    expect(JSON.stringify(issues)).not.toContain('12345');
    expect(upstream()).toBe(0);
    await client.close();
    await proxy.close();
  });

  it('keeps the retry and error behaviour: a refused operation is an APIError 403, not retried', async () => {
    const { client, upstream, proxy } = throughProxy(['verify.pan']);
    const err = await client.wallet.core.balance().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(vk.APIError);
    expect((err as { status: number }).status).toBe(403);
    expect(err).not.toBeInstanceOf(vk.InputValidationError);
    expect(upstream()).toBe(0);
    await client.close();
    await proxy.close();
  });

  it('refuses credentials, even with dangerouslyAllowBrowser, and names the two ways on', () => {
    const make = () =>
      new vk.VistarkriyaClient({
        apiKey: 'vk_test_sandbox',
        apiSecret: 'sandbox_secret',
        adminCode: '123456',
        dangerouslyAllowBrowser: true,
      });
    expect(make).toThrow(vk.ConfigurationError);
    expect(make).toThrow(/proxySigner\(\).*'vistarkriya\/web'/);
    expect(make).not.toThrow(/sandbox_secret/);
    expect(() => new vk.VistarkriyaClient()).toThrow(vk.ConfigurationError);
  });

  it('refuses a signer that does not go through a proxy, and takes one that says it does', () => {
    const direct = vk.vistarkriyaSigner({ apiKey: 'k', apiSecret: 'secret-value', adminCode: '123456' });
    expect(() => new vk.VistarkriyaClient({ signer: direct, dangerouslyAllowBrowser: true })).toThrow(
      vk.ConfigurationError,
    );
    const own = { viaProxy: true, sign: () => ({ headers: {} }) };
    expect(() => new vk.VistarkriyaClient({ signer: own })).not.toThrow();
  });
});

describe("the browser build's rules (src/model/rules-at-proxy.ts)", () => {
  it('has every export of the real rules, each rule with the same JSON type', () => {
    expect(Object.keys(RulesAtProxy).sort()).toEqual(Object.keys(RealRules).sort());
    for (const [name, rule] of Object.entries(RealRules)) {
      if (typeof rule !== 'object') continue;
      expect((RulesAtProxy as unknown as Record<string, { type: string }>)[name]?.type, name).toBe(rule.type);
    }
    expect(RulesAtProxy.oneOf(['a', 'b']).values).toEqual(RealRules.oneOf(['a', 'b']).values);
    expect(RulesAtProxy.extraRule([]).type).toBe(RealRules.extraRule([]).type);
  });

  it('passes every present value on: the proxy checks it', () => {
    expect(RulesAtProxy.PAN.check('not a pan')).toEqual({ ok: true, value: 'not a pan' });
    expect(RealRules.PAN.check('not a pan').ok).toBe(false);
  });
});

describe("a proxy's refusal of the input (core/interpret.ts)", () => {
  const refusal = (issues: unknown, headers: Record<string, string> = { 'x-vistarkriya-proxy': 'final' }) =>
    interpretPlatform({
      status: 400,
      headers,
      body: JSON.stringify({
        success: false,
        error: { code: 'VALIDATION_ERROR', message: 'Invalid pan: is not a PAN.', http_status: 400, issues },
      }),
    });
  const issue = { field: 'pan', rule: 'format', message: 'is not a PAN.' };

  it('carries its issues when a vistarkriya proxy wrote it', () => {
    const out = refusal([issue]);
    expect(out.ok === false && out.failure.issues).toEqual([issue]);
  });

  it('is a plain 400 from anyone else, or with issues that are not { field, rule, message } strings', () => {
    for (const out of [
      refusal([issue], {}),
      refusal([]),
      refusal('pan'),
      refusal([{ field: 'pan', rule: 'format' }]),
      refusal([issue, { field: 1, rule: 'format', message: 'x' }]),
    ])
      expect(out.ok === false && out.failure.issues).toBeUndefined();
  });
});
