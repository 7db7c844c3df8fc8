// The sandbox core in a real edge runtime (the `edge-runtime` package: no `process`, no
// `require`, WebCrypto): bundled for the web like any worker would bundle it, it checks raw-byte
// signatures computed here with node:crypto, and serves the SDK's clients its magic values.
import { createHash, createHmac } from 'node:crypto';
import { EdgeRuntime } from 'edge-runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleForWeb } from './browser/bundle.js';

let code: string;
let runtime: EdgeRuntime;

beforeAll(async () => {
  code = await bundleForWeb('test/browser/edge-sandbox-entry.ts', { format: 'iife', globalName: 'VK' });
  runtime = new EdgeRuntime();
  runtime.evaluate(code);
  runtime.evaluate('globalThis.sandbox = VK.createSandbox({ slowMs: 50 });');
}, 60_000);

/** Runs an async function body inside the edge runtime; its result crosses back as JSON. */
async function inEdge<T>(body: string): Promise<T> {
  const json = await runtime.evaluate<Promise<string>>(
    `(async () => JSON.stringify(await (async () => { ${body} })()))()`,
  );
  return JSON.parse(json) as T;
}

const hmac = (secret: string, ...parts: (string | Buffer)[]) => {
  const h = createHmac('sha256', secret);
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

describe('the sandbox core in an edge runtime', () => {
  it('is bundled without Node: no node:crypto, no Buffer, no node:http', async () => {
    // bundleForWeb already refuses any `node:` import or undici; these are the Node APIs by name.
    expect(code).not.toMatch(/\bcreateHmac\(|\bcreateHash\(|\bBuffer\.|\bcreateServer\(/);
    expect(
      await inEdge(`return { process: typeof process, require: typeof require, Buffer: typeof Buffer };`),
    ).toEqual({ process: 'undefined', require: 'undefined', Buffer: 'undefined' });
  });

  it('checks the platform signature over the exact bytes received (invalid UTF-8 included)', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const body = Buffer.concat([Buffer.from('{"pan":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const target = '/api/v1/verify/pan';
    const send = (signature: string) =>
      inEdge<{ status: number; json: { error: { code: string } } }>(`
        const res = await sandbox.fetch(new Request('https://vistarkriya.com${target}', {
          method: 'POST',
          headers: { 'X-API-Key': 'vk_test_sandbox', 'X-Timestamp': '${ts}', 'X-Signature': '${signature}', 'X-Admin-Code': '123456' },
          body: new Uint8Array(${JSON.stringify([...body])}),
        }));
        return { status: res.status, json: await res.json() };
      `);
    // Authenticated, then refused by validation (the body is not JSON): not HMAC_INVALID.
    const good = await send(hmac('sandbox_secret', `${ts}POST${target}`, body));
    expect(good).toMatchObject({ status: 400, json: { error: { code: 'VALIDATION_ERROR' } } });
    // The same bytes decoded and re-encoded (U+FFFD) are a different message.
    const decoded = hmac('sandbox_secret', `${ts}POST${target}${body.toString('utf8')}`);
    expect(await send(decoded)).toMatchObject({ status: 401, json: { error: { code: 'HMAC_INVALID' } } });
  });

  it('checks Open legacy and Veri5 hashes with WebCrypto', async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const body = '{ "amount": "9.00",\n "mtx": "X1" }';
    const open = hmac('open_test_secret', `${ts}POST${body}`.replace(/[\t\n\v\f\r ]+/g, ''));
    const gstin = '27ABCPV1234D1ZY';
    const hash = createHash('sha256')
      .update(`VERI5_TEST|r1|veri5_test_key|veri5_test_salt|${gstin}`)
      .digest('hex');
    const result = await inEdge<{ open: number; veri5: string }>(`
      const open = await sandbox.fetch(new Request('https://vistarkriya.com/open/v1/payment_token', {
        method: 'POST', body: ${JSON.stringify(body)},
        headers: { Authorization: 'Bearer open_test_key:${open}', 'X-O-Timestamp': '${ts}' },
      }));
      const veri5 = await sandbox.fetch(new Request('https://sandbox.veri5digital.com/service/api/1.0/verifyGSTIN', {
        method: 'POST',
        body: JSON.stringify({ headers: { client_code: 'VERI5_TEST' }, request: { request_id: 'r1', gstin: '${gstin}', api_key: 'veri5_test_key', hash: '${hash}' } }),
      }));
      return { open: open.status, veri5: (await veri5.json()).response_status.code };
    `);
    expect(result).toEqual({ open: 200, veri5: '000' });
  });

  it("serves the SDK's clients through clientOptions: magic values, typed errors, a reset", async () => {
    const result = await inEdge<Record<string, unknown>>(`
      const vk = new VK.VistarkriyaClient({ ...sandbox.clientOptions, maxRetries: 0 });
      const wrong = new VK.VistarkriyaClient({ ...sandbox.clientOptions, apiSecret: 'not_the_secret', maxRetries: 0 });
      const v5 = new VK.Veri5Client({ ...sandbox.veri5Options, maxRetries: 0 });
      const m = sandbox.magic;
      const error = (p) => p.then(() => 'no error', (e) => e.name);
      return {
        valid: (await vk.verify.pan({ pan: m.pan.valid })).status,
        mismatch: (await vk.verify.pan({ pan: m.pan.name_mismatch, name: 'Ravi Kumar' })).status,
        slow: (await vk.verify.pan({ pan: m.pan.slow })).status,
        limited: await error(vk.verify.pan({ pan: m.pan.rate_limited })),
        reset: await error(vk.verify.pan({ pan: m.pan.reset })),
        wrongSecret: await error(wrong.wallet.core.balance()),
        veri5: (await v5.verifyGstin({ gstin: m.gstin.valid })).status,
        log: sandbox.requests.slice(-7).map((r) => r.operation + ' ' + r.status),
      };
    `);
    expect(result).toEqual({
      valid: 'VALID',
      mismatch: 'NAME_MISMATCH',
      slow: 'VALID',
      limited: 'RateLimitError',
      reset: 'APIConnectionError',
      wrongSecret: 'SignatureMismatchError',
      veri5: 'SUCCESS',
      log: [
        'verify.pan 200',
        'verify.pan 200',
        'verify.pan 200',
        'verify.pan 429',
        'verify.pan 0',
        'undefined 401',
        'veri5.verifyGSTIN 200',
      ],
    });
  });
});
