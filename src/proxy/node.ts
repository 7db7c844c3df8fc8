// Adapter from node:http / Express / Connect to the Fetch-API handler. It uses only Web APIs and
// the req/res objects it is given (no `node:` imports), so it is safe in the web build too.
import { DEFAULT_MAX_BODY_BYTES } from './body.js';
import { checkPathSyntax, splitTarget } from './path.js';
import { errorResponse } from './respond.js';

/** The parts of `http.IncomingMessage` (or an Express request) the adapter uses. */
export interface NodeRequestLike {
  method?: string | undefined;
  url?: string | undefined;
  /** Express keeps the full path here when the handler is mounted with `app.use('/api/vk', ...)`. */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Set when a body parser (e.g. `express.json()`) already read the body. */
  body?: unknown;
  readableEnded?: boolean;
  /** A TLS socket has `encrypted: true`. */
  socket?: object | null;
  /** Subscribes to request body chunks. */
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  /** Subscribes to the end of the request. */
  on(event: 'end' | 'close', listener: () => void): unknown;
  /** Subscribes to request stream errors. */
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Drops the listeners the adapter added. */
  removeAllListeners?(event?: string): unknown;
  /** Drains a body the adapter does not read. */
  resume?(): unknown;
}

/** The parts of `http.ServerResponse` (or an Express response) the adapter uses. */
export interface NodeResponseLike {
  statusCode: number;
  headersSent?: boolean;
  writableEnded?: boolean;
  /** Sets one response header. */
  setHeader(name: string, value: string | readonly string[]): unknown;
  /** Writes the last chunk and ends the response. */
  end(chunk?: Uint8Array | string): unknown;
  /** Subscribes to the connection closing early. */
  on(event: 'close', listener: () => void): unknown;
}

/** `(req, res, next?)`: works as a `node:http` request listener and as Express/Connect middleware. */
export type NodeHandler = (
  req: NodeRequestLike,
  res: NodeResponseLike,
  next?: (err?: unknown) => void,
) => Promise<void>;

type FetchHandler = ((request: Request) => Promise<Response>) & { readonly maxBodyBytes?: number };

const encoder = new TextEncoder();
// Connection-level headers describe the Node socket, not the request the handler sees.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'expect',
  'te',
  'trailer',
]);

/**
 * Mounts a Fetch-API handler (e.g. `createProxyHandler(...)`) on `node:http` or Express:
 *
 * ```ts
 * http.createServer(toNodeHandler(handler));          // node:http
 * app.use('/api/vk', toNodeHandler(handler));         // Express (basePath: '/api/vk')
 * ```
 * The raw path is checked for tricks before it is parsed (a URL parser would quietly resolve `..`).
 */
export function toNodeHandler(handler: FetchHandler): NodeHandler {
  const maxBodyBytes = handler.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (req, res, next) => {
    try {
      const raw = req.originalUrl ?? req.url ?? '/';
      const syntax = raw.startsWith('/') ? checkPathSyntax(splitTarget(raw).path) : undefined;
      if (!raw.startsWith('/') || syntax) {
        await write(res, errorResponse(400, 'INVALID_PATH', syntax?.message ?? 'Refused path.'));
        return;
      }
      const method = (req.method ?? 'GET').toUpperCase();
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || name.startsWith(':') || HOP_BY_HOP.has(name.toLowerCase())) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
      }
      let body: Uint8Array | undefined;
      let truncated = false;
      if (method !== 'GET' && method !== 'HEAD') {
        const read = await readBodyPrefix(req, maxBodyBytes);
        body = read.bytes;
        truncated = read.truncated;
        headers.delete('content-length');
      }
      const controller = new AbortController();
      res.on('close', () => {
        if (!res.writableEnded) controller.abort();
      });
      const protocol = (req.socket as { encrypted?: boolean } | null | undefined)?.encrypted
        ? 'https'
        : 'http';
      const request = new Request(`${protocol}://${safeHost(req.headers.host)}${raw}`, {
        method,
        headers,
        body: body as BodyInit | undefined,
        signal: controller.signal,
      });
      const response = await handler(request);
      // The rest of an oversize upload was not read: do not keep the connection for the next request.
      if (truncated) res.setHeader('connection', 'close');
      await write(res, response);
    } catch (err) {
      if (next) return next(err);
      if (!res.headersSent) await write(res, errorResponse(500, 'PROXY_ERROR', 'The proxy failed.'));
      else res.end();
    }
  };
}

function safeHost(host: string | string[] | undefined): string {
  const h = Array.isArray(host) ? host[0] : host;
  return h && /^[A-Za-z0-9.:[\]-]+$/.test(h) ? h : 'localhost';
}

/**
 * Reads the body (or what a body parser left), keeping at most `max + 1` bytes: enough to know it is too
 * large.
 */
function readBodyPrefix(
  req: NodeRequestLike,
  max: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const parsed = req.body;
  if (parsed !== undefined) {
    const bytes =
      parsed instanceof Uint8Array
        ? parsed
        : encoder.encode(typeof parsed === 'string' ? parsed : JSON.stringify(parsed));
    return Promise.resolve({ bytes, truncated: false });
  }
  if (req.readableEnded) return Promise.resolve({ bytes: new Uint8Array(0), truncated: false });
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    const finish = (truncated: boolean) => {
      if (done) return;
      done = true;
      const bytes = new Uint8Array(Math.min(size, max + 1));
      let offset = 0;
      for (const c of chunks) {
        const part = c.subarray(0, bytes.byteLength - offset);
        bytes.set(part, offset);
        offset += part.byteLength;
      }
      resolve({ bytes, truncated });
    };
    req.on('data', (chunk) => {
      if (done) return;
      const c = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      chunks.push(c);
      size += c.byteLength;
      if (size > max) {
        // Stop buffering; the rest of the upload is drained and dropped.
        finish(true);
      }
    });
    req.on('end', () => finish(false));
    req.on('error', (err) => {
      if (!done) {
        done = true;
        reject(err);
      }
    });
  });
}

async function write(res: NodeResponseLike, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    // `forEach` yields each Set-Cookie separately; `setHeader` would keep only the last one.
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  const body = new Uint8Array(await response.arrayBuffer());
  res.end(body);
}
