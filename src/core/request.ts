// What every call is made of before the pipeline runs it: the caller's per-call options, and the
// exact bytes that are signed and sent (built once, never re-serialised).
import { InputValidationError } from './errors.js';
import { type Query, buildTarget } from './target.js';

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Deadline for this call in ms (retries included). */
  timeout?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

// Lone UTF-16 surrogates cannot be encoded as UTF-8, so the bytes sent could not equal
// the bytes signed by any reference implementation: refuse them up front.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Serialises a body once; these exact bytes are signed and sent. */
export function serializeBody(body: unknown): string {
  if (body === undefined || body === null) return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (LONE_SURROGATE.test(text)) {
    throw new InputValidationError([
      {
        field: 'body',
        rule: 'utf8',
        message: 'contains a lone UTF-16 surrogate, which has no UTF-8 encoding.',
      },
    ]);
  }
  return text;
}

/**
 * An operation's validated input as it is sent: a GET's input is its query string, any other
 * method's is its JSON body (`{}` when there is none).
 */
export function encodeInput(method: string, path: string, input: unknown): { target: string; body: string } {
  return method === 'GET'
    ? { target: buildTarget(path, input as Query | undefined), body: '' }
    : { target: path, body: serializeBody(input ?? {}) };
}
