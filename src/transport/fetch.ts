import { ClientClosedError } from '../core/errors.js';
import type { Transport, TransportRequest, TransportResponse } from './types.js';
import { readAtMost } from './read-at-most.js';
import { TransportError, classifyNetworkError } from './types.js';

/** Any `fetch`-compatible function (the global one, undici's, node-fetch, an instrumented wrapper). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Transport over the Fetch API: browsers, workers, Deno, Bun, or a user-supplied `fetch`. It passes
 * header names as written but cannot promise their spelling on the wire: a `Headers` object hands
 * names out lower-cased (Fetch standard), so a `fetch` or wrapper that copies headers through one
 * sends `x-api-key`, and HTTP/2 and HTTP/3 are lower-case by definition. A server reached through it
 * must read headers case-insensitively. The Node transport (undici) sends names as written.
 */
export class FetchTransport implements Transport {
  private closed = false;
  // Assigned, not a parameter property: that would also emit a class field declaration.
  declare private readonly fetchImpl: FetchLike;
  constructor(fetchImpl: FetchLike) {
    this.fetchImpl = fetchImpl;
  }

  async send(req: TransportRequest): Promise<TransportResponse> {
    if (this.closed) throw new ClientClosedError();
    let res: Response;
    try {
      res = await this.fetchImpl(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: req.signal,
        // A signed request is never replayed to another place.
        redirect: 'manual',
      });
    } catch (err) {
      throw classifyNetworkError(err, req.signal);
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    const declared = headers['content-length'];
    if (declared !== undefined && Number(declared) > req.maxResponseBytes) {
      await res.body?.cancel().catch(() => {});
      throw new TransportError(
        'too-large',
        `Response body of ${declared} bytes is over the limit.`,
        res.status,
      );
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readAtMost(res.body, req.maxResponseBytes);
    } catch (err) {
      throw classifyNetworkError(err, req.signal);
    }
    if (bytes === undefined) {
      throw new TransportError(
        'too-large',
        `Response body is over the ${req.maxResponseBytes}-byte limit.`,
        res.status,
      );
    }
    const body = new TextDecoder().decode(bytes);
    // `redirect: 'manual'` gives an opaque redirect (status 0) in browsers.
    return { status: res.type === 'opaqueredirect' ? 302 : res.status, headers, body };
  }

  /** Refuses further sends; the `fetch` function's own connection pool belongs to its owner. */
  async close(): Promise<void> {
    this.closed = true;
  }
}
