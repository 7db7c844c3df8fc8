// `durable`: a row's write-ahead checkpoint line is on disk (written, then fdatasync'd) before the
// row goes on the wire, so a power cut cannot make a resumed run send it twice. The file system
// calls and the sends are recorded in one journal, in the order they happen.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Event = { kind: 'write'; text: string } | { kind: 'sync' } | { kind: 'send'; pan: string };
const journal: Event[] = [];

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, data: string | Uint8Array, ...rest: never[]) => {
    journal.push({ kind: 'write', text: typeof data === 'string' ? data : Buffer.from(data).toString() });
    return (fs.writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
  }) as typeof fs.writeSync;
  const fdatasyncSync = (fd: number) => {
    journal.push({ kind: 'sync' });
    fs.fdatasyncSync(fd);
  };
  return { ...fs, default: { ...fs, writeSync, fdatasyncSync }, writeSync, fdatasyncSync };
});

const { runBulk } = await import('../src/bulk/index.js');
const { ConfigurationError, VistarkriyaClient } = await import('../src/index.js');
const { startSandbox } = await import('../src/sandbox/index.js');
const { runCli } = await import('../src/cli/main.js');
const { collect, panRows, readJsonl, tempDir } = await import('./helpers/bulk.js');

let sb: Awaited<ReturnType<typeof startSandbox>>;
let vk: InstanceType<typeof VistarkriyaClient>;
let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  sb = await startSandbox();
  // Every send is journalled when it leaves the client.
  const fetch: typeof globalThis.fetch = async (input, init) => {
    journal.push({ kind: 'send', pan: (JSON.parse(String(init?.body)) as { pan: string }).pan });
    return globalThis.fetch(input, init);
  };
  vk = new VistarkriyaClient({ ...sb.clientOptions, fetch });
  tmp = tempDir();
});
afterAll(async () => {
  await vk.close();
  await sb.close();
  tmp.remove();
});

/** For each send: was its row's `sending` line written, and then synced, before it? */
function sentAfterDisk(events: Event[]): Array<{ pan: string; written: boolean; synced: boolean }> {
  return events.flatMap((e, i) => {
    if (e.kind !== 'send') return [];
    const before = events.slice(0, i);
    const line = indexOfPan(e.pan);
    let at = before.length - 1;
    while (at >= 0 && !isSendingWrite(before[at]!, line)) at--;
    return [
      { pan: e.pan, written: at >= 0, synced: at >= 0 && before.slice(at).some((s) => s.kind === 'sync') },
    ];
  });
}
const isSendingWrite = (e: Event, line: string) =>
  e.kind === 'write' && e.text.includes('"sending":true') && e.text.includes(line);
const rows = panRows(24);
const indexOfPan = (pan: string) => `"index":${rows.findIndex((r) => r.pan === pan)},`;

describe('runBulk: durable', () => {
  it('syncs each row’s write-ahead line to disk before the row is sent, grouping rows into one fdatasync', async () => {
    journal.length = 0;
    const checkpoint = tmp.file('durable.jsonl');
    const results = await collect(
      runBulk({ client: vk, operation: 'verify.pan', rows, concurrency: 8, checkpoint, durable: true }),
    );
    expect(results.map((r) => r.status)).toEqual(rows.map(() => 'ok'));
    const order = sentAfterDisk(journal);
    expect(order).toHaveLength(rows.length);
    expect(order.filter((o) => !o.written || !o.synced)).toEqual([]);
    // Group commit: fewer syncs than rows (8 rows start in the same turn of the event loop).
    const syncs = journal.filter((e) => e.kind === 'sync').length;
    expect(syncs).toBeGreaterThan(0);
    expect(syncs).toBeLessThan(rows.length);
    expect(readJsonl(checkpoint).filter((l) => l.sending === true)).toHaveLength(rows.length);
  });

  it('without durable, writes the same lines and never calls fdatasync', async () => {
    journal.length = 0;
    const checkpoint = tmp.file('plain.jsonl');
    await collect(runBulk({ client: vk, operation: 'verify.pan', rows, concurrency: 8, checkpoint }));
    expect(journal.filter((e) => e.kind === 'sync')).toEqual([]);
    expect(sentAfterDisk(journal).every((o) => o.written)).toBe(true);
  });

  it('refuses durable without a checkpoint, or not a boolean, before anything is sent', async () => {
    journal.length = 0;
    const run = (options: Record<string, unknown>) =>
      collect(runBulk({ client: vk, operation: 'verify.pan', rows, ...options }));
    await expect(run({ durable: true })).rejects.toThrow(ConfigurationError);
    await expect(run({ durable: true })).rejects.toThrow(/pass a `checkpoint`/);
    await expect(run({ durable: 'yes', checkpoint: tmp.file('x.jsonl') })).rejects.toThrow(
      /`durable` must be true or false/,
    );
    expect(journal.filter((e) => e.kind === 'send')).toEqual([]);
  });

  it('vistarkriya bulk --durable syncs before sending too', async () => {
    const input = tmp.file('cli.jsonl');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(input, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const run = async (out: string, extra: string[] = []) => {
      journal.length = 0;
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), env: sb.env };
      const code = await runCli(['bulk', 'verify.pan', '--in', input, '--out', out, ...extra], io);
      return { code, syncs: journal.filter((e) => e.kind === 'sync').length, lines };
    };
    const plain = await run(tmp.file('cli-out.jsonl'));
    expect(plain.code).toBe(0);
    expect(plain.syncs).toBe(0);
    const durable = await run(tmp.file('cli-durable-out.jsonl'), ['--durable']);
    expect(durable.code, durable.lines.join('\n')).toBe(0);
    // The CLI's own client sends through undici, not the journalled fetch: only the syncs count here.
    expect(durable.syncs).toBeGreaterThan(0);
  });
});
