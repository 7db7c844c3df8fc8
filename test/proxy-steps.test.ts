// The proxy's steps and their order (route → authorize → input → validate → forward), the one
// audit path every refusal takes, and the one options source the upstream client is built from.
import { describe, expect, it } from 'vitest';
import { type ProxyHandlerOptions, createProxyHandler } from '../src/proxy/index.js';
import { capturingLogger } from './faults/helpers.js';
import { useProxyUpstream } from './helpers/proxy-upstream.js';

const SECRET = 'steps_secret_19c2';
const ORIGIN = 'http://app.test';
const PAN_PATH = '/api/vk/api/v1/verify/pan';
const BALANCE_PATH = '/api/vk/api/v1/wallet/core/balance';

const upstream = useProxyUpstream(SECRET, () => ({
  status: 200,
  body: JSON.stringify({ success: true, data: { ok: 1 } }),
}));

function proxy(overrides: Partial<ProxyHandlerOptions> = {}) {
  return createProxyHandler({
    apiKey: 'vk_steps_key',
    apiSecret: SECRET,
    adminCode: '135790',
    baseURL: upstream.url,
    basePath: '/api/vk',
    allow: ['verify.pan', 'wallet.core.balance'],
    authorize: () => true,
    logLevel: 'off',
    maxRetries: 0,
    ...overrides,
  });
}

const post = (body: string, type = 'application/json') =>
  new Request(ORIGIN + PAN_PATH, { method: 'POST', headers: { 'content-type': type }, body });

describe('an unauthenticated caller is refused before any input is read', () => {
  it.each([
    ['a body that is not JSON', () => post('{"pan":')],
    [
      'a body that is not application/json',
      () => post('pan=ABCPE1234F', 'application/x-www-form-urlencoded'),
    ],
    ['a body over maxBodyBytes', () => post(JSON.stringify({ pan: 'ABCPE1234F', name: 'x'.repeat(70_000) }))],
    ['an invalid PAN', () => post('{"pan":"not-a-pan"}')],
  ])('%s: 401, and the body is left unread', async (_what, make) => {
    const handler = proxy({ authorize: () => false });
    const request = make();
    const res = await handler(request);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHORIZED');
    expect(request.bodyUsed).toBe(false);
    expect(upstream.seen).toHaveLength(0);
    await handler.close();
  });

  it('a thrown authorize is 403 before the input is read too', async () => {
    const handler = proxy({
      authorize: () => {
        throw new Error('session store down');
      },
      logger: capturingLogger().logger,
    });
    const request = post('not json at all');
    expect((await handler(request)).status).toBe(403);
    expect(request.bodyUsed).toBe(false);
    await handler.close();
  });

  it('an authorized caller then gets the input refusals (415, 413, 400)', async () => {
    const handler = proxy({ maxBodyBytes: 64 });
    expect((await handler(post('pan=ABCPE1234F', 'text/plain'))).status).toBe(415);
    expect((await handler(post(JSON.stringify({ pan: 'ABCPE1234F', name: 'y'.repeat(100) })))).status).toBe(
      413,
    );
    expect((await handler(post('{"pan":'))).status).toBe(400);
    expect((await handler(post('{"pan":"not-a-pan"}'))).status).toBe(400);
    expect(upstream.seen).toHaveLength(0);
    await handler.close();
  });
});

describe('authorize and context.input()', () => {
  it('reads and validates once, however often it is asked; the same value is forwarded', async () => {
    const values: unknown[] = [];
    const handler = proxy({
      authorize: async (_request, _op, context) => {
        values.push(await context.input(), await context.input());
        return true;
      },
    });
    const res = await handler(post('{"pan":" abcpe1234f "}'));
    expect(res.status).toBe(200);
    expect(values[0]).toEqual({ pan: 'ABCPE1234F' });
    expect(values[1]).toBe(values[0]);
    expect(upstream.seen.map((r) => r.body)).toEqual(['{"pan":"ABCPE1234F"}']);
    await handler.close();
  });

  it('a refused input is answered as itself (415), even when authorize lets the rejection through', async () => {
    const handler = proxy({ authorize: async (_r, _op, context) => (await context.input()) !== null });
    const res = await handler(post('{"pan":"ABCPE1234F"}', 'text/plain'));
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an authorize that catches the rejection and says false gets 401; one that says true gets the refusal', async () => {
    const deny = proxy({
      authorize: (_r, _op, context) =>
        context.input().then(
          () => true,
          () => false,
        ),
    });
    expect((await deny(post('{"pan":"not-a-pan"}'))).status).toBe(401);
    const allow = proxy({
      authorize: (_r, _op, context) =>
        context.input().then(
          () => true,
          () => true,
        ),
    });
    const res = await allow(post('{"pan":"not-a-pan"}'));
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('pan');
    expect(upstream.seen).toHaveLength(0);
  });
});

describe('every refusal takes the one audit path', () => {
  it('logs one info line per refusal, 405 and authorize’s own Response included, never a header', async () => {
    const { lines, logger } = capturingLogger();
    const handler = proxy({
      logger,
      logLevel: 'info',
      allow: ['verify.pan'],
      authorize: (request) =>
        request.headers.get('x-user') === 'slow'
          ? new Response('wait', { status: 429 })
          : request.headers.has('x-user'),
    });
    const user = { 'x-user': 'ok', authorization: 'Bearer caller-token-77' };
    const requests: [Request, number][] = [
      [new Request(`${ORIGIN}/api/vk//x`), 400],
      [new Request(`${ORIGIN}/api/vk/api/v1/nope`), 404],
      [new Request(ORIGIN + PAN_PATH, { headers: user }), 405],
      [new Request(ORIGIN + BALANCE_PATH, { headers: user }), 403],
      [post('{"pan":"ABCPE1234F"}'), 401],
      [new Request(ORIGIN + PAN_PATH, { method: 'POST', headers: { 'x-user': 'slow' } }), 429],
      [
        new Request(ORIGIN + PAN_PATH, {
          method: 'POST',
          headers: { ...user, 'content-type': 'text/plain' },
          body: 'x',
        }),
        415,
      ],
      [
        new Request(ORIGIN + PAN_PATH, {
          method: 'POST',
          headers: { ...user, 'content-type': 'application/json' },
          body: '{"pan":"x"}',
        }),
        400,
      ],
    ];
    for (const [request, status] of requests) expect((await handler(request)).status).toBe(status);
    const refusals = lines.filter((l) => l.level === 'info').map((l) => l.line);
    expect(refusals.map((l) => /proxy: (\d{3})/.exec(l)?.[1])).toEqual([
      '400',
      '404',
      '405',
      '403',
      '401',
      '429',
      '415',
      '400',
    ]);
    expect(refusals.join('\n')).not.toMatch(/caller-token|x-user/i);
    expect(upstream.seen).toHaveLength(0);
    await handler.close();
  });
});

describe('the upstream client is built from the options whole', () => {
  it('defaultHeaders reach the platform (and never replace the signature)', async () => {
    const handler = proxy({ defaultHeaders: { 'X-App': 'shop-42', 'x-signature': 'forged' } });
    expect((await handler(new Request(ORIGIN + BALANCE_PATH))).status).toBe(200);
    expect(upstream.seen[0]!.headers['x-app']).toBe('shop-42');
    expect(upstream.seen[0]!.headers['x-signature']).not.toBe('forged');
    await handler.close();
  });

  it('maxRetryAfter applies: a Retry-After past it is not waited for', async () => {
    upstream.answer = () => ({
      status: 429,
      headers: { 'retry-after': '3' },
      body: JSON.stringify({
        success: false,
        error: { code: 'RATE_LIMITED', message: 'slow', http_status: 429 },
      }),
    });
    const handler = proxy({ maxRetries: 2, maxRetryAfter: 1 });
    const started = performance.now();
    const res = await handler(new Request(ORIGIN + BALANCE_PATH));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(upstream.seen).toHaveLength(1);
    await handler.close();
  });
});
