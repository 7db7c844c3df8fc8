// The demo's runner, separate from the example list so a test can feed it a failing example.
import type { Example } from '../examples/_harness.js';
import { startSandbox } from '../src/sandbox/index.js';

export interface DemoOptions {
  examples: readonly (readonly [name: string, run: Example])[];
  /** Print every line each example logged. */
  verbose?: boolean;
  /** Where the report goes (default console.log). */
  out?: (line: string) => void;
  color?: boolean;
  /** Per-example deadline in ms (default 30 000). */
  timeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts the sandbox in-process, points the environment at it (the examples read their
 * credentials from it, like user code), runs every example and prints one line each.
 * Returns the exit code: 0 when every example passed, 1 otherwise.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const out = options.out ?? ((line: string) => console.log(line));
  const paint = (code: number, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const { examples } = options;
  const sandbox = await startSandbox();
  const savedEnv = Object.fromEntries(Object.keys(sandbox.env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, sandbox.env);
  out(`vistarkriya demo: ${examples.length} examples against the local sandbox at ${sandbox.url}`);
  out(`(API key ${sandbox.credentials.platform.apiKey}; no account, no network)`);
  out('');
  const started = Date.now();
  let failed = 0;
  try {
    for (const [name, run] of examples) {
      const lines: string[] = [];
      const before = sandbox.requests.length;
      const t0 = Date.now();
      try {
        const summary = await withTimeout(
          run((line) => lines.push(line)),
          options.timeoutMs ?? 30_000,
        );
        const calls = sandbox.requests.length - before;
        out(
          `${paint(32, '✓')} ${name.padEnd(12)} ${String(calls).padStart(3)} calls ${String(Date.now() - t0).padStart(5)} ms  ${summary}`,
        );
        if (options.verbose) for (const line of lines) out(`      ${line}`);
      } catch (err) {
        failed++;
        out(
          `${paint(31, '✗')} ${name.padEnd(12)} FAILED: ${err instanceof Error ? err.message : String(err)}`,
        );
        for (const line of lines) out(`      ${line}`);
        if (err instanceof Error && err.stack) out(paint(2, err.stack.split('\n').slice(1, 6).join('\n')));
      }
    }
  } finally {
    await sandbox.close();
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const passed = examples.length - failed;
  const total = `${passed}/${examples.length} examples passed, ${sandbox.requests.length} requests, ${((Date.now() - started) / 1000).toFixed(1)} s`;
  out('');
  out(failed === 0 ? paint(32, total) : paint(31, `${total}; ${failed} FAILED`));
  return failed === 0 ? 0 : 1;
}
