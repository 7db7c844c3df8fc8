import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  type ClientOptions,
  InternalServerError,
  RateLimitError,
  ResponseValidationError,
  UserAbortError,
  type VistarkriyaClient,
  VistarkriyaError,
} from '../src/index.js';
import {
  CountingTransport,
  TRANSPORTS,
  faultHeaders,
  rawVerifyPan,
  readBalance,
  rejectionOf,
  stubInvalidDns,
  verifyPan,
  withClient,
} from './faults/helpers.js';
import { type Fault, type FaultServer, closedPort, startFaultServer } from './faults/server.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

let seq = 0;
const callId = (label: string) => `${label}-${++seq}`;
const PAN = { pan: 'ABCPE1234F', name: 'Asha Verma' };

type ErrorClass = abstract new (...args: never[]) => Error;
interface Expected {
  /** Requests the server saw (or attempts the transport made, for refused/DNS). */
  requests: number;
  /** Undefined: the call succeeds. */
  error?: ErrorClass;
  outcomeUnknown?: boolean;
  status?: number;
}
interface FaultCase {
  fault: Fault;
  extra?: Parameters<typeof faultHeaders>[2];
  options?: ClientOptions;
  read: Expected;
  billable: Expected;
}

// The retry policy, fault by fault (docs/errors-and-retries.md, "Retry table", has the same table). maxRetries = 2.
const PERSISTENT: FaultCase[] = [
  {
    fault: 'reset-before',
    read: { requests: 3, error: APIConnectionError, outcomeUnknown: false },
    billable: { requests: 1, error: APIConnectionError, outcomeUnknown: true },
  },
  {
    fault: 'reset-after',
    read: { requests: 3, error: APIConnectionError, outcomeUnknown: false },
    billable: { requests: 1, error: APIConnectionError, outcomeUnknown: true },
  },
  {
    fault: '429',
    extra: { retryAfter: '0' },
    read: { requests: 3, error: RateLimitError, outcomeUnknown: false, status: 429 },
    billable: { requests: 3, error: RateLimitError, outcomeUnknown: false, status: 429 },
  },
  {
    fault: '503',
    extra: { retryAfter: '0' },
    read: { requests: 3, error: InternalServerError, outcomeUnknown: false, status: 503 },
    billable: { requests: 1, error: InternalServerError, outcomeUnknown: true, status: 503 },
  },
  {
    fault: 'html-502',
    read: { requests: 3, error: InternalServerError, outcomeUnknown: false, status: 502 },
    billable: { requests: 1, error: InternalServerError, outcomeUnknown: true, status: 502 },
  },
  {
    fault: 'truncated',
    read: { requests: 3, error: APIConnectionError, outcomeUnknown: false },
    billable: { requests: 1, error: APIConnectionError, outcomeUnknown: true },
  },
  {
    fault: 'stall',
    options: { timeout: 300 },
    read: { requests: 1, error: APITimeoutError, outcomeUnknown: false },
    billable: { requests: 1, error: APITimeoutError, outcomeUnknown: true },
  },
  {
    fault: 'delay',
    extra: { delayMs: 3000 },
    options: { timeout: 300 },
    read: { requests: 1, error: APITimeoutError, outcomeUnknown: false },
    billable: { requests: 1, error: APITimeoutError, outcomeUnknown: true },
  },
  // An oversized answer is the same on every try: no retry; a billable one was acted on.
  {
    fault: 'oversized',
    extra: { size: 64 * 1024 },
    options: { maxResponseBytes: 4096 },
    read: { requests: 1, error: ResponseValidationError, outcomeUnknown: false, status: 200 },
    billable: { requests: 1, error: ResponseValidationError, outcomeUnknown: true, status: 200 },
  },
  {
    fault: 'oversized-chunked',
    extra: { size: 64 * 1024 },
    options: { maxResponseBytes: 4096 },
    read: { requests: 1, error: ResponseValidationError, outcomeUnknown: false, status: 200 },
    billable: { requests: 1, error: ResponseValidationError, outcomeUnknown: true, status: 200 },
  },
];

function checkError(err: unknown, expected: Expected) {
  expect(err).toBeInstanceOf(VistarkriyaError);
  expect(err).toBeInstanceOf(expected.error!);
  expect((err as Error).name).toBe(expected.error!.name);
  expect((err as { outcomeUnknown?: boolean }).outcomeUnknown).toBe(expected.outcomeUnknown);
  if (expected.status !== undefined) expect((err as APIError).status).toBe(expected.status);
  if (expected.outcomeUnknown) expect((err as Error).message).toMatch(/outcome is unknown/i);
  else expect((err as Error).message).not.toMatch(/outcome is unknown/i);
}

describe.each(TRANSPORTS)('faults × retry class over $name', ({ make }) => {
  // Each test gets its own transport, closed with the client, so leaks are attributable.
  const run = <T>(options: ClientOptions, fn: (client: VistarkriyaClient) => Promise<T>) => {
    const t = make();
    return withClient(server.url, { ...t.options, ...options }, fn, t.close);
  };

  describe.each(PERSISTENT)('$fault on every attempt', ({ fault, extra, options, read, billable }) => {
    it(`read (GET): ${read.requests} request(s), ${read.error?.name}`, async () => {
      await run(options ?? {}, async (client) => {
        const id = callId(`read-${fault}`);
        const err = await rejectionOf(readBalance(client, { headers: faultHeaders(id, fault, extra) }));
        checkError(err, read);
        expect(server.count(id)).toBe(read.requests);
      });
    });

    it(`billable (verify.pan): ${billable.requests} request(s), ${billable.error?.name}`, async () => {
      await run(options ?? {}, async (client) => {
        const id = callId(`bill-${fault}`);
        const err = await rejectionOf(verifyPan(client, PAN, { headers: faultHeaders(id, fault, extra) }));
        checkError(err, billable);
        expect(server.count(id)).toBe(billable.requests);
      });
    });
  });

  describe('a fault on the first attempt only', () => {
    const RECOVERABLE: {
      fault: Fault;
      extra?: Parameters<typeof faultHeaders>[2];
      billableRecovers: boolean;
    }[] = [
      { fault: 'reset-before', billableRecovers: false },
      { fault: 'reset-after', billableRecovers: false },
      { fault: '429', extra: { retryAfter: '0' }, billableRecovers: true },
      { fault: '503', extra: { retryAfter: '0' }, billableRecovers: false },
      { fault: 'html-502', billableRecovers: false },
      { fault: 'truncated', billableRecovers: false },
    ];
    it.each(RECOVERABLE)('$fault: a GET recovers in exactly two requests', async ({ fault, extra }) => {
      await run({}, async (client) => {
        const id = callId(`read1-${fault}`);
        const value = await readBalance(client, { headers: faultHeaders(id, fault, { times: 1, ...extra }) });
        expect(value).toEqual({ ok: true, attempt: 2, call: id });
        expect(server.count(id)).toBe(2);
      });
    });
    it.each(RECOVERABLE)(
      '$fault: billable is sent once unless the server provably did not act',
      async ({ fault, extra, billableRecovers }) => {
        await run({}, async (client) => {
          const id = callId(`bill1-${fault}`);
          const call = verifyPan(client, PAN, { headers: faultHeaders(id, fault, { times: 1, ...extra }) });
          if (billableRecovers) {
            expect(await call).toEqual({ ok: true, attempt: 2, call: id });
            expect(server.count(id)).toBe(2);
          } else {
            const err = await rejectionOf(call);
            expect((err as { outcomeUnknown: boolean }).outcomeUnknown).toBe(true);
            expect(server.count(id)).toBe(1);
          }
        });
      },
    );
  });
});

describe('the checks an integrator relies on', () => {
  it('a GET recovers from a reset in exactly two requests', async () => {
    await withClient(server.url, {}, async (client) => {
      const id = callId('get-reset');
      await expect(
        readBalance(client, { headers: faultHeaders(id, 'reset-after', { times: 1 }) }),
      ).resolves.toEqual({
        ok: true,
        attempt: 2,
        call: id,
      });
      expect(server.count(id)).toBe(2);
    });
  });

  it('verify.pan after a reset fails with APIConnectionError after exactly one request', async () => {
    await withClient(server.url, {}, async (client) => {
      const id = callId('pan-reset');
      const err = await rejectionOf(
        verifyPan(client, PAN, { headers: faultHeaders(id, 'reset-after', { times: 1 }) }),
      );
      expect(err).toBeInstanceOf(APIConnectionError);
      expect((err as APIConnectionError).outcomeUnknown).toBe(true);
      expect((err as APIConnectionError).errorCode).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
      expect(server.count(id)).toBe(1);
      expect(server.seen[0]!.body).toBe(JSON.stringify(PAN));
    });
  });

  it('a raw POST through client.request is billable by default; retry: "read" opts in to retries', async () => {
    await withClient(server.url, {}, async (client) => {
      const id = callId('raw-post');
      const err = await rejectionOf(
        rawVerifyPan(client, PAN, { headers: faultHeaders(id, 'reset-after', { times: 1 }) }),
      );
      expect(err).toBeInstanceOf(APIConnectionError);
      expect((err as APIConnectionError).outcomeUnknown).toBe(true);
      expect(server.count(id)).toBe(1);

      const idempotent = callId('raw-post-read');
      const value = await client.request({
        method: 'POST',
        path: '/api/v1/search',
        body: { q: 'x' },
        retry: 'read',
        headers: faultHeaders(idempotent, 'reset-after', { times: 1 }),
      });
      expect(value).toMatchObject({ attempt: 2 });
      expect(server.count(idempotent)).toBe(2);
    });
  });

  it('verify.pan after 429 with Retry-After: 1 succeeds on the second request, at least 1 s later', async () => {
    await withClient(server.url, {}, async (client) => {
      const id = callId('pan-429');
      const value = await verifyPan(client, PAN, {
        headers: faultHeaders(id, '429', { times: 1, retryAfter: '1' }),
      });
      expect(value).toEqual({ ok: true, attempt: 2, call: id });
      expect(server.count(id)).toBe(2);
      const [first, second] = server.seen;
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
      // Each attempt is signed afresh, with the clock read again.
      expect(Number(second!.headers['x-timestamp'])).toBeGreaterThanOrEqual(
        Number(first!.headers['x-timestamp']),
      );
    });
  });

  it('an HTTP-date Retry-After is honoured too', async () => {
    await withClient(server.url, {}, async (client) => {
      const id = callId('get-429-date');
      const when = new Date(Date.now() + 2000).toUTCString();
      const value = await readBalance(client, {
        headers: faultHeaders(id, '429', { times: 1, retryAfter: when }),
      });
      expect(value).toMatchObject({ attempt: 2 });
      expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(500);
    });
  });

  it('a huge Retry-After is not waited for: RateLimitError at once, with retryAfter', async () => {
    await withClient(server.url, {}, async (client) => {
      const id = callId('get-429-huge');
      const started = performance.now();
      const err = await rejectionOf(
        readBalance(client, { headers: faultHeaders(id, '429', { retryAfter: '3600' }) }),
      );
      expect(performance.now() - started).toBeLessThan(1000);
      expect(err).toBeInstanceOf(RateLimitError);
      expect((err as RateLimitError).retryAfter).toBe(3600);
      expect((err as RateLimitError).requestId).toBe('req_1');
      expect(server.count(id)).toBe(1);
    });
  });

  it('a Retry-After that would outlive the timeout is not waited for either', async () => {
    await withClient(server.url, { timeout: 2000 }, async (client) => {
      const id = callId('get-429-deadline');
      const started = performance.now();
      const err = await rejectionOf(
        readBalance(client, { headers: faultHeaders(id, '429', { retryAfter: '5' }) }),
      );
      expect(performance.now() - started).toBeLessThan(1000);
      expect(err).toBeInstanceOf(RateLimitError);
      expect(server.count(id)).toBe(1);
    });
  });

  it.each([
    ['GET', readBalance],
    ['POST', (c: Parameters<typeof verifyPan>[0], o: object) => verifyPan(c, PAN, o)],
  ] as const)(
    'a 300 ms timeout on a 3 s response gives APITimeoutError well under 1.5 s (%s)',
    async (_m, call) => {
      await withClient(server.url, {}, async (client) => {
        const id = callId('timeout');
        const started = performance.now();
        const err = await rejectionOf(
          call(client, { timeout: 300, headers: faultHeaders(id, 'delay', { delayMs: 3000 }) }),
        );
        const elapsed = performance.now() - started;
        expect(err).toBeInstanceOf(APITimeoutError);
        expect(err).toBeInstanceOf(APIConnectionError);
        expect((err as Error).message).toContain('300 ms');
        expect(elapsed).toBeGreaterThanOrEqual(290);
        expect(elapsed).toBeLessThan(1000);
        expect(server.count(id)).toBe(1);
      });
    },
  );

  it('the timeout is a deadline for the whole call, backoff included', async () => {
    await withClient(server.url, {}, async (client) => {
      const id = callId('deadline');
      const started = performance.now();
      // Resets back off 0.5 s, then 1 s: a 700 ms deadline cannot fit the second retry.
      const err = await rejectionOf(
        readBalance(client, { timeout: 700, headers: faultHeaders(id, 'reset-after') }),
      );
      expect(performance.now() - started).toBeLessThan(1200);
      expect(err).toBeInstanceOf(APIConnectionError);
      expect(server.count(id)).toBeLessThanOrEqual(2);
    });
  });

  it('an AbortSignal gives UserAbortError promptly, mid-request', async () => {
    await withClient(server.url, {}, async (client) => {
      const id = callId('abort');
      const ac = new AbortController();
      const call = rejectionOf(
        verifyPan(client, PAN, { signal: ac.signal, headers: faultHeaders(id, 'delay') }),
      );
      // Abort once the server holds the request (the first call also loads undici).
      while (server.count(id) === 0) await new Promise((r) => setTimeout(r, 5));
      const aborted = performance.now();
      ac.abort();
      const err = await call;
      expect(performance.now() - aborted).toBeLessThan(200);
      expect(err).toBeInstanceOf(UserAbortError);
      expect(err).not.toBeInstanceOf(APIConnectionError);
      // The billable request had reached the server: the caller must reconcile before resending.
      expect((err as UserAbortError).outcomeUnknown).toBe(true);
      expect((err as Error).message).toMatch(/outcome is unknown/);
      expect(server.count(id)).toBe(1);
    });
  });

  it('an AbortSignal interrupts a Retry-After wait', async () => {
    await withClient(server.url, {}, async (client) => {
      const id = callId('abort-wait');
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 150);
      const started = performance.now();
      const err = await rejectionOf(
        readBalance(client, { signal: ac.signal, headers: faultHeaders(id, '429', { retryAfter: '5' }) }),
      );
      expect(performance.now() - started).toBeLessThan(600);
      expect(err).toBeInstanceOf(UserAbortError);
      expect((err as UserAbortError).outcomeUnknown).toBe(false);
      expect(server.count(id)).toBe(1);
    });
  });

  it('one AbortSignal shared by many concurrent calls: no listener-leak warning, none left, all abort', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      await withClient(server.url, {}, async (client) => {
        const shared = new AbortController();
        const ok = await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            readBalance(client, {
              signal: shared.signal,
              headers: faultHeaders(callId(`shared-${i}`), 'ok'),
            }),
          ),
        );
        expect(ok).toHaveLength(30);
        expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0);

        const calls = Array.from({ length: 30 }, (_, i) =>
          rejectionOf(
            verifyPan(client, PAN, {
              signal: shared.signal,
              headers: faultHeaders(callId(`shared-abort-${i}`), 'delay'),
            }),
          ),
        );
        while (server.seen.filter((r) => r.callId?.startsWith('shared-abort-')).length < 30) {
          await new Promise((r) => setTimeout(r, 5));
        }
        // Thirty calls in flight, one listener on the caller's signal.
        expect(getEventListeners(shared.signal, 'abort')).toHaveLength(1);
        shared.abort();
        const started = performance.now();
        const errors = await Promise.all(calls);
        expect(performance.now() - started).toBeLessThan(500);
        for (const err of errors) expect(err).toBeInstanceOf(UserAbortError);
        expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0);
      });
      await new Promise((r) => setImmediate(r));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('an already-aborted signal sends nothing', async () => {
    await withClient(server.url, {}, async (client) => {
      const id = callId('pre-abort');
      const err = await rejectionOf(
        readBalance(client, { signal: AbortSignal.abort(), headers: faultHeaders(id, 'ok') }),
      );
      expect(err).toBeInstanceOf(UserAbortError);
      expect(server.count(id)).toBe(0);
    });
  });

  it('AbortSignal.timeout() from the caller is a UserAbortError, not the SDK timeout', async () => {
    await withClient(server.url, {}, async (client) => {
      const err = await rejectionOf(
        readBalance(client, {
          signal: AbortSignal.timeout(100),
          headers: faultHeaders(callId('ast'), 'delay'),
        }),
      );
      expect(err).toBeInstanceOf(UserAbortError);
    });
  });

  it('an HTML 502 page is an InternalServerError with a short excerpt, never a SyntaxError', async () => {
    await withClient(server.url, { maxRetries: 0 }, async (client) => {
      const err = await rejectionOf(
        readBalance(client, { headers: faultHeaders(callId('html'), 'html-502') }),
      );
      expect(err).toBeInstanceOf(InternalServerError);
      expect(err).toBeInstanceOf(APIError);
      expect(err).not.toBeInstanceOf(SyntaxError);
      const e = err as InternalServerError;
      expect(e.status).toBe(502);
      expect(e.message).toContain('502 Bad Gateway');
      expect(e.message.length).toBeLessThan(300);
      expect(e.message).not.toMatch(/\r|\n/);
      expect(e.requestId).toMatch(/^req_/);
      expect(e.headers['content-type']).toBe('text/html');
    });
  });

  it('a truncated JSON body is a typed error (APIConnectionError), never a SyntaxError', async () => {
    await withClient(server.url, { maxRetries: 0 }, async (client) => {
      const err = await rejectionOf(
        readBalance(client, { headers: faultHeaders(callId('trunc'), 'truncated') }),
      );
      expect(err).toBeInstanceOf(APIConnectionError);
      expect(err).not.toBeInstanceOf(SyntaxError);
      // The low-level reason survives (undici: UND_ERR_SOCKET "other side closed").
      expect((err as APIConnectionError).errorCode).toBe('UND_ERR_SOCKET');
    });
  });

  it('an oversized body is refused with a typed error naming the limit', async () => {
    await withClient(server.url, { maxResponseBytes: 1000 }, async (client) => {
      const err = await rejectionOf(
        readBalance(client, { headers: faultHeaders(callId('big'), 'oversized-chunked', { size: 50_000 }) }),
      );
      expect(err).toBeInstanceOf(APIError);
      expect((err as APIError).code).toBe('RESPONSE_TOO_LARGE');
      expect((err as Error).message).toContain('1000');
    });
  });

  it('a 30-day timeout does not fire at once (setTimeout overflow)', async () => {
    await withClient(server.url, { timeout: 30 * 24 * 3600 * 1000 }, async (client) => {
      await expect(
        readBalance(client, { headers: faultHeaders(callId('long'), 'ok') }),
      ).resolves.toMatchObject({
        ok: true,
      });
    });
  });
});

describe('failures before anything reaches a server', () => {
  it.each([
    ['read', readBalance, false],
    ['billable', (c: Parameters<typeof verifyPan>[0]) => verifyPan(c, PAN), false],
  ] as const)(
    'connection refused (%s): retried (provably not sent), then APIConnectionError',
    async (_k, call, unknown) => {
      const port = await closedPort();
      const transport = new CountingTransport();
      await withClient(`http://127.0.0.1:${port}`, { transport }, async (client) => {
        const err = await rejectionOf(call(client, {}));
        expect(err).toBeInstanceOf(APIConnectionError);
        expect(err).not.toBeInstanceOf(APITimeoutError);
        expect((err as APIConnectionError).errorCode).toBe('ECONNREFUSED');
        expect((err as APIConnectionError).outcomeUnknown).toBe(unknown);
        expect(transport.sends).toBe(3);
      });
    },
  );

  it.each([
    ['read', readBalance],
    ['billable', (c: Parameters<typeof verifyPan>[0]) => verifyPan(c, PAN)],
  ] as const)(
    'DNS failure (%s): retried, then APIConnectionError ENOTFOUND, with no DNS query sent',
    async (_k, call) => {
      const dns = stubInvalidDns();
      try {
        const transport = new CountingTransport();
        await withClient('http://vistarkriya-api.invalid', { transport }, async (client) => {
          const err = await rejectionOf(call(client, {}));
          expect(err).toBeInstanceOf(APIConnectionError);
          expect((err as APIConnectionError).errorCode).toBe('ENOTFOUND');
          expect((err as APIConnectionError).outcomeUnknown).toBe(false);
          expect(transport.sends).toBe(3);
        });
        // Every lookup was answered by the stub, so the machine's resolver was never asked.
        expect(dns.looked).toEqual([
          'vistarkriya-api.invalid',
          'vistarkriya-api.invalid',
          'vistarkriya-api.invalid',
        ]);
      } finally {
        dns.restore();
      }
    },
  );
});
