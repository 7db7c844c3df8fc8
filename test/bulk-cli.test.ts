// `vistarkriya bulk`: a 2,000-row CSV through the bin (a separate process) against the sandbox,
// SIGKILLed mid-run and resumed (every row once in --out, no request sent twice), Ctrl-C that
// stops cleanly, and in-process runs for the progress output, exit codes and usage errors.
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BulkResult } from '../src/bulk/index.js';
import type { CliIO } from '../src/cli/io.js';
import { runCli } from '../src/cli/main.js';
import { MAGIC, type Sandbox, startSandbox } from '../src/sandbox/index.js';
import { panAt, readJsonl, tempDir } from './helpers/bulk.js';
import { ROOT, binCommand } from './helpers/cli-bin.js';

let sb: Sandbox;
let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  // 15 ms per answer: a 2,000-row run at concurrency 8 lasts a few seconds, long enough to kill.
  sb = await startSandbox({ latencyMs: 15 });
  tmp = tempDir();
});
afterAll(async () => {
  await sb.close();
  tmp.remove();
});
afterEach(() => {
  sb.requests.length = 0;
});

/** A CSV as spreadsheets write it: a BOM, CRLF line ends, quoted names with commas and quotes. */
function writeCsv(file: string, n: number): void {
  let text = '\ufeffpan,name\r\n';
  for (let i = 0; i < n; i++) text += `${panAt(i)},"Kumar, ""Ravi"" ${i}"\r\n`;
  writeFileSync(file, text);
}

const BIN = binCommand();

function startBulk(args: string[]): {
  child: ChildProcess;
  exit: Promise<number | null>;
  output: () => string;
} {
  let output = '';
  const child = spawn(process.execPath, [...BIN.args, 'bulk', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...sb.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exit, output: () => output };
}

function lineCount(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0;
}

async function waitFor(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sentPans = () => sb.requests.map((r) => (JSON.parse(r.body) as { pan: string }).pan);

function expectEveryRowOnce(out: string, n: number): BulkResult[] {
  const lines = readJsonl<BulkResult>(out);
  expect(lines).toHaveLength(n);
  expect(lines.map((l) => l.index).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  return lines;
}

describe(`vistarkriya bulk as a process (${BIN.built ? 'built dist/cli.js' : 'src/cli.ts through tsx: dist is stale or absent'})`, () => {
  it('SIGKILLed mid-run and resumed: every row once in --out, no request sent twice', async () => {
    const input = tmp.file('book.csv');
    const out = tmp.file('killed.jsonl');
    writeCsv(input, 2000);
    const args = ['verify.pan', '--in', input, '--out', out, '--concurrency', '8'];

    const first = startBulk(args);
    await waitFor(() => lineCount(out) >= 400, '400 result lines');
    first.child.kill('SIGKILL');
    expect(await first.exit).toBe(null);
    const sentBeforeKill = sb.requests.length;
    expect(sentBeforeKill).toBeLessThan(2000);
    // As if the kill had landed in the middle of a write.
    appendFileSync(out, '{"index":1999,"key":"xx","sta');

    const second = startBulk(args);
    const code = await second.exit;
    const lines = expectEveryRowOnce(out, 2000);
    // Rows in flight at the kill (8 slots), or answered with their outcome line not yet written,
    // come back unknown (exit code 3); all others are ok.
    const unknown = lines.filter((l) => l.status === 'unknown');
    expect(lines.filter((l) => l.status === 'ok').length + unknown.length).toBe(2000);
    expect(unknown.length).toBeLessThanOrEqual(16);
    for (const u of unknown) expect(u.error?.name).toBe('Interrupted');
    expect(code, second.output()).toBe(unknown.length > 0 ? 3 : 0);
    // The sandbox's log: no PAN twice, and every ok row was sent.
    const sent = sentPans();
    expect(new Set(sent).size).toBe(sent.length);
    const ok = lines.filter((l) => l.status === 'ok');
    for (const l of ok) expect((l.result as { pan: string }).pan).toBe(panAt(l.index));
    const sentSet = new Set(sent);
    expect(ok.every((l) => sentSet.has(panAt(l.index)))).toBe(true);
    // Anything else sent is a row reported unknown (sent by the killed run, answer lost).
    const allowed = new Set([...ok, ...unknown].map((l) => panAt(l.index)));
    expect(sent.filter((p) => !allowed.has(p))).toEqual([]);
    // The summary counts what this run sent apart from what the killed run had done.
    const summary = /Done: 2,000 rows, ([\d,]+) sent in .*\(([\d,]+) from an earlier run\)/.exec(
      second.output(),
    );
    expect(summary, second.output()).not.toBeNull();
    const num = (s: string) => Number(s.replaceAll(',', ''));
    expect(num(summary![1]!) + num(summary![2]!)).toBe(2000);
  }, 90_000);

  it('Ctrl-C stops cleanly (calls in flight finish, checkpoint flushed, exit 130); the same command resumes', async () => {
    const input = tmp.file('book-int.csv');
    const out = tmp.file('interrupted.jsonl');
    writeCsv(input, 1200);
    const args = [
      'verify.pan',
      '--in',
      input,
      '--out',
      out,
      '--concurrency',
      '6',
      '--progress-interval',
      '0.2',
    ];
    const first = startBulk(args);
    await waitFor(() => lineCount(out) >= 200, '200 result lines');
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(130);
    expect(first.output()).toContain('Stopping: calls in flight finish');
    expect(first.output()).toContain('Run the same command again to resume.');
    expect(first.output()).toMatch(
      /bulk: [\d,]+\/1,200 rows \([\d.]+%\), [\d,]+ rows\/s, ETA [\d:?]+; ok [\d,]+, invalid 0/,
    );
    // Every call that was sent has its line: nothing was left in flight.
    const written = readJsonl<BulkResult>(out);
    expect(written.every((l) => l.status === 'ok')).toBe(true);
    expect(written).toHaveLength(sb.requests.length);

    const second = startBulk(args);
    expect(await second.exit).toBe(0);
    const lines = expectEveryRowOnce(out, 1200);
    expect(lines.every((l) => l.status === 'ok')).toBe(true);
    expect(new Set(sentPans()).size).toBe(1200);
    expect(sb.requests).toHaveLength(1200);
  }, 90_000);
});

function capture(progressTTY?: boolean): CliIO & { stdout: string[]; stderr: string[]; raw: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const raw: string[] = [];
  return {
    stdout,
    stderr,
    raw,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    env: sb.env,
    ...(progressTTY === undefined
      ? {}
      : { progress: { write: (t: string) => raw.push(t), isTTY: progressTTY } }),
  };
}

describe('vistarkriya bulk in-process', () => {
  it('JSON Lines in, a progress bar on a terminal, exit 1 for invalid rows, duplicates sent once', async () => {
    const input = tmp.file('rows.jsonl');
    const out = tmp.file('rows-out.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ pan: panAt(7000), name: 'Asha Verma' }),
        '',
        '{"pan": "not json',
        JSON.stringify({ pan: panAt(7000).toLowerCase(), name: 'Asha Verma' }),
        JSON.stringify({ pan: 'ABCDE1234' }),
      ].join('\n'),
    );
    const io = capture(true);
    const code = await runCli(['bulk', 'verify.pan', '--in', input, '--out', out], io);
    expect(code).toBe(1);
    const lines = readJsonl<BulkResult>(out).sort((a, b) => a.index - b.index);
    expect(lines.map((l) => [l.index, l.status, l.duplicateOf])).toEqual([
      [0, 'ok', undefined],
      [1, 'invalid', undefined],
      [2, 'ok', 0],
      [3, 'invalid', undefined],
    ]);
    expect(lines.every((l) => !('resumed' in l))).toBe(true);
    expect(sb.requests).toHaveLength(1);
    const bar = io.raw.join('');
    expect(bar).toContain('\r\x1b[2K[');
    expect(bar).toMatch(
      /\] 4\/4 100\.0% · [\d,]+ rows\/s · ETA [\d:?]+ · ok 2, invalid 2, failed 0, unknown 0/,
    );
    expect(bar.endsWith('\n')).toBe(true);
    expect(io.stdout[0]).toMatch(
      /^Done: 4 rows in 0:0\d \([\d,]+ rows\/s\): ok 2, invalid 2, failed 0, unknown 0 \(1 duplicates\)\.$/,
    );
    expect(JSON.stringify([io.stdout, io.stderr, io.raw])).not.toContain('sandbox_secret');
  });

  it('exit 3 for unknown rows; --retry-unknown sends them again and keeps one line per row', async () => {
    const input = tmp.file('unknown.csv');
    const out = tmp.file('unknown-out.jsonl');
    writeFileSync(input, `pan\n${MAGIC.pan.unavailable}\n${panAt(7100)}\n`);
    const io = capture(false);
    expect(await runCli(['bulk', 'verify.pan', '--in', input, '--out', out], io)).toBe(3);
    expect(io.stdout.join('\n')).toContain('1 rows have an unknown outcome');
    // Plain progress lines when stderr is not a terminal.
    expect(io.raw.join('')).toMatch(/^bulk: 2\/2 rows \(100\.0%\)/m);
    expect(await runCli(['bulk', 'verify.pan', '--in', input, '--out', out], capture(false))).toBe(3);
    expect(sb.requests).toHaveLength(2);
    expect(
      await runCli(['bulk', 'verify.pan', '--in', input, '--out', out, '--retry-unknown'], capture(false)),
    ).toBe(3);
    expect(sentPans()).toEqual([MAGIC.pan.unavailable, panAt(7100), MAGIC.pan.unavailable]);
    expectEveryRowOnce(out, 2);
  });

  it('usage errors exit 2 before anything is sent', async () => {
    const input = tmp.file('u.csv');
    writeFileSync(input, `pan\n${panAt(7200)}\n`);
    const orphan = tmp.file('orphan.jsonl');
    writeFileSync(orphan, '{"index":0,"key":"k","status":"ok"}\n');
    const cases: Array<[string[], RegExp]> = [
      [['bulk', 'verify.pan', '--out', tmp.file('x.jsonl')], /needs --in and --out/],
      [
        ['bulk', 'verify.pan', '--in', tmp.file('rows.txt'), '--out', tmp.file('x.jsonl')],
        /\.csv or a \.jsonl/,
      ],
      [
        ['bulk', 'verify.pan', '--in', input, '--out', tmp.file('x.jsonl'), '--concurrency', '0'],
        /positive integer/,
      ],
      [['bulk', 'verify.pan', '--in', input, '--out', orphan], /checkpoint .* is missing/],
      [['bulk', 'verify.pam', '--in', input, '--out', tmp.file('y.jsonl')], /Unknown operation "verify.pam"/],
    ];
    for (const [args, message] of cases) {
      const io = capture(false);
      expect(await runCli(args, io), args.join(' ')).toBe(2);
      expect(io.stderr.join('\n')).toMatch(message);
    }
    expect(sb.requests).toHaveLength(0);
    const help = capture();
    expect(await runCli(['bulk', '--help'], help)).toBe(0);
    expect(help.stdout[0]).toContain(
      'vistarkriya bulk <operation> --in rows.csv|rows.jsonl --out results.jsonl',
    );
  });
});
