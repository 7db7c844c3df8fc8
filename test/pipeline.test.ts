import { describe, expect, it } from 'vitest';
import { Clock } from '../src/core/clock.js';
import { parseRetryAfter } from '../src/core/retry.js';
import {
  type APIError,
  InternalServerError,
  RateLimitError,
  ResponseValidationError,
  type VistarkriyaClient,
} from '../src/index.js';
import { TransportError } from '../src/transport/types.js';
import { type Step, jsonAnswer, platformError } from './faults/fake-transport.js';
import { TEST_SECRET, rejectionOf, scriptedClient } from './faults/helpers.js';

const OK = jsonAnswer(200, { success: true, data: { ok: 1 } });
const get = (c: VistarkriyaClient) => c.request({ method: 'GET', path: '/api/v1/x' });
const post = (c: VistarkriyaClient) => c.request({ method: 'POST', path: '/api/v1/x', body: { a: 1 } });

describe('oversized answers', () => {
  const tooLarge = (status: number): Step => ({
    throws: new TransportError('too-large', 'Response body is over the 10-byte limit.', status),
  });

  it('an oversized 2xx is not retried: the same answer would come back', async () => {
    const { client, transport } = scriptedClient([tooLarge(200), OK], { maxRetries: 2 });
    const err = (await rejectionOf(get(client))) as APIError;
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect(err.code).toBe('RESPONSE_TOO_LARGE');
    expect(err.outcomeUnknown).toBe(false);
    expect(transport.requests).toHaveLength(1);
  });

  it('an oversized 502 page keeps the 5xx verdict: a read retries, a billable call does not', async () => {
    const read = scriptedClient([tooLarge(502), tooLarge(502), OK], { maxRetries: 2, timeout: 5000 });
    await expect(get(read.client)).resolves.toEqual({ ok: 1 });
    expect(read.transport.requests).toHaveLength(3);

    const billable = scriptedClient([tooLarge(502), OK], { maxRetries: 2 });
    const err = (await rejectionOf(post(billable.client))) as APIError;
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.status).toBe(502);
    expect(err.outcomeUnknown).toBe(true);
    expect(billable.transport.requests).toHaveLength(1);
  }, 10_000);
});

describe('timeouts and Retry-After', () => {
  it.each([Number.POSITIVE_INFINITY, 30 * 24 * 3600 * 1000])(
    'timeout %s ms neither fires at once nor warns',
    async (timeout) => {
      const warnings: Error[] = [];
      const onWarning = (w: Error) => warnings.push(w);
      process.on('warning', onWarning);
      try {
        const { client } = scriptedClient([OK], { timeout });
        await expect(get(client)).resolves.toEqual({ ok: 1 });
        await new Promise((r) => setImmediate(r));
        expect(warnings.filter((w) => w.name === 'TimeoutOverflowWarning')).toEqual([]);
      } finally {
        process.off('warning', onWarning);
      }
    },
  );

  it('retry-after-ms is honoured', async () => {
    const { client, transport } = scriptedClient(
      [platformError(429, 'RATE_LIMITED', 'slow down', { 'retry-after-ms': '120', 'retry-after': '30' }), OK],
      { maxRetries: 1 },
    );
    const started = performance.now();
    await expect(post(client)).resolves.toEqual({ ok: 1 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(transport.requests).toHaveLength(2);
  });

  it('maxRetries: 0 throws the first RateLimitError, with its retryAfter', async () => {
    const { client, transport } = scriptedClient(
      [platformError(429, 'RATE_LIMITED', 'x', { 'retry-after': '2' }), OK],
      {
        maxRetries: 0,
      },
    );
    const err = (await rejectionOf(post(client))) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfter).toBe(2);
    expect(transport.requests).toHaveLength(1);
  });

  it('parseRetryAfter: seconds, HTTP dates, milliseconds; garbage is ignored', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter({ 'retry-after': '5' }, now)).toBe(5);
    expect(parseRetryAfter({ 'retry-after': ' 15 ' }, now)).toBe(15);
    // delta-seconds are digits only (RFC 9110): a fraction is not a Retry-After value.
    expect(parseRetryAfter({ 'retry-after': ' 1.5 ' }, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' }, now)).toBe(7);
    expect(parseRetryAfter({ 'retry-after': 'Wed, 31 Dec 2025 00:00:00 GMT' }, now)).toBe(0);
    expect(parseRetryAfter({ 'retry-after-ms': '250' }, now)).toBe(0.25);
    expect(parseRetryAfter({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(parseRetryAfter({}, now)).toBeUndefined();
  });
});

describe('errors never carry what a server echoes back', () => {
  it('response headers are redacted in the error (a proxy echoing X-Signature)', async () => {
    const sig = 'ab12'.repeat(16);
    const { client } = scriptedClient(
      [platformError(500, 'INTERNAL', 'x', { 'x-echo-x-signature': sig, 'x-echo-key': TEST_SECRET })],
      {
        maxRetries: 0,
      },
    );
    const err = (await rejectionOf(post(client))) as APIError;
    expect(err.headers['x-echo-x-signature']).toBe('[REDACTED]');
    expect(err.headers['x-echo-key']).toBe('[REDACTED]');
    expect(JSON.stringify(err)).not.toContain(sig);
  });
});

describe('Clock', () => {
  it('learns the offset from a Date header and replaces (never accumulates) it', () => {
    const clock = new Clock();
    const ahead = new Date(Date.now() + 600_000).toUTCString();
    expect(clock.learnFrom(ahead)).toBe(true);
    expect(Math.abs(clock.offsetSeconds - 600)).toBeLessThanOrEqual(1);
    expect(clock.learnFrom(ahead)).toBe(true);
    expect(Math.abs(clock.offsetSeconds - 600)).toBeLessThanOrEqual(1);
    expect(Math.abs(clock.now() - (Math.floor(Date.now() / 1000) + 600))).toBeLessThanOrEqual(1);
    expect(clock.learnFrom(new Date(Date.now() - 300_000).toUTCString())).toBe(true);
    expect(Math.abs(clock.offsetSeconds + 300)).toBeLessThanOrEqual(1);
  });

  it('ignores a missing or garbage Date header and keeps what it knew', () => {
    const clock = new Clock();
    clock.learnFrom(new Date(Date.now() + 120_000).toUTCString());
    const known = clock.offsetSeconds;
    for (const bad of [undefined, '', 'garbage', 'yesterday-ish, 99 Foo 20xx']) {
      expect(clock.learnFrom(bad)).toBe(false);
      expect(clock.offsetSeconds).toBe(known);
    }
  });
});
