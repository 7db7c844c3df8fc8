import { describe, expect, it } from 'vitest';
import { buildTarget } from '../src/core/target.js';
import { type ProxyHandlerOptions, createProxyHandler, toNodeHandler } from '../src/proxy/index.js';
import type { NodeRequestLike, NodeResponseLike } from '../src/proxy/node.js';
import { useProxyUpstream } from './helpers/proxy-upstream.js';

const SECRET = 'hardening_secret_4b7e';
const ORIGIN = 'http://app.test';
const CSP = "default-src 'none'; sandbox";
const TXN_PATH = '/api/vk/api/v1/wallet/core/transactions';
const PAN_PATH = '/api/vk/api/v1/verify/pan';

const upstream = useProxyUpstream(SECRET, () => ({
  status: 200,
  body: JSON.stringify({ success: true, data: { ok: 1 } }),
}));

function proxy(overrides: Partial<ProxyHandlerOptions> = {}) {
  return createProxyHandler({
    apiKey: 'vk_hardening_key',
    apiSecret: SECRET,
    adminCode: '246810',
    baseURL: upstream.url,
    basePath: '/api/vk',
    allow: ['verify.pan', 'wallet.core.balance', 'wallet.core.transactions'],
    authorize: () => true,
    logLevel: 'off',
    maxRetries: 0,
    ...overrides,
  });
}

const post = (path: string, body: string) =>
  new Request(ORIGIN + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('prototype keys never reach the platform (queries and bodies)', () => {
  it.each([
    '?__proto__=a&__proto__=user_id%3D7',
    '?__proto__=user_id%3D7',
    '?page=1&__proto__[user_id]=7',
    '?constructor=x',
    '?prototype=x',
    '?page=1&constructor=x&constructor=y',
  ])('GET transactions%s is refused with 400 and nothing is signed', async (query) => {
    const handler = proxy();
    const res = await handler(new Request(ORIGIN + TXN_PATH + query));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(body.error.rule).toBe('unknown_field');
    expect(upstream.seen).toHaveLength(0);
    await handler.close();
  });

  it.each([
    '{"__proto__":{"user_id":7},"pan":"ABCPE1234F"}',
    '{"pan":"ABCPE1234F","constructor":{"prototype":{"user_id":7}}}',
    '{"pan":"ABCPE1234F","name":"A","prototype":1}',
  ])('POST %s is refused with 400 and nothing is signed', async (body) => {
    const handler = proxy();
    const res = await handler(post(PAN_PATH, body));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION_ERROR');
    expect(upstream.seen).toHaveLength(0);
    await handler.close();
  });

  it('a plain query still goes through, with only its own keys', async () => {
    const handler = proxy();
    const res = await handler(new Request(`${ORIGIN}${TXN_PATH}?page=2&per_page=5`));
    expect(res.status).toBe(200);
    expect(upstream.seen.map((s) => s.target)).toEqual([
      '/api/v1/wallet/core/transactions?page=2&per_page=5',
    ]);
    await handler.close();
  });

  it('buildTarget encodes own keys only, never inherited ones', () => {
    const query = Object.create({ user_id: 7 }) as Record<string, string>;
    query.page = '2';
    expect(buildTarget('/x', query)).toBe('/x?page=2');
  });
});

describe('the proxy never hands a non-JSON upstream body to the browser', () => {
  const xss = '<html><body>Error for <script>alert(document.cookie)</script></body></html>';

  it.each([
    [500, 'text/html', 500],
    [200, 'text/html', 502],
    [404, 'text/html; charset=utf-8', 404],
    [503, 'application/json', 503],
  ])('upstream %i %s page → its own JSON error (status %i)', async (status, type, expected) => {
    upstream.answer = () => ({ status, body: xss, headers: { 'content-type': type } });
    const handler = proxy();
    const res = await handler(new Request(`${ORIGIN}${TXN_PATH}?page=1`));
    const text = await res.text();
    expect(res.status).toBe(expected);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(text).not.toContain('<script>');
    expect(JSON.parse(text).error.code).toBe('UPSTREAM_INVALID_RESPONSE');
    await handler.close();
  });

  it('a billable call that met a non-JSON page says outcome_unknown', async () => {
    upstream.answer = () => ({ status: 502, body: xss, headers: { 'content-type': 'text/html' } });
    const handler = proxy();
    const res = await handler(post(PAN_PATH, '{"pan":"ABCPE1234F"}'));
    expect(res.status).toBe(502);
    expect((await res.json()).error).toMatchObject({
      code: 'UPSTREAM_INVALID_RESPONSE',
      outcome_unknown: true,
    });
    upstream.answer = () => ({ status: 200, body: 'OK', headers: { 'content-type': 'text/plain' } });
    const ok = await handler(post(PAN_PATH, '{"pan":"ABCPE1234F"}'));
    expect(ok.status).toBe(502);
    expect((await ok.json()).error.outcome_unknown).toBe(true);
    await handler.close();
  });

  it('JSON declared as text/html is served as JSON (the upstream type is never passed on)', async () => {
    upstream.answer = () => ({
      status: 200,
      body: JSON.stringify({ success: true, data: { note: '<b>x</b>' } }),
      headers: { 'content-type': 'text/html' },
    });
    const handler = proxy();
    const res = await handler(new Request(`${ORIGIN}${TXN_PATH}?page=1`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await res.json()).data.note).toBe('<b>x</b>');
    await handler.close();
  });
});

describe('Content-Security-Policy on everything the proxy returns', () => {
  it('success, refusals, errors, OPTIONS, and a Response from authorize', async () => {
    const handler = proxy({
      authorize: (request) =>
        request.headers.get('x-deny') ? new Response('<p>denied</p>', { status: 403 }) : true,
    });
    const answers = [
      await handler(new Request(`${ORIGIN}${TXN_PATH}?page=1`)),
      await handler(new Request(`${ORIGIN}/api/vk/api/v1/nope`)),
      await handler(new Request(`${ORIGIN}/api/vk//x`)),
      await handler(new Request(`${ORIGIN}${TXN_PATH}`, { method: 'OPTIONS' })),
      await handler(new Request(`${ORIGIN}/api/vk/anything`, { method: 'OPTIONS' })),
      await handler(new Request(`${ORIGIN}${TXN_PATH}`, { headers: { 'x-deny': '1' } })),
      await handler(post(PAN_PATH, '{not json')),
    ];
    upstream.answer = () => ({ status: 500, body: '{"success":false}' });
    answers.push(await handler(new Request(`${ORIGIN}${TXN_PATH}?page=1`)));
    const closed = proxy({ baseURL: 'http://127.0.0.1:1' });
    answers.push(await closed(new Request(`${ORIGIN}${TXN_PATH}?page=1`)));
    for (const res of answers) {
      expect(res.headers.get('content-security-policy'), `${res.status}`).toBe(CSP);
      expect(res.headers.get('x-content-type-options'), `${res.status}`).toBe('nosniff');
    }
    expect(answers.map((r) => r.status)).toEqual([200, 404, 400, 405, 404, 403, 400, 500, 502]);
    await handler.close();
    await closed.close();
  });

  it('the Node adapter’s own refusals carry it too', async () => {
    const res = fakeResponse();
    await toNodeHandler(proxy())(fakeRequest('GET', '/api/vk/../x'), res);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-security-policy']).toBe(CSP);
  });
});

describe('Node adapter: every Set-Cookie is kept', () => {
  it('writes each cookie of the answer as its own header', async () => {
    const handler = Object.assign(
      async () => {
        const headers = new Headers({ 'content-type': 'application/json' });
        headers.append('set-cookie', 'a=1; Path=/');
        headers.append('set-cookie', 'b=2; Path=/; HttpOnly');
        return new Response('{}', { status: 200, headers });
      },
      { maxBodyBytes: 1024 },
    );
    const res = fakeResponse();
    await toNodeHandler(handler)(fakeRequest('GET', '/api/vk/x'), res);
    expect(res.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/; HttpOnly']);
  });
});

/** A `node:http`-shaped request with no body. */
function fakeRequest(method: string, url: string): NodeRequestLike {
  return {
    method,
    url,
    headers: { host: 'app.test' },
    readableEnded: true,
    on: () => undefined,
  };
}

/** A `node:http`-shaped response that records what was written. */
function fakeResponse(): NodeResponseLike & { headers: Record<string, unknown>; body?: Uint8Array | string } {
  const res = {
    statusCode: 0,
    headers: {} as Record<string, unknown>,
    body: undefined as Uint8Array | string | undefined,
    headersSent: false,
    writableEnded: false,
    setHeader(name: string, value: string | readonly string[]) {
      res.headers[name.toLowerCase()] = value;
    },
    end(chunk?: Uint8Array | string) {
      res.body = chunk;
      res.writableEnded = true;
    },
    on: () => undefined,
  };
  return res;
}

describe('authorize gets the validated, normalised input', () => {
  it('from context.input(), for bodies and queries, so per-record checks need no clone', async () => {
    const seen: unknown[] = [];
    const handler = proxy({
      allow: ['verify.pan', 'wallet.core.transactions', 'wallet.core.balance'],
      authorize: async (_request, operation, context) => {
        const input = await context.input();
        seen.push([operation.id, input]);
        // A per-record rule: this user may verify only their own PAN.
        return operation.id !== 'verify.pan' || (input as { pan: string }).pan === 'ABCPE1234F';
      },
    });
    const own = await handler(post(PAN_PATH, '{"pan":" abcpe1234f ","name":"Asha"}'));
    expect(own.status).toBe(200);
    const other = await handler(post(PAN_PATH, '{"pan":"ABCPV1234D"}'));
    expect(other.status).toBe(401);
    const list = await handler(new Request(`${ORIGIN}${TXN_PATH}?page=2`));
    expect(list.status).toBe(200);
    await handler(new Request(`${ORIGIN}/api/vk/api/v1/wallet/core/balance`));
    expect(seen).toEqual([
      ['verify.pan', { pan: 'ABCPE1234F', name: 'Asha' }],
      ['verify.pan', { pan: 'ABCPV1234D' }],
      ['wallet.core.transactions', { page: 2 }],
      ['wallet.core.balance', undefined],
    ]);
    expect(upstream.seen.map((r) => r.target)).toEqual([
      '/api/v1/verify/pan',
      '/api/v1/wallet/core/transactions?page=2',
      '/api/v1/wallet/core/balance',
    ]);
    await handler.close();
  });

  it('never sees input that fails validation: input() rejects and the proxy answers the 400', async () => {
    let checked = 0;
    const handler = proxy({
      authorize: async (_request, _operation, context) => {
        await context.input();
        checked++;
        return true;
      },
    });
    const res = await handler(post(PAN_PATH, '{"pan":"not-a-pan"}'));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'VALIDATION_ERROR', field: 'pan' });
    expect(checked).toBe(0);
    expect(upstream.seen).toHaveLength(0);
    await handler.close();
  });
});

describe('path tricks: what each adapter sees and does (the table in docs/browsers-and-edge.md)', () => {
  // The runtime's URL parser resolves these before a Fetch handler sees `request.url`.
  const RESOLVED_BY_THE_RUNTIME = [
    '/api/vk/x/../api/v1/wallet/core/balance',
    '/api/vk/x/%2e%2e/api/v1/wallet/core/balance',
    '/api/vk/x/%2E%2e/api/v1/wallet/core/balance',
    '/api/vk\\api\\v1\\wallet\\core\\balance',
    '/api/vk/./api/v1/wallet/core/balance',
  ];
  // These survive the URL parser, so both adapters refuse them.
  const VISIBLE_TO_BOTH = [
    '/api/vk//api/v1/wallet/core/balance',
    '/api/vk/api/v1/wallet/core%2Fbalance',
    '/api/vk/api/v1/wallet/core%5Cbalance',
    '/api/vk/api/v1/wallet/core/bal%2Eance',
    '/api/vk/api/v1/wallet/core/balance%00',
  ];

  it.each(RESOLVED_BY_THE_RUNTIME)(
    'Fetch handler: %s is resolved by the runtime, then routed like any path (allow and authorize apply)',
    async (path) => {
      const asked: string[] = [];
      const handler = proxy({
        authorize: (_request, operation) => {
          asked.push(operation.id);
          return true;
        },
      });
      const res = await handler(new Request(ORIGIN + path));
      expect(res.status).toBe(200);
      expect(asked).toEqual(['wallet.core.balance']);
      // What is sent is the operation's own route, never the path received.
      expect(upstream.seen.map((s) => s.target)).toEqual(['/api/v1/wallet/core/balance']);
      await handler.close();
    },
  );

  it.each(RESOLVED_BY_THE_RUNTIME)('Node adapter: %s is seen raw and refused with 400', async (path) => {
    const res = fakeResponse();
    await toNodeHandler(proxy())(fakeRequest('GET', path), res);
    expect(res.statusCode).toBe(400);
    expect(upstream.seen).toHaveLength(0);
  });

  it.each(VISIBLE_TO_BOTH)('both adapters refuse %s with 400', async (path) => {
    const web = await proxy()(new Request(ORIGIN + path));
    expect(web.status).toBe(400);
    const res = fakeResponse();
    await toNodeHandler(proxy())(fakeRequest('GET', path), res);
    expect(res.statusCode).toBe(400);
    expect(upstream.seen).toHaveLength(0);
  });
});

describe('the proxy table of docs/browsers-and-edge.md', () => {
  it('says what each adapter does with the paths the runtime resolves', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../docs/browsers-and-edge.md', import.meta.url), 'utf8');
    const row = readme
      .split('\n')
      .find((line) => line.startsWith('| path tricks') && line.includes('backslash'));
    expect(row).toBeDefined();
    expect(row).toContain('`toNodeHandler`: 400');
    expect(row).toMatch(/Fetch handler: the runtime resolved them/);
  });
});
