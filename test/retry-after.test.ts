import { describe, expect, it } from 'vitest';
import { parseHttpDate } from '../src/core/http-date.js';
import { parseRetryAfter } from '../src/core/retry.js';
import { RateLimitError } from '../src/index.js';
import { jsonAnswer, platformError } from './faults/fake-transport.js';
import { rejectionOf, scriptedClient } from './faults/helpers.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const secondsOf = (value: string) => parseRetryAfter({ 'retry-after': value }, NOW);

describe('Retry-After accepts only RFC 9110 forms (delta-seconds or an HTTP-date)', () => {
  it('delta-seconds: digits only', () => {
    expect(secondsOf('0')).toBe(0);
    expect(secondsOf('5')).toBe(5);
    expect(secondsOf(' 120 ')).toBe(120);
  });

  it.each(['-5', '+5', '1.5', '5s', '0x10', '1e3', '', ' ', 'soon', '5 6'])(
    '%j is not a Retry-After value (normal backoff applies)',
    (value) => {
      expect(secondsOf(value)).toBeUndefined();
    },
  );

  it('the three HTTP-date formats, all meaning the same instant', () => {
    expect(secondsOf('Thu, 01 Jan 2026 00:00:07 GMT')).toBe(7); // IMF-fixdate
    expect(secondsOf('Thursday, 01-Jan-26 00:00:07 GMT')).toBe(7); // obsolete RFC 850
    expect(secondsOf('Thu Jan  1 00:00:07 2026')).toBe(7); // obsolete asctime
    expect(secondsOf('Wed, 31 Dec 2025 00:00:00 GMT')).toBe(0); // in the past: no wait
  });

  it.each([
    '2, 2', // two joined `Retry-After: 2` headers, which `Date.parse` reads as a date in 2001
    '2001-01-01',
    'Thu, 01 Jan 2026 00:00:07', // no GMT
    'Thu, 32 Jan 2026 00:00:07 GMT',
    'Thu, 30 Feb 2026 00:00:07 GMT',
    'Thu, 00 Jan 2026 00:00:07 GMT',
    'Thu, 01 Jan 2026 24:00:07 GMT',
    'Thu, 1 Jan 2026 00:00:07 GMT',
    'Thu, 01 Foo 2026 00:00:07 GMT',
    'Thu, 01 Jan 2026 00:00:07 GMT trailing',
    'January 1, 2026',
    // The forms do not mix: each has its own day name, separators, year and ending.
    'Thursday, 01 Jan 2026 00:00:07 GMT',
    'Thu, 01-Jan-26 00:00:07 GMT',
    'Thu, 01 Jan 26 00:00:07 GMT',
    'Thu Jan  1 00:00:07 GMT',
    'Thu Jan  1 00:00:07 2026 GMT',
    'Thu, Jan  1 00:00:07 2026',
    'Thurs, 01 Jan 2026 00:00:07 GMT',
  ])('%j is refused as a date', (value) => {
    expect(parseHttpDate(value, NOW)).toBeUndefined();
  });

  it('duplicate headers (joined with ", "): the first valid value wins', () => {
    // `2, 2` is two `Retry-After: 2` headers joined, not a date in 2001.
    expect(secondsOf('2, 2')).toBe(2);
    expect(secondsOf('-5, 3')).toBe(3);
    expect(secondsOf('soon, Thu, 01 Jan 2026 00:00:09 GMT, 4')).toBe(9);
    expect(secondsOf('Thu, 01 Jan 2026 00:00:09 GMT, 4')).toBe(9);
    expect(secondsOf('junk, also junk')).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after-ms': '-1, 250' }, NOW)).toBe(0.25);
  });

  it('an RFC 850 two-digit year more than 50 years ahead is the previous century', () => {
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate('Friday, 01-Jan-27 00:00:00 GMT', NOW)).toBe(Date.UTC(2027, 0, 1));
  });
});

describe('an invalid Retry-After never means "retry now"', () => {
  it.each(['-5', '+5', '-1, +1'])(
    '429 with Retry-After %j backs off normally',
    async (value) => {
      const limited = platformError(429, 'RATE_LIMITED', 'slow down', { 'retry-after': value });
      const { client, transport } = scriptedClient(
        [limited, limited, jsonAnswer(200, { success: true, data: 1 })],
        { maxRetries: 2, timeout: 10_000 },
      );
      const started = Date.now();
      await expect(client.request({ method: 'GET', path: '/api/v1/x' })).resolves.toBe(1);
      expect(transport.requests).toHaveLength(3);
      // Backoff: ~0.375-0.5 s, then ~0.75-1 s. Before the fix, all three went out within milliseconds.
      expect(Date.now() - started).toBeGreaterThan(1000);
    },
    10_000,
  );

  it('a RateLimitError carries the parsed value, not a date in 2001', async () => {
    const { client } = scriptedClient([platformError(429, 'RATE_LIMITED', 'x', { 'retry-after': '2, 2' })], {
      maxRetries: 0,
    });
    const err = (await rejectionOf(client.request({ method: 'GET', path: '/api/v1/x' }))) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfter).toBe(2);
  });
});

describe('the clock learns only from a real HTTP-date', () => {
  it('a Date header that Date.parse would read as 2001 (`-5`, `2, 2`) teaches nothing', async () => {
    const { Clock } = await import('../src/core/clock.js');
    const clock = new Clock();
    for (const bad of ['-5', '+5', '2, 2', '2026-01-01T00:00:00Z']) {
      expect(clock.learnFrom(bad)).toBe(false);
      expect(clock.offsetSeconds).toBe(0);
    }
    expect(clock.learnFrom(new Date(Date.now() + 60_000).toUTCString())).toBe(true);
    expect(Math.abs(clock.offsetSeconds - 60)).toBeLessThanOrEqual(1);
  });
});
