// Request-target checks for the proxy. The proxy never forwards the path it receives (it sends the
// operation's own route), so these checks are defence in depth: a path that is not exactly the
// plain route a client builds is refused before any authorization or signing happens.

/** A refusal decided from the path alone. */
export interface PathRefusal {
  status: 400 | 404;
  code: 'INVALID_PATH' | 'NOT_FOUND';
  message: string;
}

// Encoded slash, backslash, dot and NUL: each can make two parsers disagree on the path.
const ENCODED_TRICK = /%(2f|5c|2e|00)/i;
// Control characters and whitespace have no place in a route.
const CONTROL = /[\u0000-\u0020\u007f]/;

/** Splits a request target (`/a/b?x=1`, or an absolute URL) into its raw path and raw query. */
export function splitTarget(target: string): { path: string; query: string } {
  // Absolute URLs (what `Request.url` holds): drop scheme and authority, keep the rest verbatim.
  const rest = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const noFragment = rest.split('#', 1)[0] ?? '';
  const q = noFragment.indexOf('?');
  return q === -1
    ? { path: noFragment, query: '' }
    : { path: noFragment.slice(0, q), query: noFragment.slice(q + 1) };
}

/**
 * Refuses path tricks in a raw path: `..` and `.` segments, empty segments (`//`), backslashes,
 * percent-encoded slashes, backslashes, dots or NULs, and control characters.
 */
export function checkPathSyntax(path: string): PathRefusal | undefined {
  const bad = (what: string): PathRefusal => ({
    status: 400,
    code: 'INVALID_PATH',
    message: `Refused path: ${what}.`,
  });
  if (!path.startsWith('/')) return bad('it must start with "/"');
  if (path.includes('\\')) return bad('it contains a backslash');
  if (ENCODED_TRICK.test(path)) return bad('it contains an encoded slash, backslash, dot or NUL');
  if (CONTROL.test(path)) return bad('it contains a control character or a space');
  const segments = path.split('/').slice(1);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s === '.' || s === '..') return bad('it contains a "." or ".." segment');
    // A single trailing slash is tolerated by nothing either: routes have none.
    if (s === '') return bad(i === segments.length - 1 ? 'it ends with "/"' : 'it contains "//"');
  }
  return undefined;
}

/** Normalises and checks the mount point given as `basePath` (`/api/vk`, or `''` for the root). */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (checkPathSyntax(trimmed)) throw new Error(`basePath "${basePath}" is not a plain path like "/api/vk".`);
  return trimmed;
}

/**
 * Strips the mount point from a checked path: `/api/vk/api/v1/verify/pan` → `/api/v1/verify/pan`.
 * A path under a different prefix (or `/api/vkx/...`) is a 404.
 */
export function stripBasePath(path: string, basePath: string): string | PathRefusal {
  if (basePath === '') return path;
  if (path.startsWith(`${basePath}/`)) return path.slice(basePath.length);
  return { status: 404, code: 'NOT_FOUND', message: 'No such route on this proxy.' };
}
