/**
 * `vistarkriya/proxy`: sign on your server, call from the browser.
 *
 * The platform allow-lists server IPs and a browser must never hold the API secret, so the browser
 * calls your own route; `createProxyHandler` checks the route, the allow-list and your `authorize`,
 * validates the input, signs with the secret and forwards, and passes the platform's answer back.
 *
 * @module
 */
import { parseInput } from '../model/parse.js';
import { PLATFORM_OPERATIONS } from '../model/platform.js';
import { type ProxyHandler, type ProxyHandlerOptions, buildProxyHandler } from './handler.js';

export type {
  Authorize,
  AuthorizeContext,
  AuthorizeResult,
  ProxyHandler,
  ProxyHandlerOptions,
} from './handler.js';
export { DEFAULT_MAX_BODY_BYTES } from './body.js';
export { toNodeHandler, type NodeHandler, type NodeRequestLike, type NodeResponseLike } from './node.js';
export type { Operation, QueryFieldType } from '../model/operation.js';

/**
 * Builds a Fetch-API handler `(request: Request) => Promise<Response>` that forwards allowed,
 * authorized calls to the platform, signed with your secret.
 *
 * For each request, in this order: path tricks in `request.url` (`//`, encoded slashes, dots,
 * backslashes or NULs) → 400 (the runtime's URL parser has already resolved `..`, `%2e%2e` and
 * `\`; `toNodeHandler` sees the raw path and refuses those too);
 * a path outside `basePath` or not a platform route → 404; another method → 405; an operation not
 * in `allow` → 403; `authorize(request, operation, context)` false → 401 (throws → 403), before
 * any input is read (`await context.input()` gives it the validated input for per-record rules);
 * a body that is not JSON → 415, larger than `maxBodyBytes` → 413; input that fails the
 * operation's rules (or names a field it does not declare, `extra` included) → 400 `VALIDATION_ERROR`. None of these reach
 * the platform, and each is logged once at `info`. Incoming credential headers are never
 * forwarded, and the platform's answer comes back with its own status and `{ success, ... }`
 * envelope.
 *
 * ```ts
 * import { createProxyHandler } from 'vistarkriya/proxy';
 * const handler = createProxyHandler({
 *   basePath: '/api/vk',
 *   allow: ['verify.pan', 'wallet.core.balance'],
 *   authorize: async (request) => (await getSession(request)) !== null,
 * });
 * export const POST = handler; // Next.js route handler at app/api/vk/[...path]/route.ts
 * ```
 * @throws ConfigurationError without `authorize`, `basePath` or a non-empty `allow` of known ids.
 */
export function createProxyHandler(options: ProxyHandlerOptions): ProxyHandler {
  return buildProxyHandler(options, {
    operations: PLATFORM_OPERATIONS,
    parseInput: (op, input) => parseInput(op, input, { extra: false }),
  });
}
