// Testing the Next.js route handler recipe (next-route.ts): call its exports with a Request, as
// Next.js does; msw's setupServer serves the sandbox behind it. No Next.js install is needed.
import { setupServer } from 'msw/node';
import { MAGIC, SANDBOX_CREDENTIALS, createSandbox, sandboxHandlers } from 'vistarkriya/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const sandbox = createSandbox();
const server = setupServer(...sandboxHandlers({ sandbox }));
let route: typeof import('./next-route.js');

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  process.env.VISTARKRIYA_API_KEY = SANDBOX_CREDENTIALS.apiKey;
  process.env.VISTARKRIYA_API_SECRET = SANDBOX_CREDENTIALS.apiSecret;
  process.env.VISTARKRIYA_ADMIN_CODE = SANDBOX_CREDENTIALS.adminCode;
  process.env.APP_SESSION_TOKEN = 'session-123';
  // The route module reads the environment when it loads, as it would in Next.js.
  route = await import('./next-route.js');
});
afterAll(() => server.close());

const call = (method: 'GET' | 'POST', path: string, body?: unknown, token = 'session-123') =>
  new Request(`http://localhost:3000/api/vk${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('recipe: Next.js route handler with createProxyHandler', () => {
  it('forwards an allowed call, signed, and passes the answer back', async () => {
    const res = await route.POST(
      call('POST', '/api/v1/verify/pan', { pan: MAGIC.pan.name_mismatch, name: 'Ravi Kumar' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, data: { status: 'NAME_MISMATCH' } });
    // The sandbox checked the proxy's signature; the browser never sent one.
    const seen = sandbox.requests.at(-1)!;
    expect(seen).toMatchObject({ operation: 'verify.pan', status: 200 });
    expect(String(seen.headers['x-signature'])).toMatch(/^[0-9a-f]{64}$/);
    expect((await route.GET(call('GET', '/api/v1/wallet/core/balance'))).status).toBe(200);
  });

  it('refuses an unauthorized caller and an operation not allowed, without calling the platform', async () => {
    const before = sandbox.requests.length;
    expect((await route.GET(call('GET', '/api/v1/wallet/core/balance', undefined, 'wrong'))).status).toBe(
      401,
    );
    expect((await route.GET(call('GET', '/api/v1/wallet/pipeline/balance'))).status).toBe(403);
    expect(sandbox.requests.length).toBe(before);
  });
});
