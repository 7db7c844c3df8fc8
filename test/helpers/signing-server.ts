import { createHmac } from 'node:crypto';
import type http from 'node:http';
import { answerHmacInvalid, startLocalServer } from './http.js';

/** What a test server saw: the raw request exactly as received. */
export interface SeenRequest {
  method: string;
  target: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Responder = (req: SeenRequest, res: http.ServerResponse) => void;

/**
 * A local platform stand-in that verifies the Vistarkriya signature independently of the SDK
 * (the seed formula, computed here with node:crypto over the raw bytes received).
 */
export async function startSigningServer(options: { secret?: string; respond?: Responder } = {}) {
  const secret = options.secret ?? 'test_secret';
  const seen: SeenRequest[] = [];
  const server = await startLocalServer((req, raw, res) => {
    const request: SeenRequest = {
      method: req.method!,
      target: req.url!,
      headers: req.headers,
      body: raw.toString('utf8'),
    };
    seen.push(request);
    const expected = createHmac('sha256', secret)
      .update(Buffer.concat([Buffer.from(`${req.headers['x-timestamp']}${req.method}${req.url}`), raw]))
      .digest('hex');
    res.setHeader('content-type', 'application/json');
    if (expected !== req.headers['x-signature']) return answerHmacInvalid(res);
    if (options.respond) return options.respond(request, res);
    res.end(JSON.stringify({ success: true, data: { ok: true } }));
  });
  return { url: server.url, seen, close: server.close };
}
