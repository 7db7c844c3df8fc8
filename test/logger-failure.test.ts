// A logger is an observer: whatever it does (throw, on any level), every call ends exactly as it
// would with a working logger. A billable call that was carried out must never surface as an error
// because a log line could not be written (the user would retry it and be billed twice).
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  type APIError,
  InternalServerError,
  type Logger,
  RateLimitError,
  Veri5Client,
} from '../src/index.js';
import { createProxyHandler } from '../src/proxy/index.js';
import { TransportError } from '../src/transport/types.js';
import { ScriptedTransport, type Step, jsonAnswer, platformError } from './faults/fake-transport.js';
import { rejectionOf, scriptedClient } from './faults/helpers.js';

/** Every method throws, as a logger whose sink is down might. */
const brokenLogger: Logger = {
  debug: () => {
    throw new Error('logger down');
  },
  info: () => {
    throw new Error('logger down');
  },
  warn: () => {
    throw new Error('logger down');
  },
  error: () => {
    throw new Error('logger down');
  },
};
const broken = { logger: brokenLogger, logLevel: 'debug' as const };

const BALANCE = { balance: 15420.5, currency: 'INR', last_updated: '2024-02-20T10:30:00Z' };
const PAN = { verification_id: 'ver_1', status: 'VALID', pan: 'ABCPE1234F' };
const ok = (data: unknown) => jsonAnswer(200, { success: true, data });

describe('a logger that throws never changes a call’s outcome', () => {
  it('a read returns the platform’s answer', async () => {
    const { client, transport } = scriptedClient([ok(BALANCE)], broken);
    await expect(client.wallet.core.balance()).resolves.toEqual(BALANCE);
    expect(transport.requests).toHaveLength(1);
  });

  it('a billable call returns the platform’s answer, sent once', async () => {
    const { client, transport } = scriptedClient([ok(PAN)], broken);
    await expect(client.verify.pan({ pan: 'ABCPE1234F' })).resolves.toEqual(PAN);
    expect(transport.requests).toHaveLength(1);
  });

  it('retries go on as usual (the "retrying" line fails to log)', async () => {
    const read = scriptedClient([platformError(503, 'DOWN', 'busy'), ok(BALANCE)], {
      ...broken,
      maxRetries: 1,
    });
    await expect(read.client.wallet.core.balance()).resolves.toEqual(BALANCE);
    expect(read.transport.requests).toHaveLength(2);

    const refused: Step = { throws: new TransportError('not-sent', 'Could not connect (ECONNREFUSED).') };
    const billable = scriptedClient([refused, ok(PAN)], { ...broken, maxRetries: 1 });
    await expect(billable.client.verify.pan({ pan: 'ABCPE1234F' })).resolves.toEqual(PAN);
    expect(billable.transport.requests).toHaveLength(2);
  }, 10_000);

  it('the clock-skew correction still happens (its info line fails to log)', async () => {
    const skewed = platformError(401, 'TIMESTAMP_EXPIRED', 'Request expired', {
      date: new Date(Date.now() + 600_000).toUTCString(),
    });
    const { client, transport } = scriptedClient([skewed, ok(PAN)], { ...broken, maxRetries: 0 });
    await expect(client.verify.pan({ pan: 'ABCPE1234F' })).resolves.toEqual(PAN);
    expect(transport.requests).toHaveLength(2);
    expect(Math.abs(client.clockOffsetSeconds - 600)).toBeLessThan(5);
  });

  it('errors are the same errors, with the same outcome', async () => {
    const billable = scriptedClient([platformError(500, 'BOOM', 'failed')], { ...broken, maxRetries: 2 });
    const err = (await rejectionOf(billable.client.verify.pan({ pan: 'ABCPE1234F' }))) as APIError;
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.outcomeUnknown).toBe(true);
    expect(billable.transport.requests).toHaveLength(1);

    const limited = scriptedClient([platformError(429, 'RATE_LIMITED', 'slow')], {
      ...broken,
      maxRetries: 0,
    });
    expect(await rejectionOf(limited.client.wallet.core.balance())).toBeInstanceOf(RateLimitError);

    const reset: Step = { throws: new TransportError('ambiguous', 'Connection failed (ECONNRESET).') };
    const cut = scriptedClient([reset], { ...broken, maxRetries: 2 });
    const lost = (await rejectionOf(cut.client.verify.pan({ pan: 'ABCPE1234F' }))) as APIConnectionError;
    expect(lost).toBeInstanceOf(APIConnectionError);
    expect(lost.outcomeUnknown).toBe(true);
    expect(cut.transport.requests).toHaveLength(1);
  });

  it('a Veri5 call that logs a warning still returns Veri5’s answer', async () => {
    const transport = new ScriptedTransport([
      jsonAnswer(200, {
        response_status: { code: '000', status: 'SUCCESS', message: 'ok' },
        verification_status: 'SUCCESS',
        verification_code: '000',
        verified_data: 'PAN verified',
      }),
    ]);
    const veri5 = new Veri5Client({
      clientCode: 'VERI5_CLIENT',
      apiKey: 'veri5_key',
      salt: 'veri5_salt',
      transport,
      ...broken,
    });
    // Over the recommended 500 KB: the client warns through the logger before sending.
    const document = new Uint8Array(600 * 1024);
    document.set([0xff, 0xd8, 0xff, 0xe0]);
    const result = await veri5.verifyPan({ document, consent: true });
    expect(result.status).toBe('SUCCESS');
    expect(transport.requests).toHaveLength(1);
  });

  it('the proxy answers as usual (refusals and forwarded calls log at info and debug)', async () => {
    const transport = new ScriptedTransport([ok(BALANCE)]);
    const handler = createProxyHandler({
      apiKey: 'k',
      apiSecret: 's',
      adminCode: '123456',
      basePath: '/api/vk',
      allow: ['wallet.core.balance'],
      authorize: (request) => request.headers.get('x-user') === 'ok',
      transport,
      ...broken,
    });
    const url = 'http://app.test/api/vk/api/v1/wallet/core/balance';
    expect((await handler(new Request(url))).status).toBe(401);
    expect((await handler(new Request('http://app.test/api/vk/nope'))).status).toBe(404);
    const res = await handler(new Request(url, { headers: { 'x-user': 'ok' } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, data: BALANCE });
    await handler.close();
  });
});
