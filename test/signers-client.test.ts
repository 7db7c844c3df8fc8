// The signers through the real client and both transports (undici and fetch), against a local
// server that checks every signature over the RAW bytes it received, using the PHP oracle.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputValidationError, SignatureMismatchError, VistarkriyaClient } from '../src/index.js';
import { openLegacySigner } from '../src/signers/index.js';
import { type LocalServer, answerHmacInvalid, startLocalServer } from './helpers/http.js';
import { type PhpOracle, startPhpOracle } from './php-oracle.js';

const VK = { apiKey: 'vk_test_key', apiSecret: 'sandbox_secret', adminCode: '123456' };
const OPEN = { accessKey: 'open_test_key', secretKey: 'open_test_secret' };

interface Seen {
  method: string;
  target: string;
  body: Buffer;
  verified: boolean;
}

let php: PhpOracle;
let server: LocalServer;
let baseURL: string;
const seen: Seen[] = [];

/** Checks the request as received: raw request-target and raw body bytes, seed formulas in PHP. */
async function verify(req: http.IncomingMessage, raw: Buffer): Promise<boolean> {
  const method = req.method!;
  const target = req.url!;
  if (target.startsWith('/open/')) {
    const match = /^Bearer ([^:]+):([0-9a-f]{64})$/.exec(String(req.headers.authorization ?? ''));
    const ts = Number(req.headers['x-o-timestamp']);
    if (!match || match[1] !== OPEN.accessKey || !Number.isInteger(ts)) return false;
    const expected = await php.openLegacy({ secret: OPEN.secretKey, timestamp: ts, method, body: raw });
    return expected.signature === match[2];
  }
  const ts = Number(req.headers['x-timestamp']);
  if (req.headers['x-api-key'] !== VK.apiKey || req.headers['x-admin-code'] !== VK.adminCode) return false;
  if (!Number.isInteger(ts) || Math.abs(ts - Date.now() / 1000) > 300) return false;
  const expected = await php.vistarkriya({ secret: VK.apiSecret, timestamp: ts, method, target, body: raw });
  return expected === req.headers['x-signature'];
}

beforeAll(async () => {
  php = startPhpOracle();
  server = await startLocalServer(async (req, raw, res) => {
    const verified = await verify(req, raw).catch(() => false);
    seen.push({ method: req.method!, target: req.url!, body: raw, verified });
    if (!verified) return answerHmacInvalid(res);
    res.setHeader('content-type', 'application/json');
    const echo = { target: req.url, body: raw.toString('base64') };
    // Open legacy answers plain JSON (its signing page shows no envelope); the platform, its envelope.
    res.end(JSON.stringify(req.url!.startsWith('/open/') ? echo : { success: true, data: echo }));
  });
  baseURL = server.url;
});

afterAll(async () => {
  await server.close();
  await php.close();
});

interface Echo {
  target: string;
  body: string;
}
const wireBody = (e: Echo) => Buffer.from(e.body, 'base64');

const TRANSPORTS = [
  ['undici', {}],
  ['fetch', { fetch: globalThis.fetch.bind(globalThis) }],
] as const;

describe.each(TRANSPORTS)('over %s', (_name, transportOptions) => {
  const clients: VistarkriyaClient[] = [];
  const make = (o: ConstructorParameters<typeof VistarkriyaClient>[0]) => {
    const c = new VistarkriyaClient({ baseURL, maxRetries: 0, ...transportOptions, ...o });
    clients.push(c);
    return c;
  };
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });

  describe('vistarkriyaSigner through client.request()', () => {
    it('signs a query string exactly as sent (%20, UTF-8, arrays, apostrophes)', async () => {
      const vk = make(VK);
      const echo = await vk.request<Echo>({
        method: 'get',
        path: '/api/v1/b2c/customers',
        query: {
          search: 'राम कुमार',
          tag: ['a b', 'c/d', '😀'],
          page: 2,
          name: "O'Brien (D'Souza)!*~",
          skip: undefined,
        },
      });
      expect(echo.target).toContain('search=%E0%A4%B0%E0%A4%BE%E0%A4%AE%20%E0%A4%95');
      expect(echo.target).not.toContain('+');
      expect(echo.target).toContain('tag=a%20b&tag=c%2Fd&tag=%F0%9F%98%80&page=2');
      expect(echo.target).not.toContain('skip');
      expect(seen.at(-1)!.verified).toBe(true);
    });

    it('signs Hindi and emoji bodies (object and string) over the exact bytes sent', async () => {
      const vk = make(VK);
      const object = { pan: 'ABCDE1234F', name: 'राम कुमार शर्मा', note: 'paid 😀 🇮🇳 👨‍👩‍👧', tamil: 'முருகன்' };
      const e1 = await vk.request<Echo>({ method: 'POST', path: '/api/v1/verify/pan', body: object });
      expect(wireBody(e1).equals(Buffer.from(JSON.stringify(object), 'utf8'))).toBe(true);
      const text = '{ "name" : "রবীন্দ্রনাথ\u00a0ঠাকুর",\n\t"x": "e\u0301\u2028\u000b" }';
      const e2 = await vk.request<Echo>({
        method: 'PUT',
        path: '/api/v1/b2c/customer',
        query: { q: 'a b' },
        body: text,
      });
      expect(wireBody(e2).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(seen.at(-1)!.verified).toBe(true);
    });

    it('signs the base path prefix as part of the target', async () => {
      const vk = make({ ...VK, baseURL: `${baseURL}/api/vk` });
      const echo = await vk.request<Echo>({
        method: 'DELETE',
        path: '/api/v1/cibil/status',
        query: { report_id: 'R 1' },
      });
      expect(echo.target).toBe('/api/vk/api/v1/cibil/status?report_id=R%201');
    });

    it('is rejected by the server with a wrong secret (the check is real)', async () => {
      const vk = make({ ...VK, apiSecret: 'wrong_secret' });
      await expect(vk.request({ method: 'GET', path: '/api/v1/wallet/core/balance' })).rejects.toBeInstanceOf(
        SignatureMismatchError,
      );
      expect(seen.at(-1)!.verified).toBe(false);
    });
  });

  describe('openLegacySigner through client.request()', () => {
    const tricky =
      '{"amount":"9.00",\u000b"name":"Ravi\u00a0Kumar",\n "note":"line\u2028sep\u3000ideo\ufeff", "t":"a\tb"}';

    it('keeps NBSP, U+2028 and vertical tab in the wire body and matches PHP', async () => {
      const client = make({ signer: openLegacySigner(OPEN) });
      const echo = await client.request<Echo>({
        method: 'POST',
        path: '/open/v1/payment_token',
        body: tricky,
      });
      expect(wireBody(echo).equals(Buffer.from(tricky, 'utf8'))).toBe(true);
      expect(wireBody(echo).toString('utf8')).toContain('\u000b"name":"Ravi\u00a0Kumar"');
      expect(seen.at(-1)!.verified).toBe(true);
    });

    it('signs object bodies, PUT/PATCH/DELETE and GET (timestamp + method only)', async () => {
      const client = make({ signer: openLegacySigner(OPEN) });
      const body = { name: 'राम\u00a0कुमार', note: 'a\u2028b\u000bc', emoji: '😀' };
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        await client.request({ method, path: '/open/v1/orders/1', body });
        expect(seen.at(-1)!.verified).toBe(true);
      }
      const echo = await client.request<Echo>({
        method: 'GET',
        path: '/open/v1/orders',
        query: { q: 'a b' },
      });
      expect(echo.target).toBe('/open/v1/orders?q=a%20b');
    });

    it('is rejected by the server with a wrong secret', async () => {
      const client = make({ signer: openLegacySigner({ ...OPEN, secretKey: 'nope' }) });
      await expect(
        client.request({ method: 'POST', path: '/open/v1/payment_token', body: tricky }),
      ).rejects.toBeInstanceOf(SignatureMismatchError);
    });
  });

  it('rejects a body with a lone surrogate before anything is sent', async () => {
    const before = seen.length;
    for (const signer of [undefined, openLegacySigner(OPEN)]) {
      const client = make(signer ? { signer } : VK);
      for (const body of ['{"name":"\ud800"}', '{"name":"x\udc00y"}', '\udbff']) {
        await expect(client.request({ method: 'POST', path: '/open/v1/x', body })).rejects.toBeInstanceOf(
          InputValidationError,
        );
      }
    }
    expect(seen.length).toBe(before);
  });
});

describe('targets the URL parser would rewrite are refused, not mis-signed', () => {
  it.each([
    ['a space in the path', '/api/v1/b2c/customers/ravi kumar'],
    ['non-ASCII in the path', '/api/v1/b2c/customers/राम'],
    ['a dot segment', '/api/v1/wallet/../verify/pan'],
    ['a fragment', '/api/v1/wallet/core/balance#x'],
  ])('%s', async (_name, path) => {
    const before = seen.length;
    const vk = new VistarkriyaClient({ ...VK, baseURL, maxRetries: 0 });
    try {
      await expect(vk.request({ method: 'GET', path })).rejects.toBeInstanceOf(InputValidationError);
    } finally {
      await vk.close();
    }
    expect(seen.length).toBe(before);
  });

  it('a lone surrogate in a query value is a rejected promise with InputValidationError', async () => {
    const vk = new VistarkriyaClient({ ...VK, baseURL, maxRetries: 0 });
    try {
      const pending = vk.request({
        method: 'GET',
        path: '/api/v1/b2c/customers',
        query: { search: 'x\ud800' },
      });
      await expect(pending).rejects.toBeInstanceOf(InputValidationError);
    } finally {
      await vk.close();
    }
  });

  it('a percent-encoded path is signed and accepted as is', async () => {
    const vk = new VistarkriyaClient({ ...VK, baseURL, maxRetries: 0 });
    try {
      const path = `/api/v1/b2c/customers/${encodeURIComponent('राम कुमार')}`;
      const echo = await vk.request<Echo>({ method: 'GET', path });
      expect(echo.target).toBe(path);
    } finally {
      await vk.close();
    }
  });
});
