// The web build in a real edge runtime (the `edge-runtime` package: Vercel's EdgeVM, the same
// globals as a Vercel Edge function: fetch, Request, WebCrypto, no `process`, no `require`).
import { createHmac } from 'node:crypto';
import { EdgeRuntime } from 'edge-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_ONLY_IMPORT } from '../scripts/build-constants.mjs';
import { bundleForWeb } from './browser/bundle.js';
import { runPhp } from './helpers/php.js';
import { startSigningServer } from './helpers/signing-server.js';

const SECRET = 'edge_secret_c0ffee';
let code: string;
let runtime: EdgeRuntime;
let upstream: Awaited<ReturnType<typeof startSigningServer>>;

beforeAll(async () => {
  code = await bundleForWeb('test/browser/edge-entry.ts', { format: 'iife', globalName: 'VK' });
  upstream = await startSigningServer({
    secret: SECRET,
    respond: (req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.target === '/api/v1/verify/pan') {
        const pan = (JSON.parse(req.body) as { pan: string }).pan;
        res.end(
          JSON.stringify({ success: true, data: { verification_id: 'ver_edge', status: 'VALID', pan } }),
        );
        return;
      }
      res.end(
        JSON.stringify({
          success: true,
          data: { balance: 99.5, currency: 'INR', last_updated: '2024-02-20T10:30:00Z' },
        }),
      );
    },
  });
  runtime = new EdgeRuntime();
  runtime.evaluate(code);
}, 60_000);

afterAll(async () => {
  await upstream?.close();
});

/** Runs an async expression inside the edge runtime and returns its JSON (values cross the realm as JSON). */
async function inEdge<T>(body: string): Promise<T> {
  const json = await runtime.evaluate<Promise<string>>(
    `(async () => JSON.stringify(await (async () => { ${body} })()))()`,
  );
  return JSON.parse(json) as T;
}

/** The seed's formula in PHP, the normative reference (php-cli or php-wasm: test/helpers/php.ts). */
function php(expr: string): Promise<string> {
  return runPhp({ code: `<?php echo ${expr};` });
}

describe('the web build in an edge runtime', () => {
  it('is a real edge runtime: no process, no require, WebCrypto present', async () => {
    const facts = await inEdge<Record<string, string>>(
      `return { process: typeof process, require: typeof require, subtle: typeof crypto.subtle, fetch: typeof fetch };`,
    );
    expect(facts).toEqual({
      process: 'undefined',
      require: 'undefined',
      subtle: 'object',
      fetch: 'function',
    });
    expect(code).not.toMatch(NODE_ONLY_IMPORT);
    expect(code).not.toMatch(/\bcreateHmac\(/);
    // The web build validates inputs without zod (src/resources/schemas-web.ts).
    expect(code).not.toMatch(/\$Zod/);
  });

  it('signs Vistarkriya requests with WebCrypto exactly as the PHP reference does', async () => {
    const body = '{"pan":"ABCPE1234F","name":"Āśā  Verma ₹"}';
    const sig = await inEdge<{ headers: Record<string, string> }>(`
      const signer = VK.vistarkriyaSigner({ apiKey: 'k', apiSecret: ${JSON.stringify(SECRET)}, adminCode: '123456' });
      return await signer.sign({ method: 'POST', target: '/api/v1/verify/pan?x=1', body: ${JSON.stringify(body)}, timestamp: 1708425000 });
    `);
    const expected = await php(
      `hash_hmac('sha256', '1708425000' . 'POST' . '/api/v1/verify/pan?x=1' . ${phpString(body)}, ${phpString(SECRET)})`,
    );
    expect(sig.headers['X-Signature']).toBe(expected);
    expect(sig.headers['X-Signature']).toBe(
      createHmac('sha256', SECRET).update(`1708425000POST/api/v1/verify/pan?x=1${body}`).digest('hex'),
    );
  });

  it('signs Open legacy requests with WebCrypto exactly as the PHP reference does', async () => {
    const body = '{ "amount" : 100,\n\t"note": "a\u00a0b" }';
    const sig = await inEdge<{ headers: Record<string, string> }>(`
      const signer = VK.openLegacySigner({ accessKey: 'open_key', secretKey: 'open_secret' });
      return await signer.sign({ method: 'POST', target: '/open/v1/payment_token', body: ${JSON.stringify(body)}, timestamp: 1708425000 });
    `);
    const expected = await php(
      `hash_hmac('sha256', preg_replace('/\\s+/', '', '1708425000' . 'POST' . ${phpString(body)}), 'open_secret')`,
    );
    expect(sig.headers.Authorization).toBe(`Bearer open_key:${expected}`);
    expect(sig.headers['X-O-Timestamp']).toBe('1708425000');
  });

  it('runs the client with fetch + WebCrypto against a server that verifies the signature', async () => {
    const result = await inEdge<{ balance: { balance: number }; pan: { pan: string; status: string } }>(`
      const vk = new VK.VistarkriyaClient({ apiKey: 'vk_edge', apiSecret: ${JSON.stringify(SECRET)}, adminCode: '123456', baseURL: ${JSON.stringify(upstream.url)}, maxRetries: 0 });
      return { balance: await vk.wallet.core.balance(), pan: await vk.verify.pan({ pan: 'abcpe1234f' }) };
    `);
    expect(result.balance.balance).toBe(99.5);
    expect(result.pan).toEqual({ verification_id: 'ver_edge', status: 'VALID', pan: 'ABCPE1234F' });
    // The signing server answered 200 only because the signature matched its node:crypto computation.
    const [get, post] = upstream.seen.slice(-2);
    expect(post!.body).toBe('{"pan":"ABCPE1234F"}');
    expect(post!.headers['x-signature']).toBe(
      createHmac('sha256', SECRET)
        .update(`${post!.headers['x-timestamp']}POST/api/v1/verify/pan${post!.body}`)
        .digest('hex'),
    );
    expect(get!.headers['x-api-key']).toBe('vk_edge');
    // No Node user agent from an edge runtime.
    expect(String(get!.headers['user-agent'] ?? '')).not.toContain('vistarkriya-node');
  });

  it('serves createProxyHandler as an edge function, forwarding a verified call', async () => {
    const before = upstream.seen.length;
    const result = await inEdge<{ ok: { status: number; body: unknown }; denied: number; forged: number }>(`
      const handler = VK.createProxyHandler({
        apiKey: 'vk_edge', apiSecret: ${JSON.stringify(SECRET)}, adminCode: '123456',
        baseURL: ${JSON.stringify(upstream.url)}, basePath: '/api/vk', allow: ['verify.pan'],
        authorize: (req) => req.headers.get('authorization') === 'Bearer good', logLevel: 'off', maxRetries: 0,
      });
      const call = (auth) => handler(new Request('https://edge.test/api/vk/api/v1/verify/pan', {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: auth, 'x-signature': 'f'.repeat(64) },
        body: JSON.stringify({ pan: 'ABCPE1234F' }),
      }));
      const ok = await call('Bearer good');
      const denied = await call('Bearer bad');
      const forged = await handler(new Request('https://edge.test/api/vk/api/v1/wallet/core/balance', { headers: { authorization: 'Bearer good' } }));
      return { ok: { status: ok.status, body: await ok.json() }, denied: denied.status, forged: forged.status };
    `);
    expect(result.ok).toEqual({
      status: 200,
      body: { success: true, data: { verification_id: 'ver_edge', status: 'VALID', pan: 'ABCPE1234F' } },
    });
    expect(result.denied).toBe(401);
    expect(result.forged).toBe(403);
    expect(upstream.seen.length).toBe(before + 1);
    expect(upstream.seen.at(-1)!.headers['x-signature']).not.toBe('f'.repeat(64));
  });
});

/** A PHP single-quoted string literal. */
function phpString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
