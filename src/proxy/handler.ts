import { type ClientOptions, serializeBody } from '../client.js';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  ClientClosedError,
  ConfigurationError,
  InputValidationError,
  UserAbortError,
} from '../core/errors.js';
import { type LogLevel, type Logger, createLogger } from '../core/logger.js';
import type { Redactor } from '../core/redact.js';
import { type Query, buildTarget } from '../core/target.js';
import type { Operation } from '../resources/operation.js';
import type { Transport } from '../transport/types.js';
import type { FetchLike } from '../transport/fetch.js';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './body.js';
import { type QueryInput, findReservedName, parseQuery } from './input.js';
import { checkPathSyntax, normalizeBasePath, splitTarget, stripBasePath } from './path.js';
import { errorResponse, passThrough, withSecurityHeaders } from './respond.js';
import { UpstreamClient } from './upstream.js';

/** What `authorize` may answer: allow (`true`), deny (`false` → 401), or a Response of your own (sent as is). */
export type AuthorizeResult = boolean | Response;

/**
 * Decides whether the caller of this request may run this operation with this input (check the
 * session cookie or token, the user's role, a rate limit, whose record `input` names...).
 * `input` is what will be sent: the operation's declared fields, validated and normalised (a PAN
 * upper-cased, a query's `page` a number), or `undefined` for an operation without input. The
 * request's body has already been read: use `input`, not `request.json()`.
 * `false` answers 401, a thrown error answers 403; nothing is forwarded in either case.
 */
export type Authorize = (
  request: Request,
  operation: Operation,
  input: unknown,
) => AuthorizeResult | Promise<AuthorizeResult>;

/** Options of `createProxyHandler`: the server-side credentials, where it is mounted, and who may call what. */
export interface ProxyHandlerOptions {
  /** Default: env `VISTARKRIYA_API_KEY`. */
  apiKey?: string;
  /** Default: env `VISTARKRIYA_API_SECRET`. Stays on the server: it never appears in a response or a log. */
  apiSecret?: string;
  /** Default: env `VISTARKRIYA_ADMIN_CODE`. */
  adminCode?: string;
  /** `X-Admin-Code` (default) or `X-Tenant-Code`. */
  adminCodeHeader?: 'X-Admin-Code' | 'X-Tenant-Code';
  /** The platform (upstream). Default: env `VISTARKRIYA_BASE_URL`, else `https://vistarkriya.com`. */
  baseURL?: string;
  /** Where the handler is mounted, e.g. `/api/vk`: a browser client calls `basePath + /api/v1/...`. */
  basePath: string;
  /** Operation ids this proxy forwards, e.g. `['verify.pan', 'wallet.core.balance']`. Everything else: 403. */
  allow: readonly string[];
  /** Mandatory: who may call what. There is no default, so there is no accidental open proxy. */
  authorize: Authorize;
  /** Largest accepted request body in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Upstream route overrides by operation id (the browser keeps calling the default routes). */
  routes?: Record<string, string>;
  /**
   * Incoming headers to pass on upstream (e.g. `['x-request-id']`). None by default. Credentials
   * (`X-API-Key`, `X-Signature`, `X-Timestamp`, `X-Admin-Code`, `X-Tenant-Code`, `Authorization`,
   * cookies) are never passed on, even when listed.
   */
  forwardHeaders?: readonly string[];
  /** Your own `fetch` for the upstream call. */
  fetch?: FetchLike;
  /** Advanced: a custom upstream transport. */
  transport?: Transport;
  /** Any console-like logger. Lines never contain the secret, a signature or a caller's headers. */
  logger?: Logger;
  /** Default `warn` (refusals are logged at `info`). */
  logLevel?: LogLevel;
  /** Deadline for the upstream call in ms, retries included. Default 30 000. */
  timeout?: number;
  /** Upstream retries (the client's safe-retry rules apply). Default 2. */
  maxRetries?: number;
  /** Largest upstream answer accepted, in bytes. Default 10 MiB. */
  maxResponseBytes?: number;
}

/** A Fetch-API handler: `(request) => Promise<Response>`, usable in Next.js, Hono, workers, Deno, Bun. */
export interface ProxyHandler {
  (request: Request): Promise<Response>;
  /** The body limit, for adapters that buffer (see `toNodeHandler`). */
  readonly maxBodyBytes: number;
  /** Closes the upstream keep-alive connections. */
  close(): Promise<void>;
}

/** @internal What the public entry injects: the operation table and the input validator. */
export interface ProxyDeps {
  operations: readonly Operation[];
  parseInput: (schemaKey: string, input: unknown) => unknown | Promise<unknown>;
  /** The fields an operation declares: a caller's extra fields are refused, never signed. */
  inputFields: (schemaKey: string) => readonly string[] | undefined;
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

/** @internal Builds the handler over an injected operation table (the public entry passes the registry). */
export function buildProxyHandler(options: ProxyHandlerOptions, deps: ProxyDeps): ProxyHandler {
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
  const known = new Map(deps.operations.map((op) => [op.id, op]));
  const allow = new Set(Array.isArray(options.allow) ? options.allow : []);
  if (allow.size === 0) {
    throw new ConfigurationError(
      'createProxyHandler needs `allow`: the operation ids it may forward, e.g. ["verify.pan"].',
    );
  }
  const unknown = [...allow].filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new ConfigurationError(`Unknown operation id in \`allow\`: ${unknown.join(', ')}.`);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new ConfigurationError('`maxBodyBytes` must be a positive integer.');
  }
  const forwardHeaders = (options.forwardHeaders ?? [])
    .map((h) => h.toLowerCase())
    .filter((h) => !NEVER_FORWARD.has(h));

  const clientOptions: ClientOptions = {
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    adminCode: options.adminCode,
    adminCodeHeader: options.adminCodeHeader,
    baseURL: options.baseURL,
    routes: options.routes,
    fetch: options.fetch,
    transport: options.transport,
    logger: options.logger,
    logLevel: options.logLevel,
    timeout: options.timeout,
    maxRetries: options.maxRetries,
    maxResponseBytes: options.maxResponseBytes,
  };
  if (clientOptions.baseURL?.startsWith('/')) {
    throw new ConfigurationError(
      'The proxy `baseURL` is the platform and must be absolute, e.g. "https://vistarkriya.com".',
    );
  }
  const client = new UpstreamClient(clientOptions);
  const log = createLogger({ logger: options.logger, logLevel: options.logLevel }, client.redact);

  const routes = new Map<string, Operation[]>();
  for (const op of deps.operations) {
    const list = routes.get(op.path) ?? [];
    list.push(op);
    routes.set(op.path, list);
  }

  // Anything unexpected (a bug, a validator that threw something else) is a bare 500: no details
  // that could carry a secret leave the server; the log line is redacted.
  const handler = async (request: Request): Promise<Response> => {
    try {
      return await handle(request);
    } catch (err) {
      log.error(`proxy: unexpected failure: ${err instanceof Error ? err.message : String(err)}`);
      return errorResponse(500, 'PROXY_ERROR', 'The proxy failed.');
    }
  };

  const handle = async (request: Request): Promise<Response> => {
    const method = request.method.toUpperCase();
    const { path: rawPath, query } = splitTarget(request.url);
    const syntax = checkPathSyntax(rawPath);
    if (syntax) return refuse(syntax.status, syntax.code, syntax.message, method, rawPath);
    const route = stripBasePath(rawPath, basePath);
    if (typeof route !== 'string') return refuse(route.status, route.code, route.message, method, rawPath);
    const candidates = routes.get(route);
    if (!candidates) return refuse(404, 'NOT_FOUND', 'No such route on this proxy.', method, rawPath);
    const op = candidates.find((o) => o.method === method);
    if (!op) {
      const allowed = candidates.map((o) => o.method).join(', ');
      return errorResponse(
        405,
        'METHOD_NOT_ALLOWED',
        `Use ${allowed} for this route.`,
        {},
        { allow: allowed },
      );
    }
    if (!allow.has(op.id)) {
      return refuse(403, 'OPERATION_NOT_ALLOWED', `This proxy does not forward ${op.id}.`, method, rawPath);
    }

    // The input (the query for GET operations, the JSON body otherwise), validated before
    // `authorize` so it can decide per record on what will actually be sent.
    let input: unknown;
    if (op.method === 'GET') {
      input = parseQuery(query);
    } else {
      const body = await readJsonBody(request, maxBodyBytes);
      if (!body.ok) return refuse(body.status, body.code, body.message, method, rawPath);
      input = body.input;
    }
    let params: unknown;
    try {
      params = await validate(op, input);
    } catch (err) {
      if (err instanceof InputValidationError) {
        return errorResponse(400, 'VALIDATION_ERROR', err.message, {
          field: err.field,
          rule: err.rule,
          issues: err.issues.map((i) => ({ field: i.field, rule: i.rule, message: i.message })),
        });
      }
      throw err;
    }

    let verdict: AuthorizeResult;
    try {
      verdict = await options.authorize(request, op, params);
    } catch (err) {
      log.warn(
        `proxy: authorize threw for ${op.id}; refusing (${err instanceof Error ? err.message : String(err)})`,
      );
      return errorResponse(403, 'FORBIDDEN', 'Not allowed.');
    }
    if (verdict instanceof Response) return withSecurityHeaders(verdict);
    if (verdict !== true) return refuse(401, 'UNAUTHORIZED', 'Not authorized.', method, rawPath);

    const headers: Record<string, string> = {};
    for (const name of forwardHeaders) {
      const v = request.headers.get(name);
      if (v !== null) headers[name] = v;
    }
    const upstreamPath = client.routeOf(op);
    let spec: { target: string; body: string };
    try {
      spec =
        op.method === 'GET'
          ? { target: buildTarget(upstreamPath, params as Query | undefined), body: '' }
          : { target: upstreamPath, body: serializeBody(params ?? {}) };
    } catch {
      return errorResponse(400, 'VALIDATION_ERROR', 'The input cannot be encoded.');
    }
    const result = await client.forward({
      method: op.method,
      target: spec.target,
      body: spec.body,
      retry: op.retry,
      headers,
      signal: request.signal,
      operation: op.id,
    });
    // The secret, the admin code, the API key (down to a prefix) and this call's signatures, in
    // any letter case: a platform (or a debugging gateway) may echo any of them.
    const scrub = client.scrubberFor(result.signatures);
    if (result.response) {
      const status = result.response.status;
      if (status >= 300 && status < 400) {
        return errorResponse(
          502,
          'UPSTREAM_REDIRECT',
          'The platform answered with a redirect, which is not followed.',
        );
      }
      if (log.debugEnabled) log.debug(`proxy: ${op.id} -> ${status}`);
      return passThrough(result.response, scrub, result.error instanceof APIError ? result.error : undefined);
    }
    return failureResponse(result.error, scrub);
  };

  async function validate(op: Operation, input: unknown): Promise<unknown> {
    // An operation without a schema takes no input: nothing the caller sent is forwarded.
    if (!op.schema) return undefined;
    refuseUndeclaredFields(op.schema, input);
    if (op.method !== 'GET') return deps.parseInput(op.schema, input ?? {});
    // A query arrives as strings; a schema may want a number (`page=2`). Fields refused for
    // their type are retried as the value the client encoded; other fields stay as sent.
    try {
      return await deps.parseInput(op.schema, input);
    } catch (err) {
      if (!(err instanceof InputValidationError) || !input) throw err;
      const query = input as QueryInput;
      const retyped = err.issues
        .filter((i) => i.rule === 'type' && Object.hasOwn(query, i.field))
        .map((i) => i.field);
      if (retyped.length === 0) throw err;
      const coerced: Record<string, unknown> = Object.assign(Object.create(null), query);
      for (const field of retyped) coerced[field] = coerceQueryValue(query[field]!);
      try {
        return await deps.parseInput(op.schema, coerced);
      } catch {
        throw err;
      }
    }
  }

  /**
   * The SDK's own client passes unknown fields through (an API that adds a field must not break a
   * user), but a proxy signs with the server's credentials: a browser user must not be able to add
   * parameters the platform might honour (a tenant or user selector). Only declared fields pass.
   */
  function refuseUndeclaredFields(schemaKey: string, input: unknown): void {
    // `__proto__`, `constructor` and `prototype` are refused at any depth, declared or not.
    const reserved = findReservedName(input);
    const fields = deps.inputFields(schemaKey);
    if (!input || typeof input !== 'object' || (!fields && !reserved)) return;
    const extra = Object.keys(input).filter((k) => !fields?.includes(k));
    if (reserved && !extra.includes(reserved)) extra.push(reserved);
    if (extra.length === 0) return;
    throw new InputValidationError(
      extra.map((field) => ({
        field,
        rule: 'unknown_field',
        message: 'is not an input of this operation (the proxy forwards declared fields only).',
      })),
    );
  }

  function refuse(status: number, code: string, message: string, method: string, path: string): Response {
    // Only method, path and the decision: never headers (they carry the caller's credentials).
    log.info(`proxy: ${status} ${code} for ${method} ${path.slice(0, 200)}`);
    return errorResponse(status, code, message);
  }

  function failureResponse(error: unknown, scrub: Redactor): Response {
    if (error instanceof UserAbortError)
      return errorResponse(499, 'CLIENT_CLOSED_REQUEST', 'The request was aborted.');
    if (error instanceof ClientClosedError)
      return errorResponse(503, 'PROXY_CLOSED', 'The proxy is shutting down.', { outcome_unknown: false });
    if (error instanceof APITimeoutError) {
      return errorResponse(504, 'UPSTREAM_TIMEOUT', 'The platform did not answer in time.', {
        outcome_unknown: error.outcomeUnknown,
      });
    }
    if (error instanceof APIConnectionError) {
      return errorResponse(502, 'UPSTREAM_UNAVAILABLE', 'The platform could not be reached.', {
        outcome_unknown: error.outcomeUnknown,
      });
    }
    if (error instanceof InputValidationError) return errorResponse(400, 'VALIDATION_ERROR', error.message);
    const message = error instanceof Error ? error.message : String(error);
    log.error(`proxy: upstream call failed: ${scrub(message)}`);
    return errorResponse(502, 'UPSTREAM_ERROR', 'The platform call failed.');
  }

  return Object.assign(handler, { maxBodyBytes, close: () => client.close() });
}

/** An integer-looking string becomes a number, `true`/`false` a boolean: what the client encoded. */
function coerceQueryValue(value: string | string[]): unknown {
  const one = (v: string): unknown =>
    /^-?\d{1,15}$/.test(v) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;
  return Array.isArray(value) ? value.map(one) : one(value);
}
