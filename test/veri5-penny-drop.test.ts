// The penny drop moves money (an IMPS transfer), and seed 003 §3.4.1 says `uniqueRequestNo` "Has to
// be unique for every request". Once Veri5 has answered, the same number is never sent again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  InternalServerError,
  RateLimitError,
  Veri5Client,
  type Veri5ClientOptions,
  Veri5UnknownError,
} from '../src/index.js';
import { type Veri5TestServer, startVeri5Server } from './helpers/veri5-server.js';

const ACCOUNT = { beneficiaryName: 'Asha Rao', accountNumber: '001234567890', ifsc: 'SBIN0001234' };

let server: Veri5TestServer;
const clients: Veri5Client[] = [];
function client(extra: Partial<Veri5ClientOptions> = {}): Veri5Client {
  // maxRetries 3: any re-send the SDK were willing to make would show in `server.seen`.
  const c = new Veri5Client({
    ...server.credentials,
    baseURL: server.url,
    logLevel: 'off',
    maxRetries: 3,
    ...extra,
  });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startVeri5Server();
});
beforeEach(() => {
  server.seen.length = 0;
  server.script.length = 0;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
});

const numbers = () => server.seen.map((s) => s.json.uniqueRequestNo as string);

/** Every answer the test server gives, for as many requests as the client makes. */
function answerAlways(reply: { status?: number; headers?: Record<string, string>; body: unknown }) {
  for (let i = 0; i < 5; i++) server.script.push(reply);
}

describe('penny drop: never re-sent automatically once Veri5 has answered', () => {
  it('4002 (internal error) is sent once and reported with outcomeUnknown', async () => {
    answerAlways({
      headers: { 'retry-after-ms': '1' },
      body: {
        code: '4002',
        message: 'UNABLE TO VERIFY ACCOUNT(Caused due to Internal Error)',
        status: 'FAIL',
      },
    });
    const err = await client()
      .verifyBankAccount(ACCOUNT)
      .catch((e: unknown) => e);
    expect(server.seen).toHaveLength(1);
    expect(err).toBeInstanceOf(Veri5UnknownError);
    expect(err).toMatchObject({ code: '4002', retryable: false, outcomeUnknown: true });
    expect((err as Error).message).toMatch(/outcome is unknown/i);
    // The number sent is on the error, so the caller can reconcile with Veri5 before trying again.
    expect((err as { uniqueRequestNo?: string }).uniqueRequestNo).toBe(numbers()[0]);
  });

  it('a 5xx is sent once, outcome unknown', async () => {
    answerAlways({ status: 503, body: { message: 'upstream unavailable' } });
    const err = await client()
      .verifyBankAccount(ACCOUNT)
      .catch((e: unknown) => e);
    expect(server.seen).toHaveLength(1);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err).toMatchObject({ outcomeUnknown: true, uniqueRequestNo: numbers()[0] });
  });

  it('even a 429 (nothing done) is not re-sent with the same number: the caller decides', async () => {
    answerAlways({ status: 429, headers: { 'retry-after': '0' }, body: { message: 'Too many requests' } });
    const err = await client()
      .verifyBankAccount(ACCOUNT)
      .catch((e: unknown) => e);
    expect(server.seen).toHaveLength(1);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toMatchObject({ outcomeUnknown: false });
  });

  it('a "service unavailable" code of another table (410007) does not make a penny drop retryable', async () => {
    answerAlways({
      headers: { 'retry-after-ms': '1' },
      body: { code: '410007', message: 'Verification Service Not Available.', status: 'FAIL' },
    });
    await client()
      .verifyBankAccount(ACCOUNT)
      .catch(() => undefined);
    expect(server.seen).toHaveLength(1);
  });

  it("a caller's explicit retry gets a new uniqueRequestNo", async () => {
    server.script.push({ body: { code: '4002', message: 'UNABLE TO VERIFY ACCOUNT', status: 'FAIL' } });
    const veri5 = client();
    await veri5.verifyBankAccount(ACCOUNT).catch(() => undefined);
    const again = await veri5.verifyBankAccount(ACCOUNT);
    expect(again).toMatchObject({ status: 'SUCCESS', code: '4000' });
    const [first, second] = numbers();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toMatch(/^[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
    expect(again.uniqueRequestNo).toBe(second);
  });

  it('is re-sent only when the request provably never left (connection refused), with the same number', async () => {
    let refusals = 1;
    const bodies: string[] = [];
    const veri5 = client({
      fetch: async (url, init) => {
        bodies.push(String(init.body));
        if (refusals-- > 0) throw Object.assign(new TypeError('fetch failed'), { code: 'ECONNREFUSED' });
        return fetch(url, init);
      },
    });
    const r = await veri5.verifyBankAccount(ACCOUNT);
    expect(r.status).toBe('SUCCESS');
    expect(bodies).toHaveLength(2);
    expect(server.seen).toHaveLength(1);
    expect(JSON.parse(bodies[0]!).uniqueRequestNo).toBe(numbers()[0]);
  });

  it('a connection cut after sending is not re-sent, outcome unknown', async () => {
    const veri5 = client({
      fetch: async (url, init) => {
        await fetch(url, init);
        throw Object.assign(new TypeError('fetch failed'), { code: 'ECONNRESET' });
      },
    });
    const err = await veri5.verifyBankAccount(ACCOUNT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect(err).toMatchObject({ outcomeUnknown: true, uniqueRequestNo: numbers()[0] });
    expect(server.seen).toHaveLength(1);
  });
});
