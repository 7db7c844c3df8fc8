// Output helpers for the CLI: everything goes through these so tests can capture it.

/** Where the CLI writes; `process.stdout` / `process.stderr` by default. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  /** Raw progress output (a progress bar redraws in place on a terminal); default: `err` lines. */
  progress?: { write(text: string): void; isTTY: boolean };
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  progress: {
    write: (text) => process.stderr.write(text),
    get isTTY() {
      return process.stderr.isTTY === true;
    },
  },
};

/** Thrown for a usage mistake: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
