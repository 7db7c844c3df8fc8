// Header names exactly as they leave the Node (undici) transport. Node's `req.headers` lower-cases
// every name, so these tests read `req.rawHeaders`: the names as the client wrote them, which is
// what a PHP server's getallheaders() returns under Apache or PHP-FPM.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VistarkriyaClient, openLegacySigner } from '../src/index.js';
import { type LocalServer, startLocalServer } from './helpers/http.js';

interface Captured {
  method: string;
  /** [name, value] pairs in the order received, names with their original case. */
  raw: [string, string][];
}

let server: LocalServer;
const captured: Captured[] = [];

function pairs(req: http.IncomingMessage): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) out.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  return out;
}

beforeAll(async () => {
  server = await startLocalServer((req, _raw, res) => {
    captured.push({ method: req.method!, raw: pairs(req) });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ success: true, data: { ok: true } }));
  });
});
afterAll(() => server.close());

/** The names sent, in order, and how many times each (case-insensitively) appears. */
function names(c: Captured): string[] {
  return c.raw.map(([n]) => n);
}
function countOf(c: Captured, name: string): number {
  return c.raw.filter(([n]) => n.toLowerCase() === name.toLowerCase()).length;
}
function headerValue(c: Captured, name: string): string | undefined {
  return c.raw.find(([n]) => n === name)?.[1];
}

async function lastCall(client: VistarkriyaClient, call: () => Promise<unknown>): Promise<Captured> {
  captured.length = 0;
  try {
    await call();
  } finally {
    await client.close();
  }
  expect(captured).toHaveLength(1);
  return captured[0]!;
}

const creds = { apiKey: 'vk_live_key', apiSecret: 'secret', adminCode: '123456' };

describe('header names on the wire (undici transport)', () => {
  it('sends the platform headers with the spelling of seed 000, on GET and POST', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const vk = new VistarkriyaClient({ ...creds, baseURL: server.url });
      const seen = await lastCall(vk, () =>
        vk.request({
          method,
          path: '/api/v1/x',
          body: method === 'POST' ? { pan: 'ABCDE1234F' } : undefined,
        }),
      );
      expect(names(seen)).toEqual(
        expect.arrayContaining(['X-API-Key', 'X-Timestamp', 'X-Signature', 'X-Admin-Code', 'Content-Type']),
      );
      expect(headerValue(seen, 'Content-Type')).toBe('application/json');
      expect(headerValue(seen, 'X-API-Key')).toBe('vk_live_key');
    }
  });

  it('spells the tenant variant X-Tenant-Code', async () => {
    const vk = new VistarkriyaClient({ ...creds, adminCodeHeader: 'X-Tenant-Code', baseURL: server.url });
    const seen = await lastCall(vk, () => vk.wallet.core.balance());
    expect(headerValue(seen, 'X-Tenant-Code')).toBe('123456');
    expect(countOf(seen, 'X-Admin-Code')).toBe(0);
  });

  it('sends the Open legacy headers as seed 004 writes them', async () => {
    const open = new VistarkriyaClient({
      baseURL: server.url,
      signer: openLegacySigner({ accessKey: 'ak', secretKey: 'sk' }),
    });
    const seen = await lastCall(open, () =>
      open.request({ method: 'POST', path: '/v1/payment_token', body: { amount: '9.00' }, unwrap: false }),
    );
    expect(names(seen)).toEqual(expect.arrayContaining(['Authorization', 'X-O-Timestamp', 'Content-Type']));
    expect(headerValue(seen, 'Authorization')).toMatch(/^Bearer ak:[0-9a-f]{64}$/);
  });

  it('a header given in another case replaces the SDK one: each name travels once', async () => {
    const vk = new VistarkriyaClient({
      ...creds,
      baseURL: server.url,
      defaultHeaders: { accept: 'text/plain', 'user-agent': 'my-app/1', 'X-Trace': 'default' },
    });
    const seen = await lastCall(vk, () =>
      vk.request({
        method: 'POST',
        path: '/api/v1/x',
        body: '{}',
        headers: {
          'CONTENT-TYPE': 'application/json; charset=utf-8',
          'x-trace': 'per-call',
          'x-signature': 'forged',
        },
      }),
    );
    for (const name of ['Accept', 'User-Agent', 'Content-Type', 'X-Trace', 'X-Signature', 'X-API-Key']) {
      expect(countOf(seen, name), name).toBe(1);
    }
    // The caller's values (and spelling) replace the SDK's defaults...
    expect(headerValue(seen, 'accept')).toBe('text/plain');
    expect(headerValue(seen, 'user-agent')).toBe('my-app/1');
    expect(headerValue(seen, 'CONTENT-TYPE')).toBe('application/json; charset=utf-8');
    expect(headerValue(seen, 'x-trace')).toBe('per-call');
    // ...but never the signer's: what is signed is what is sent.
    expect(headerValue(seen, 'X-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });
});
