// Untrusted maps the proxy reads from a browser (the query, the JSON body) become null-prototype
// objects: `out['__proto__'] = v` on an ordinary object sets its prototype instead of a key, so a
// check that reads own keys would see nothing while `for…in` would still send the inherited ones.

import type { QueryFieldType } from '../resources/operation.js';

/** Names no operation declares that mean something to JavaScript objects: always refused. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

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

/** `JSON.parse` whose objects have no prototype (the reviver runs bottom-up over every value). */
export function parseJsonNullPrototype(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.assign(Object.create(null) as object, value)
      : value,
  );
}

/**
 * The dotted path of the first reserved name used as a key anywhere in `input` (own keys only),
 * or `undefined`. Depth is bounded by the body limit; the walk stops at 64 levels regardless.
 */
export function findReservedName(input: unknown, path = '', depth = 0): string | undefined {
  if (input === null || typeof input !== 'object' || depth > 64) return undefined;
  for (const key of Object.keys(input)) {
    const here = path ? `${path}.${key}` : key;
    if (RESERVED_NAMES.has(key)) return here;
    const found = findReservedName((input as Record<string, unknown>)[key], here, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const INTEGER = /^-?\d{1,15}$/;

/**
 * A parsed query with its declared non-text fields (`Operation.query`) read back as what the client
 * encoded: `page=2` → `2`, `flag=true` → `true`. A value that does not read as its type stays text,
 * and the operation's schema refuses it; undeclared fields always stay text.
 */
export function decodeQuery(
  query: QueryInput | undefined,
  types: Readonly<Record<string, QueryFieldType>> | undefined,
): Record<string, unknown> | undefined {
  if (!query || !types) return query;
  const out: Record<string, unknown> = Object.assign(Object.create(null), query);
  for (const field of Object.keys(types)) {
    const value = query[field];
    if (value === undefined) continue;
    const type = types[field]!;
    out[field] = Array.isArray(value) ? value.map((v) => decodeValue(v, type)) : decodeValue(value, type);
  }
  return out;
}

function decodeValue(text: string, type: QueryFieldType): unknown {
  if (type === 'integer') return INTEGER.test(text) ? Number(text) : text;
  return text === 'true' ? true : text === 'false' ? false : text;
}
