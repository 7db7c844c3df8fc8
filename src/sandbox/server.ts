// The sandbox HTTP server: reads each request's raw bytes, routes it to platform auth +
// routes, Veri5 or Open legacy, and writes the answer (with a `Date` header on the
// sandbox's own, possibly skewed, clock).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, notFound } from './envelope.js';
import { handleOpen } from './open-legacy.js';
import { verifyPlatformAuth } from './platform-auth.js';
import { API_PREFIX, createState, matchPlatformRoute } from './routes/index.js';
import type {
  OpenCredentials,
  PlatformCredentials,
  RouteResult,
  SandboxLogger,
  SandboxRequest,
  Veri5Credentials,
} from './types.js';
import { VERI5_PREFIX, createVeri5State, handleVeri5 } from './veri5.js';

/** Largest request body accepted (1 MiB): the platform takes small JSON documents. */
const MAX_BODY_BYTES = 1024 * 1024;
/** The request log keeps at most this many entries (oldest dropped first). */
const MAX_LOGGED_REQUESTS = 10_000;

export interface ServerConfig {
  accounts: PlatformCredentials[];
  veri5: Veri5Credentials;
  open: OpenCredentials;
  clockOffsetSeconds: number;
  latencyMs: number;
  slowMs: number;
  trustForwardedFor: boolean;
  logger?: SandboxLogger;
  requests: SandboxRequest[];
}

export function createSandboxServer(config: ServerConfig): http.Server {
  const state = createState();
  const veri5State = createVeri5State();
  const nowMs = () => Date.now() + config.clockOffsetSeconds * 1000;

  function route(entry: SandboxRequest): RouteResult {
    const pathname = entry.target.split('?', 1)[0]!;
    const query = new URLSearchParams(entry.target.slice(pathname.length + 1));
    const nowSeconds = Math.floor(nowMs() / 1000);

    if (pathname === '/' && entry.method === 'GET') return { status: 200, json: info(config) };

    if (pathname.startsWith(`${API_PREFIX}/`)) {
      const auth = verifyPlatformAuth(entry, config.accounts, nowSeconds);
      if (!auth.ok) return auth.result;
      const match = matchPlatformRoute(entry.method, pathname);
      if (!match) return notFound(`No route ${entry.method} ${pathname}.`);
      if ('methodNotAllowed' in match) {
        return {
          ...fail(405, 'METHOD_NOT_ALLOWED', `Use ${match.methodNotAllowed} for ${pathname}.`),
          headers: { Allow: match.methodNotAllowed },
        };
      }
      entry.operation = match.route.id;
      let body: Record<string, unknown> = {};
      if (match.route.method === 'POST') {
        const parsed = parseJsonObject(entry.body);
        if (!parsed) return fail(400, 'VALIDATION_ERROR', 'The body must be a JSON object.');
        body = parsed;
      }
      return match.route.handler({ query, body, state, slowMs: config.slowMs });
    }

    if (pathname.startsWith(VERI5_PREFIX)) {
      const operation = pathname.slice(VERI5_PREFIX.length);
      if (entry.method !== 'POST') return notFound(`Veri5 operations are POST.`);
      const body = parseJsonObject(entry.body);
      if (!body)
        return {
          status: 400,
          code: '333',
          json: { response_status: { code: '333', message: 'Unexpected Error Occurred', status: 'FAIL' } },
        };
      entry.operation = `veri5.${operation}`;
      const result = handleVeri5(operation, {
        body,
        credentials: config.veri5,
        state: veri5State,
        slowMs: config.slowMs,
      });
      return result ?? notFound(`No Veri5 operation ${operation}.`);
    }

    if (pathname.startsWith('/open/')) {
      entry.operation = 'open';
      return handleOpen({ ...entry, pathname }, config.open, nowSeconds);
    }

    return notFound(`No route ${entry.method} ${pathname}. Platform routes live under ${API_PREFIX}/.`);
  }

  // Delayed answers (latency, slow magic values) are cancelled when the server closes.
  const pending = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const entry: SandboxRequest = {
        method: req.method ?? 'GET',
        target: req.url ?? '/',
        headers: req.headers,
        body: rawBody.toString('utf8'),
        rawBody,
        remoteAddress: remoteAddressOf(req, config.trustForwardedFor),
        receivedAt: Date.now(),
        status: 0,
      };
      config.requests.push(entry);
      // A long-running sandbox (the CLI) must not grow without bound; tests see far fewer.
      if (config.requests.length > MAX_LOGGED_REQUESTS) config.requests.splice(0, 1000);
      const started = Date.now();
      let result: RouteResult;
      try {
        result =
          size > MAX_BODY_BYTES
            ? fail(413, 'PAYLOAD_TOO_LARGE', 'Request body is larger than 1 MiB.')
            : route(entry);
      } catch (err) {
        result = fail(
          500,
          'INTERNAL_ERROR',
          `Sandbox error: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      const delay = config.latencyMs + (result.delayMs ?? 0);
      const finish = () => {
        entry.status = result.reset ? 0 : result.status;
        entry.code = result.code;
        config.logger?.info(
          `${entry.method} ${entry.target.split('?', 1)[0]} -> ${result.reset ? 'connection reset' : result.status}` +
            `${result.code ? ` ${result.code}` : ''}${entry.operation ? ` (${entry.operation})` : ''} ${Date.now() - started} ms`,
        );
        if (result.reset) {
          req.socket.destroy();
          return;
        }
        const text = JSON.stringify(result.json ?? {});
        res.writeHead(result.status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(text),
          Date: new Date(nowMs()).toUTCString(),
          'X-Request-Id': `req_sandbox_${config.requests.length}`,
          ...result.headers,
        });
        res.end(text);
      };
      if (delay > 0) {
        const timer = setTimeout(() => {
          pending.delete(timer);
          finish();
        }, delay);
        pending.add(timer);
      } else finish();
    });
  });
  server.on('close', () => {
    for (const t of pending) clearTimeout(t);
    pending.clear();
  });
  return server;
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

function remoteAddressOf(req: http.IncomingMessage, trustForwardedFor: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustForwardedFor && typeof forwarded === 'string' && forwarded.trim())
    return forwarded.split(',')[0]!.trim();
  const addr = req.socket.remoteAddress ?? '';
  return addr.startsWith('::ffff:') ? addr.slice(7) : addr;
}

/** GET / : what this sandbox is and how to call it (no secrets beyond the public test ones). */
function info(config: ServerConfig): unknown {
  const main = config.accounts[0]!;
  return {
    name: 'vistarkriya sandbox',
    platform: { base_path: API_PREFIX, api_key: main.apiKey, admin_code: main.adminCode },
    veri5: { base_path: VERI5_PREFIX, client_code: config.veri5.clientCode, api_key: config.veri5.apiKey },
    open: { base_path: '/open/', access_key: config.open.accessKey },
  };
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
