// node:http pieces the test servers and the raw test client share: whole bodies as received,
// lenient JSON parsing, a local server's start and stop, and the platform's HMAC_INVALID answer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Every byte of a request or response body, exactly as received. Like the `data`/`end` listeners
 * it replaces, it adds no `error` listener (an aborted body simply never resolves).
 */
export function readBody(stream: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** The value of a JSON text, or `undefined` when it is not JSON. */
export function jsonOrUndefined(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A server a test started; `close()` drops kept-alive connections too. */
export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 (a free port) that reads each whole request body, then calls `handle`. */
export async function startLocalServer(
  handle: (req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse) => void | Promise<void>,
): Promise<LocalServer> {
  const server = http.createServer((req, res) => {
    void readBody(req).then((raw) => handle(req, raw, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers 401 `HMAC_INVALID` in the platform's error envelope (seed 000). */
export function answerHmacInvalid(res: http.ServerResponse): void {
  res.statusCode = 401;
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify({
      success: false,
      error: { code: 'HMAC_INVALID', message: 'Signature verification failed', http_status: 401 },
    }),
  );
}
