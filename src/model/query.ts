// A GET's input arrives as a query string (at the proxy, at the sandbox): it is read back into what
// the client encoded before the row's rules check it.
import { type Operation, ruleOf } from './operation.js';

/** A parsed query: own keys only, repeated keys as arrays. */
export type QueryInput = Record<string, string | string[]>;

/** `a=1&b=2&b=3` → `{ a: '1', b: ['2', '3'] }` on a null-prototype object; `''` → `undefined`. */
export function parseQuery(query: string): QueryInput | undefined {
  if (query === '') return undefined;
  const out = Object.create(null) as QueryInput;
  for (const [key, value] of new URLSearchParams(query)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

const INTEGER = /^-?\d{1,15}$/;

/**
 * A parsed query with the operation's `integer` fields read back as numbers (`page=2` → `2`), as the
 * client encoded them. A value that does not read as an integer stays text, and the field's rule
 * refuses it; every other field stays text.
 */
export function decodeQuery(
  query: QueryInput | undefined,
  op: Operation,
): Record<string, unknown> | undefined {
  if (!query || !op.input) return query;
  const out: Record<string, unknown> = Object.assign(Object.create(null), query);
  for (const [field, spec] of Object.entries(op.input)) {
    const value = query[field];
    if (value === undefined || ruleOf(spec)[0].type !== 'integer') continue;
    const read = (text: string) => (INTEGER.test(text) ? Number(text) : text);
    out[field] = Array.isArray(value) ? value.map(read) : read(value);
  }
  return out;
}
