// Which part of the sandbox answers a request: platform auth + routes under /api/v1, Veri5 under
// /service/api/1.0/, the Open legacy scheme under /open/. Works on the request as it arrived (the
// target as sent, the raw body bytes); the caller turns the result into a Response.
import { InputValidationError } from '../core/errors.js';
import type { Operation } from '../model/operation.js';
import { parseInput } from '../model/parse.js';
import { decodeQuery, parseQuery } from '../model/query.js';
import { fail, notFound, validationError } from './envelope.js';
import { handleOpen } from './open-legacy.js';
import { verifyPlatformAuth } from './platform-auth.js';
import { API_PREFIX, type SandboxState, createState, matchPlatformRoute } from './routes/index.js';
import type {
  OpenCredentials,
  PlatformCredentials,
  RouteResult,
  SandboxLogger,
  SandboxRequest,
  Veri5Credentials,
} from './types.js';
import { VERI5_PREFIX, type Veri5State, createVeri5State, handleVeri5 } from './veri5.js';

/** Everything one sandbox instance answers with: its accounts, simulated conditions and state. */
export interface SandboxConfig {
  accounts: PlatformCredentials[];
  veri5: Veri5Credentials;
  open: OpenCredentials;
  clockOffsetSeconds: number;
  latencyMs: number;
  slowMs: number;
  trustForwardedFor: boolean;
  logger?: SandboxLogger;
}

/** Decides the answer to one logged request (and sets its `operation`). */
export type Router = (entry: SandboxRequest, nowSeconds: number) => Promise<RouteResult>;

export function createRouter(config: SandboxConfig): Router {
  const state: SandboxState = createState();
  const veri5State: Veri5State = createVeri5State();

  return async function route(entry, nowSeconds) {
    const pathname = entry.target.split('?', 1)[0]!;
    const rawQuery = entry.target.slice(pathname.length + 1);

    if (pathname === '/' && entry.method === 'GET') return { status: 200, json: info(config) };

    if (pathname.startsWith(`${API_PREFIX}/`)) {
      const auth = await verifyPlatformAuth(entry, config.accounts, nowSeconds);
      if (!auth.ok) return { ...auth.result, rejected: true };
      const match = matchPlatformRoute(entry.method, pathname);
      if (!match) return { ...notFound(`No route ${entry.method} ${pathname}.`), rejected: true };
      if ('methodNotAllowed' in match) {
        return {
          ...fail(405, 'METHOD_NOT_ALLOWED', `Use ${match.methodNotAllowed} for ${pathname}.`),
          headers: { Allow: match.methodNotAllowed },
          rejected: true,
        };
      }
      entry.operation = match.route.id;
      let body: Record<string, unknown> = {};
      if (match.route.method === 'POST') {
        const parsed = parseJsonObject(entry.body);
        if (!parsed)
          return { ...fail(400, 'VALIDATION_ERROR', 'The body must be a JSON object.'), rejected: true };
        body = parsed;
      }
      const op = match.route.op;
      // The query as received (not re-encoded through URLSearchParams), read as the client writes it.
      const input = checkInput(
        op,
        match.route.method === 'POST' ? body : (decodeQuery(parseQuery(rawQuery), op) ?? {}),
      );
      if ('status' in input) return input;
      return match.route.handler({ body, input: input.value, state, slowMs: config.slowMs });
    }

    if (pathname.startsWith(VERI5_PREFIX)) {
      const operation = pathname.slice(VERI5_PREFIX.length);
      if (entry.method !== 'POST') return { ...notFound(`Veri5 operations are POST.`), rejected: true };
      const body = parseJsonObject(entry.body);
      if (!body)
        return {
          status: 400,
          code: '333',
          json: { response_status: { code: '333', message: 'Unexpected Error Occurred', status: 'FAIL' } },
          rejected: true,
        };
      entry.operation = `veri5.${operation}`;
      const result = await handleVeri5(operation, {
        body,
        credentials: config.veri5,
        state: veri5State,
        slowMs: config.slowMs,
      });
      return result ?? { ...notFound(`No Veri5 operation ${operation}.`), rejected: true };
    }

    if (pathname.startsWith('/open/')) {
      entry.operation = 'open';
      const result = await handleOpen({ ...entry, pathname }, config.open, nowSeconds);
      // Every 401 of the Open scheme is a credential or signature failure.
      return result.status === 401 ? { ...result, rejected: true } : result;
    }

    return {
      ...notFound(`No route ${entry.method} ${pathname}. Platform routes live under ${API_PREFIX}/.`),
      rejected: true,
    };
  };
}

/**
 * The operation's declared fields, checked and normalised by its row's rules (what the client checks,
 * with the same messages), or the VALIDATION_ERROR a platform would answer. Undeclared fields are
 * ignored, as a server ignores fields it does not know.
 */
function checkInput(
  op: Operation,
  source: Record<string, unknown>,
): { value: Record<string, unknown> } | RouteResult {
  const declared: Record<string, unknown> = {};
  for (const field of Object.keys(op.input ?? {})) {
    if (Object.hasOwn(source, field)) declared[field] = source[field];
  }
  try {
    return { value: parseInput(op, declared, { extra: false }) ?? {} };
  } catch (err) {
    if (!(err instanceof InputValidationError)) throw err;
    const first = err.issues[0]!;
    return validationError(`${first.field} ${first.message}`);
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** GET / : what this sandbox is and how to call it (no secrets beyond the public test ones). */
function info(config: SandboxConfig): unknown {
  const main = config.accounts[0]!;
  return {
    name: 'vistarkriya sandbox',
    platform: { base_path: API_PREFIX, api_key: main.apiKey, admin_code: main.adminCode },
    veri5: { base_path: VERI5_PREFIX, client_code: config.veri5.clientCode, api_key: config.veri5.apiKey },
    open: { base_path: '/open/', access_key: config.open.accessKey },
  };
}
