import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Faults the server can inject, per request. Chosen by the `x-fault` request header (or, when a
 * request has none, by the next entry of the script queue); `x-fault-times: N` applies the fault
 * to the first N attempts of the call named by `x-call-id` and answers normally afterwards.
 */
export type Fault =
  /** A normal `{ success: true, data }` answer. */
  | 'ok'
  /** TCP RST as soon as the request head arrived, before the body is read. */
  | 'reset-before'
  /** TCP RST after the whole request was read (the server may have acted). */
  | 'reset-after'
  /** 429 RATE_LIMITED with `Retry-After` (`x-fault-retry-after`, default 0). */
  | '429'
  /** 503 SERVICE_UNAVAILABLE with `Retry-After` (`x-fault-retry-after`, default 0). */
  | '503'
  /** A proxy's HTML 502 page. */
  | 'html-502'
  /** 200 with a Content-Length larger than what is sent, then the socket is destroyed. */
  | 'truncated'
  /** 200 headers with a Content-Length, then nothing (until the server closes). */
  | 'stall'
  /** A 200 JSON body of `x-fault-size` bytes (default 64 KiB) with its Content-Length. */
  | 'oversized'
  /** The same without Content-Length (chunked), so only counting the bytes can catch it. */
  | 'oversized-chunked'
  /** A normal answer after `x-fault-delay-ms` (default 3000) ms. */
  | 'delay'
  /** 400 VALIDATION_ERROR whose message echoes the request body (a careless server). */
  | 'echo-body'
  /** 401 HMAC_INVALID whose message echoes the received signature and the string it signed. */
  | 'echo-signature'
  /** 500 whose response headers echo every request header (a debugging proxy). */
  | 'echo-headers';

export const FAULTS: readonly Fault[] = [
  'ok',
  'reset-before',
  'reset-after',
  '429',
  '503',
  'html-502',
  'truncated',
  'stall',
  'oversized',
  'oversized-chunked',
  'delay',
  'echo-body',
  'echo-signature',
  'echo-headers',
];

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  target: string;
  headers: http.IncomingHttpHeaders;
  /** Empty for `reset-before` (the body is never read). */
  body: string;
  fault: Fault;
  callId: string | undefined;
  /** 1-based attempt number within the call. */
  attempt: number;
  /** `performance.now()` when the request head arrived. */
  at: number;
}

export interface FaultServerOptions {
  /**
   * The server's clock is this many seconds off the real one. With `secret` set, requests whose
   * `X-Timestamp` is more than 300 s off the server clock get 401 `TIMESTAMP_EXPIRED`.
   */
  clockOffsetSeconds?: number;
  /**
   * What the `Date` header says: the (offset) server time (default), nothing, garbage, or the real
   * time (a server whose validation clock and Date header disagree, so correcting cannot help).
   */
  dateHeader?: 'server' | 'missing' | 'garbage' | 'real';
  /** When set, `X-Signature` is checked (seed 000 formula over the raw bytes) before any fault. */
  secret?: string;
}

export const HTML_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n' +
  '<!-- a padding comment that makes the page longer than any sensible error excerpt ........ -->\r\n'.repeat(
    8,
  );

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function envelopeError(res: http.ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ success: false, error: { code, message, http_status: status } });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Starts the fault-injection server on 127.0.0.1 (random port). Always `close()` it. */
export async function startFaultServer(options: FaultServerOptions = {}) {
  const seen: SeenRequest[] = [];
  const queue: Fault[] = [];
  const attemptsByCall = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const serverNow = () => Date.now() + (options.clockOffsetSeconds ?? 0) * 1000;

  const server = http.createServer(async (req, res) => {
    const at = performance.now();
    const callId = header(req, 'x-call-id');
    const attempt = (callId ? (attemptsByCall.get(callId) ?? 0) : 0) + 1;
    if (callId) attemptsByCall.set(callId, attempt);
    const times = Number(header(req, 'x-fault-times') ?? Number.POSITIVE_INFINITY);
    const requested = (header(req, 'x-fault') as Fault | undefined) ?? queue.shift() ?? 'ok';
    const fault: Fault = attempt <= times ? requested : 'ok';
    const record: SeenRequest = {
      method: req.method!,
      target: req.url!,
      headers: req.headers,
      body: '',
      fault,
      callId,
      attempt,
      at,
    };
    seen.push(record);

    if (options.dateHeader === 'missing') res.sendDate = false;
    else if (options.dateHeader === 'garbage') res.setHeader('date', 'yesterday-ish, 99 Foo 20xx');
    else
      res.setHeader('date', new Date(options.dateHeader === 'real' ? Date.now() : serverNow()).toUTCString());
    const requestId = `req_${seen.length}`;
    res.setHeader('x-request-id', requestId);

    if (fault === 'reset-before') {
      req.socket.resetAndDestroy();
      return;
    }
    const raw = await readBody(req).catch(() => undefined);
    if (!raw) return;
    record.body = raw.toString('utf8');

    if (options.secret !== undefined) {
      const ts = Number(header(req, 'x-timestamp'));
      const expected = createHmac('sha256', options.secret)
        .update(Buffer.concat([Buffer.from(`${header(req, 'x-timestamp')}${req.method}${req.url}`), raw]))
        .digest('hex');
      if (expected !== header(req, 'x-signature'))
        return envelopeError(res, 401, 'HMAC_INVALID', 'Signature verification failed');
      if (!Number.isFinite(ts) || Math.abs(ts - Math.floor(serverNow() / 1000)) > 300) {
        return envelopeError(
          res,
          401,
          'TIMESTAMP_EXPIRED',
          'Request timestamp is outside the 5-minute window',
        );
      }
    }

    const retryAfter = header(req, 'x-fault-retry-after') ?? '0';
    const okBody = JSON.stringify({ success: true, data: { ok: true, attempt, call: callId ?? null } });
    switch (fault) {
      case 'ok':
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(okBody),
        });
        res.end(okBody);
        return;
      case 'reset-after':
        req.socket.resetAndDestroy();
        return;
      case '429':
        res.setHeader('retry-after', retryAfter);
        return envelopeError(res, 429, 'RATE_LIMITED', 'Too many requests');
      case '503':
        res.setHeader('retry-after', retryAfter);
        return envelopeError(res, 503, 'SERVICE_UNAVAILABLE', 'Service temporarily unavailable');
      case 'html-502':
        res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(HTML_502) });
        res.end(HTML_502);
        return;
      case 'truncated': {
        const half = okBody.slice(0, Math.floor(okBody.length / 2));
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': okBody.length + 100 });
        res.write(half, () => res.socket?.destroy());
        return;
      }
      case 'stall':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
        res.flushHeaders();
        return; // never answered; close() destroys the socket
      case 'oversized':
      case 'oversized-chunked': {
        const size = Number(header(req, 'x-fault-size') ?? 64 * 1024);
        const big = JSON.stringify({ success: true, data: { pad: 'x'.repeat(size) } });
        res.writeHead(200, {
          'content-type': 'application/json',
          ...(fault === 'oversized' ? { 'content-length': Buffer.byteLength(big) } : {}),
        });
        // Chunked: several writes, so the client sees the size grow past its limit.
        if (fault === 'oversized-chunked')
          for (let i = 0; i < big.length; i += 4096) res.write(big.slice(i, i + 4096));
        else res.write(big);
        res.end();
        return;
      }
      case 'echo-body':
        return envelopeError(res, 400, 'VALIDATION_ERROR', `Invalid request body: ${record.body}`);
      case 'echo-signature':
        return envelopeError(
          res,
          401,
          'HMAC_INVALID',
          `Signature ${header(req, 'x-signature')} does not match the one for ` +
            `"${header(req, 'x-timestamp')}${req.method}${req.url}${record.body}"`,
        );
      case 'echo-headers':
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string') res.setHeader(`x-echo-${name}`, value);
        }
        return envelopeError(res, 500, 'INTERNAL_ERROR', 'Something broke');
      case 'delay': {
        const t = setTimeout(
          () => {
            timers.delete(t);
            if (res.destroyed) return;
            res.writeHead(200, {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(okBody),
            });
            res.end(okBody);
          },
          Number(header(req, 'x-fault-delay-ms') ?? 3000),
        );
        timers.add(t);
        // A client that gave up (timeout, abort) closes the socket: drop the timer with it, so
        // leak checks see only what the client left behind.
        res.on('close', () => {
          clearTimeout(t);
          timers.delete(t);
        });
        return;
      }
    }
  });
  // 1,000 concurrent connections in the load test: a deep accept queue avoids SYN retransmits.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  const { port } = server.address() as AddressInfo;

  const count = (pred: (r: SeenRequest) => boolean) => seen.filter(pred).length;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    /** Faults for requests without an `x-fault` header, consumed in order. */
    queue,
    /** Requests seen in total, or for one call id. */
    count: (callId?: string) => (callId === undefined ? seen.length : count((r) => r.callId === callId)),
    /** Requests seen per fault actually served. */
    countByFault(): Record<string, number> {
      const out: Record<string, number> = {};
      for (const r of seen) out[r.fault] = (out[r.fault] ?? 0) + 1;
      return out;
    },
    reset() {
      seen.length = 0;
      queue.length = 0;
      attemptsByCall.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FaultServer = Awaited<ReturnType<typeof startFaultServer>>;

/** A port on 127.0.0.1 that nothing listens on (bound, then released): connection refused. */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
