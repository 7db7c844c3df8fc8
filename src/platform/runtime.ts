/** Small runtime facts, safe to call in every runtime (no `process` assumed). */

/** Environment variables by name, as `process.env` holds them. */
export type EnvVars = Record<string, string | undefined>;

/**
 * An environment variable, or undefined when it is unset, empty, or cannot be read: Deno without
 * `--allow-env` throws `NotCapable` (`PermissionDenied` before Deno 2) on the read, and a runtime
 * that forbids it is treated as having none. Callers read it only when the option is not given.
 * `env` is read instead of the process's environment when given (the CLI's own).
 */
export function readEnv(name: string, env?: EnvVars): string | undefined {
  let value: string | undefined;
  try {
    value = (env ?? (globalThis as { process?: { env?: EnvVars } }).process?.env)?.[name];
  } catch {
    return undefined;
  }
  return value === undefined || value === '' ? undefined : value;
}

/** True in a real browser page (not in Node, Deno, workers or edge runtimes). */
export function isBrowser(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window !== 'undefined' && typeof g.document !== 'undefined';
}
