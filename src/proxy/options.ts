// The proxy's options: the upstream client's own (one source, passed on whole) plus where the
// handler is mounted and who may call what. Checked once, when the handler is built.
import { ConfigurationError } from '../core/errors.js';
import type { PlatformOptions } from '../platform-api.js';
import type { Operation } from '../model/operation.js';
import { DEFAULT_MAX_BODY_BYTES } from './body.js';
import { normalizeBasePath } from './path.js';

/** What `authorize` may answer: allow (`true`), deny (`false` → 401), or a Response of your own (sent as is). */
export type AuthorizeResult = boolean | Response;

/** What `authorize` can ask for beyond the request and the operation. */
export interface AuthorizeContext {
  /**
   * The input that will be sent: the operation's declared fields, validated and normalised (a PAN
   * upper-cased, a query's `page` a number), or `undefined` for an operation without input. The
   * body is read and validated on the first call only (later calls share the result), so a caller
   * refused on their session alone never has their body read. If the input is refused (not JSON,
   * too large, invalid), this rejects and the proxy answers that refusal (400, 413 or 415).
   */
  input(): Promise<unknown>;
}

/**
 * Decides whether the caller of this request may run this operation (check the session cookie or
 * token, the user's role, a rate limit...), before any of the input is read. A per-record rule
 * (whose record the input names) awaits `context.input()`. Use it, not `request.json()`: the body
 * is the proxy's to read, and a request whose body was read by `authorize` is refused (403).
 * `false` answers 401, a thrown error answers 403; nothing is forwarded in either case.
 */
export type Authorize = (
  request: Request,
  operation: Operation,
  context: AuthorizeContext,
) => AuthorizeResult | Promise<AuthorizeResult>;

/**
 * Options of `createProxyHandler`. The upstream options are the platform client's own
 * (credentials default to the `VISTARKRIYA_*` environment variables; `baseURL` is the platform;
 * `timeout`, `maxRetries`, `maxRetryAfter`, `maxResponseBytes`, `defaultHeaders`, `routes`,
 * `fetch`, `transport`, `logger` and `logLevel` apply to the upstream calls). The secret stays on
 * the server: it never appears in a response or a log line. Refusals are logged at `info`.
 */
export interface ProxyHandlerOptions extends Omit<PlatformOptions, 'signer' | 'dangerouslyAllowBrowser'> {
  /** Where the handler is mounted, e.g. `/api/vk`: a browser client calls `basePath + /api/v1/...`. */
  basePath: string;
  /** Operation ids this proxy forwards, e.g. `['verify.pan', 'wallet.core.balance']`. Everything else: 403. */
  allow: readonly string[];
  /** Mandatory: who may call what. There is no default, so there is no accidental open proxy. */
  authorize: Authorize;
  /** Largest accepted request body in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /**
   * Incoming headers to pass on upstream (e.g. `['x-request-id']`). None by default. Credentials
   * (`X-API-Key`, `X-Signature`, `X-Timestamp`, `X-Admin-Code`, `X-Tenant-Code`, `Authorization`,
   * cookies) are never passed on, even when listed.
   */
  forwardHeaders?: readonly string[];
}

/** The handler's own settings, checked. */
export interface ProxySettings {
  basePath: string;
  /** Operations by route; a route may serve several methods. */
  routes: ReadonlyMap<string, readonly Operation[]>;
  allow: ReadonlySet<string>;
  authorize: Authorize;
  maxBodyBytes: number;
  /** Lower-case names, credentials removed. */
  forwardHeaders: readonly string[];
}

// Never taken from the browser, whatever `forwardHeaders` says.
const NEVER_FORWARD = new Set([
  'x-api-key',
  'x-signature',
  'x-timestamp',
  'x-admin-code',
  'x-tenant-code',
  'authorization',
  'proxy-authorization',
  'x-o-timestamp',
  'cookie',
  'host',
  'content-length',
  'content-type',
  'connection',
  'transfer-encoding',
]);

/** Checks the proxy's own options; throws a ConfigurationError naming the first problem. */
export function proxySettings(options: ProxyHandlerOptions, operations: readonly Operation[]): ProxySettings {
  if (!options || typeof options.authorize !== 'function') {
    throw new ConfigurationError(
      'createProxyHandler needs an `authorize(request, operation)` function: without one the proxy would sign for anyone on the internet.',
    );
  }
  if (typeof options.basePath !== 'string') {
    throw new ConfigurationError('createProxyHandler needs `basePath`: where it is mounted, e.g. "/api/vk".');
  }
  let basePath: string;
  try {
    basePath = normalizeBasePath(options.basePath);
  } catch (err) {
    throw new ConfigurationError((err as Error).message);
  }
  const allow = new Set(Array.isArray(options.allow) ? options.allow : []);
  if (allow.size === 0) {
    throw new ConfigurationError(
      'createProxyHandler needs `allow`: the operation ids it may forward, e.g. ["verify.pan"].',
    );
  }
  const known = new Set(operations.map((op) => op.id));
  const unknown = [...allow].filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new ConfigurationError(`Unknown operation id in \`allow\`: ${unknown.join(', ')}.`);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new ConfigurationError('`maxBodyBytes` must be a positive integer.');
  }
  if (options.baseURL?.startsWith('/')) {
    throw new ConfigurationError(
      'The proxy `baseURL` is the platform and must be absolute, e.g. "https://vistarkriya.com".',
    );
  }
  const routes = new Map<string, Operation[]>();
  for (const op of operations) {
    const list = routes.get(op.path) ?? [];
    list.push(op);
    routes.set(op.path, list);
  }
  const forwardHeaders = (options.forwardHeaders ?? [])
    .map((h) => h.toLowerCase())
    .filter((h) => !NEVER_FORWARD.has(h));
  return { basePath, routes, allow, authorize: options.authorize, maxBodyBytes, forwardHeaders };
}
