import util from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  InputValidationError,
  InternalServerError,
  InvalidApiKeyError,
  IpBlockedError,
  MissingApiKeyError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  SignatureMismatchError,
  TimestampExpiredError,
  UserAbortError,
  VistarkriyaClient,
  VistarkriyaError,
} from '../src/index.js';
import { TransportError } from '../src/transport/types.js';
import { type Step, jsonAnswer, platformError } from './faults/fake-transport.js';
import { rejectionOf, scriptedClient } from './faults/helpers.js';
import { stubEnvs } from './helpers/env.js';

/** No retries unless a test asks for them: each test here is about one answer. */
function clientWith(steps: Step[], options: { maxRetries?: number; timeout?: number } = {}) {
  return scriptedClient(steps, { maxRetries: 0, ...options });
}

async function errorFor(step: Step, method: 'GET' | 'POST' = 'GET'): Promise<Error> {
  const { client } = clientWith([step]);
  return (await rejectionOf(client.request({ method, path: '/api/v1/wallet/core/balance' }))) as Error;
}

describe('code → class map', () => {
  it.each([
    ['AUTH_MISSING_KEY', 401, MissingApiKeyError],
    ['AUTH_INVALID_KEY', 401, InvalidApiKeyError],
    ['HMAC_INVALID', 401, SignatureMismatchError],
    ['TIMESTAMP_EXPIRED', 401, TimestampExpiredError],
    ['AUTH_IP_BLOCKED', 403, IpBlockedError],
  ] as const)('%s → %s (an AuthenticationError)', async (code, status, cls) => {
    const err = await errorFor(
      platformError(status, code, `platform says ${code}`, { 'x-request-id': 'req_42' }),
    );
    expect(err).toBeInstanceOf(cls);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toBeInstanceOf(APIError);
    expect(err).toBeInstanceOf(VistarkriyaError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(cls.name);
    const e = err as APIError;
    expect(e.code).toBe(code);
    expect(e.status).toBe(status);
    expect(e.requestId).toBe('req_42');
    expect(e.message).toBe(`${status} ${code}: platform says ${code}`);
    expect(e.outcomeUnknown).toBe(false);
    expect(String(err.stack)).toMatch(new RegExp(`^${cls.name}: ${status} ${code}`));
  });

  it.each([
    [400, 'VALIDATION_ERROR', BadRequestError],
    [404, 'NOT_FOUND', NotFoundError],
    [409, 'CONFLICT', ConflictError],
    [429, 'RATE_LIMITED', RateLimitError],
    [500, 'INTERNAL_ERROR', InternalServerError],
    [502, 'BAD_GATEWAY', InternalServerError],
    [503, 'SERVICE_UNAVAILABLE', InternalServerError],
    [504, 'GATEWAY_TIMEOUT', InternalServerError],
    [401, 'SOMETHING_NEW', AuthenticationError],
  ] as const)('HTTP %i (%s) → %s', async (status, code, cls) => {
    const err = await errorFor(platformError(status, code, 'nope'));
    expect(err).toBeInstanceOf(cls);
    expect(err.name).toBe(cls.name);
    expect((err as APIError).status).toBe(status);
    expect((err as APIError).code).toBe(code);
  });

  it('an unknown code on an unmapped status is a plain APIError that keeps its code', async () => {
    const err = await errorFor(platformError(402, 'INSUFFICIENT_BALANCE', 'Wallet balance too low'));
    expect(err.constructor).toBe(APIError);
    expect(err.name).toBe('APIError');
    expect((err as APIError).code).toBe('INSUFFICIENT_BALANCE');
    expect((err as APIError).status).toBe(402);
    expect(err.message).toBe('402 INSUFFICIENT_BALANCE: Wallet balance too low');
  });

  it('a 200 carrying success:false takes its status from http_status', async () => {
    const err = await errorFor(
      jsonAnswer(200, {
        success: false,
        error: { code: 'NOT_FOUND', message: 'No such report', http_status: 404 },
      }),
    );
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as APIError).status).toBe(404);
  });

  it('a nonsensical http_status in a 200 is ignored', async () => {
    const err = await errorFor(
      jsonAnswer(200, { success: false, error: { code: 'X', message: 'm', http_status: 1e9 } }),
    );
    expect((err as APIError).status).toBe(200);
    expect((err as APIError).code).toBe('X');
  });

  it('requestId comes from X-Request-Id, else from the body; headers are kept, lower-case', async () => {
    const fromHeader = (await errorFor(
      platformError(404, 'NOT_FOUND', 'x', { 'x-request-id': 'hdr_1', 'retry-after': '3' }),
    )) as APIError;
    expect(fromHeader.requestId).toBe('hdr_1');
    expect(fromHeader.headers['x-request-id']).toBe('hdr_1');
    expect(fromHeader.headers['content-type']).toBe('application/json');
    expect(fromHeader.retryAfter).toBe(3);
    const fromBody = (await errorFor(
      jsonAnswer(404, { success: false, error: { code: 'NOT_FOUND', message: 'x', request_id: 'body_7' } }),
    )) as APIError;
    expect(fromBody.requestId).toBe('body_7');
    const none = (await errorFor(platformError(404, 'NOT_FOUND', 'x'))) as APIError;
    expect(none.requestId).toBeUndefined();
  });

  it('non-JSON error bodies become APIError by status with a short excerpt', async () => {
    const err = await errorFor({ status: 404, headers: {}, body: `<h1>Not Found</h1>${'x'.repeat(1000)}` });
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toContain('<h1>Not Found</h1>');
    expect(err.message.length).toBeLessThan(200);
    expect((err as APIError).code).toBeUndefined();
  });

  it('a 2xx that is not the envelope is a ResponseValidationError (an APIError)', async () => {
    for (const body of ['{"balance": 1}', '[]', 'null', '"ok"', '', '<html>', '{"success":true']) {
      const err = await errorFor({ status: 200, headers: {}, body });
      expect(err, body).toBeInstanceOf(ResponseValidationError);
      expect(err).toBeInstanceOf(APIError);
      expect((err as APIError).code).toBe('INVALID_RESPONSE');
    }
  });

  it('a billable call whose 2xx answer is unreadable says its outcome is unknown', async () => {
    const err = (await errorFor({ status: 200, headers: {}, body: '<html>ok</html>' }, 'POST')) as APIError;
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect(err.outcomeUnknown).toBe(true);
    expect(err.message).toMatch(/outcome is unknown/);
  });

  it('a redirect is an APIError, never followed', async () => {
    const { client, transport } = clientWith([
      { status: 302, headers: { location: 'https://evil.test/' }, body: '' },
    ]);
    const err = (await rejectionOf(client.request({ method: 'GET', path: '/api/v1/x' }))) as APIError;
    expect(err).toBeInstanceOf(APIError);
    expect(err.code).toBe('REDIRECT');
    expect(err.message).toContain('https://evil.test/');
    expect(transport.requests).toHaveLength(1);
  });
});

describe('connection-level errors', () => {
  it('instanceof chains', () => {
    const timeout = new APITimeoutError();
    expect(timeout).toBeInstanceOf(APIConnectionError);
    expect(timeout).toBeInstanceOf(VistarkriyaError);
    expect(timeout).not.toBeInstanceOf(APIError);
    expect(timeout.message).toBe('Request timed out.');
    const abort = new UserAbortError();
    expect(abort).toBeInstanceOf(VistarkriyaError);
    expect(abort).not.toBeInstanceOf(APIConnectionError);
    expect(new ResponseValidationError({ status: 200, message: 'x' })).toBeInstanceOf(APIError);
    const input = new InputValidationError([
      { field: 'pan', rule: 'format', message: 'must look like ABCDE1234F.' },
    ]);
    expect(input).toBeInstanceOf(VistarkriyaError);
    expect(input).not.toBeInstanceOf(APIError);
    expect(input.message).toBe('Invalid pan: must look like ABCDE1234F.');
    expect(new ConfigurationError('x')).toBeInstanceOf(VistarkriyaError);
  });

  it.each([
    ['ECONNREFUSED', false, 3],
    ['ENOTFOUND', false, 3],
    ['ECONNRESET', true, 1],
  ])('%s on a billable call: outcomeUnknown %s after %i attempt(s)', async (code, unknown, attempts) => {
    const raw = Object.assign(new Error(`connect ${code}`), { code });
    const { client, transport } = clientWith(
      [
        {
          throws: new TransportError(code === 'ECONNRESET' ? 'ambiguous' : 'not-sent', 'x', undefined, {
            cause: raw,
          }),
        },
        jsonAnswer(200, { success: true, data: 1 }),
      ],
      {
        maxRetries: 2,
      },
    );
    // The second step succeeds: only calls that may retry reach it.
    const result = client.request({
      method: 'POST',
      path: '/api/v1/verify/pan',
      body: { pan: 'ABCPE1234F' },
    });
    if (unknown) {
      const err = (await rejectionOf(result)) as APIConnectionError;
      expect(err).toBeInstanceOf(APIConnectionError);
      expect(err.errorCode).toBe(code);
      expect(err.outcomeUnknown).toBe(true);
      // The cause is a redacted copy of the low-level error (same message and code, no stack).
      expect(err.cause).toBeInstanceOf(Error);
      expect(err.cause).not.toBe(raw);
      expect(err.cause).toMatchObject({ message: raw.message, code: (raw as { code?: string }).code });
    } else {
      await expect(result).resolves.toBe(1);
    }
    expect(transport.requests).toHaveLength(unknown ? attempts : 2);
  });

  it('a custom transport that throws a raw error still gives a typed error', async () => {
    const raw = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const { client } = clientWith([{ throws: raw }]);
    const err = await rejectionOf(client.request({ method: 'POST', path: '/api/v1/verify/pan', body: {} }));
    expect(err).toBeInstanceOf(APIConnectionError);
    expect((err as APIConnectionError).outcomeUnknown).toBe(true);
    expect((err as APIConnectionError).errorCode).toBe('ECONNRESET');
  });

  it('an interpreter that throws is turned into a typed error, not a crash', async () => {
    const { client } = clientWith([{ status: 200, headers: {}, body: '{}' }]);
    // A getter on the parsed JSON would be exotic; a poisoned interpreter is simpler to build.
    const base = client as unknown as { _execute(spec: object): Promise<unknown> };
    const err = await rejectionOf(
      base._execute({
        method: 'GET',
        target: '/x',
        body: '',
        retry: 'read',
        interpret: () => {
          throw new TypeError('boom');
        },
      }),
    );
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect((err as APIError).code).toBe('INVALID_RESPONSE');
  });

  it('JSON.stringify and util.inspect of an error show its fields', async () => {
    const err = await errorFor(platformError(409, 'DUPLICATE', 'Already exists', { 'x-request-id': 'r1' }));
    const json = JSON.parse(JSON.stringify(err));
    expect(json).toMatchObject({ name: 'ConflictError', status: 409, code: 'DUPLICATE', requestId: 'r1' });
    expect(util.inspect(err)).toContain('ConflictError');
  });
});

describe('ConfigurationError for missing credentials', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('names each missing option and its environment variable', () => {
    stubEnvs({ VISTARKRIYA_API_KEY: '', VISTARKRIYA_API_SECRET: '', VISTARKRIYA_ADMIN_CODE: '' });
    let err: unknown;
    try {
      new VistarkriyaClient();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err).toBeInstanceOf(VistarkriyaError);
    const message = (err as Error).message;
    for (const name of ['VISTARKRIYA_API_KEY', 'VISTARKRIYA_API_SECRET', 'VISTARKRIYA_ADMIN_CODE']) {
      expect(message).toContain(name);
    }
  });

  it('names only what is missing, and never echoes the values given', () => {
    stubEnvs({
      VISTARKRIYA_API_KEY: '',
      VISTARKRIYA_ADMIN_CODE: '',
      VISTARKRIYA_API_SECRET: 'env_secret_value_123',
    });
    const err = (() => {
      try {
        new VistarkriyaClient({ adminCode: '123456' });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err!.message).toContain('VISTARKRIYA_API_KEY');
    expect(err!.message).not.toContain('VISTARKRIYA_API_SECRET');
    expect(err!.message).not.toContain('VISTARKRIYA_ADMIN_CODE');
    expect(err!.message).not.toContain('env_secret_value_123');
  });
});
