import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  ConfigurationError,
  InputValidationError,
  InternalServerError,
  ResponseValidationError,
  SignatureMismatchError,
  VistarkriyaClient,
} from '../src/index.js';
import { stubEnvs } from './helpers/env.js';
import { startSigningServer } from './helpers/signing-server.js';

const creds = { apiKey: 'vk_test_key', apiSecret: 'test_secret', adminCode: '123456' };

describe('VistarkriyaClient construction', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('names every missing credential and its environment variable', () => {
    stubEnvs({ VISTARKRIYA_API_KEY: '', VISTARKRIYA_API_SECRET: '', VISTARKRIYA_ADMIN_CODE: '' });
    expect(() => new VistarkriyaClient()).toThrow(ConfigurationError);
    expect(() => new VistarkriyaClient({ apiKey: 'k' })).toThrow(
      /apiSecret \(or env VISTARKRIYA_API_SECRET\), adminCode \(or env VISTARKRIYA_ADMIN_CODE\)/,
    );
  });

  it('reads credentials and base URL from the environment', async () => {
    const server = await startSigningServer({ secret: 'env_secret' });
    stubEnvs({
      VISTARKRIYA_API_KEY: 'env_key',
      VISTARKRIYA_API_SECRET: 'env_secret',
      VISTARKRIYA_ADMIN_CODE: '654321',
      VISTARKRIYA_BASE_URL: server.url,
    });
    const vk = new VistarkriyaClient();
    try {
      await expect(vk.request({ method: 'GET', path: '/api/v1/wallet/core/balance' })).resolves.toEqual({
        ok: true,
      });
      expect(server.seen[0]!.headers['x-api-key']).toBe('env_key');
      expect(server.seen[0]!.headers['x-admin-code']).toBe('654321');
    } finally {
      await vk.close();
      await server.close();
    }
  });
});

describe('VistarkriyaClient.request', () => {
  let server: Awaited<ReturnType<typeof startSigningServer>>;
  let vk: VistarkriyaClient;
  beforeAll(async () => {
    server = await startSigningServer({
      respond: (req, res) => {
        if (req.target.startsWith('/redirect')) {
          res.statusCode = 302;
          res.setHeader('location', 'http://127.0.0.1:1/elsewhere');
          return res.end();
        }
        if (req.target.startsWith('/html')) {
          res.statusCode = 502;
          res.setHeader('content-type', 'text/html');
          return res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        }
        if (req.target.startsWith('/plain')) return res.end(JSON.stringify({ hello: 'world' }));
        res.end(
          JSON.stringify({ success: true, data: { target: req.target, body: req.body, method: req.method } }),
        );
      },
    });
    vk = new VistarkriyaClient({ ...creds, baseURL: server.url, maxRetries: 0 });
  });
  afterAll(async () => {
    await vk.close();
    await server.close();
  });

  it('upper-cases the method once and signs exactly what is sent', async () => {
    const data = await vk.request<{ method: string; target: string }>({
      method: 'get',
      path: '/api/v1/wallet/core/transactions',
      query: { q: 'राम कुमार', page: 2, skip: undefined, type: ['credit', 'debit'] },
    });
    expect(data.method).toBe('GET');
    expect(data.target).toBe(
      '/api/v1/wallet/core/transactions?q=%E0%A4%B0%E0%A4%BE%E0%A4%AE%20%E0%A4%95%E0%A5%81%E0%A4%AE%E0%A4%BE%E0%A4%B0&page=2&type=credit&type=debit',
    );
  });

  it('serialises an object body once and sends a string body verbatim', async () => {
    const obj = await vk.request<{ body: string }>({
      method: 'POST',
      path: '/api/v1/verify/pan',
      body: { pan: 'ABCPE1234F', name: 'अनु 😀' },
    });
    expect(obj.body).toBe('{"pan":"ABCPE1234F","name":"अनु 😀"}');
    const raw = '{ "pan" : "ABCPE1234F",\n  "name": "x" }';
    const str = await vk.request<{ body: string }>({ method: 'POST', path: '/api/v1/verify/pan', body: raw });
    expect(str.body).toBe(raw);
    const seen = server.seen.at(-1)!;
    expect(seen.headers['content-type']).toBe('application/json');
  });

  it('signs the base URL path prefix as part of the target', async () => {
    const prefixed = new VistarkriyaClient({ ...creds, baseURL: `${server.url}/gateway/`, maxRetries: 0 });
    try {
      const data = await prefixed.request<{ target: string }>({
        method: 'GET',
        path: '/api/v1/verify/services',
      });
      expect(data.target).toBe('/gateway/api/v1/verify/services');
    } finally {
      await prefixed.close();
    }
  });

  it('never follows a redirect on a signed request', async () => {
    const before = server.seen.length;
    await expect(vk.request({ method: 'GET', path: '/redirect' })).rejects.toMatchObject({
      status: 302,
      code: 'REDIRECT',
    });
    expect(server.seen.length - before).toBe(1);
  });

  it('turns an HTML error page into a typed error with an excerpt', async () => {
    const err = await vk.request({ method: 'GET', path: '/html' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect((err as InternalServerError).status).toBe(502);
    expect((err as Error).message).toContain('502 Bad Gateway');
  });

  it('rejects a 2xx answer without the envelope, unless unwrap is false', async () => {
    await expect(vk.request({ method: 'GET', path: '/plain' })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
    await expect(vk.request({ method: 'GET', path: '/plain', unwrap: false })).resolves.toEqual({
      hello: 'world',
    });
  });

  it('rejects a relative path before sending anything', async () => {
    const before = server.seen.length;
    await expect(vk.request({ method: 'GET', path: 'api/v1/x' })).rejects.toBeInstanceOf(
      InputValidationError,
    );
    expect(server.seen.length).toBe(before);
  });

  it('reports a wrong secret as SignatureMismatchError without leaking it', async () => {
    const wrong = new VistarkriyaClient({ ...creds, apiSecret: 'not-the-secret', baseURL: server.url });
    try {
      const err = await wrong
        .request({ method: 'GET', path: '/api/v1/wallet/core/balance' })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SignatureMismatchError);
      expect(JSON.stringify(err) + String((err as Error).stack)).not.toContain('not-the-secret');
    } finally {
      await wrong.close();
    }
  });

  it('never sends a default or per-call header beside the auth headers, whatever its case', async () => {
    const other = new VistarkriyaClient({
      ...creds,
      baseURL: server.url,
      defaultHeaders: { 'x-api-key': 'OTHER' },
    });
    try {
      await other.request({
        method: 'POST',
        path: '/api/v1/verify/pan',
        body: { pan: 'ABCPE1234F' },
        headers: { 'x-signature': 'forged', 'X-TIMESTAMP': '1', 'content-type': 'application/json' },
      });
      const seen = server.seen.at(-1)!;
      expect(seen.headers['x-api-key']).toBe('vk_test_key');
      expect(seen.headers['x-signature']).toMatch(/^[0-9a-f]{64}$/);
      expect(seen.headers['x-timestamp']).toMatch(/^\d{10}$/);
      expect(seen.headers['content-type']).toBe('application/json');
    } finally {
      await other.close();
    }
  });

  it('a header value that cannot be sent (a key ending in \\r) fails at once, outcome known', async () => {
    const broken = new VistarkriyaClient({ ...creds, apiKey: 'vk_test_key\r', baseURL: server.url });
    try {
      const before = server.seen.length;
      const started = Date.now();
      for (const method of ['GET', 'POST']) {
        const err = await broken
          .request({
            method,
            path: '/api/v1/verify/pan',
            body: method === 'POST' ? { pan: 'ABCPE1234F' } : undefined,
          })
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(APIConnectionError);
        expect((err as APIConnectionError).outcomeUnknown).toBe(false);
        expect((err as Error).message).toMatch(/could not be sent/);
      }
      expect(Date.now() - started).toBeLessThan(400); // not retried with backoff
      expect(server.seen.length).toBe(before);
    } finally {
      await broken.close();
    }
  });

  it('redacts a custom fetch error that quotes the request headers, cause included', async () => {
    let sentSignature = '';
    const leaky = new VistarkriyaClient({
      ...creds,
      baseURL: server.url,
      maxRetries: 0,
      fetch: async (_url, init) => {
        const headers = init.headers as Record<string, string>;
        sentSignature = new Headers(headers).get('x-signature')!;
        const err = new TypeError(
          `socket hang up; request headers ${JSON.stringify(headers)} secret test_secret`,
        );
        throw Object.assign(err, { code: 'ECONNRESET' });
      },
    });
    const err = await leaky
      .request({ method: 'GET', path: '/api/v1/wallet/core/balance' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect((err as APIConnectionError).errorCode).toBe('ECONNRESET');
    expect(sentSignature).toMatch(/^[0-9a-f]{64}$/);
    const everything = `${inspect(err, { depth: 10, showHidden: true })} ${JSON.stringify(err)}`;
    expect(everything).not.toContain(sentSignature);
    expect(everything).not.toContain('test_secret');
    await leaky.close();
  });

  it('sends X-Tenant-Code instead of X-Admin-Code when asked', async () => {
    const tenant = new VistarkriyaClient({ ...creds, adminCodeHeader: 'X-Tenant-Code', baseURL: server.url });
    try {
      await tenant.request({ method: 'GET', path: '/api/v1/wallet/core/balance' });
      const seen = server.seen.at(-1)!;
      expect(seen.headers['x-tenant-code']).toBe('123456');
      expect(seen.headers['x-admin-code']).toBeUndefined();
    } finally {
      await tenant.close();
    }
  });
});
