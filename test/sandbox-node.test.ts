// The Node http adapter of the sandbox core: it passes requests through as they arrived (what a
// Fetch `Request` cannot carry: an unnormalised target, a GET body), and stays up under many
// connections and slow clients.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/sandbox/index.js';
import { rawRequest, signedRequest } from './helpers/raw-request.js';

describe('startSandbox() passes the raw request to the core unchanged', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  it('checks the signature over the target as sent, dot segments included (a URL parser would resolve them)', async () => {
    const target = '/api/v1/wallet/core/../core/balance';
    const res = await signedRequest(sb.url, 'GET', target);
    // Authenticated over the raw target, then no such route: not HMAC_INVALID.
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('NOT_FOUND');
    expect(sb.requests.at(-1)!.target).toBe(target);
  });

  it('signs and logs a GET body byte for byte (a Fetch Request cannot even carry one)', async () => {
    const body = Buffer.from([0x7b, 0x7d, 0xff, 0x00]);
    const res = await signedRequest(sb.url, 'GET', '/api/v1/wallet/core/balance', body);
    expect(res.status).toBe(200);
    const seen = sb.requests.at(-1)!;
    expect(Buffer.from(seen.rawBody).equals(body)).toBe(true);
    expect(seen.bodyBytes).toBe(4);
  });

  it('writes the answer of the core with its headers: JSON, Content-Length, X-Request-Id, Date', async () => {
    const res = await signedRequest(sb.url, 'GET', '/api/v1/wallet/core/balance');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(res.headers['x-request-id']).toMatch(/^req_sandbox_\d+$/);
    expect(Math.abs(Date.parse(String(res.headers.date)) - Date.now())).toBeLessThan(3000);
  });
});

describe('startSandbox() under load and slow clients', () => {
  it('serves 500 concurrent connections, each correctly', async () => {
    const sb = await startSandbox();
    try {
      const results = await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          signedRequest(sb.url, 'GET', `/api/v1/wallet/core/transactions?page=${(i % 3) + 1}&per_page=5`),
        ),
      );
      for (const [i, res] of results.entries()) {
        expect(res.status).toBe(200);
        expect(res.json.data.pagination.page).toBe((i % 3) + 1);
      }
      expect(sb.requests).toHaveLength(500);
    } finally {
      await sb.close();
    }
  });

  it('keeps serving while slow clients hold connections (half-sent headers, half-sent bodies), and close() drops them', async () => {
    const sb = await startSandbox();
    const sockets: net.Socket[] = [];
    try {
      const { port } = new URL(sb.url);
      const open = (bytes: string) =>
        new Promise<void>((resolve) => {
          const s = net.connect(Number(port), '127.0.0.1', () => {
            s.write(bytes);
            resolve();
          });
          s.on('error', () => {});
          sockets.push(s);
        });
      await Promise.all([
        ...Array.from({ length: 100 }, () =>
          open('GET /api/v1/wallet/core/balance HTTP/1.1\r\nHost: x\r\nX-A'),
        ),
        ...Array.from({ length: 100 }, () =>
          open('POST /api/v1/verify/pan HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"pan":'),
        ),
      ]);
      const t0 = Date.now();
      const res = await signedRequest(sb.url, 'GET', '/api/v1/wallet/core/balance');
      expect(res.status).toBe(200);
      expect(Date.now() - t0).toBeLessThan(2000);
      // None of the half-sent requests reached the core.
      expect(sb.requests).toHaveLength(1);
    } finally {
      const t0 = Date.now();
      await sb.close();
      expect(Date.now() - t0).toBeLessThan(2000);
      for (const s of sockets) s.destroy();
    }
  });

  it('close() ends a delayed answer at once: the client sees its connection closed, nothing is answered later', async () => {
    const lines: string[] = [];
    const sb = await startSandbox({ slowMs: 400, logger: { info: (line) => lines.push(line) } });
    const pending = signedRequest(sb.url, 'POST', '/api/v1/verify/pan', '{"pan":"ABCPS3000S"}').then(
      () => 'answered',
      () => 'connection closed',
    );
    while (sb.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    const t0 = Date.now();
    await sb.close();
    expect(Date.now() - t0).toBeLessThan(300);
    expect(await pending).toBe('connection closed');
    // Past the 400 ms the answer would have taken: its timer was cancelled, not left to fire.
    await new Promise((r) => setTimeout(r, 600));
    expect(lines).toEqual([]);
    expect(sb.requests[0]!.status).toBe(0);
  });

  it('an oversize body is answered 413 with its true size logged, and the connection stays usable', async () => {
    const sb = await startSandbox();
    try {
      const res = await rawRequest(
        sb.url,
        'POST',
        '/api/v1/verify/pan',
        {},
        Buffer.alloc(3 * 1024 * 1024, 0x61),
      );
      expect(res.status).toBe(413);
      expect(sb.requests.at(-1)!.bodyBytes).toBe(3 * 1024 * 1024);
      expect((await signedRequest(sb.url, 'GET', '/api/v1/wallet/core/balance')).status).toBe(200);
    } finally {
      await sb.close();
    }
  });
});
