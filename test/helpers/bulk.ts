// Shared by the bulk tests: distinct valid PANs (none of them a sandbox magic value), temporary
// directories, and reading JSON Lines files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isValidPan } from '../../src/validators/index.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The i-th of 6.7 million distinct, valid, non-magic PANs (`AAAP` + letter + 4 digits + letter). */
export function panAt(i: number): string {
  const pan = `AAAP${LETTERS[Math.floor(i / 260_000) % 26]}${String(Math.floor(i / 26) % 10_000).padStart(4, '0')}${LETTERS[i % 26]}`;
  if (!isValidPan(pan)) throw new Error(`not a PAN: ${pan}`);
  return pan;
}

/** `{ pan }` rows with the PANs `from`..`from + n - 1`. */
export function panRows(n: number, from = 0): Array<{ pan: string }> {
  return Array.from({ length: n }, (_, i) => ({ pan: panAt(from + i) }));
}

/** A fresh temporary directory and its cleanup. */
export function tempDir(prefix = 'vk-bulk-'): {
  dir: string;
  file: (name: string) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    file: (name) => path.join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The parsed lines of a JSON Lines file. */
export function readJsonl<T = Record<string, unknown>>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Collects an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
