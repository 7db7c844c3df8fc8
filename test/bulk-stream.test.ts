// Streaming with bounded memory: a large generated row stream goes through runBulk while the
// rows pulled but not yet handed out, and the calls in flight, stay under fixed bounds, even with
// a consumer that stalls. And the rate governor's adaptive backoff, on a fake clock.
import { describe, expect, it } from 'vitest';
import { runBulk } from '../src/bulk/index.js';
import { RateGovernor } from '../src/bulk/rate.js';
import { VistarkriyaClient } from '../src/index.js';
import { panAt } from './helpers/bulk.js';

const ANSWER = JSON.stringify({ success: true, data: { verification_id: 'V1', status: 'VALID' } });

/** The whole SDK pipeline (validation, signing, interpretation), with an in-process server that answers after `wait`. */
function inProcessClient(wait: () => Promise<unknown>): VistarkriyaClient {
  return new VistarkriyaClient({
    apiKey: 'k',
    apiSecret: 'test_secret',
    adminCode: '123456',
    baseURL: 'http://127.0.0.1:9',
    fetch: async () => {
      await wait();
      return new Response(ANSWER, { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
}

describe('runBulk: streamed input and output', () => {
  it('50 000 rows from a generator: bounded rows in hand and calls in flight, with a slow consumer', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const vk = inProcessClient(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
    });
    const total = 50_000;
    const concurrency = 16;
    let pulled = 0;
    function* rows() {
      for (let i = 0; i < total; i++) {
        pulled++;
        yield { pan: panAt(i) };
      }
    }
    let consumed = 0;
    let maxAhead = 0;
    const seen = new Uint8Array(total);
    for await (const r of runBulk({ client: vk, operation: 'verify.pan', rows: rows(), concurrency })) {
      consumed++;
      seen[r.index]! += 1;
      expect(r.status).toBe('ok');
      maxAhead = Math.max(maxAhead, pulled - consumed);
      // Stall now and then: the runner must wait for us instead of reading ahead.
      if (consumed % 10_000 === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(consumed).toBe(total);
    expect(seen.every((n) => n === 1)).toBe(true);
    expect(maxInFlight).toBeLessThanOrEqual(concurrency);
    expect(maxInFlight).toBe(concurrency);
    // Rows in hand: the result buffer (2 x concurrency + 16), the slots, and the row being read.
    expect(maxAhead).toBeLessThanOrEqual(concurrency * 2 + 16 + concurrency + 2);
    await vk.close();
  }, 60_000);
});

describe('runBulk: an input that fails mid-stream', () => {
  it('rows already started finish and are recorded; then the error reaches the consumer', async () => {
    const vk = inProcessClient(() => new Promise((resolve) => setTimeout(resolve, 5)));
    async function* rows() {
      for (let i = 0; i < 20; i++) yield { pan: panAt(i) };
      throw new Error('line 21 of the file is broken');
    }
    const seen: number[] = [];
    const failure = await (async () => {
      for await (const r of runBulk({ client: vk, operation: 'verify.pan', rows: rows(), concurrency: 4 }))
        seen.push(r.index);
    })().catch((err: unknown) => err);
    expect((failure as Error).message).toBe('line 21 of the file is broken');
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    await vk.close();
  });
});

describe('RateGovernor: token bucket and adaptive backoff', () => {
  function clock() {
    let t = 1000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  }

  it('halves the rate on a 429, once per cut, and grows it back by a tenth per second', () => {
    const c = clock();
    const g = new RateGovernor({ ratePerSecond: 100, now: c.now });
    expect(g.rate).toBe(100);
    const sentBefore = c.now();
    c.advance(10);
    g.rateLimited(sentBefore, 2000);
    expect(g.rate).toBe(50);
    expect(g.paused).toBe(true);
    // A second 429 for a call sent before the cut is the same storm: no second cut.
    g.rateLimited(sentBefore, 2000);
    expect(g.rate).toBe(50);
    // A 429 for a call sent after the cut: the cut was not enough.
    c.advance(5);
    g.rateLimited(c.now() - 1, 1000);
    expect(g.rate).toBe(25);
    // No growth while paused (until 2 s after the first 429); then +10 % of the rate before the
    // last cut (50) per second.
    c.advance(1995);
    expect(g.paused).toBe(false);
    expect(g.rate).toBe(25);
    c.advance(1000);
    expect(g.rate).toBeCloseTo(30, 5);
    c.advance(20_000);
    expect(g.rate).toBe(100);
  });

  it('a 429 without Retry-After pauses 1 s, 2 s, 4 s ... until a call succeeds', () => {
    const c = clock();
    const g = new RateGovernor({ now: c.now });
    expect(g.rate).toBe(Number.POSITIVE_INFINITY);
    g.rateLimited(c.now(), undefined);
    c.advance(999);
    expect(g.paused).toBe(true);
    c.advance(2);
    expect(g.paused).toBe(false);
    g.rateLimited(c.now(), undefined);
    c.advance(1999);
    expect(g.paused).toBe(true);
    c.advance(2);
    g.succeeded();
    g.rateLimited(c.now(), undefined);
    c.advance(1001);
    expect(g.paused).toBe(false);
  });

  it('an unlimited run gets a limit from its observed rate after a 429, and loses it again', async () => {
    const c = clock();
    const g = new RateGovernor({ now: c.now });
    for (let i = 0; i < 40; i++) {
      await g.acquire();
      c.advance(25); // 40 calls/s
    }
    g.rateLimited(c.now(), 0);
    expect(g.rate).toBeGreaterThan(15);
    expect(g.rate).toBeLessThanOrEqual(25);
    c.advance(60_000);
    expect(g.rate).toBe(Number.POSITIVE_INFINITY);
  });
});
