// The Node http adapter of the sandbox core (core.ts): hands each request to the core exactly as
// it arrived (method, the target as sent, headers, the raw body bytes) and writes the core's
// Response back. A `Response.error()` (a simulated reset) destroys the socket.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES, type RawSandboxRequest } from './core.js';

export function createSandboxServer(handle: (raw: RawSandboxRequest) => Promise<Response>): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is counted and dropped: the core answers 413 with the true size.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      // A delayed answer (latency, slow magic values) stops waiting once the connection is gone.
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      handle({
        method: req.method ?? 'GET',
        target: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks),
        bodyBytes: size,
        remoteAddress: req.socket.remoteAddress ?? '',
        signal: gone.signal,
      })
        .then((response) => send(res, response))
        .catch(() => res.destroy());
    });
  });
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  if (response.type === 'error') {
    res.socket?.destroy();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | number> = { 'content-length': body.byteLength };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(body);
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
