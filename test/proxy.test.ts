import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../src/index.js';
import { buildProxyHandler } from '../src/proxy/handler.js';
import { type ProxyHandlerOptions, createProxyHandler } from '../src/proxy/index.js';
import { PLATFORM_OPERATIONS as OPERATIONS } from '../src/model/platform.js';
import { type SeenRequest, startSigningServer } from './helpers/signing-server.js';

// The proxy's credentials. The secret must never reach a response or a log line.
const SECRET = 'proxy_secret_7f3a9c';
const creds = { apiKey: 'vk_proxy_key', apiSecret: SECRET, adminCode: '424242' };
const ORIGIN = 'http://app.test';

let upstream: Awaited<ReturnType<typeof startSigningServer>>;
// What the upstream answers next (per test); null = the default success answer.
let answer:
  | ((req: SeenRequest) => { status: number; body: string; headers?: Record<string, string> })
  | null = null;

beforeAll(async () => {
  upstream = await startSigningServer({
    secret: SECRET,
    respond: (req, res) => {
      const a = answer?.(req) ?? {
        status: 200,
        body: JSON.stringify({
          success: true,
          data: { verification_id: 'ver_1', status: 'VALID', pan: 'ABCPE1234F', echo: req.body },
        }),
      };
      res.statusCode = a.status;
      for (const [k, v] of Object.entries(a.headers ?? {})) res.setHeader(k, v);
      res.end(a.body);
    },
  });
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.seen.length = 0;
  answer = null;
});

function proxy(overrides: Partial<ProxyHandlerOptions> = {}) {
  return createProxyHandler({
    ...creds,
    baseURL: upstream.url,
    basePath: '/api/vk',
    allow: ['verify.pan', 'wallet.core.balance', 'wallet.core.transactions'],
    authorize: () => true,
    logLevel: 'off',
    maxRetries: 0,
    ...overrides,
  });
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(ORIGIN + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const PAN_PATH = '/api/vk/api/v1/verify/pan';

describe('createProxyHandler construction', () => {
  it('refuses to build without authorize (no accidental open proxy)', () => {
    const { authorize: _ignored, ...rest } = {
      ...creds,
      basePath: '/api/vk',
      allow: ['verify.pan'],
      authorize: () => true,
    };
    expect(() => createProxyHandler(rest as unknown as ProxyHandlerOptions)).toThrow(ConfigurationError);
    expect(() => createProxyHandler(rest as unknown as ProxyHandlerOptions)).toThrow(/authorize/);
    expect(() => createProxyHandler({ ...rest, authorize: true } as unknown as ProxyHandlerOptions)).toThrow(
      /authorize/,
    );
  });

  it('refuses an empty allow list, unknown operation ids and a relative upstream', () => {
    expect(() => proxy({ allow: [] })).toThrow(/allow/);
    expect(() => proxy({ allow: 'verify.pan' as unknown as string[] })).toThrow(/allow/);
    expect(() => proxy({ allow: ['verify.pan', 'verify.pann'] })).toThrow(/verify\.pann/);
    expect(() => proxy({ baseURL: '/relative' })).toThrow(ConfigurationError);
    expect(() => proxy({ basePath: '/api/../vk' })).toThrow(ConfigurationError);
  });
});

describe('forwarding', () => {
  it('forwards an allowed, authorized call, signed so the upstream verifies it, and passes the envelope through', async () => {
    const handler = proxy();
    const res = await handler(post(PAN_PATH, { pan: 'ABCPE1234F', name: 'Asha Verma' }));
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json).toEqual({
      success: true,
      data: {
        verification_id: 'ver_1',
        status: 'VALID',
        pan: 'ABCPE1234F',
        echo: '{"pan":"ABCPE1234F","name":"Asha Verma"}',
      },
    });
    expect(upstream.seen).toHaveLength(1);
    const seen = upstream.seen[0]!;
    // The signing server answered 200, so the HMAC matched its independent computation; check it here too.
    const expected = createHmac('sha256', SECRET)
      .update(`${seen.headers['x-timestamp']}POST/api/v1/verify/pan${seen.body}`)
      .digest('hex');
    expect(seen.headers['x-signature']).toBe(expected);
    expect(seen.target).toBe('/api/v1/verify/pan');
    expect(seen.headers['x-api-key']).toBe('vk_proxy_key');
    expect(seen.headers['x-admin-code']).toBe('424242');
    await handler.close();
  });

  it('discards forged credential headers: upstream sees only the proxy’s own valid signature', async () => {
    const handler = proxy({ forwardHeaders: ['x-api-key', 'authorization', 'x-request-id'] });
    const forged = {
      'X-API-Key': 'vk_attacker',
      'X-Signature': 'f'.repeat(64),
      'X-Timestamp': '1000000000',
      'X-Admin-Code': '999999',
      'X-Tenant-Code': '999999',
      Authorization: 'Bearer attacker:deadbeef',
      'X-O-Timestamp': '1000000000',
      Cookie: 'session=abc',
      'X-Request-Id': 'req-123',
    };
    const res = await handler(post(PAN_PATH, { pan: 'ABCPE1234F' }, forged));
    expect(res.status).toBe(200);
    const seen = upstream.seen[0]!;
    expect(seen.headers['x-api-key']).toBe('vk_proxy_key');
    expect(seen.headers['x-admin-code']).toBe('424242');
    expect(seen.headers['x-signature']).not.toBe('f'.repeat(64));
    expect(Number(seen.headers['x-timestamp'])).toBeGreaterThan(1_700_000_000);
    expect(seen.headers['x-tenant-code']).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers['x-o-timestamp']).toBeUndefined();
    expect(seen.headers.cookie).toBeUndefined();
    // A listed, harmless header does pass.
    expect(seen.headers['x-request-id']).toBe('req-123');
    await handler.close();
  });

  it('validates a GET query (strings coerced for numeric fields) and forwards the parsed query', async () => {
    answer = () => ({
      status: 200,
      body: JSON.stringify({
        success: true,
        data: { items: [], pagination: { page: 2, per_page: 5, total: 0, total_pages: 0 } },
      }),
    });
    const handler = proxy();
    const res = await handler(
      new Request(`${ORIGIN}/api/vk/api/v1/wallet/core/transactions?page=2&per_page=5&type=123`),
    );
    expect(res.status).toBe(200);
    // page/per_page became numbers for the schema; `type` (a string field) stayed "123".
    expect(upstream.seen[0]!.target).toBe('/api/v1/wallet/core/transactions?page=2&per_page=5&type=123');

    const bad = await handler(new Request(`${ORIGIN}/api/vk/api/v1/wallet/core/transactions?page=zero`));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('VALIDATION_ERROR');
    expect(upstream.seen).toHaveLength(1);
    await handler.close();
  });

  it('sends the upstream route override, not the path it received', async () => {
    const handler = proxy({ routes: { 'wallet.core.balance': '/api/v1/wallet/core/balance.php' } });
    const res = await handler(new Request(`${ORIGIN}/api/vk/api/v1/wallet/core/balance?extra=1`));
    expect(res.status).toBe(200);
    // wallet.core.balance takes no input: the stray query is not forwarded either.
    expect(upstream.seen[0]!.target).toBe('/api/v1/wallet/core/balance.php');
    await handler.close();
  });
});

describe('refusals (nothing is forwarded)', () => {
  it('answers 403 for an operation that is not in allow, without asking authorize', async () => {
    const authorize = vi.fn(() => true);
    const handler = proxy({ allow: ['wallet.core.balance'], authorize });
    const res = await handler(post(PAN_PATH, { pan: 'ABCPE1234F' }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      success: false,
      error: { code: 'OPERATION_NOT_ALLOWED', http_status: 403 },
    });
    expect(authorize).not.toHaveBeenCalled();
    expect(upstream.seen).toHaveLength(0);
  });

  it('answers 401 when authorize says false, 403 when it throws, and sends a Response it returns', async () => {
    const seenOps: string[] = [];
    const no = proxy({
      authorize: (request, op) => {
        seenOps.push(`${op.id} ${request.headers.get('authorization')}`);
        return false;
      },
    });
    const r1 = await no(post(PAN_PATH, { pan: 'ABCPE1234F' }, { Authorization: 'Bearer user-token' }));
    expect(r1.status).toBe(401);
    expect((await r1.json()).error.code).toBe('UNAUTHORIZED');
    expect(seenOps).toEqual(['verify.pan Bearer user-token']);

    const boom = proxy({
      authorize: async () => {
        throw new Error(`db down ${SECRET}`);
      },
    });
    const r2 = await boom(post(PAN_PATH, { pan: 'ABCPE1234F' }));
    expect(r2.status).toBe(403);
    expect(await r2.text()).not.toContain(SECRET);

    // The body is the proxy's to read (authorize asks for it with `context.input()`): a request
    // whose body authorize read itself is refused.
    const greedy = proxy({
      authorize: async (request) => (await request.json()) !== null,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    const r4 = await greedy(post(PAN_PATH, { pan: 'ABCPE1234F' }));
    expect(r4.status).toBe(403);

    const custom = proxy({ authorize: () => new Response('slow down', { status: 429 }) });
    const r3 = await custom(post(PAN_PATH, { pan: 'ABCPE1234F' }));
    expect(r3.status).toBe(429);
    expect(await r3.text()).toBe('slow down');
    expect(upstream.seen).toHaveLength(0);
  });

  it('answers 413 for a body over maxBodyBytes (default 64 KiB)', async () => {
    const handler = proxy();
    const big = { pan: 'ABCPE1234F', name: 'x'.repeat(64 * 1024) };
    const res = await handler(post(PAN_PATH, big));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');

    const small = proxy({ maxBodyBytes: 32 });
    const r2 = await small(post(PAN_PATH, { pan: 'ABCPE1234F', name: 'Asha Verma Kumari' }));
    expect(r2.status).toBe(413);
    // A body streamed without Content-Length is cut off just the same.
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(`{"pan":"ABCPE1234F","name":"${'y'.repeat(100)}"}`));
        c.close();
      },
    });
    const r3 = await small(
      new Request(ORIGIN + PAN_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(r3.status).toBe(413);
    expect(upstream.seen).toHaveLength(0);
  });

  it('answers 415 for anything but a JSON body, and 400 for JSON that is not an object', async () => {
    const handler = proxy();
    const form = await handler(
      post(PAN_PATH, 'pan=ABCPE1234F', { 'content-type': 'application/x-www-form-urlencoded' }),
    );
    expect(form.status).toBe(415);
    const text = await handler(post(PAN_PATH, '{"pan":"ABCPE1234F"}', { 'content-type': 'text/plain' }));
    expect(text.status).toBe(415);
    const latin1 = await handler(
      post(PAN_PATH, '{"pan":"ABCPE1234F"}', { 'content-type': 'application/json; charset=latin1' }),
    );
    expect(latin1.status).toBe(415);
    // An empty cross-site form post is refused for its type too, before any schema runs.
    const emptyForm = await handler(
      post(PAN_PATH, '', { 'content-type': 'application/x-www-form-urlencoded' }),
    );
    expect(emptyForm.status).toBe(415);
    const broken = await handler(post(PAN_PATH, '{"pan":'));
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('INVALID_JSON');
    const array = await handler(post(PAN_PATH, '[1,2]'));
    expect(array.status).toBe(400);
    expect(upstream.seen).toHaveLength(0);
  });

  it.each([
    ['//', '/api/vk//api/v1/verify/pan', 400],
    ['an encoded slash', '/api/vk/api/v1/verify%2Fpan', 400],
    ['an encoded slash (lower case)', '/api/vk/api/v1%2fverify/pan', 400],
    ['an encoded backslash', '/api/vk/api/v1/verify%5Cpan', 400],
    ['a trailing slash', '/api/vk/api/v1/verify/pan/', 400],
    ['a different prefix', '/api/other/api/v1/verify/pan', 404],
    ['a prefix that only starts like basePath', '/api/vkx/api/v1/verify/pan', 404],
    ['the bare platform path', '/api/v1/verify/pan', 404],
    ['an unknown route', '/api/vk/api/v1/admin/users', 404],
  ])('refuses %s', async (_what, path, status) => {
    const handler = proxy();
    const res = await handler(post(path, { pan: 'ABCPE1234F' }));
    expect(res.status).toBe(status);
    expect((await res.json()).success).toBe(false);
    expect(upstream.seen).toHaveLength(0);
  });

  it('answers 405 with Allow for the wrong method', async () => {
    const handler = proxy();
    const res = await handler(new Request(ORIGIN + PAN_PATH));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(upstream.seen).toHaveLength(0);
  });

  it('validates the input with the operation schema before signing (bad PAN → 400 envelope)', async () => {
    const handler = proxy();
    const res = await handler(post(PAN_PATH, { pan: 'ABCDE12345' }));
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json).toMatchObject({
      success: false,
      error: { code: 'VALIDATION_ERROR', http_status: 400, field: 'pan' },
    });
    expect(json.error.message).toMatch(/pan/i);
    expect(upstream.seen).toHaveLength(0);
  });

  it('refuses fields the operation does not declare, in a body or a query (never signed)', async () => {
    const handler = proxy();
    const body = await handler(
      post(PAN_PATH, { pan: 'ABCPE1234F', admin_code: '999999', _method: 'DELETE' }),
    );
    expect(body.status).toBe(400);
    const json = await body.json();
    expect(json.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      field: 'admin_code',
      rule: 'unknown_field',
    });
    expect(json.error.issues.map((i: { field: string }) => i.field)).toEqual(['admin_code', '_method']);
    const query = await handler(
      new Request(`${ORIGIN}/api/vk/api/v1/wallet/core/transactions?page=1&user_id=someone_else`),
    );
    expect(query.status).toBe(400);
    expect((await query.json()).error).toMatchObject({ field: 'user_id', rule: 'unknown_field' });
    expect(upstream.seen).toHaveLength(0);
    await handler.close();
  });
});

describe('upstream answers', () => {
  it('passes an upstream error envelope through with its status and Retry-After', async () => {
    const envelope = {
      success: false,
      error: { code: 'INSUFFICIENT_BALANCE', message: 'Wallet balance too low', http_status: 402 },
    };
    answer = () => ({ status: 402, body: JSON.stringify(envelope), headers: { 'x-request-id': 'req_9' } });
    const handler = proxy();
    const res = await handler(post(PAN_PATH, { pan: 'ABCPE1234F' }));
    expect(res.status).toBe(402);
    expect(await res.json()).toEqual(envelope);
    expect(res.headers.get('x-request-id')).toBe('req_9');
    // An upstream page is never rendered as HTML on the app's origin.
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');

    answer = () => ({
      status: 429,
      body: JSON.stringify({
        success: false,
        error: { code: 'RATE_LIMITED', message: 'Slow down', http_status: 429 },
      }),
      headers: { 'retry-after': '120', 'set-cookie': 'upstream=1' },
    });
    const limited = await handler(post(PAN_PATH, { pan: 'ABCPE1234F' }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('120');
    expect(limited.headers.get('set-cookie')).toBeNull();
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    await handler.close();
  });

  it('never returns the secret or a signature, even when the upstream echoes them', async () => {
    answer = (req) => ({
      status: 401,
      body: JSON.stringify({
        success: false,
        error: {
          code: 'HMAC_INVALID',
          message: `expected ${req.headers['x-signature']} for key with secret ${SECRET}`,
          http_status: 401,
        },
      }),
      headers: { 'x-request-id': `req-${req.headers['x-signature']}` },
    });
    const handler = proxy();
    const res = await handler(post(PAN_PATH, { pan: 'ABCPE1234F' }));
    const text = await res.text();
    expect(res.status).toBe(401);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(upstream.seen[0]!.headers['x-signature'] as string);
    expect(text).toContain('[REDACTED]');
    expect(res.headers.get('x-request-id')).toBe('req-[REDACTED]');
    await handler.close();
  });

  it('answers 502 when the platform cannot be reached, without the secret', async () => {
    const handler = proxy({ baseURL: 'http://127.0.0.1:1' });
    const res = await handler(post(PAN_PATH, { pan: 'ABCPE1234F' }));
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(text).not.toContain(SECRET);
    await handler.close();
  });

  it('answers a bare 500 (nothing forwarded, no secret) when something unexpected throws', async () => {
    const lines: string[] = [];
    const sink = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    const handler = buildProxyHandler(
      {
        ...creds,
        baseURL: upstream.url,
        basePath: '/api/vk',
        allow: ['verify.pan'],
        authorize: () => true,
        logger: { debug: sink, info: sink, warn: sink, error: sink },
      },
      {
        operations: OPERATIONS,
        parseInput: () => {
          throw new TypeError(`validator bug near ${SECRET}`);
        },
      },
    );
    const res = await handler(post(PAN_PATH, { pan: 'ABCPE1234F' }));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      success: false,
      error: { code: 'PROXY_ERROR', message: 'The proxy failed.', http_status: 500 },
    });
    expect(upstream.seen).toHaveLength(0);
    expect(lines.join('\n')).toContain('validator bug');
    expect(lines.join('\n')).not.toContain(SECRET);
    await handler.close();
  });

  it('writes no secret or signature to the log, even at debug level', async () => {
    const lines: string[] = [];
    const sink = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    const logger = { debug: sink, info: sink, warn: sink, error: sink };
    const handler = proxy({ logger, logLevel: 'debug', authorize: (r) => r.headers.get('x-user') === 'ok' });
    await handler(post(PAN_PATH, { pan: 'ABCPE1234F' }, { 'x-user': 'ok', 'X-Signature': 'a'.repeat(64) }));
    await handler(post(PAN_PATH, { pan: 'ABCPE1234F' }, { 'x-user': 'no' }));
    await handler(post('/api/vk/api/v1/verify%2Fpan', {}));
    expect(lines.length).toBeGreaterThan(2);
    const all = lines.join('\n');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(upstream.seen[0]!.headers['x-signature'] as string);
    expect(all).not.toContain('a'.repeat(64));
    await handler.close();
  });
});
