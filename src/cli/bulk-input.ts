// The rows of `vistarkriya bulk --in`: a CSV file (header row = field names) parsed by csv-parse,
// loaded only here so that `import 'vistarkriya'` never pays for it, or a JSON Lines file.
import { createReadStream } from 'node:fs';
import { readLines } from '../bulk/jsonl.js';
import { createRedactor } from '../core/redact.js';
import { UsageError } from './io.js';

export type RowFormat = 'csv' | 'jsonl';

/** The format of an input file, from its extension. */
export function rowFormat(path: string): RowFormat {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'jsonl';
  throw new UsageError(`--in must be a .csv or a .jsonl file, not ${path}.`);
}

/**
 * The rows of a file, streamed. CSV: one object per record, keyed by the header row (quoted
 * fields, a BOM and CRLF line ends are understood); an empty cell is left out and `true`/`false`
 * become booleans (Aadhaar consent); every other value stays a string, so an account number keeps
 * its leading zeros. JSON Lines: one value per non-blank line; a line that is not JSON is passed
 * on as text, which the operation rejects as `invalid` (a row, not the end of the run).
 */
export async function* readRows(path: string, format: RowFormat): AsyncGenerator<unknown> {
  if (format === 'jsonl') {
    for await (const line of readLines(path)) yield parseJsonLine(line);
    return;
  }
  for await (const record of csvRecords(path)) yield fromCsv(record);
}

/** How many rows `readRows` will yield (a separate pass, for the progress bar). */
export async function countRows(path: string, format: RowFormat): Promise<number> {
  let n = 0;
  for await (const _ of format === 'jsonl' ? readLines(path) : csvRecords(path)) n++;
  return n;
}

async function* csvRecords(path: string): AsyncGenerator<Record<string, string>> {
  const { parse } = await import('csv-parse');
  const parser = createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
  try {
    for await (const record of parser) yield record as Record<string, string>;
  } catch (err) {
    // The file's structure is broken (an unclosed quote, a short row): no row after it can be trusted.
    throw new UsageError(`${path}: ${maskNumbers(err instanceof Error ? err.message : String(err))}`);
  } finally {
    parser.destroy();
  }
}

/** A parse error may quote a field: mask identity numbers in it. */
const maskNumbers = createRedactor([]);

function fromCsv(record: Record<string, string>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    if (value === '') continue;
    row[field] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return row;
}

function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return line;
  }
}
