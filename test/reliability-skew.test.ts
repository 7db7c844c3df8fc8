import { afterEach, describe, expect, it } from 'vitest';
import { TimestampExpiredError } from '../src/index.js';
import {
  TEST_SECRET,
  faultHeaders,
  readBalance,
  rejectionOf,
  verifyPan,
  withClient,
} from './faults/helpers.js';
import { type FaultServer, type FaultServerOptions, startFaultServer } from './faults/server.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function skewedServer(options: FaultServerOptions) {
  server = await startFaultServer({ secret: TEST_SECRET, ...options });
  return server;
}

const PAN = { pan: 'ABCPE1234F' };
const ts = (i: number) => Number(server!.seen[i]!.headers['x-timestamp']);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe.each([
  ['10 minutes ahead', 600],
  ['10 minutes behind', -600],
])('server clock %s', (_label, offset) => {
  it('the first call succeeds in exactly two requests, and the next call in one', async () => {
    const s = await skewedServer({ clockOffsetSeconds: offset });
    await withClient(s.url, {}, async (client) => {
      await expect(readBalance(client)).resolves.toMatchObject({ ok: true });
      expect(s.count()).toBe(2);
      expect(Math.abs(ts(0) - nowSeconds())).toBeLessThanOrEqual(2);
      expect(Math.abs(ts(1) - (nowSeconds() + offset))).toBeLessThanOrEqual(2);
      expect(Math.abs(client.clockOffsetSeconds - offset)).toBeLessThanOrEqual(1);

      await expect(readBalance(client)).resolves.toMatchObject({ ok: true });
      expect(s.count()).toBe(3);
      // The offset is kept for every later call, billable ones included.
      await expect(verifyPan(client, PAN)).resolves.toMatchObject({ ok: true });
      expect(s.count()).toBe(4);
    });
  });

  it('a billable call is corrected too: TIMESTAMP_EXPIRED means the server did not act', async () => {
    const s = await skewedServer({ clockOffsetSeconds: offset });
    await withClient(s.url, {}, async (client) => {
      await expect(verifyPan(client, PAN)).resolves.toMatchObject({ ok: true });
      expect(s.count()).toBe(2);
      expect(s.seen[1]!.body).toBe(s.seen[0]!.body);
    });
  });

  it('concurrent requests during the correction: each is corrected once, none loops', async () => {
    const s = await skewedServer({ clockOffsetSeconds: offset });
    await withClient(s.url, {}, async (client) => {
      const calls = Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0 ? readBalance(client) : verifyPan(client, { pan: PAN.pan }),
      );
      const results = await Promise.all(calls);
      expect(results).toHaveLength(12);
      // All twelve were signed before any answer came back: twelve rejected, twelve corrected.
      expect(s.count()).toBe(24);
      expect(
        s.seen.filter((r) => Math.abs(Number(r.headers['x-timestamp']) - nowSeconds()) <= 2),
      ).toHaveLength(12);
      await readBalance(client);
      expect(s.count()).toBe(25);
    });
  });

  it('a correction is not a retry: it happens with maxRetries: 0 as well', async () => {
    const s = await skewedServer({ clockOffsetSeconds: offset });
    await withClient(s.url, { maxRetries: 0 }, async (client) => {
      await expect(readBalance(client)).resolves.toMatchObject({ ok: true });
      expect(s.count()).toBe(2);
    });
  });

  it('after the correction, a retryable fault is still retried as usual', async () => {
    const s = await skewedServer({ clockOffsetSeconds: offset });
    await withClient(s.url, {}, async (client) => {
      const value = await readBalance(client, {
        headers: faultHeaders('skew-then-429', '429', { times: 2 }),
      });
      // Attempt 1 is rejected for its timestamp before the fault applies; 2 gets the 429; 3 succeeds.
      expect(value).toMatchObject({ ok: true });
      expect(s.count('skew-then-429')).toBe(3);
    });
  });
});

describe('a Date header that cannot be used', () => {
  it.each(['missing', 'garbage'] as const)(
    '%s Date: TimestampExpiredError after one request, no loop',
    async (dateHeader) => {
      const s = await skewedServer({ clockOffsetSeconds: 600, dateHeader });
      await withClient(s.url, {}, async (client) => {
        const err = await rejectionOf(readBalance(client));
        expect(err).toBeInstanceOf(TimestampExpiredError);
        expect((err as TimestampExpiredError).code).toBe('TIMESTAMP_EXPIRED');
        expect((err as TimestampExpiredError).status).toBe(401);
        expect((err as TimestampExpiredError).outcomeUnknown).toBe(false);
        expect(s.count()).toBe(1);
        expect(client.clockOffsetSeconds).toBe(0);
        // A billable call is not marked as possibly carried out either.
        const billable = await rejectionOf(verifyPan(client, PAN));
        expect((billable as TimestampExpiredError).outcomeUnknown).toBe(false);
        expect(s.count()).toBe(2);
      });
    },
  );

  it('a Date header that does not help (the server keeps refusing): two requests, then TimestampExpiredError', async () => {
    const s = await skewedServer({ clockOffsetSeconds: 600, dateHeader: 'real' });
    await withClient(s.url, {}, async (client) => {
      const err = await rejectionOf(readBalance(client));
      expect(err).toBeInstanceOf(TimestampExpiredError);
      expect(s.count()).toBe(2);
    });
  });
});
