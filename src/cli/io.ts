// Output helpers for the CLI: everything goes through these so tests can capture it.

/** Where the CLI writes; `process.stdout` / `process.stderr` by default. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
}

export const processIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

/** Thrown for a usage mistake: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
