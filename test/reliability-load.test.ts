import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  InternalServerError,
  RateLimitError,
  ResponseValidationError,
  type VistarkriyaClient,
  VistarkriyaError,
} from '../src/index.js';
import { TRANSPORTS, faultHeaders, readBalance, verifyPan, withClient } from './faults/helpers.js';
import { type Fault, type FaultServer, startFaultServer } from './faults/server.js';

const CALLS = 1000;
const MAX_RETRIES = 2;

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** mulberry32: a tiny seeded PRNG, so a failure can be replayed with the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type RetryClass = 'read' | 'billable';
type ErrorClass = abstract new (...args: never[]) => Error;
const LOAD_FAULTS: Fault[] = [
  'ok',
  'reset-before',
  'reset-after',
  '429',
  '503',
  'html-502',
  'truncated',
  'oversized',
  'stall',
  'delay',
];
const ERROR_OF: Partial<Record<Fault, ErrorClass>> = {
  'reset-before': APIConnectionError,
  'reset-after': APIConnectionError,
  truncated: APIConnectionError,
  '429': RateLimitError,
  '503': InternalServerError,
  'html-502': InternalServerError,
  oversized: ResponseValidationError,
  stall: APITimeoutError,
};

interface Plan {
  id: string;
  retry: RetryClass;
  fault: Fault;
  /** The fault is served to the first `times` attempts, then the answer is normal. */
  times: number;
}

interface Expectation {
  requests: number;
  error?: ErrorClass;
  outcomeUnknown?: boolean;
}

/** The retry policy, written out independently of src/core/retry.ts. */
function expectationFor({ retry, fault, times }: Plan): Expectation {
  if (fault === 'ok' || fault === 'delay') return { requests: 1 };
  // Deadline (whole call) and unreadable answers: one request whatever the class.
  if (fault === 'stall' || fault === 'oversized') {
    return { requests: 1, error: ERROR_OF[fault]!, outcomeUnknown: retry === 'billable' };
  }
  const provablyNotActed = fault === '429';
  if (retry === 'billable' && !provablyNotActed) {
    return { requests: 1, error: ERROR_OF[fault]!, outcomeUnknown: true };
  }
  if (times <= MAX_RETRIES) return { requests: times + 1 };
  return { requests: MAX_RETRIES + 1, error: ERROR_OF[fault]!, outcomeUnknown: false };
}

function makePlans(seed: number): Plan[] {
  const random = prng(seed);
  return Array.from({ length: CALLS }, (_, i) => ({
    id: `load-${seed}-${i}`,
    retry: random() < 0.5 ? 'read' : 'billable',
    fault: LOAD_FAULTS[Math.floor(random() * LOAD_FAULTS.length)]!,
    times: 1 + Math.floor(random() * 3),
  }));
}

function start(client: VistarkriyaClient, plan: Plan): Promise<unknown> {
  const headers = faultHeaders(plan.id, plan.fault, {
    times: plan.times,
    retryAfter: '0',
    delayMs: 50,
    size: 16 * 1024,
  });
  // The stall deadline leaves room for 1,000 connections to be set up first (server and client share a loop).
  const options = { headers, ...(plan.fault === 'stall' ? { timeout: 5000 } : {}) };
  return plan.retry === 'read'
    ? readBalance(client, options)
    : verifyPan(client, { pan: 'ABCPE1234F' }, options);
}

describe.each(TRANSPORTS)('1,000 concurrent calls with seeded faults over $name', ({ make }) => {
  it.each([20261125])(
    'seed %i: every call settles as the policy says, and the server counts match',
    async (seed) => {
      const plans = makePlans(seed);
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      const t = make();
      try {
        await withClient(
          server.url,
          { ...t.options, maxRetries: MAX_RETRIES, maxResponseBytes: 4096 },
          async (client) => {
            const started = performance.now();
            const settled = await Promise.allSettled(plans.map((p) => start(client, p)));
            const elapsed = performance.now() - started;

            const mismatches: string[] = [];
            const expectedByFault: Record<string, number> = {};
            settled.forEach((result, i) => {
              const plan = plans[i]!;
              const want = expectationFor(plan);
              const served = Math.min(want.requests, plan.times);
              if (plan.fault !== 'ok')
                expectedByFault[plan.fault] = (expectedByFault[plan.fault] ?? 0) + served;
              expectedByFault.ok =
                (expectedByFault.ok ?? 0) + (plan.fault === 'ok' ? 1 : want.requests - served);

              const seen = server.count(plan.id);
              const where = `${plan.id} ${plan.retry} ${plan.fault}×${plan.times}`;
              if (seen !== want.requests)
                mismatches.push(`${where}: ${seen} requests, expected ${want.requests}`);
              if (want.error === undefined) {
                if (result.status !== 'fulfilled')
                  mismatches.push(`${where}: rejected with ${String(result.reason)}`);
                return;
              }
              if (result.status !== 'rejected') {
                mismatches.push(`${where}: resolved, expected ${want.error.name}`);
                return;
              }
              const err = result.reason as Error & { outcomeUnknown?: boolean };
              if (!(err instanceof VistarkriyaError)) mismatches.push(`${where}: untyped ${String(err)}`);
              else if (!(err instanceof want.error) || err.name !== want.error.name) {
                mismatches.push(`${where}: ${err.name}, expected ${want.error.name}`);
              } else if (err.outcomeUnknown !== want.outcomeUnknown) {
                mismatches.push(
                  `${where}: outcomeUnknown ${err.outcomeUnknown}, expected ${want.outcomeUnknown}`,
                );
              }
            });

            expect(mismatches).toEqual([]);
            expect(server.countByFault()).toEqual(expectedByFault);
            expect(server.count()).toBe(Object.values(expectedByFault).reduce((a, b) => a + b, 0));
            // Every fault class was exercised in both retry classes.
            for (const fault of LOAD_FAULTS) {
              for (const retry of ['read', 'billable']) {
                expect(
                  plans.some((p) => p.fault === fault && p.retry === retry),
                  `${fault}/${retry}`,
                ).toBe(true);
              }
            }
            // Backoff is at most 0.5 s + 1 s and the stall deadline 5 s; everything else is local.
            expect(elapsed).toBeLessThan(15_000);
          },
          t.close,
        );
        // Rejections are delivered on a later turn; give them one.
        await new Promise((r) => setTimeout(r, 10));
        expect(unhandled).toEqual([]);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    },
    60_000,
  );
});
