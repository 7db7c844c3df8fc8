import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  InputValidationError,
  VistarkriyaClient,
  proxySigner,
} from '../src/index.js';
import {
  type NodeRequestLike,
  type NodeResponseLike,
  createProxyHandler,
  toNodeHandler,
} from '../src/proxy/index.js';
import { startSigningServer } from './helpers/signing-server.js';

const SECRET = 'node_proxy_secret_91c2';
const SESSION = 'user-session-token-1';

let upstream: Awaited<ReturnType<typeof startSigningServer>>;
let server: http.Server;
let proxyURL: string;
let handler: ReturnType<typeof createProxyHandler>;
let balanceAnswer: { status: number; body: unknown } | null = null;

beforeAll(async () => {
  upstream = await startSigningServer({
    secret: SECRET,
    respond: (req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.target.startsWith('/api/v1/verify/pan')) {
        const body = JSON.parse(req.body) as { pan: string; name?: string };
        res.end(
          JSON.stringify({
            success: true,
            data: {
              verification_id: 'ver_42',
              status: 'VALID',
              pan: body.pan,
              name_match: true,
              extra_field: 1,
            },
          }),
        );
        return;
      }
      const a = balanceAnswer ?? {
        status: 200,
        body: {
          success: true,
          data: { balance: 15420.5, currency: 'INR', last_updated: '2024-02-20T10:30:00Z' },
        },
      };
      res.statusCode = a.status;
      res.end(JSON.stringify(a.body));
    },
  });
  handler = createProxyHandler({
    apiKey: 'vk_node_key',
    apiSecret: SECRET,
    adminCode: '123456',
    baseURL: upstream.url,
    basePath: '/api/vk',
    allow: ['verify.pan', 'wallet.core.balance'],
    authorize: (request) => request.headers.get('authorization') === `Bearer ${SESSION}`,
    maxBodyBytes: 1024,
    maxRetries: 0,
    logLevel: 'off',
  });
  server = http.createServer(toNodeHandler(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxyURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await handler.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await upstream.close();
});

beforeEach(() => {
  upstream.seen.length = 0;
  balanceAnswer = null;
});

/** Sends a raw request target (no URL normalisation, unlike fetch). */
function raw(
  method: string,
  path: string,
  body?: string | string[],
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(proxyURL);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { authorization: `Bearer ${SESSION}`, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    for (const part of Array.isArray(body) ? body : body === undefined ? [] : [body]) req.write(part);
    req.end();
  });
}

describe('toNodeHandler on node:http', () => {
  it('forwards a signed call and passes the answer through', async () => {
    const res = await raw('POST', '/api/vk/api/v1/verify/pan', '{"pan":"ABCPE1234F"}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).data.verification_id).toBe('ver_42');
    expect(upstream.seen).toHaveLength(1);
    expect(upstream.seen[0]!.headers['x-api-key']).toBe('vk_node_key');
  });

  it.each([
    ['a .. segment', '/api/vk/api/v1/wallet/../verify/pan'],
    ['a . segment', '/api/vk/api/v1/./verify/pan'],
    ['.. escaping the mount point', '/api/vk/../../api/v1/verify/pan'],
    ['encoded dots', '/api/vk/api/v1/%2e%2e/v1/verify/pan'],
    ['an encoded slash', '/api/vk/api/v1/verify%2Fpan'],
    ['a backslash', '/api/vk/api/v1\\verify/pan'],
    ['an encoded backslash', '/api/vk/api/v1%5cverify/pan'],
    ['//', '/api/vk//api/v1/verify/pan'],
    ['an absolute-form target', 'http://evil.test/api/vk/api/v1/verify/pan'],
  ])('refuses %s with 400 before parsing', async (_what, path) => {
    const res = await raw('POST', path, '{"pan":"ABCPE1234F"}');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({
      success: false,
      error: { code: 'INVALID_PATH', http_status: 400 },
    });
    expect(upstream.seen).toHaveLength(0);
  });

  it('answers 413 to a chunked upload over the limit and closes the connection', async () => {
    const chunk = `{"pan":"ABCPE1234F","name":"${'x'.repeat(600)}`;
    const res = await raw('POST', '/api/vk/api/v1/verify/pan', [chunk, `${'y'.repeat(600)}"}`], {
      'transfer-encoding': 'chunked',
    });
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(upstream.seen).toHaveLength(0);
  });

  it('accepts a body an Express body parser already read (req.body)', async () => {
    const written: { status?: number; headers: Record<string, unknown>; body?: string } = { headers: {} };
    const req = {
      method: 'POST',
      url: '/api/v1/verify/pan',
      originalUrl: '/api/vk/api/v1/verify/pan',
      headers: { authorization: `Bearer ${SESSION}`, 'content-type': 'application/json', host: 'app.test' },
      body: { pan: 'ABCPE1234F' },
      readableEnded: true,
      on: () => req,
    } as unknown as NodeRequestLike;
    const res: NodeResponseLike = {
      statusCode: 0,
      setHeader(name, value) {
        written.headers[name] = value;
      },
      end(chunk) {
        written.status = this.statusCode;
        written.body = typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
      },
      on: () => res,
    };
    await toNodeHandler(handler)(req, res);
    expect(written.status).toBe(200);
    expect(JSON.parse(written.body!).data.pan).toBe('ABCPE1234F');
    expect(upstream.seen[0]!.body).toBe('{"pan":"ABCPE1234F"}');
  });
});

describe('a proxySigner client through the handler', () => {
  const client = (token = SESSION) =>
    new VistarkriyaClient({
      baseURL: `${proxyURL}/api/vk`,
      signer: proxySigner({ headers: async () => ({ Authorization: `Bearer ${token}` }) }),
      maxRetries: 0,
      logLevel: 'off',
    });

  /** Every way an error can be shown: none may carry the secret or a signature. */
  function expectClean(err: unknown) {
    const shown = [
      String(err),
      (err as Error).stack ?? '',
      JSON.stringify(err),
      JSON.stringify((err as APIError).headers ?? {}),
    ].join('\n');
    expect(shown).not.toContain(SECRET);
    for (const seen of upstream.seen) expect(shown).not.toContain(String(seen.headers['x-signature']));
  }

  it('gets typed results from the namespaces with no secret in the browser-side client', async () => {
    const vk = client();
    try {
      const pan = await vk.verify.pan({ pan: 'abcpe1234f', name: 'Asha Verma' });
      // Typed: `status` is the documented union, unknown fields pass through.
      const status: 'VALID' | 'INVALID' | 'NAME_MISMATCH' = pan.status;
      expect(status).toBe('VALID');
      expect(pan.pan).toBe('ABCPE1234F');
      expect(pan.extra_field).toBe(1);
      const balance = await vk.wallet.core.balance();
      const amount: number = balance.balance;
      expect(amount).toBe(15420.5);
      expect(upstream.seen.map((s) => s.target)).toEqual([
        '/api/v1/verify/pan',
        '/api/v1/wallet/core/balance',
      ]);
      // The client never held a secret: it sent only the session header.
      expect(upstream.seen[0]!.headers.authorization).toBeUndefined();
    } finally {
      await vk.close();
    }
  });

  it('turns every refusal into a typed error without the secret', async () => {
    const vk = client();
    const stranger = client('someone-else');
    try {
      // Not in `allow`.
      const notAllowed = await vk.verify.gst({ gstin: '27AAPFU0939F1ZV' }).catch((e: unknown) => e);
      expect(notAllowed).toBeInstanceOf(APIError);
      expect((notAllowed as APIError).status).toBe(403);
      expect((notAllowed as APIError).code).toBe('OPERATION_NOT_ALLOWED');
      expectClean(notAllowed);
      // Not authorized.
      const unauthorized = await stranger.verify.pan({ pan: 'ABCPE1234F' }).catch((e: unknown) => e);
      expect(unauthorized).toBeInstanceOf(AuthenticationError);
      expectClean(unauthorized);
      // A bad PAN is caught in the browser before any request...
      await expect(vk.verify.pan({ pan: 'ABCDE12345' })).rejects.toBeInstanceOf(InputValidationError);
      // ...and by the proxy when a caller skips the client's validation: the same typed error.
      const raw400 = await vk
        .request({ method: 'POST', path: '/api/v1/verify/pan', body: { pan: 'ABCDE12345' } })
        .catch((e: unknown) => e);
      expect(raw400).toBeInstanceOf(InputValidationError);
      expect(raw400).not.toBeInstanceOf(BadRequestError);
      expect(raw400).toMatchObject({ field: 'pan', rule: 'format', outcomeUnknown: false });
      expect(upstream.seen).toHaveLength(0);
      // An upstream error envelope arrives as the platform's typed error.
      balanceAnswer = {
        status: 402,
        body: {
          success: false,
          error: { code: 'INSUFFICIENT_BALANCE', message: 'Low balance', http_status: 402 },
        },
      };
      const low = await vk.wallet.core.balance().catch((e: unknown) => e);
      expect((low as APIError).status).toBe(402);
      expect((low as APIError).code).toBe('INSUFFICIENT_BALANCE');
      expectClean(low);
    } finally {
      await vk.close();
      await stranger.close();
    }
  });
});
