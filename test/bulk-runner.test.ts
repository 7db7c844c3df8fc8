// runBulk against the sandbox: each status means what it says, duplicates are sent once, a 429
// pauses the whole run (request timestamps in the sandbox's log), and the rate budget holds.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BulkProgress, type BulkResult, rowKey, runBulk } from '../src/bulk/index.js';
import { ClientClosedError, ConfigurationError, VistarkriyaClient } from '../src/index.js';
import { MAGIC, MAGIC_GSTIN_QUOTA_EXCEEDED, type Sandbox, startSandbox } from '../src/sandbox/index.js';
import { Veri5Client } from '../src/veri5/index.js';
import { collect, panAt, panRows, tempDir } from './helpers/bulk.js';

let sb: Sandbox;
let vk: VistarkriyaClient;
beforeAll(async () => {
  sb = await startSandbox();
  vk = new VistarkriyaClient(sb.clientOptions);
});
afterAll(async () => {
  await vk.close();
  await sb.close();
});
afterEach(() => {
  sb.requests.length = 0;
});

const pansSent = () => sb.requests.map((r) => (JSON.parse(r.body) as { pan: string }).pan);
const byIndex = (results: BulkResult[]) => [...results].sort((a, b) => a.index - b.index);

describe('runBulk: one outcome per row', () => {
  it('invalid (never sent), ok, failed and unknown each mean what they say', async () => {
    const rows = [
      { pan: MAGIC.pan.valid }, // ok
      { pan: 'ABCDE12345' }, // invalid: malformed, never sent
      { pan: MAGIC.pan.unavailable }, // 503 on a billable call: may have been acted on
      { pan: MAGIC.pan.reset }, // connection reset after sending: unknown
      { pan: MAGIC.pan.invalid }, // the API answered: a result, not an error
      { pan: MAGIC.pan.rate_limited }, // 429 every time: provably not acted on, so failed
      'not an object', // invalid
    ];
    const results = byIndex(
      await collect(runBulk({ client: vk, operation: 'verify.pan', rows, concurrency: 4, retries: 1 })),
    );
    expect(results.map((r) => [r.index, r.status])).toEqual([
      [0, 'ok'],
      [1, 'invalid'],
      [2, 'unknown'],
      [3, 'unknown'],
      [4, 'ok'],
      [5, 'failed'],
      [6, 'invalid'],
    ]);
    expect(results[0]!.result).toMatchObject({ pan: MAGIC.pan.valid, status: 'VALID' });
    expect(results[4]!.result).toMatchObject({ status: 'INVALID' });
    expect(results[1]!.error).toMatchObject({ name: 'InputValidationError', field: 'pan', rule: 'format' });
    expect(results[6]!.error).toMatchObject({ name: 'InputValidationError', rule: 'type' });
    expect(results[2]!.error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(results[3]!.error?.name).toBe('APIConnectionError');
    expect(results[5]!.error).toMatchObject({ name: 'RateLimitError', status: 429 });
    // Invalid rows never reach the server; unknown rows are never re-sent; the 429 row twice (retries: 1).
    const sent = pansSent();
    expect(sent).not.toContain('ABCDE12345');
    expect(sent.filter((p) => p === MAGIC.pan.unavailable)).toHaveLength(1);
    expect(sent.filter((p) => p === MAGIC.pan.reset)).toHaveLength(1);
    expect(sent.filter((p) => p === MAGIC.pan.rate_limited)).toHaveLength(2);
    // Nothing secret or identifying in the outcomes.
    const text = JSON.stringify(results);
    expect(text).not.toContain('ABCDE12345');
    expect(text).not.toContain(sb.credentials.platform.apiSecret);
  });

  it('a definite API error is failed, and Veri5 operations run on a Veri5Client', async () => {
    const v5 = new Veri5Client(sb.veri5Options);
    try {
      const rows = [
        { gstin: MAGIC.gstin.valid },
        { gstin: MAGIC_GSTIN_QUOTA_EXCEEDED }, // Veri5 400402: the account's quota is exhausted
        { gstin: '27ABCPV1234D1ZZ' }, // wrong check character
      ];
      const results = byIndex(await collect(runBulk({ client: v5, operation: 'veri5.verifyGstin', rows })));
      expect(results.map((r) => r.status)).toEqual(['ok', 'failed', 'invalid']);
      expect(results[1]!.error).toMatchObject({ name: 'Veri5QuotaError', code: '400402' });
      expect(results[2]!.error).toMatchObject({ field: 'gstin', rule: 'check_character' });
    } finally {
      await v5.close();
    }
  });

  it('veri5.verifyPan needs consent, as the method does: a row without it is invalid with its own error, never sent', async () => {
    const v5 = new Veri5Client(sb.veri5Options);
    try {
      const rows = [
        { panNumber: MAGIC.pan.valid, consent: true },
        { panNumber: MAGIC.pan.valid },
        { panNumber: MAGIC.pan.valid, consent: 'Y' },
        { panNumber: MAGIC.pan.valid },
      ];
      const results = byIndex(await collect(runBulk({ client: v5, operation: 'veri5.verifyPan', rows })));
      expect(results.map((r) => r.status)).toEqual(['ok', 'invalid', 'invalid', 'invalid']);
      for (const r of results.slice(1)) {
        // Refused when normalised, so not a duplicate of an earlier refused row.
        expect(r.duplicateOf).toBeUndefined();
        expect(r.error).toMatchObject({ field: 'consent', rule: 'consent' });
      }
      expect(sb.requests).toHaveLength(1);
    } finally {
      await v5.close();
    }
  });

  it('a closed client ends the run at once with ClientClosedError; its rows stay unsent and a resumed run sends them', async () => {
    const tmp = tempDir();
    const closed = new VistarkriyaClient(sb.clientOptions);
    await closed.close();
    try {
      const checkpoint = tmp.file('closed.jsonl');
      const rows = panRows(3, 7000);
      const seen: BulkResult[] = [];
      const t0 = Date.now();
      const run = async () => {
        for await (const r of runBulk({ client: closed, operation: 'verify.pan', rows, checkpoint }))
          seen.push(r);
      };
      await expect(run()).rejects.toBeInstanceOf(ClientClosedError);
      // No backoff and retries against a client that can never send again.
      expect(Date.now() - t0).toBeLessThan(900);
      expect(seen).toEqual([]);
      expect(sb.requests).toHaveLength(0);
      const again = byIndex(
        await collect(runBulk({ client: vk, operation: 'verify.pan', rows, checkpoint })),
      );
      expect(again.map((r) => [r.index, r.status, r.resumed ?? false])).toEqual([
        [0, 'ok', false],
        [1, 'ok', false],
        [2, 'ok', false],
      ]);
      expect(pansSent().sort()).toEqual(rows.map((r) => r.pan).sort());
    } finally {
      tmp.remove();
    }
  });

  it('refuses an unknown operation, the wrong client, and bad options before reading any row', async () => {
    let pulled = 0;
    const rows = (function* () {
      pulled++;
      yield { pan: MAGIC.pan.valid };
    })();
    await expect(collect(runBulk({ client: vk, operation: 'verify.panz', rows }))).rejects.toThrow(
      /Unknown operation "verify.panz". Did you mean: verify.services, verify.pan/,
    );
    await expect(collect(runBulk({ client: vk, operation: 'veri5.verifyPan', rows }))).rejects.toThrow(
      ConfigurationError,
    );
    await expect(
      collect(runBulk({ client: vk, operation: 'verify.pan', rows, concurrency: 0 })),
    ).rejects.toThrow(/concurrency/);
    await expect(
      collect(runBulk({ client: vk, operation: 'verify.pan', rows, ratePerSecond: -1 })),
    ).rejects.toThrow(/ratePerSecond/);
    // As the client checks it (a string from an environment variable, say), not once per row.
    await expect(
      collect(runBulk({ client: vk, operation: 'verify.pan', rows, timeout: '500' as unknown as number })),
    ).rejects.toThrow(
      new ConfigurationError('runBulk: `timeout` must be a positive number; got "500" (string).'),
    );
    expect(pulled).toBe(0);
    expect(sb.requests).toHaveLength(0);
  });
});

describe('runBulk: stable keys', () => {
  it('a key hashes the operation and the normalised input, so a duplicate row is sent once', async () => {
    expect(rowKey('verify.pan', { pan: 'ABCPV1234D', name: 'A' })).toBe(
      rowKey('verify.pan', { name: 'A', pan: 'ABCPV1234D' }),
    );
    expect(rowKey('verify.pan', { pan: 'ABCPV1234D' })).not.toBe(rowKey('verify.gst', { pan: 'ABCPV1234D' }));
    expect(rowKey('verify.pan', { pan: 'ABCPV1234D' })).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const rows = [
      { pan: panAt(1) },
      { pan: panAt(2) },
      { pan: panAt(1).toLowerCase() }, // the same PAN once normalised
      { pan: ` ${panAt(2)} ` }, // the same once trimmed
      { pan: panAt(1) },
    ];
    const results = byIndex(
      await collect(runBulk({ client: vk, operation: 'verify.pan', rows, concurrency: 3 })),
    );
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(results[2]).toMatchObject({ key: results[0]!.key, duplicateOf: 0 });
    expect(results[3]).toMatchObject({ key: results[1]!.key, duplicateOf: 1 });
    expect(results[4]).toMatchObject({ key: results[0]!.key, duplicateOf: 0 });
    expect(results[2]!.result).toBeUndefined();
    expect(results[0]!.key).toBe(rowKey('verify.pan', { pan: panAt(1) }));
    expect(pansSent().sort()).toEqual([panAt(1), panAt(2)].sort());
  });
});

describe('runBulk: one rate budget', () => {
  it('a 429 with Retry-After pauses the whole run, not just one call', async () => {
    const rows: Array<{ pan: string }> = panRows(60);
    rows.splice(20, 0, { pan: MAGIC.pan.rate_limited_once });
    const paused: boolean[] = [];
    const results = await collect(
      runBulk({
        client: vk,
        operation: 'verify.pan',
        rows,
        concurrency: 4,
        onProgress: (p: BulkProgress) => paused.push(p.paused),
      }),
    );
    expect(results).toHaveLength(61);
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    const limited = sb.requests.find((r) => r.status === 429)!;
    expect(limited).toBeDefined();
    const t429 = limited.receivedAt;
    // Calls already on the wire when the 429 arrived may land just after it; after that, silence
    // for the Retry-After second, across every row, then the run (and the limited row) goes on.
    const during = sb.requests.filter((r) => r.receivedAt > t429 + 150 && r.receivedAt < t429 + 950);
    expect(during).toEqual([]);
    const after = sb.requests.filter((r) => r.receivedAt >= t429 + 950);
    expect(after.length).toBeGreaterThan(10);
    expect(
      after.some((r) => JSON.parse(r.body).pan === MAGIC.pan.rate_limited_once && r.status === 200),
    ).toBe(true);
    expect(sb.requests.filter((r) => r.receivedAt < t429).length).toBeGreaterThan(5);
    expect(paused).toContain(true);
  });

  it('ratePerSecond spaces the calls evenly across all slots', async () => {
    const started = Date.now();
    const results = await collect(
      runBulk({ client: vk, operation: 'verify.pan', rows: panRows(25), concurrency: 8, ratePerSecond: 20 }),
    );
    expect(results).toHaveLength(25);
    const times = sb.requests.map((r) => r.receivedAt).sort((a, b) => a - b);
    // 25 calls at 20/s take at least 24 intervals of 50 ms (a 20 ms burst allowance aside).
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(24 * 50 - 40);
    // No 250 ms window holds more than its share (5) plus the burst allowance.
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 250).length).toBeLessThanOrEqual(7);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
