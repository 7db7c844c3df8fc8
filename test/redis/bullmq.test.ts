// vistarkriya/bullmq on a real Redis: idempotent enqueue, honest outcomes, a 429 that pauses the
// whole queue, one rate budget shared by every worker, and two worker processes of which one is
// SIGKILLed mid-run: every row ends exactly once, as ok or unknown, and none is sent twice.
import { type ChildProcess, spawn } from 'node:child_process';
import { Worker } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bulkResults, collectBulkResults, enqueueBulk, runBulkWorker } from '../../src/bullmq/index.js';
import type { BulkResult } from '../../src/bulk/index.js';
import { rowKey } from '../../src/bulk/index.js';
import { ConfigurationError, VistarkriyaClient } from '../../src/index.js';
import { MAGIC, type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { collect, panAt, panRows, readJsonl, tempDir } from '../helpers/bulk.js';
import { ROOT } from '../helpers/cli-bin.js';
import { freePort } from '../helpers/net.js';
import { connection, freshQueue } from './helpers.js';

let sb: Sandbox;
let vk: VistarkriyaClient;
let tmp: ReturnType<typeof tempDir>;
const workers: Worker[] = [];
beforeAll(async () => {
  sb = await startSandbox({ latencyMs: 10 });
  vk = new VistarkriyaClient(sb.clientOptions);
  tmp = tempDir();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
  sb.requests.length = 0;
});
afterAll(async () => {
  await vk.close();
  await sb.close();
  tmp.remove();
});

const sentPans = () => sb.requests.map((r) => (JSON.parse(r.body) as { pan: string }).pan);

/**
 * A client whose calls fail before anything is sent (nothing listens on its port): a worker backs
 * off (0.5 s, 1 s, 2 s ..., less jitter) and sends again.
 */
async function refusedClient(): Promise<VistarkriyaClient> {
  return new VistarkriyaClient({ ...sb.clientOptions, baseURL: `http://127.0.0.1:${await freePort()}` });
}

function worker(queueName: string, options: Partial<Parameters<typeof runBulkWorker>[0]> = {}): Worker {
  const w = runBulkWorker({ queueName, connection: connection(), client: vk, concurrency: 4, ...options });
  workers.push(w);
  return w;
}

describe('enqueueBulk', () => {
  it('one job per distinct row, jobId = row key; enqueuing again adds nothing', async () => {
    const { queue, dispose } = await freshQueue();
    try {
      const rows = [...panRows(30), { pan: panAt(3).toLowerCase() }, { pan: 'nope' }];
      const first = await enqueueBulk(queue, { operation: 'verify.pan', rows, batchSize: 7 });
      expect(first).toEqual({ rows: 32, jobs: 31, duplicates: 1, invalid: 1 });
      const again = await enqueueBulk(queue, { operation: 'verify.pan', rows });
      expect(again.jobs).toBe(31);
      expect(await queue.count()).toBe(31);
      const job = await queue.getJob(rowKey('verify.pan', { pan: panAt(5) }));
      expect(job?.data).toEqual({ operation: 'verify.pan', index: 5, input: { pan: panAt(5) } });
      // An invalid row's raw values are not stored in Redis.
      const invalid = (await queue.getWaiting(0, 100)).find((j) => j.data.invalid);
      expect(invalid?.data).toMatchObject({
        index: 31,
        invalid: { name: 'InputValidationError', field: 'pan' },
      });
      expect(JSON.stringify(invalid?.data)).not.toContain('nope');
      expect(sb.requests).toHaveLength(0);
    } finally {
      await dispose();
    }
  });
});

describe('runBulkWorker + bulkResults', () => {
  it('every status means what it says; bulkResults ends when all jobs are final; results go to JSONL', async () => {
    const { queue, name, dispose } = await freshQueue();
    try {
      const rows = [
        { pan: panAt(100) },
        { pan: 'ABCDE1234' },
        { pan: MAGIC.pan.unavailable },
        { pan: MAGIC.pan.rate_limited },
        { pan: MAGIC.pan.invalid },
      ];
      await enqueueBulk(queue, { operation: 'verify.pan', rows });
      worker(name, { retries: 1 });
      const out = tmp.file('results.jsonl');
      const counts = await collectBulkResults(queue, out, { pollMs: 100 });
      expect(counts).toEqual({ ok: 2, invalid: 1, failed: 1, unknown: 1 });
      const results = readJsonl<BulkResult>(out).sort((a, b) => a.index - b.index);
      expect(results.map((r) => [r.index, r.status])).toEqual([
        [0, 'ok'],
        [1, 'invalid'],
        [2, 'unknown'],
        [3, 'failed'],
        [4, 'ok'],
      ]);
      expect(results[0]!.key).toBe(rowKey('verify.pan', { pan: panAt(100) }));
      expect(results[3]!.error).toMatchObject({ name: 'RateLimitError', status: 429 });
      const sent = sentPans();
      expect(sent.filter((p) => p === MAGIC.pan.unavailable)).toHaveLength(1);
      expect(sent.filter((p) => p === MAGIC.pan.rate_limited)).toHaveLength(2);
      expect(sent).not.toContain('ABCDE1234');
      // Results are read, not consumed: a second reader sees the same, and re-enqueuing sends nothing.
      expect(await collect(bulkResults(queue, { pollMs: 100 }))).toHaveLength(5);
      await enqueueBulk(queue, { operation: 'verify.pan', rows });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sb.requests.length).toBe(sent.length);
    } finally {
      await dispose();
    }
  });

  it('a worker given the wrong client fails its jobs as failed (not unknown): nothing was sent', async () => {
    const { queue, name, dispose } = await freshQueue();
    try {
      await enqueueBulk(queue, { operation: 'veri5.verifyGstin', rows: [{ gstin: MAGIC.gstin.valid }] });
      worker(name); // a VistarkriyaClient, where veri5.* needs a Veri5Client
      const [result] = await collect(bulkResults(queue, { pollMs: 100 }));
      expect(result).toMatchObject({ index: 0, status: 'failed', error: { name: 'ConfigurationError' } });
      expect(sb.requests).toHaveLength(0);
    } finally {
      await dispose();
    }
  });

  it('a bad timeout is a ConfigurationError when the worker is created, not a failure per job', () => {
    expect(() => worker('unused', { timeout: 0 })).toThrow(
      new ConfigurationError('runBulkWorker: `timeout` must be a positive number; got 0 (number).'),
    );
    expect(workers).toHaveLength(0);
  });

  it('a worker whose client was closed fails its jobs at once as failed (not unknown): nothing was sent', async () => {
    const { queue, name, dispose } = await freshQueue();
    const closed = new VistarkriyaClient(sb.clientOptions);
    await closed.close();
    try {
      await enqueueBulk(queue, { operation: 'verify.pan', rows: [{ pan: panAt(160) }] });
      const t0 = Date.now();
      worker(name, { client: closed });
      const [result] = await collect(bulkResults(queue, { pollMs: 100 }));
      expect(result).toMatchObject({ index: 0, status: 'failed', error: { name: 'ClientClosedError' } });
      // No backoff and retries against a client that can never send again.
      expect(Date.now() - t0).toBeLessThan(900);
      expect(sb.requests).toHaveLength(0);
    } finally {
      await dispose();
    }
  });

  it('close() cuts a retry backoff short; the job, not sent again, goes back to the queue and the next worker sends it', async () => {
    const { queue, name, dispose } = await freshQueue();
    const refused = await refusedClient();
    try {
      await enqueueBulk(queue, { operation: 'verify.pan', rows: [{ pan: panAt(170) }] });
      const first = worker(name, { client: refused, retries: 3 });
      while ((await queue.getJobCounts('active')).active === 0)
        await new Promise((resolve) => setTimeout(resolve, 20));
      // In its first or second backoff: at least 2 s of backoff are left (the old worker waited them out).
      await new Promise((resolve) => setTimeout(resolve, 600));
      const t0 = Date.now();
      await first.close();
      expect(Date.now() - t0).toBeLessThan(1000);
      // Neither completed nor failed: delayed for the rest of its backoff, no attempt used.
      const job = (await queue.getJob(rowKey('verify.pan', { pan: panAt(170) })))!;
      expect(await job.getState()).toBe('delayed');
      expect(job.attemptsMade).toBe(0);
      // The re-sends it already spent go with it (the first or second was being waited for).
      expect([1, 2]).toContain(job.data.retriesUsed);
      expect(await queue.getJobCounts('completed', 'failed')).toEqual({ completed: 0, failed: 0 });
      // The next worker sends it (once) and it ends ok, as if the first worker had never had it.
      worker(name);
      const [result] = await collect(bulkResults(queue, { pollMs: 100 }));
      expect(result).toMatchObject({ index: 0, status: 'ok' });
      expect(sentPans()).toEqual([panAt(170)]);
    } finally {
      await refused.close();
      await dispose();
    }
  });

  it('a job put back by a closing worker keeps the re-sends it spent: the next worker does not start over', async () => {
    const { queue, name, dispose } = await freshQueue();
    const refused = await refusedClient();
    try {
      await enqueueBulk(queue, { operation: 'verify.pan', rows: [{ pan: panAt(171) }] });
      const job = (await queue.getJob(rowKey('verify.pan', { pan: panAt(171) })))!;
      await job.updateData({ ...job.data, retriesUsed: 3 });
      const t0 = Date.now();
      worker(name, { client: refused, retries: 3 });
      const [result] = await collect(bulkResults(queue, { pollMs: 50 }));
      // Its last re-send, then failed: no fresh round of 0.5 s + 1 s + 2 s backoffs.
      expect(result).toMatchObject({ index: 0, status: 'failed', error: { name: 'APIConnectionError' } });
      expect(Date.now() - t0).toBeLessThan(1500);
    } finally {
      await refused.close();
      await dispose();
    }
  });

  it('a job BullMQ failed (it stalled twice) is reported unknown for a billable operation, with the reason', async () => {
    const { queue, name, dispose } = await freshQueue();
    const manual = new Worker(name, null, { connection: connection(), autorun: false });
    try {
      await enqueueBulk(queue, { operation: 'verify.pan', rows: [{ pan: panAt(150) }] });
      const job = (await manual.getNextJob('token-1'))!;
      await job.moveToFailed(new Error('job stalled more than allowable limit'), 'token-1');
      const [result] = await collect(bulkResults(queue, { pollMs: 100 }));
      expect(result).toMatchObject({
        index: 0,
        key: rowKey('verify.pan', { pan: panAt(150) }),
        status: 'unknown',
      });
      expect(result!.error?.message).toContain('job stalled more than allowable limit');
      expect(result!.error?.message).toContain('may have been sent');
    } finally {
      await manual.close();
      await dispose();
    }
  });

  it('a 429 rate-limits the whole queue (every worker) for its Retry-After', async () => {
    const { queue, name, dispose } = await freshQueue();
    try {
      const rows: Array<{ pan: string }> = panRows(50, 200);
      rows.splice(10, 0, { pan: MAGIC.pan.rate_limited_once });
      await enqueueBulk(queue, { operation: 'verify.pan', rows });
      worker(name, { concurrency: 2 });
      worker(name, { concurrency: 2 });
      const results = await collect(bulkResults(queue, { pollMs: 100 }));
      expect(results).toHaveLength(51);
      expect(results.every((r) => r.status === 'ok')).toBe(true);
      const t429 = sb.requests.find((r) => r.status === 429)!.receivedAt;
      expect(sb.requests.filter((r) => r.receivedAt > t429 + 150 && r.receivedAt < t429 + 950)).toEqual([]);
      expect(sb.requests.filter((r) => r.receivedAt >= t429 + 950).length).toBeGreaterThan(5);
      expect(new Set(sentPans()).size).toBe(51);
    } finally {
      await dispose();
    }
  });

  it('ratePerSecond is one budget for all workers (BullMQ global limiter)', async () => {
    const { queue, name, dispose } = await freshQueue();
    try {
      await enqueueBulk(queue, {
        operation: 'verify.pan',
        rows: panRows(40, 300),
      });
      worker(name, { concurrency: 8, ratePerSecond: 10 });
      worker(name, { concurrency: 8, ratePerSecond: 10 });
      const results = await collect(bulkResults(queue, { pollMs: 100 }));
      expect(results).toHaveLength(40);
      const times = sb.requests.map((r) => r.receivedAt).sort((a, b) => a - b);
      // 40 jobs at 10 per 1 s window: at least 4 windows, whatever the number of workers.
      expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2900);
      for (const t of times)
        expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(20);
    } finally {
      await dispose();
    }
  });
});

describe('two worker processes, one SIGKILLed mid-run', () => {
  function startWorker(queue: string): { child: ChildProcess; ready: Promise<void> } {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/redis/worker-process.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...sb.env,
        QUEUE: queue,
        REDIS_PORT: String(connection().port),
        CONCURRENCY: '4',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (c: Buffer) => {
        output += c.toString();
        if (output.includes('ready')) resolve();
      });
      child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
      child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${output}`)));
    });
    return { child, ready };
  }

  it('2,000 rows: every row ends exactly once as ok or unknown, and zero rows are sent twice', async () => {
    const { queue, name, dispose } = await freshQueue();
    const a = startWorker(name);
    const b = startWorker(name);
    try {
      await Promise.all([a.ready, b.ready]);
      const rows = panRows(2000, 10_000);
      await enqueueBulk(queue, { operation: 'verify.pan', rows });
      // Kill one worker mid-run, with calls in flight.
      for (;;) {
        const { completed = 0 } = await queue.getJobCounts('completed');
        if (completed >= 500) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      a.child.kill('SIGKILL');
      const results = await collect(bulkResults(queue, { pollMs: 200 }));

      expect(results).toHaveLength(2000);
      expect(results.map((r) => r.index).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 2000 }, (_, i) => i),
      );
      const unknown = results.filter((r) => r.status === 'unknown');
      const ok = results.filter((r) => r.status === 'ok');
      expect(ok.length + unknown.length).toBe(2000);
      // The killed worker had at most its 4 jobs in flight; the survivor ended them unknown.
      expect(unknown.length).toBeGreaterThan(0);
      expect(unknown.length).toBeLessThanOrEqual(4);
      for (const u of unknown) expect(u.error?.name).toBe('Interrupted');
      // The sandbox's log: zero rows sent twice; every ok row was sent, with its own PAN.
      const sent = sentPans();
      expect(sent.length - new Set(sent).size).toBe(0);
      for (const r of ok) expect((r.result as { pan: string }).pan).toBe(panAt(10_000 + r.index));
      const allowed = new Set(results.map((r) => panAt(10_000 + r.index)));
      expect(sent.every((p) => allowed.has(p))).toBe(true);
      expect(sent.length).toBeGreaterThanOrEqual(ok.length);
    } finally {
      a.child.kill('SIGKILL');
      b.child.kill('SIGTERM');
      await new Promise((resolve) =>
        b.child.exitCode !== null ? resolve(null) : b.child.once('exit', resolve),
      );
      await dispose();
    }
  });
});
