// `vistarkriya bulk`: runBulk over a CSV or JSON Lines file, results to a JSON Lines file, a
// checkpoint beside it, progress on stderr, and Ctrl-C that stops cleanly.
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { runBulk } from '../bulk/runner.js';
import type { BulkCounts, BulkProgress } from '../bulk/types.js';
import { ConfigurationError } from '../core/errors.js';
import { countRows, readRows, rowFormat } from './bulk-input.js';
import { outLine, prepareOut, writeLine } from './bulk-out.js';
import { clientFromEnv } from './clients.js';
import { type CliIO, UsageError } from './io.js';
import { ProgressView, formatDuration } from './progress.js';

export const BULK_HELP = `Usage: vistarkriya bulk <operation> --in rows.csv|rows.jsonl --out results.jsonl
         [--concurrency N] [--rate R] [--checkpoint F] [--durable] [--retry-unknown]

Runs one operation for every row of a file, with one rate budget for the whole run, and writes one
JSON line per row to --out: {"index":0,"key":"…","status":"ok","result":{…}}. index is the row's
0-based position in --in; status is one of
  ok        the API answered (result holds the answer; a name mismatch is an answer too)
  invalid   rejected by input validation: never sent, not billed
  failed    a definite API error, or a failure the server provably did not act on
  unknown   a billable call whose outcome is unknown (it may have been billed): reconcile it
A row repeating an earlier one (same operation and normalised input) is sent once: its line has
"duplicateOf": <index of the first>.

  <operation>      verify.pan, verify.gst, verify.bank, verify.aadhaar, ... or veri5.verifyPan,
                   veri5.verifyGstin, veri5.verifyBankAccount, ... (vistarkriya call --list)
  --in FILE        .csv (a header row names the fields, e.g. pan,name) or .jsonl (one object a line).
                   CSV cells are strings; empty cells are left out; true/false become booleans.
  --out FILE       Results, appended to when a run is resumed.
  --concurrency N  Calls in flight at once. Default 8.
  --rate R         At most R rows per second for the whole run. Default: no limit; a 429 always
                   pauses the whole run for its Retry-After and lowers the rate.
  --checkpoint F   The resume log. Default: <out>.checkpoint. Run the same command again to resume:
                   rows already done are skipped, and a row that was in flight when the process
                   died is reported unknown (not sent again).
  --durable        Flush each row's checkpoint line to disk (fdatasync) before sending it, so that
                   even a power cut cannot make a resumed run send a row twice. Without it the
                   line survives the process being killed, not the machine going down.
  --retry-unknown  Send the rows whose outcome is unknown again (only after you reconciled them).
  --base-url URL   Default: VISTARKRIYA_BASE_URL (VERI5_BASE_URL for veri5.*).
  --progress-interval S  Seconds between progress lines when stderr is not a terminal. Default 5.
  --help, -h       This help

Ctrl-C stops cleanly: no new row is sent, calls in flight finish, the checkpoint is flushed. A second
Ctrl-C quits at once (rows in flight then come back as unknown on resume).

Exit code: 0 every row ok; 1 some rows failed or invalid; 3 some rows unknown (reconcile before
--retry-unknown); 2 usage error; 130 stopped before the end (run the same command to resume).

Environment: as for vistarkriya call (VISTARKRIYA_* or, for veri5.*, VERI5_*).`;

const EXIT = { ok: 0, failed: 1, usage: 2, unknown: 3, interrupted: 130 } as const;

function positiveNumber(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new UsageError(`${name} must be a positive ${integer ? 'integer' : 'number'}, not "${value}".`);
  return n;
}

/** `vistarkriya bulk`: returns the exit code. */
export async function bulkCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      in: { type: 'string' },
      out: { type: 'string' },
      concurrency: { type: 'string' },
      rate: { type: 'string' },
      checkpoint: { type: 'string' },
      'retry-unknown': { type: 'boolean' },
      durable: { type: 'boolean' },
      'base-url': { type: 'string' },
      'progress-interval': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.out(BULK_HELP);
    return EXIT.ok;
  }
  const [operation, ...extra] = positionals;
  if (!operation)
    throw new UsageError('bulk needs an operation, e.g. vistarkriya bulk verify.pan (see --help).');
  if (extra.length > 0) throw new UsageError(`bulk takes one operation, not "${extra.join(' ')}".`);
  if (!values.in || !values.out) throw new UsageError('bulk needs --in and --out (see --help).');
  const input = values.in;
  const out = values.out;
  const format = rowFormat(input);
  if (!existsSync(input)) throw new UsageError(`--in ${input} does not exist.`);
  const concurrency = positiveNumber('--concurrency', values.concurrency, true); // undefined: runBulk's default
  const rate = positiveNumber('--rate', values.rate, false);
  const plainEvery = (positiveNumber('--progress-interval', values['progress-interval'], false) ?? 5) * 1000;
  const checkpoint = values.checkpoint ?? `${out}.checkpoint`;
  const retryUnknown = values['retry-unknown'] === true;
  // Results without their checkpoint cannot tell which rows were sent: re-running would bill twice.
  if (existsSync(out) && statSync(out).size > 0 && !existsSync(checkpoint))
    throw new UsageError(
      `${out} already holds results but its checkpoint ${checkpoint} is missing: pass a new --out, or the --checkpoint of that run.`,
    );

  const { client } = clientFromEnv(operation, io.env, values['base-url']);
  const stop = new AbortController();
  const view = new ProgressView(
    io.progress ?? { write: (t) => io.err(t.replace(/\n$/, '')), isTTY: false },
    plainEvery,
  );
  countRows(input, format).then(
    (n) => {
      view.total = n;
    },
    () => {},
  );
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(EXIT.interrupted);
    stop.abort();
    io.err('\nStopping: calls in flight finish and the checkpoint is flushed (Ctrl-C again to quit now).');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let last: BulkProgress | undefined;
  const started = performance.now();
  try {
    const held = await prepareOut(out, retryUnknown);
    const sink = createWriteStream(out, { flags: 'a' });
    try {
      for await (const result of runBulk({
        client,
        operation,
        rows: readRows(input, format),
        concurrency,
        ratePerSecond: rate,
        checkpoint,
        durable: values.durable === true,
        retryUnknown,
        signal: stop.signal,
        onProgress: (p) => {
          last = p;
          view.update(p);
        },
      })) {
        if (held.get(result.index) === 0) await writeLine(sink, outLine(result));
      }
    } finally {
      sink.end();
      await once(sink, 'finish');
    }
  } catch (err) {
    if (err instanceof ConfigurationError) throw new UsageError(err.message);
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    view.finish();
    await client.close();
  }
  const counts: BulkCounts = last?.counts ?? { ok: 0, invalid: 0, failed: 0, unknown: 0 };
  const done = last?.done ?? 0;
  const stopped = stop.signal.aborted && (view.total === undefined || done < view.total);
  summarize(io, {
    counts,
    done,
    resumed: last?.resumed ?? 0,
    duplicates: last?.duplicates ?? 0,
    seconds: (performance.now() - started) / 1000,
    out,
    checkpoint,
    stopped,
  });
  if (stopped) return EXIT.interrupted;
  if (counts.unknown > 0) return EXIT.unknown;
  return counts.failed > 0 || counts.invalid > 0 ? EXIT.failed : EXIT.ok;
}

interface Summary {
  counts: BulkCounts;
  done: number;
  resumed: number;
  duplicates: number;
  seconds: number;
  out: string;
  checkpoint: string;
  stopped: boolean;
}

function summarize(io: CliIO, s: Summary): void {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const sent = s.done - s.resumed;
  const extras = [
    s.resumed > 0 ? `${fmt(s.resumed)} from an earlier run` : '',
    s.duplicates > 0 ? `${fmt(s.duplicates)} duplicates` : '',
  ]
    .filter(Boolean)
    .join(', ');
  io.out(
    // The rate is of the rows this run sent: on a resume, most rows were done by an earlier run.
    `${s.stopped ? 'Stopped' : 'Done'}: ${fmt(s.done)} rows${s.resumed > 0 ? `, ${fmt(sent)} sent` : ''} in ${formatDuration(s.seconds)} (${fmt(Math.round(sent / Math.max(s.seconds, 0.001)))} rows/s)` +
      `: ok ${fmt(s.counts.ok)}, invalid ${fmt(s.counts.invalid)}, failed ${fmt(s.counts.failed)}, unknown ${fmt(s.counts.unknown)}` +
      (extras ? ` (${extras})` : '') +
      '.',
  );
  io.out(`Results: ${s.out} (checkpoint: ${s.checkpoint})`);
  if (s.stopped) io.out('Run the same command again to resume.');
  if (s.counts.unknown > 0)
    io.out(
      `${fmt(s.counts.unknown)} rows have an unknown outcome: they may have been carried out and billed. Reconcile them, then run again with --retry-unknown to send them.`,
    );
}
