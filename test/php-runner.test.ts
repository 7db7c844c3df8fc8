// The PHP the tests check signatures against (test/helpers/php.ts): php-cli when present, else
// php-wasm from npm. Both must behave like `php FILE ARGS < STDIN`, and php-wasm must also serve a
// PHP endpoint that reads headers the way a PHP developer does.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PhpRunner,
  type PhpWasm,
  findPhpCli,
  phpOutput,
  sharedPhp,
  startPhpWasm,
} from './helpers/php.js';
import { type PhpServer, servePhp } from './helpers/php-server.js';
import { rawRequest } from './helpers/raw-request.js';

let tmp: string;
let php: PhpRunner;
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vk-php-runner-'));
  php = await sharedPhp();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the PHP runner: php-cli (PHP_BINARY, else php on PATH) when present, else php-wasm', () => {
  it('picks php-cli when the machine has one, else php-wasm, and knows its version', () => {
    expect(php.kind).toBe(findPhpCli() ? 'php-cli' : 'php-wasm');
    expect(php.version).toMatch(/^8\.\d+\.\d+$/);
  });

  it('runs a file with STDIN, $argv and getenv(), and reports its exit code and STDERR', async () => {
    const file = path.join(tmp, 'upper.php');
    writeFileSync(
      file,
      `<?php
      fwrite(STDERR, "to stderr\\n");
      while (($line = fgets(STDIN)) !== false) echo strtoupper($line);
      fflush(STDOUT);
      echo json_encode(array_slice($argv, 1), JSON_UNESCAPED_UNICODE), getenv('VK_TEST_ENV'), "\\n";
      exit(3);`,
    );
    const r = await php.run({
      file,
      args: ['a b', 'ü\'"\\'],
      stdin: 'one\ntwo\n',
      env: { VK_TEST_ENV: 'from-env' },
    });
    expect(r).toEqual({
      exitCode: 3,
      stdout: `ONE\nTWO\n${JSON.stringify(['a b', 'ü\'"\\'])}from-env\n`,
      stderr: 'to stderr\n',
    });
  });

  it('hands STDIN over byte for byte (invalid UTF-8, NUL and CRLF included)', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x0d, 0x0a, 0xe0, 0xa4, 0xb0, 0x80]);
    const md5 = await phpOutput(php, { code: '<?php echo md5(stream_get_contents(STDIN));', stdin: bytes });
    expect(md5).toBe(createHash('md5').update(bytes).digest('hex'));
  });

  it('runs a prelude first, in the same program', async () => {
    const out = await phpOutput(php, {
      code: '<?php echo greet("PHP");',
      prelude: 'function greet(string $who): string { return "hello $who"; }',
    });
    expect(out).toBe('hello PHP');
  });

  it('a fatal error is exit code 255 with the message on STDERR, and phpOutput throws it', async () => {
    const script = { code: '<?php echo "before"; undefined_function();' };
    const r = await php.run(script);
    expect(r.exitCode).toBe(255);
    expect(r.stderr).toMatch(/Call to undefined function undefined_function\(\)/);
    await expect(phpOutput(php, script)).rejects.toThrow(/exited with 255: .*undefined_function/);
  });

  it('scripts/vectors/generate.php reproduces the committed vectors exactly', async () => {
    const out = path.join(tmp, 'vectors');
    const r = await php.run({ file: 'scripts/vectors/generate.php', args: [out] });
    expect(r.exitCode, r.stderr).toBe(0);
    for (const name of ['vistarkriya.json', 'open-legacy.json', 'veri5.json']) {
      const fresh = JSON.parse(readFileSync(path.join(out, name), 'utf8'));
      const committed = JSON.parse(readFileSync(path.join('test/vectors', name), 'utf8'));
      // The committed files name the PHP that wrote them; every other byte must match.
      expect(fresh.meta.php_version).toBe(php.version);
      fresh.meta.php_version = committed.meta.php_version;
      expect(fresh).toEqual(committed);
    }
  });
});

describe('a PHP endpoint on php-wasm behind node:http (test/helpers/php-server.ts)', () => {
  let wasm: PhpWasm;
  let server: PhpServer;
  beforeAll(async () => {
    wasm = await startPhpWasm();
    const endpoint = path.join(tmp, 'endpoint.php');
    writeFileSync(
      endpoint,
      `<?php
      if (($_GET['fail'] ?? '') === '1') undefined_function();
      $headers = getallheaders();
      if (!isset($headers['X-API-Key'])) {
        http_response_code(401);
        header('Content-Type: application/json');
        echo json_encode(['code' => 'AUTH_MISSING_KEY']);
        return;
      }
      header('X-Seen-Body-Sha256: ' . hash('sha256', file_get_contents('php://input')));
      echo json_encode([
        'headers' => $headers,
        'method' => $_SERVER['REQUEST_METHOD'],
        'uri' => $_SERVER['REQUEST_URI'],
        'query' => $_GET,
        'http_x_timestamp' => $_SERVER['HTTP_X_TIMESTAMP'] ?? null,
      ]);`,
    );
    server = await servePhp(endpoint, wasm);
  });
  afterAll(async () => {
    await server?.close();
    await wasm?.close();
  });

  it('getallheaders() has the names exactly as sent; php://input is the body', async () => {
    const body = Buffer.from('{"name":"राम  ₹"}\r\n');
    const res = await rawRequest(
      server.url,
      'POST',
      '/api/v1/verify/pan?x=1&y=%C3%BC',
      { 'X-API-Key': 'key_1', 'X-Timestamp': '1708425000', 'content-type': 'application/json' },
      body,
    );
    expect(res.status).toBe(200);
    expect(res.headers['x-seen-body-sha256']).toBe(createHash('sha256').update(body).digest('hex'));
    expect(res.json).toMatchObject({
      method: 'POST',
      uri: '/api/v1/verify/pan?x=1&y=%C3%BC',
      query: { x: '1', y: 'ü' },
      http_x_timestamp: '1708425000',
    });
    expect(res.json.headers).toMatchObject({
      'X-API-Key': 'key_1',
      'X-Timestamp': '1708425000',
      'content-type': 'application/json',
    });
    expect(server.rawHeaders.at(-1)).toEqual(expect.arrayContaining(['X-API-Key', 'X-Timestamp']));
  });

  it('a lower-case header name is not the documented one, as on a real PHP server', async () => {
    const res = await rawRequest(server.url, 'GET', '/api/v1/wallet/core/balance', { 'x-api-key': 'key_1' });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ code: 'AUTH_MISSING_KEY' });
  });

  it('a PHP fatal error answers 500', async () => {
    const res = await rawRequest(server.url, 'GET', '/?fail=1', { 'X-API-Key': 'key_1' });
    expect(res.status).toBe(500);
  });
});
