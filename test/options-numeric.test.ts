import { describe, expect, it } from 'vitest';
import { ConfigurationError, Veri5Client, VistarkriyaClient } from '../src/index.js';
import { createProxyHandler } from '../src/proxy/index.js';
import { jsonAnswer } from './faults/fake-transport.js';
import { rejectionOf, scriptedClient } from './faults/helpers.js';

const creds = { apiKey: 'vk_opts_key', apiSecret: 'opts_secret_1234', adminCode: '112233' };
const veri5Creds = { clientCode: 'C', apiKey: 'k', salt: 'veri5_test_salt' };

// Values read from an environment variable are strings; the rest are plain mistakes.
const BAD: Record<string, unknown[]> = {
  timeout: ['500', Number.NaN, 0, -1, null, true, {}],
  maxRetries: ['2', -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, null],
  maxRetryAfter: ['60', -1, Number.NaN, null],
  maxResponseBytes: ['1048576', 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY],
};

describe('numeric options are checked when a client is built', () => {
  for (const [option, values] of Object.entries(BAD)) {
    it.each(values)(`${option}: %j → ConfigurationError naming it`, (value) => {
      for (const build of [
        () => new VistarkriyaClient({ ...creds, [option]: value }),
        () => new Veri5Client({ ...veri5Creds, [option]: value }),
        // The proxy takes every one of them but `maxRetryAfter`.
        () =>
          option !== 'maxRetryAfter' &&
          createProxyHandler({
            ...creds,
            basePath: '/api/vk',
            allow: ['verify.pan'],
            authorize: () => true,
            [option]: value,
          }),
      ]) {
        let error: unknown;
        try {
          if (build() === false) continue;
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(ConfigurationError);
        expect((error as Error).message).toContain(`\`${option}\``);
      }
    });
  }

  it('Veri5Client checks maxDocumentBytes too', () => {
    expect(() => new Veri5Client({ ...veri5Creds, maxDocumentBytes: '100' as never })).toThrow(
      /`maxDocumentBytes`/,
    );
  });

  it('good values are accepted (Infinity means no deadline, 0 retries is allowed)', () => {
    expect(
      () =>
        new VistarkriyaClient({
          ...creds,
          timeout: Number.POSITIVE_INFINITY,
          maxRetries: 0,
          maxRetryAfter: 0,
          maxResponseBytes: 1,
        }),
    ).not.toThrow();
  });
});

describe('numeric options are checked per call, before anything is sent', () => {
  const calls: [string, unknown][] = [
    ['timeout', '500'],
    ['timeout', Number.NaN],
    ['timeout', -5],
    ['maxRetries', '3'],
    ['maxRetries', -1],
    ['maxRetries', 0.5],
  ];
  it.each(calls)('%s: %j', async (option, value) => {
    const { client, transport } = scriptedClient([jsonAnswer(200, { success: true, data: 1 })]);
    const raw = await rejectionOf(
      client.request({ method: 'GET', path: '/api/v1/x', [option]: value } as never),
    );
    const namespaced = await rejectionOf(client.wallet.core.balance({ [option]: value } as never));
    for (const err of [raw, namespaced]) {
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as Error).message).toContain(`\`${option}\``);
    }
    expect(transport.requests).toHaveLength(0);
  });

  it('a string timeout no longer removes the deadline (the call and close() used to hang)', async () => {
    const hanging = {
      send: () => new Promise<never>(() => {}),
      close: async () => {},
    };
    const client = new VistarkriyaClient({ ...creds, transport: hanging, logLevel: 'off' });
    const err = await rejectionOf(client.wallet.core.balance({ timeout: '50' } as never));
    expect(err).toBeInstanceOf(ConfigurationError);
    await client.close();
  });
});

describe('an unknown per-call option is refused before anything is sent (JavaScript callers)', () => {
  const veri5Answer = jsonAnswer(200, { response_status: { code: '000', status: 'SUCCESS' } });
  const cases: [string, (c: VistarkriyaClient, v: Veri5Client) => Promise<unknown>, RegExp][] = [
    [
      'a typo in a namespace call',
      (c) => c.verify.pan({ pan: 'ABCPV1234D' }, { timout: 500 } as never),
      /`timout`.*did you mean `timeout`\?/,
    ],
    [
      'an input given to an operation that takes none',
      (c) => c.wallet.core.balance({ pan: 'x' } as never),
      /`pan` is not a per-call option \(signal, timeout, maxRetries, headers\)/,
    ],
    [
      'a typo in a raw request',
      (c) => c.request({ method: 'GET', path: '/api/v1/x', unwarp: false } as never),
      /`unwarp`.*did you mean `unwrap`\?/,
    ],
    [
      'options that are not an object',
      (c) => c.wallet.core.balance('fast' as never),
      /Per-call options must be an object\./,
    ],
    [
      'a typo in a Veri5 call',
      (_c, v) => v.verifyGstin({ gstin: '27AAPFU0939F1ZV' }, { maxRetires: 1 } as never),
      /`maxRetires`.*did you mean `maxRetries`\?/,
    ],
  ];
  it.each(cases)('%s', async (_name, call, message) => {
    const { client, transport } = scriptedClient([jsonAnswer(200, { success: true, data: 1 })]);
    const v5Transport = {
      requests: [] as unknown[],
      send: async (r: unknown) => {
        v5Transport.requests.push(r);
        return veri5Answer;
      },
      close: async () => {},
    };
    const veri5 = new Veri5Client({ ...veri5Creds, transport: v5Transport as never, logLevel: 'off' });
    const err = await rejectionOf(call(client, veri5));
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(message);
    expect(transport.requests).toHaveLength(0);
    expect(v5Transport.requests).toHaveLength(0);
  });

  it('the known options still pass', async () => {
    const { client, transport } = scriptedClient([jsonAnswer(200, { success: true, data: 1 })]);
    await client.wallet.core.balance({
      timeout: 5_000,
      maxRetries: 0,
      headers: { 'x-trace': '1' },
      signal: new AbortController().signal,
    });
    expect(transport.requests).toHaveLength(1);
  });
});
