// Low-level errors (node:net, undici, a custom fetch) nest their code a few causes deep:
// `TypeError('fetch failed', { cause: Error { code: 'ECONNRESET' } })`. One walker reads them all.
import type { Redactor } from './redact.js';

// The nesting seen in practice is one or two levels; the walk stops at four regardless.
const MAX_DEPTH = 4;

/** The first string `code` on `err` or its causes (`ECONNRESET`, `UND_ERR_CONNECT_TIMEOUT`, ...). */
export function errorCodeOf(err: unknown): string | undefined {
  let c: unknown = err;
  for (let depth = 0; c && depth < MAX_DEPTH; depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    c = (c as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The low-level error rebuilt with a redacted message, its name and code, and no stack or further
 * causes: a custom `fetch` may put request details (the signature) into its errors, and
 * `util.inspect` prints an error's causes.
 */
export function redactedCause(cause: unknown, redact: Redactor): Error | undefined {
  if (cause === undefined || cause === null) return undefined;
  const source = cause as { name?: unknown; message?: unknown };
  const safe = new Error(redact(typeof source.message === 'string' ? source.message : String(cause)));
  safe.stack = undefined;
  if (typeof source.name === 'string') safe.name = source.name;
  const code = errorCodeOf(cause);
  if (code !== undefined) (safe as Error & { code?: string }).code = code;
  return safe;
}
