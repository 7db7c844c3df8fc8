// Request headers as the pipeline merges them on every attempt (defaults, per call, auth).

/**
 * `{ ...defaults, ...perCall, ...auth }` (later wins), with names compared case-insensitively
 * (HTTP names are case-insensitive): a per-call `content-type` replaces the default
 * `Content-Type`, and no default or per-call `x-api-key` can travel beside the signer's
 * `X-API-Key`. The name that wins keeps its spelling, because servers are not all case-blind:
 * PHP's `getallheaders()` returns names as the client wrote them, and a server written after the
 * platform's PHP example reads `getallheaders()['X-API-Key']`. Loops without allocation (this runs
 * on every attempt; a chain of object spreads, or `toLowerCase()` on every name, costs
 * microseconds here).
 */
export function mergeHeaders(
  defaults: Record<string, string>,
  perCall: Record<string, string> | undefined,
  auth: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in defaults) if (Object.hasOwn(defaults, key)) setHeader(out, key, defaults[key]!);
  if (perCall) for (const key in perCall) if (Object.hasOwn(perCall, key)) setHeader(out, key, perCall[key]!);
  for (const key in auth) if (Object.hasOwn(auth, key)) setHeader(out, key, auth[key]!);
  return out;
}

/** Sets `name`, first dropping a name that differs from it only in letter case. */
function setHeader(headers: Record<string, string>, name: string, value: string): void {
  if (!Object.hasOwn(headers, name)) {
    for (const existing in headers) {
      if (sameHeaderName(existing, name)) {
        delete headers[existing];
        break;
      }
    }
  }
  headers[name] = value;
}

/** ASCII case-insensitive equality (header names are ASCII tokens), without allocating. */
function sameHeaderName(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const folded = x | 0x20;
    if (folded !== (y | 0x20) || folded < 0x61 || folded > 0x7a) return false;
  }
  return true;
}
