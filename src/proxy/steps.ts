// The proxy's steps, in the order they run for every request (see runSteps). Each step either
// answers (a Response ends the request) or hands the exchange on to the next.
import { APIError, InputValidationError } from '../core/errors.js';
import { encodeInput } from '../core/request.js';
import type { Operation } from '../model/operation.js';
import { decodeQuery, parseQuery } from '../model/query.js';
import { readJsonBody } from './body.js';
import type { AuthorizeResult, ProxySettings } from './options.js';
import { checkPathSyntax, splitTarget, stripBasePath } from './path.js';
import {
  errorResponse,
  failureResponse,
  passThrough,
  validationFields,
  withSecurityHeaders,
} from './respond.js';
import type { Upstream } from './upstream.js';

/** What the injected operation table brings: the input check (model/parse.ts). */
export interface InputRules {
  /**
   * Validates and normalises an operation's input, refusing every field it does not declare, `extra`
   * included: a browser user must not add parameters the platform might honour (a tenant or user
   * selector) to a call signed with the server's credentials.
   */
  parseInput: (op: Operation, input: unknown) => unknown;
}

/** Everything a step may use: the checked settings, the upstream, the input rules. */
export interface ProxyContext {
  settings: ProxySettings;
  upstream: Upstream;
  rules: InputRules;
}

/** A refusal, as data until it is answered (through {@link refuse}, the one audit path). */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
}

type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** One request on its way through the steps. */
export interface Exchange {
  readonly request: Request;
  readonly method: string;
  /** The raw path, for the audit line. */
  readonly path: string;
  readonly query: string;
  /** Set by `route`. */
  op?: Operation;
  /** The body or query as received (`input`), memoised. */
  received?: Promise<Result<unknown>>;
  /** The validated input (`validate`), memoised: `authorize` may have asked for it already. */
  validated?: Promise<Result<unknown>>;
  /** Set by `validate`: what is sent. */
  params?: unknown;
}

/** A step answers (a Response ends the request) or returns nothing to hand the exchange on. */
type Step = (ctx: ProxyContext, ex: Exchange) => Promise<Response | undefined> | Response | undefined;

/** Thrown by `context.input()` when the input is refused; the proxy answers the refusal itself. */
class InputRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(`The input was refused: ${refusal.code}`);
  }
}

/** The audit line of a refused request: method, path and decision only (headers carry credentials). */
function audit(ctx: ProxyContext, ex: Exchange, decision: string): void {
  ctx.upstream.log.info(`proxy: ${decision} for ${ex.method} ${ex.path.slice(0, 200)}`);
}

/** Every refusal the proxy writes is answered here: one audit line, one envelope. */
function refuse(ctx: ProxyContext, ex: Exchange, refusal: Refusal): Response {
  audit(ctx, ex, `${refusal.status} ${refusal.code}`);
  return errorResponse(refusal.status, refusal.code, refusal.message, refusal.extra, refusal.headers);
}

export function startExchange(request: Request): Exchange {
  const { path, query } = splitTarget(request.url);
  return { request, method: request.method.toUpperCase(), path, query };
}

/** route: a plain path under `basePath`, a platform route, a method it serves, an allowed operation. */
const route: Step = (ctx, ex) => {
  const { settings } = ctx;
  const syntax = checkPathSyntax(ex.path);
  if (syntax) return refuse(ctx, ex, syntax);
  const stripped = stripBasePath(ex.path, settings.basePath);
  if (typeof stripped !== 'string') return refuse(ctx, ex, stripped);
  const candidates = settings.routes.get(stripped);
  if (!candidates)
    return refuse(ctx, ex, { status: 404, code: 'NOT_FOUND', message: 'No such route on this proxy.' });
  const op = candidates.find((o) => o.method === ex.method);
  if (!op) {
    const allowed = candidates.map((o) => o.method).join(', ');
    return refuse(ctx, ex, {
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: `Use ${allowed} for this route.`,
      headers: { allow: allowed },
    });
  }
  if (!settings.allow.has(op.id)) {
    return refuse(ctx, ex, {
      status: 403,
      code: 'OPERATION_NOT_ALLOWED',
      message: `This proxy does not forward ${op.id}.`,
    });
  }
  ex.op = op;
  return undefined;
};

/**
 * authorize: the caller's own decision, before any input is read. It may ask for the validated
 * input (`context.input()`); a refused input is answered as that refusal, whatever it did next.
 */
const authorize: Step = async (ctx, ex) => {
  const op = ex.op!;
  const input = async () => {
    const result = await validated(ctx, ex);
    if (!result.ok) throw new InputRefused(result.refusal);
    return result.value;
  };
  let decision: AuthorizeResult;
  try {
    decision = await ctx.settings.authorize(ex.request, op, { input });
  } catch (err) {
    if (err instanceof InputRefused) return refuse(ctx, ex, err.refusal);
    ctx.upstream.log.warn(
      `proxy: authorize threw for ${op.id}; refusing (${err instanceof Error ? err.message : String(err)})`,
    );
    return refuse(ctx, ex, { status: 403, code: 'FORBIDDEN', message: 'Not allowed.' });
  }
  if (decision instanceof Response) {
    audit(ctx, ex, `${decision.status} (authorize's own answer)`);
    return withSecurityHeaders(decision);
  }
  if (decision !== true)
    return refuse(ctx, ex, { status: 401, code: 'UNAUTHORIZED', message: 'Not authorized.' });
  return undefined;
};

/** input: the query (GET) or the JSON body, read once, within `maxBodyBytes`. */
const input: Step = async (ctx, ex) => {
  const result = await received(ctx, ex);
  return result.ok ? undefined : refuse(ctx, ex, result.refusal);
};

/** validate: only declared fields (no `extra`), each valid by the operation's row. */
const validate: Step = async (ctx, ex) => {
  const result = await validated(ctx, ex);
  if (!result.ok) return refuse(ctx, ex, result.refusal);
  ex.params = result.value;
  return undefined;
};

/** forward and answer: sign, send (the pipeline retries), and pass the platform's answer back. */
async function forward(ctx: ProxyContext, ex: Exchange): Promise<Response> {
  const op = ex.op!;
  let encoded: { target: string; body: string };
  try {
    encoded = encodeInput(op.method, ctx.upstream.routeOf(op), ex.params);
  } catch {
    return refuse(ctx, ex, {
      status: 400,
      code: 'VALIDATION_ERROR',
      message: 'The input cannot be encoded.',
    });
  }
  const headers: Record<string, string> = {};
  for (const name of ctx.settings.forwardHeaders) {
    const v = ex.request.headers.get(name);
    if (v !== null) headers[name] = v;
  }
  const result = await ctx.upstream.forward({
    method: op.method,
    ...encoded,
    retry: op.retry,
    headers,
    signal: ex.request.signal,
    op,
  });
  // The secret, the admin code, the API key (down to a prefix) and this call's signatures, in
  // any letter case: a platform (or a debugging gateway) may echo any of them.
  const scrub = ctx.upstream.scrubberFor(result.signatures);
  if (!result.response) return failureResponse(result.error, scrub, ctx.upstream.log);
  const status = result.response.status;
  if (status >= 300 && status < 400) {
    return errorResponse(
      502,
      'UPSTREAM_REDIRECT',
      'The platform answered with a redirect, which is not followed.',
    );
  }
  if (ctx.upstream.log.debugEnabled) ctx.upstream.log.debug(`proxy: ${op.id} -> ${status}`);
  return passThrough(result.response, scrub, result.error instanceof APIError ? result.error : undefined);
}

/**
 * Runs one request through the steps, in this order: route → authorize → input → validate →
 * forward (which answers). A caller refused by `authorize` gets 401/403 before any of their input
 * is read; input problems (415, 413, 400) come after it, unless `authorize` asked for the input.
 */
export async function runSteps(ctx: ProxyContext, ex: Exchange): Promise<Response> {
  for (const check of [route, authorize, input, validate]) {
    const answer = await check(ctx, ex);
    if (answer) return answer;
  }
  return forward(ctx, ex);
}

/** The body or query as received, memoised. */
function received(ctx: ProxyContext, ex: Exchange): Promise<Result<unknown>> {
  ex.received ??= readReceived(ctx, ex);
  return ex.received;
}

async function readReceived(ctx: ProxyContext, ex: Exchange): Promise<Result<unknown>> {
  const op = ex.op!;
  if (op.method === 'GET') return { ok: true, value: decodeQuery(parseQuery(ex.query), op) };
  if (ex.request.bodyUsed) {
    ctx.upstream.log.warn(
      `proxy: authorize read the request body of ${op.id}; refusing (use context.input())`,
    );
    return { ok: false, refusal: { status: 403, code: 'FORBIDDEN', message: 'Not allowed.' } };
  }
  const body = await readJsonBody(ex.request, ctx.settings.maxBodyBytes);
  return body.ok ? { ok: true, value: body.input } : { ok: false, refusal: body };
}

/** The validated input, memoised. */
function validated(ctx: ProxyContext, ex: Exchange): Promise<Result<unknown>> {
  ex.validated ??= validateReceived(ctx, ex);
  return ex.validated;
}

async function validateReceived(ctx: ProxyContext, ex: Exchange): Promise<Result<unknown>> {
  const got = await received(ctx, ex);
  if (!got.ok) return got;
  const op = ex.op!;
  // An operation without input takes none: nothing the caller sent is forwarded.
  if (!op.input) return { ok: true, value: undefined };
  try {
    return { ok: true, value: ctx.rules.parseInput(op, got.value) };
  } catch (err) {
    if (!(err instanceof InputValidationError)) throw err;
    return {
      ok: false,
      refusal: { status: 400, code: 'VALIDATION_ERROR', message: err.message, extra: validationFields(err) },
    };
  }
}
