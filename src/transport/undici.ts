import { ClientClosedError } from '../core/errors.js';
import { FetchTransport } from './fetch.js';
import type { AbortSource, Transport, TransportRequest, TransportResponse } from './types.js';
import { TransportError, classifyNetworkError } from './types.js';

/**
 * Where `@mswjs/interceptors` keeps its fetch interceptor while it is applied (msw's
 * `setupServer().listen()` until `.close()`; nock 14 too): `Interceptor.apply()` stores the running
 * instance on `globalThis` under this registered symbol, and `dispose()` deletes it. msw patches
 * `globalThis.fetch` but never sees undici's own dispatcher, so while it is present the transport
 * sends through `globalThis.fetch`. Reading one property is the whole cost on the normal path.
 */
const FETCH_INTERCEPTOR = Symbol.for('fetch-interceptor');

type UndiciModule = typeof import('undici');
type Dispatcher = import('undici').Dispatcher;

const REFUSED = 'The request was not sent: the HTTP client refused it.';

// undici costs ~50 ms to require; load it on the first request, not on import.
let undiciModule: Promise<UndiciModule> | undefined;
function loadUndici(): Promise<UndiciModule> {
  undiciModule ??= import('undici');
  return undiciModule;
}

export interface UndiciTransportOptions {
  /** Keep-alive sockets per origin; undici's Agent keeps one pool per origin. */
  connections?: number;
  keepAliveTimeout?: number;
}

/** Node transport: `undici.request` on a keep-alive Agent owned by the client. */
export class UndiciTransport implements Transport {
  /** @internal undici accepts the pipeline's EventEmitter-shaped abort state as its `signal`. */
  readonly usesAbortSource = true;
  private agent: Dispatcher | undefined;
  private agentPromise: Promise<Dispatcher> | undefined;
  // Final: a closed transport never makes a new Agent (one that nobody would ever close).
  private closed = false;
  /** Made on the first call while msw (or another fetch interceptor) is listening. */
  private intercepted: FetchTransport | undefined;

  constructor(private readonly options: UndiciTransportOptions = {}) {}

  private dispatcher(): Dispatcher | Promise<Dispatcher> {
    if (this.agent) return this.agent;
    this.agentPromise ??= loadUndici().then((u) => {
      this.agent = new u.Agent({
        keepAliveTimeout: this.options.keepAliveTimeout ?? 10_000,
        ...(this.options.connections ? { connections: this.options.connections } : {}),
      });
      this.request = u.request;
      return this.agent;
    });
    return this.agentPromise;
  }

  private request: UndiciModule['request'] | undefined;
  private lastUrl: string | undefined;
  private lastSplit: { origin: string; path: string } | undefined;

  async send(req: TransportRequest): Promise<TransportResponse> {
    if (this.closed) throw new ClientClosedError();
    if ((globalThis as Record<symbol, unknown>)[FETCH_INTERCEPTOR] !== undefined)
      return this.sendIntercepted(req);
    const d = this.dispatcher();
    const dispatcher = d instanceof Promise ? await d : d;
    // Closed while undici was loading: the Agent is being closed, nothing was sent.
    if (this.closed) throw new ClientClosedError();
    // The EventEmitter-shaped abort state when the pipeline gives one (see core/call-abort-node.ts).
    const signal = (req.abortSource ?? req.signal) as AbortSignal;
    // Calls repeat their URL (a bulk run sends one operation): the last split is kept.
    let split = this.lastSplit;
    if (req.url !== this.lastUrl) {
      split = splitStableUrl(req.url);
      this.lastUrl = req.url;
      this.lastSplit = split;
    }
    let pending: ReturnType<UndiciModule['request']>;
    try {
      pending = split
        ? dispatcher.request({
            origin: split.origin,
            path: split.path,
            method: req.method as 'GET',
            headers: req.headers,
            body: req.body,
            signal,
          })
        : this.request!(req.url, {
            method: req.method as 'GET',
            headers: req.headers,
            body: req.body,
            signal,
            dispatcher,
          });
    } catch (err) {
      // Thrown before undici returned its promise (undici reports its own failures through the
      // promise): no connection was touched, so nothing was sent, and sending again cannot help.
      throw new TransportError('invalid', REFUSED, undefined, { cause: err });
    }
    let res: Awaited<typeof pending>;
    try {
      res = await pending;
    } catch (err) {
      throw classifyNetworkError(err, signal);
    }
    const headers = flattenHeaders(res.headers);
    const declared = headers['content-length'];
    if (declared !== undefined && Number(declared) > req.maxResponseBytes) {
      discard(res.body);
      throw new TransportError(
        'too-large',
        `Response body of ${declared} bytes is over the limit.`,
        res.statusCode,
      );
    }
    let body: string;
    try {
      body =
        declared !== undefined
          ? await res.body.text()
          : await readTextWithinLimit(res.body, req.maxResponseBytes, res.statusCode);
    } catch (err) {
      // `signal`, not `req.signal`: with `usesAbortSource` the latter is unset.
      throw classifyNetworkError(err, signal);
    }
    return { status: res.statusCode, headers, body };
  }

  /** Through the (patched) `globalThis.fetch`, looked up per call: msw restores it on `close()`. */
  private sendIntercepted(req: TransportRequest): Promise<TransportResponse> {
    this.intercepted ??= new FetchTransport((url, init) => globalThis.fetch(url, init));
    return this.intercepted.send({
      ...req,
      signal: req.abortSource ? signalOf(req.abortSource) : req.signal,
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const agent = this.agent ?? (this.agentPromise ? await this.agentPromise : undefined);
    this.agent = undefined;
    this.agentPromise = undefined;
    await agent?.close();
  }
}

// A request target the WHATWG URL parser leaves exactly as it is: only characters it never
// percent-encodes in a path or an http query, and no segment starting with `.` or `%2e` (dot
// segments are rewritten). `undici.request(url)` would parse such a URL (~10 µs of CPU per call
// with its wrapper) only to send the same bytes, so it goes to the Agent as origin + path.
// Anything else takes `undici.request(url)`, which sends what the URL parser makes of it. (One
// difference, for the better: a bare trailing `?`, which the parser drops, is sent as signed.)
// Checked with a table, one character at a time: two regular expressions cost ~2 µs per call.
const STABLE = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~!$&()*+,;=:@/%?')
  STABLE[c.charCodeAt(0)] = 1;
const SLASH = 0x2f;
const DOT = 0x2e;
const PERCENT = 0x25;

/** Whether `path` (from its leading `/`) is sent as it is by the URL parser (see STABLE). */
function isStableTarget(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c >= 128 || STABLE[c] === 0) return false;
    if (c !== SLASH) continue;
    // A segment starting with `.` or `%2e` (either case): a dot segment, or one that may be.
    const next = path.charCodeAt(i + 1);
    if (next === DOT) return false;
    if (next === PERCENT && path.charCodeAt(i + 2) === 0x32 && (path.charCodeAt(i + 3) | 0x20) === 0x65)
      return false;
  }
  return true;
}

/** @internal Exported for tests. */
export function splitStableUrl(url: string): { origin: string; path: string } | undefined {
  if (!url.startsWith('http://') && !url.startsWith('https://')) return undefined;
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  // No userinfo (`user:pw@host`): undici.request handles that form.
  if (slash === -1 || url.lastIndexOf('@', slash) !== -1) return undefined;
  const path = url.slice(slash);
  return isStableTarget(path) ? { origin: url.slice(0, slash), path } : undefined;
}

/** A standard `AbortSignal` that follows the pipeline's EventEmitter-shaped abort state. */
function signalOf(source: AbortSource): AbortSignal {
  const controller = new AbortController();
  if (source.aborted) controller.abort(source.reason);
  else source.once('abort', () => controller.abort(source.reason));
  return controller.signal;
}

/**
 * Drops a body we will not read. undici's BodyReadable emits a `RequestAbortedError` when it is
 * destroyed unread; without a listener that would be an uncaught exception in the user's process.
 */
function discard(body: { destroy(): unknown; on?(event: 'error', listener: () => void): unknown }): void {
  body.on?.('error', () => {});
  body.destroy();
}

/**
 * undici's response headers as the transport's `Record<string, string>`, in place (the object is
 * this response's own): a repeated header's values are joined with `, `.
 */
function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  for (const key in raw) {
    const v = raw[key];
    if (typeof v === 'string') continue;
    if (v === undefined) delete raw[key];
    else raw[key] = v.join(', ');
  }
  return raw as Record<string, string>;
}

/** The body as UTF-8 text; throws a `too-large` TransportError as soon as it passes `limit` bytes. */
async function readTextWithinLimit(
  body: AsyncIterable<Uint8Array> & { destroy(): unknown },
  limit: number,
  status: number,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) {
      discard(body);
      throw new TransportError('too-large', `Response body is over the ${limit}-byte limit.`, status);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
