// The `--out` file of `vistarkriya bulk`: one JSON line per input row, appended to across an
// interrupted run and its resume. Before a run it is repaired (a torn last line from a killed
// process is cut) and read for the rows it already holds, which are not written again.
import { once } from 'node:events';
import { type WriteStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { readLines, repairJsonlTail } from '../bulk/jsonl.js';
import { ByteColumn } from '../bulk/tables.js';
import type { BulkResult } from '../bulk/types.js';

/**
 * Repairs `path` and returns the row indexes it holds. With `dropUnknown` (a `--retry-unknown`
 * run, which sends those rows again) the `unknown` lines are removed first, so that each row's
 * new outcome is its only line.
 */
export async function prepareOut(path: string, dropUnknown: boolean): Promise<ByteColumn> {
  await repairJsonlTail(path);
  const held = new ByteColumn();
  if (dropUnknown) await rewriteWithout(path, (r) => r.status === 'unknown', held);
  else for await (const line of readLines(path)) held.set((JSON.parse(line) as BulkResult).index, 1);
  return held;
}

/** Rewrites `path` without the lines `drop` picks (in one read), marking the rows kept in `held`. */
async function rewriteWithout(
  path: string,
  drop: (r: BulkResult) => boolean,
  held: ByteColumn,
): Promise<void> {
  const temp = `${path}.rewrite`;
  const out = createWriteStream(temp);
  let dropped = 0;
  for await (const line of readLines(path)) {
    const result = JSON.parse(line) as BulkResult;
    if (drop(result)) dropped++;
    else {
      held.set(result.index, 1);
      await writeLine(out, line);
    }
  }
  out.end();
  await once(out, 'finish');
  if (dropped > 0) await rename(temp, path);
  else await rm(temp, { force: true });
}

/** Writes one line, waiting when the stream's buffer is full (bounded memory for millions of rows). */
export async function writeLine(out: WriteStream, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/** A result as an out line: the row's outcome, without the run-specific `resumed` flag. */
export function outLine(result: BulkResult): string {
  const { resumed: _resumed, ...row } = result;
  return JSON.stringify(row);
}
