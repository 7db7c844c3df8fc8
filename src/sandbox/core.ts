// The sandbox as one web-standard handler: `fetch(request: Request): Promise<Response>`. Web APIs
// only (Request, Response, URL, TextEncoder, timers; WebCrypto through src/platform/crypto.ts in
// the web build), so the same core serves the Node server (node.ts), msw (vistarkriya/testing),
// and any runtime with a Fetch API.
import type { FetchLike } from '../transport/fetch.js';
import { concatBytes, utf8Decode } from './bytes.js';
import { type SandboxConfig, createRouter } from './dispatch.js';
import { fail } from './envelope.js';
import { MAGIC, MAGIC_API_KEY_IP_BLOCKED } from './magic.js';
import { requestLog } from './request-log.js';
import type {
  OpenCredentials,
  PlatformCredentials,
  RouteResult,
  SandboxCoreOptions,
  SandboxHeaders,
  SandboxRequest,
  Veri5Credentials,
} from './types.js';

/** The default platform account: API key, secret and admin code printed at start. */
export const SANDBOX_CREDENTIALS: Readonly<PlatformCredentials> = Object.freeze({
  apiKey: 'vk_test_sandbox',
  apiSecret: 'sandbox_secret',
  adminCode: '123456',
});
/** The default Veri5 account. */
export const SANDBOX_VERI5_CREDENTIALS: Readonly<Veri5Credentials> = Object.freeze({
  clientCode: 'VERI5_TEST',
  apiKey: 'veri5_test_key',
  salt: 'veri5_test_salt',
});
/** The default Open legacy key pair. */
export const SANDBOX_OPEN_CREDENTIALS: Readonly<OpenCredentials> = Object.freeze({
  accessKey: 'open_test_key',
  secretKey: 'open_test_secret',
});

/** Largest request body accepted (1 MiB): the platform takes small JSON documents. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** What the host knows about the connection a request came on. */
export interface SandboxConnection {
  /** The caller's IP address (for `allowedIps`). Default `127.0.0.1`: an in-process caller is local. */
  remoteAddress?: string;
}

/** A sandbox that answers Fetch API requests: no port, no server, any runtime. */
export interface WebSandbox {
  /**
   * Answers one request. Signatures are checked over the exact body bytes received and over the
   * URL's path and query. A simulated connection reset answers `Response.error()`.
   */
  fetch(request: Request, connection?: SandboxConnection): Promise<Response>;
  /** Every request received, in order, exactly as it arrived (bounded: see docs/sandbox-and-testing.md, "Test credentials"). */
  requests: SandboxRequest[];
  /** The accounts this sandbox accepts. */
  credentials: { platform: PlatformCredentials; veri5: Veri5Credentials; open: OpenCredentials };
  /** Options for `new VistarkriyaClient(...)` that call this sandbox directly (through `fetch`). */
  clientOptions: { apiKey: string; apiSecret: string; adminCode: string; fetch: FetchLike };
  /** Options for `new Veri5Client(...)` that call this sandbox directly (through `fetch`). */
  veri5Options: { clientCode: string; apiKey: string; salt: string; fetch: FetchLike };
  /** The credentials as environment variables: `VISTARKRIYA_API_KEY`, `_API_SECRET`, `_ADMIN_CODE`, `VERI5_CLIENT_CODE`, `_API_KEY`, `_SALT`. */
  env: Record<string, string>;
  /** The magic identifiers (see docs/sandbox-and-testing.md, "Magic values"). */
  magic: typeof MAGIC;
}

/** @internal A request exactly as a host received it, before any parsing. */
export interface RawSandboxRequest {
  method: string;
  /** The request target as sent (path + query): what was signed. */
  target: string;
  headers: SandboxHeaders;
  /** The body, or its first {@link MAX_BODY_BYTES} bytes when it is larger. */
  body: Uint8Array;
  /** How many body bytes arrived in all. */
  bodyBytes: number;
  /** The peer's address (before `trustForwardedFor`). */
  remoteAddress: string;
  /** Aborted when the caller gives up: a delayed answer then ends at once. */
  signal?: AbortSignal;
}

/** @internal The core and its raw entry point (the Node server passes bytes through it unparsed). */
export interface SandboxCore {
  sandbox: WebSandbox;
  handle(raw: RawSandboxRequest): Promise<Response>;
}

/**
 * Creates a sandbox of the Vistarkriya platform, Veri5 and the Open legacy scheme that answers
 * `fetch(request)`. It checks signatures exactly and has the magic values of `startSandbox()`.
 *
 * @example
 * ```ts
 * const sandbox = createSandbox();
 * const vk = new VistarkriyaClient(sandbox.clientOptions); // calls sandbox.fetch, no network
 * await vk.verify.pan({ pan: sandbox.magic.pan.valid });
 * ```
 */
export function createSandbox(options: SandboxCoreOptions = {}): WebSandbox {
  return createSandboxCore(options).sandbox;
}

/** @internal */
export function createSandboxCore(options: SandboxCoreOptions = {}): SandboxCore {
  const platform: PlatformCredentials = {
    ...SANDBOX_CREDENTIALS,
    ...options.credentials,
    ...(options.allowedIps ? { allowedIps: options.allowedIps } : {}),
  };
  const veri5 = { ...SANDBOX_VERI5_CREDENTIALS, ...options.veri5 };
  const open = { ...SANDBOX_OPEN_CREDENTIALS, ...options.open };
  // A second key, same secret, whose allow-list never contains the caller (magic AUTH_IP_BLOCKED).
  const ipBlocked: PlatformCredentials = {
    ...platform,
    apiKey: MAGIC_API_KEY_IP_BLOCKED,
    allowedIps: ['203.0.113.10'],
  };
  const config: SandboxConfig = {
    accounts: [platform, ipBlocked],
    veri5,
    open,
    clockOffsetSeconds: options.clockOffsetSeconds ?? 0,
    latencyMs: options.latencyMs ?? 0,
    slowMs: options.slowMs ?? 2500,
    trustForwardedFor: options.trustForwardedFor ?? false,
    logger: options.logger,
  };
  const requests: SandboxRequest[] = [];
  const handle = createHandler(config, requests);

  async function fetch(request: Request, connection: SandboxConnection = {}): Promise<Response> {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const { bytes, size } = await readBody(request.body, MAX_BODY_BYTES);
    return handle({
      method: request.method,
      target: url.pathname + url.search,
      headers,
      body: bytes,
      bodyBytes: size,
      remoteAddress: connection.remoteAddress ?? '127.0.0.1',
      signal: request.signal,
    });
  }

  // What a client's `fetch` option gets: a reset is a rejected promise, as from a real `fetch`.
  const clientFetch: FetchLike = async (input, init) => {
    const response = await fetch(new Request(input, init));
    if (response.type === 'error') throw new TypeError('fetch failed: the sandbox reset the connection');
    return response;
  };

  const sandbox: WebSandbox = {
    fetch,
    requests,
    credentials: { platform, veri5, open },
    clientOptions: {
      apiKey: platform.apiKey,
      apiSecret: platform.apiSecret,
      adminCode: platform.adminCode,
      fetch: clientFetch,
    },
    veri5Options: {
      clientCode: veri5.clientCode,
      apiKey: veri5.apiKey,
      salt: veri5.salt,
      fetch: clientFetch,
    },
    env: {
      VISTARKRIYA_API_KEY: platform.apiKey,
      VISTARKRIYA_API_SECRET: platform.apiSecret,
      VISTARKRIYA_ADMIN_CODE: platform.adminCode,
      VERI5_CLIENT_CODE: veri5.clientCode,
      VERI5_API_KEY: veri5.apiKey,
      VERI5_SALT: veri5.salt,
    },
    magic: MAGIC,
  };
  return { sandbox, handle };
}

/** Logs each request, routes it, waits for any simulated latency, and builds the answer. */
function createHandler(config: SandboxConfig, requests: SandboxRequest[]) {
  const route = createRouter(config);
  const log = requestLog(requests);
  const nowMs = () => Date.now() + config.clockOffsetSeconds * 1000;
  let served = 0;

  return async function handle(raw: RawSandboxRequest): Promise<Response> {
    const started = Date.now();
    const entry: SandboxRequest = {
      method: raw.method,
      target: raw.target,
      headers: raw.headers,
      body: utf8Decode(raw.body),
      rawBody: raw.body,
      bodyBytes: raw.bodyBytes,
      remoteAddress: callerAddress(raw, config.trustForwardedFor),
      receivedAt: started,
      status: 0,
    };
    let result: RouteResult;
    try {
      result =
        raw.bodyBytes > MAX_BODY_BYTES
          ? { ...fail(413, 'PAYLOAD_TOO_LARGE', 'Request body is larger than 1 MiB.'), rejected: true }
          : await route(entry, Math.floor(nowMs() / 1000));
    } catch (err) {
      result = fail(
        500,
        'INTERNAL_ERROR',
        `Sandbox error: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    // Logged once routed: a request refused before it was served keeps its metadata only.
    log.add(entry, result.rejected === true);
    const delay = config.latencyMs + (result.delayMs ?? 0);
    // The caller gave up (or the server closed) while the answer was delayed: nobody is listening.
    if (delay > 0 && !(await sleep(delay, raw.signal))) return Response.error();
    entry.status = result.reset ? 0 : result.status;
    entry.code = result.code;
    config.logger?.info(
      `${entry.method} ${entry.target.split('?', 1)[0]} -> ${result.reset ? 'connection reset' : result.status}` +
        `${result.code ? ` ${result.code}` : ''}${entry.operation ? ` (${entry.operation})` : ''} ${Date.now() - started} ms`,
    );
    if (result.reset) return Response.error();
    served += 1;
    return new Response(JSON.stringify(result.json ?? {}), {
      status: result.status,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        Date: new Date(nowMs()).toUTCString(),
        'X-Request-Id': `req_sandbox_${served}`,
        ...result.headers,
      },
    });
  };
}

function callerAddress(raw: RawSandboxRequest, trustForwardedFor: boolean): string {
  const forwarded = raw.headers['x-forwarded-for'];
  if (trustForwardedFor && typeof forwarded === 'string' && forwarded.trim())
    return forwarded.split(',')[0]!.trim();
  return raw.remoteAddress.startsWith('::ffff:') ? raw.remoteAddress.slice(7) : raw.remoteAddress;
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Reads a whole body, keeping at most `max` bytes but counting all of them (a body over the
 * limit is answered 413 with its true size logged).
 */
async function readBody(
  body: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<{ bytes: Uint8Array; size: number }> {
  if (!body) return { bytes: new Uint8Array(0), size: 0 };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= max) chunks.push(value);
  }
  return { bytes: concatBytes(chunks), size };
}
