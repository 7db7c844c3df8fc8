/** Query values the SDK can encode. Arrays repeat the key; `undefined` and `null` are left out. */
export type QueryValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | readonly (string | number | boolean)[];
export type Query = Record<string, QueryValue>;

function encodeValue(v: string | number | boolean | Date): string {
  return encodeURIComponent(v instanceof Date ? v.toISOString() : String(v));
}

/**
 * Builds the request target (path + query) once; it is signed and sent verbatim.
 * Percent-encoding is RFC 3986 (`%20` for spaces, never `+`), keys in the order given.
 */
export function buildTarget(path: string, query?: Query): string {
  if (!query) return path;
  let qs = '';
  for (const key in query) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const k = encodeURIComponent(key);
    if (Array.isArray(value)) {
      for (const item of value) qs += `${qs ? '&' : ''}${k}=${encodeValue(item)}`;
    } else {
      qs += `${qs ? '&' : ''}${k}=${encodeValue(value as string | number | boolean | Date)}`;
    }
  }
  if (!qs) return path;
  return path + (path.includes('?') ? '&' : '?') + qs;
}

/** Encodes one path segment (the `path` tagged-template idea from openai-node). */
export function pathSegment(value: string | number): string {
  return encodeURIComponent(String(value));
}
