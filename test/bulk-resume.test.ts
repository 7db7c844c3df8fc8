// runBulk with a checkpoint: a restart skips the rows already done (and yields their recorded
// outcome once), a row in flight when the process died comes back as unknown and is re-sent only
// with retryUnknown, and a torn last line is repaired.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BulkResult, rowKey, runBulk } from '../src/bulk/index.js';
import { ConfigurationError, VistarkriyaClient } from '../src/index.js';
import { MAGIC, type Sandbox, startSandbox } from '../src/sandbox/index.js';
import { collect, panAt, panRows, readJsonl, tempDir } from './helpers/bulk.js';

let sb: Sandbox;
let vk: VistarkriyaClient;
let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  sb = await startSandbox({ latencyMs: 5 });
  vk = new VistarkriyaClient(sb.clientOptions);
  tmp = tempDir();
});
afterAll(async () => {
  await vk.close();
  await sb.close();
  tmp.remove();
});
afterEach(() => {
  sb.requests.length = 0;
});

const sentPans = () => sb.requests.map((r) => (JSON.parse(r.body) as { pan: string }).pan);
const indexes = (results: BulkResult[]) => results.map((r) => r.index).sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('runBulk: resumable', () => {
  it('a run stopped by its consumer resumes where it stopped: each row once, nothing sent twice', async () => {
    const checkpoint = tmp.file('stop-consumer.jsonl');
    const rows = panRows(120);
    const first: BulkResult[] = [];
    for await (const r of runBulk({
      client: vk,
      operation: 'verify.pan',
      rows,
      concurrency: 6,
      checkpoint,
    })) {
      first.push(r);
      if (first.length === 40) break;
    }
    const sentFirst = sentPans();
    // Outcomes waiting to be read and calls in flight when the consumer left were recorded, not
    // yielded; at most the result buffer (2 x concurrency + 16) and the slots (6) beyond the 40.
    const recorded = readJsonl<BulkResult>(checkpoint).filter((l) => l.status !== undefined);
    expect(recorded.length).toBe(sentFirst.length);
    expect(recorded.length).toBeGreaterThanOrEqual(40);
    expect(recorded.length).toBeLessThanOrEqual(40 + 28 + 6);

    const second = await collect(
      runBulk({ client: vk, operation: 'verify.pan', rows, concurrency: 6, checkpoint }),
    );
    const resumed = second.filter((r) => r.resumed);
    expect(resumed.length).toBe(recorded.length);
    expect(indexes(second)).toEqual(range(120));
    expect(second.every((r) => r.status === 'ok')).toBe(true);
    expect(new Set(sentPans()).size).toBe(sentPans().length);
    expect(sentPans().sort()).toEqual(rows.map((r) => r.pan).sort());
  });

  it('an AbortSignal stops intake, lets calls in flight finish, and the next run completes the book', async () => {
    const checkpoint = tmp.file('signal.jsonl');
    const rows = panRows(100);
    const stop = new AbortController();
    const first: BulkResult[] = [];
    let sentAtAbort = 0;
    for await (const r of runBulk({
      client: vk,
      operation: 'verify.pan',
      rows,
      concurrency: 5,
      checkpoint,
      signal: stop.signal,
    })) {
      first.push(r);
      if (first.length === 30) {
        sentAtAbort = sb.requests.length;
        stop.abort();
      }
    }
    // No row starts after the abort: at most the 5 calls in flight then (sent, not yet logged) arrive.
    // (Outcomes the runner had buffered for a slow consumer are yielded too, so the number yielded
    // is not bounded by 30 + 5.) Everything sent is yielded.
    expect(first.length).toBeGreaterThanOrEqual(30);
    expect(sb.requests.length).toBeLessThanOrEqual(sentAtAbort + 5);
    expect(sb.requests.length).toBe(first.length);
    const second = await collect(
      runBulk({ client: vk, operation: 'verify.pan', rows, concurrency: 5, checkpoint }),
    );
    expect(
      second
        .filter((r) => r.resumed)
        .map((r) => r.index)
        .sort((a, b) => a - b),
    ).toEqual(indexes(first));
    expect(indexes(second)).toEqual(range(100));
    expect(sentPans().sort()).toEqual(rows.map((r) => r.pan).sort());
  });

  it('a row in flight when the process died is unknown, not re-sent, unless retryUnknown', async () => {
    const checkpoint = tmp.file('interrupted.jsonl');
    const rows = [{ pan: panAt(500) }, { pan: panAt(501) }, { pan: panAt(502) }, { pan: panAt(501) }];
    const key1 = rowKey('verify.pan', { pan: panAt(501) });
    // What a process SIGKILLed mid-call leaves: row 0 done, row 1 marked as being sent, no outcome.
    writeFileSync(
      checkpoint,
      [
        { checkpoint: 1, operation: 'verify.pan' },
        { index: 0, key: rowKey('verify.pan', { pan: panAt(500) }), sending: true },
        {
          index: 0,
          key: rowKey('verify.pan', { pan: panAt(500) }),
          status: 'ok',
          result: { status: 'VALID' },
        },
        { index: 1, key: key1, sending: true },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n')
        .concat('\n'),
    );
    const run = () => collect(runBulk({ client: vk, operation: 'verify.pan', rows, checkpoint }));
    const second = (await run()).sort((a, b) => a.index - b.index);
    expect(second.map((r) => [r.index, r.status, r.resumed ?? false])).toEqual([
      [0, 'ok', true],
      [1, 'unknown', false],
      [2, 'ok', false],
      [3, 'unknown', false],
    ]);
    expect(second[1]!.error?.name).toBe('Interrupted');
    expect(second[3]).toMatchObject({ duplicateOf: 1 });
    expect(sentPans()).toEqual([panAt(502)]);

    // Without retryUnknown, a further run sends nothing and reports the same.
    sb.requests.length = 0;
    const third = await run();
    expect(third.every((r) => r.resumed)).toBe(true);
    expect(third.find((r) => r.index === 1)?.status).toBe('unknown');
    expect(sb.requests).toHaveLength(0);

    // After reconciling, retryUnknown sends the unknown row once; its duplicate follows it.
    const fourth = await collect(
      runBulk({ client: vk, operation: 'verify.pan', rows, checkpoint, retryUnknown: true }),
    );
    expect(sentPans()).toEqual([panAt(501)]);
    expect(fourth.map((r) => [r.index, r.status, r.resumed ?? false]).sort()).toEqual([
      [0, 'ok', true],
      [1, 'ok', false],
      [2, 'ok', true],
      [3, 'ok', false],
    ]);
    // The last outcome of each row counts: one result per row on the next run too.
    sb.requests.length = 0;
    const fifth = await run();
    expect(fifth.map((r) => [r.index, r.status]).sort()).toEqual([
      [0, 'ok'],
      [1, 'ok'],
      [2, 'ok'],
      [3, 'ok'],
    ]);
    expect(sb.requests).toHaveLength(0);
  });

  it('rows whose answer was unknown are never re-sent on resume; retryUnknown sends them once', async () => {
    const checkpoint = tmp.file('unknown.jsonl');
    const rows = [{ pan: MAGIC.pan.unavailable }, { pan: panAt(600) }];
    const first = await collect(runBulk({ client: vk, operation: 'verify.pan', rows, checkpoint }));
    expect(first.find((r) => r.index === 0)?.status).toBe('unknown');
    sb.requests.length = 0;
    await collect(runBulk({ client: vk, operation: 'verify.pan', rows, checkpoint }));
    expect(sb.requests).toHaveLength(0);
    await collect(runBulk({ client: vk, operation: 'verify.pan', rows, checkpoint, retryUnknown: true }));
    expect(sentPans()).toEqual([MAGIC.pan.unavailable]);
  });

  it('a row abandoned unsent (stopped while waiting out a 429) is sent by the next run, not reported unknown', async () => {
    const checkpoint = tmp.file('abandoned.jsonl');
    const rows = [{ pan: MAGIC.pan.rate_limited }];
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 300); // during the 1 s Retry-After pause
    const first = await collect(
      runBulk({ client: vk, operation: 'verify.pan', rows, checkpoint, signal: stop.signal }),
    );
    expect(first).toEqual([]);
    expect(sb.requests).toHaveLength(1);
    const lines = readJsonl(checkpoint).slice(1);
    expect(lines).toEqual([
      { index: 0, key: expect.any(String), sending: true },
      { index: 0, key: expect.any(String), sending: false },
    ]);
    const second = await collect(
      runBulk({ client: vk, operation: 'verify.pan', rows, checkpoint, retries: 0 }),
    );
    expect(second).toMatchObject([{ index: 0, status: 'failed', error: { status: 429 } }]);
    expect(second[0]!.resumed).toBeUndefined();
    expect(sb.requests).toHaveLength(2);
  });

  it('an unknown row whose retryUnknown re-send was abandoned stays unknown for the next run', async () => {
    const checkpoint = tmp.file('unknown-abandoned.jsonl');
    const key = rowKey('verify.pan', { pan: panAt(700) });
    writeFileSync(
      checkpoint,
      [
        { checkpoint: 1, operation: 'verify.pan' },
        { index: 0, key, sending: true },
        { index: 0, key, status: 'unknown', error: { name: 'APITimeoutError', message: 'timed out' } },
        { index: 0, key, sending: true },
        { index: 0, key, sending: false },
      ]
        .map((l) => `${JSON.stringify(l)}\n`)
        .join(''),
    );
    const rows = [{ pan: panAt(700) }, { pan: panAt(700) }];
    const results = await collect(runBulk({ client: vk, operation: 'verify.pan', rows, checkpoint }));
    expect(results.map((r) => [r.index, r.status, r.resumed ?? false, r.duplicateOf])).toEqual([
      [0, 'unknown', true, undefined],
      [1, 'unknown', false, 0],
    ]);
    expect(sb.requests).toHaveLength(0);
  });

  it('repairs a torn last line and refuses the checkpoint of another operation', async () => {
    const checkpoint = tmp.file('torn.jsonl');
    const rows = panRows(3);
    await collect(runBulk({ client: vk, operation: 'verify.pan', rows, checkpoint }));
    appendFileSync(checkpoint, '{"index":2,"key":"abc","sta');
    sb.requests.length = 0;
    const again = await collect(runBulk({ client: vk, operation: 'verify.pan', rows, checkpoint }));
    expect(again).toHaveLength(3);
    expect(sb.requests).toHaveLength(0);
    expect(readFileSync(checkpoint, 'utf8').endsWith('}\n')).toBe(true);
    await expect(
      collect(runBulk({ client: vk, operation: 'verify.gst', rows: [], checkpoint })),
    ).rejects.toThrow(ConfigurationError);
  });
});
