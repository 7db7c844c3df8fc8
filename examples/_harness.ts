// Shared by the examples: run one standalone (`npx tsx examples/wallet.ts`), or from the demo.
import { pathToFileURL } from 'node:url';
import { startSandbox } from 'vistarkriya/sandbox';

/** Where an example writes what it did, one line at a time. */
export type Log = (line: string) => void;

/** An example: does its calls, logs them, throws if anything is not as expected, returns a summary. */
export type Example = (log: Log) => Promise<string>;

/** Throws when an example's expectation fails (the demo then reports the example as failed). */
export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`expectation failed: ${message}`);
}

/** `₹15,420.50` */
export function inr(amount: unknown): string {
  return `₹${Number(amount).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * Runs `example` when its file is the entry point. Without `VISTARKRIYA_BASE_URL` in the
 * environment it starts a local sandbox first, so every example works with no account.
 */
export async function runIfMain(meta: ImportMeta, example: Example): Promise<void> {
  const entry = process.argv[1];
  if (!entry || pathToFileURL(entry).href !== meta.url) return;
  const sandbox = process.env.VISTARKRIYA_BASE_URL ? undefined : await startSandbox();
  if (sandbox) Object.assign(process.env, sandbox.env);
  try {
    const summary = await example((line) => console.log(`  ${line}`));
    console.log(`ok: ${summary}`);
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    await sandbox?.close();
  }
}
