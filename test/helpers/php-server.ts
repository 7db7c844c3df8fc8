// A PHP endpoint on 127.0.0.1: a node:http server hands each request to a PHP file on php-wasm, the
// way a web server hands it to mod_php. It is always php-wasm: php-cli has no request (on the CLI,
// php://input is empty), while php-wasm runs PHP as a web SAPI.
import { type LocalServer, startLocalServer } from './http.js';
import { type PhpWasm, startPhpWasm } from './php.js';

export interface PhpServer extends LocalServer {
  /** The header names of each request as they arrived (Node's `req.rawHeaders`), oldest first. */
  rawHeaders: string[][];
}

/**
 * Serves `file` (under the repository or the temp directory): `getallheaders()` keeps the names as
 * sent, `php://input` is the body, and PHP's status, headers and output are the answer. A PHP fatal
 * error answers 500 with PHP's STDERR.
 */
export async function servePhp(file: string, php?: PhpWasm): Promise<PhpServer> {
  const runner = php ?? (await startPhpWasm());
  const rawHeaders: string[][] = [];
  const server = await startLocalServer(async (req, body, res) => {
    rawHeaders.push(req.rawHeaders);
    const r = await runner.request({
      file,
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      rawHeaders: req.rawHeaders,
      body,
    });
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  });
  return {
    url: server.url,
    rawHeaders,
    async close() {
      await server.close();
      if (!php) await runner.close();
    },
  };
}
