import type { Transport, TransportRequest, TransportResponse } from './types.js';
import { TransportError, classifyNetworkError } from './types.js';

type UndiciModule = typeof import('undici');
type Dispatcher = import('undici').Dispatcher;

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
  private agent: Dispatcher | undefined;
  private agentPromise: Promise<Dispatcher> | undefined;

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

  async send(req: TransportRequest): Promise<TransportResponse> {
    const d = this.dispatcher();
    const dispatcher = d instanceof Promise ? await d : d;
    let res: Awaited<ReturnType<UndiciModule['request']>>;
    try {
      res = await this.request!(req.url, {
        method: req.method as 'GET',
        headers: req.headers,
        body: req.body,
        signal: req.signal,
        dispatcher,
      });
    } catch (err) {
      throw classifyNetworkError(err, req.signal);
    }
    const headers = flattenHeaders(res.headers);
    const declared = headers['content-length'];
    if (declared !== undefined && Number(declared) > req.maxResponseBytes) {
      res.body.destroy();
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
          : await readCapped(res.body, req.maxResponseBytes, res.statusCode);
    } catch (err) {
      throw classifyNetworkError(err, req.signal);
    }
    return { status: res.statusCode, headers, body };
  }

  async close(): Promise<void> {
    const agent = this.agent ?? (this.agentPromise ? await this.agentPromise : undefined);
    this.agent = undefined;
    this.agentPromise = undefined;
    await agent?.close();
  }
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in raw) {
    const v = raw[key];
    if (v !== undefined) out[key] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

async function readCapped(
  body: AsyncIterable<Uint8Array> & { destroy(): unknown },
  limit: number,
  status: number,
): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) {
      body.destroy();
      throw new TransportError('too-large', `Response body is over the ${limit}-byte limit.`, status);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
