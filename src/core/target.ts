import { InputValidationError } from './errors.js';

/** Query values the SDK can encode. Arrays repeat the key; `undefined` and `null` are left out. */
export type QueryValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | readonly (string | number | boolean)[];
/** Query parameters, encoded in the order given (RFC 3986 percent-encoding). */
export type Query = Record<string, QueryValue>;

/**
 * `encodeURIComponent` plus `!'()*` (strict RFC 3986). The WHATWG URL parser used by fetch and
 * undici rewrites a bare `'` in a query to `%27`, so an unescaped apostrophe (`D'Souza`) would be
 * signed in one form and sent in another.
 */
function encodeStrict(s: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(s);
  } catch {
    // URIError: a lone UTF-16 surrogate has no UTF-8 form.
    throw new InputValidationError([
      {
        field: 'query',
        rule: 'utf8',
        message: 'contains a lone UTF-16 surrogate, which has no UTF-8 encoding.',
      },
    ]);
  }
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function encodeValue(v: string | number | boolean | Date): string {
  return encodeStrict(v instanceof Date ? v.toISOString() : String(v));
}

/**
 * Builds the request target (path + query) once; it is signed and sent verbatim.
 * Percent-encoding is RFC 3986 (`%20` for spaces, never `+`), keys in the order given.
 */
export function buildTarget(path: string, query?: Query): string {
  if (!query) return path;
  let qs = '';
  // Own keys only: an inherited key is never sent (or signed).
  for (const key of Object.keys(query)) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const k = encodeStrict(key);
    if (Array.isArray(value)) {
      for (const item of value) qs += `${qs ? '&' : ''}${k}=${encodeValue(item)}`;
    } else {
      qs += `${qs ? '&' : ''}${k}=${encodeValue(value as string | number | boolean | Date)}`;
    }
  }
  if (!qs) return path;
  return path + (path.includes('?') ? '&' : '?') + qs;
}
