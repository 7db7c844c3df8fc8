import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
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
      if (expected !== req.headers['x-signature']) {
        res.statusCode = 401;
        res.end(
          JSON.stringify({
            success: false,
            error: { code: 'HMAC_INVALID', message: 'Signature verification failed', http_status: 401 },
          }),
        );
        return;
      }
      if (options.respond) return options.respond(request, res);
      res.end(JSON.stringify({ success: true, data: { ok: true } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
