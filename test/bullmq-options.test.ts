// runBulkWorker's options are checked as runBulk's are (src/bulk/options.ts), and before BullMQ
// opens any connection: a TCP listener standing in for Redis counts the connections it gets.
// No redis-server needed (the worker's behaviour on a real Redis: test/redis/bullmq.test.ts).
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limiterFor, runBulkWorker } from '../src/bullmq/index.js';
import { runBulk } from '../src/bulk/index.js';
import { ConfigurationError } from '../src/index.js';
import { collect } from './helpers/bulk.js';

let redisStandIn: net.Server;
let port = 0;
let connections = 0;
beforeAll(async () => {
  redisStandIn = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => redisStandIn.listen(0, '127.0.0.1', resolve));
  port = (redisStandIn.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => redisStandIn.close(resolve));
});

const client = {};

// Each bad option, and the message after the caller's name.
const BAD: Array<[string, Record<string, unknown>, string]> = [
  ['concurrency 0', { concurrency: 0 }, '`concurrency` must be a positive integer; got 0 (number).'],
  ['concurrency 2.5', { concurrency: 2.5 }, '`concurrency` must be a positive integer; got 2.5 (number).'],
  ['concurrency "8"', { concurrency: '8' }, '`concurrency` must be a positive integer; got "8" (string).'],
  ['retries -1', { retries: -1 }, '`retries` must be a whole number, 0 or more; got -1 (number).'],
  ['retries 1.5', { retries: 1.5 }, '`retries` must be a whole number, 0 or more; got 1.5 (number).'],
  ['retries NaN', { retries: Number.NaN }, '`retries` must be a whole number, 0 or more; got NaN (number).'],
  [
    'ratePerSecond 0',
    { ratePerSecond: 0 },
    '`ratePerSecond` must be a positive, finite number; got 0 (number).',
  ],
  [
    'ratePerSecond Infinity',
    { ratePerSecond: Number.POSITIVE_INFINITY },
    '`ratePerSecond` must be a positive, finite number; got Infinity (number).',
  ],
  [
    'ratePerSecond "50"',
    { ratePerSecond: '50' },
    '`ratePerSecond` must be a positive, finite number; got "50" (string).',
  ],
  ['timeout 0', { timeout: 0 }, '`timeout` must be a positive number; got 0 (number).'],
  ['client null', { client: null }, '`client` must be a VistarkriyaClient or a Veri5Client.'],
  ['client a string', { client: 'vk' }, '`client` must be a VistarkriyaClient or a Veri5Client.'],
];

describe('runBulkWorker: bad options are a ConfigurationError before any connection', () => {
  it.each(BAD)('%s', (_, bad, message) => {
    const options = { queueName: 'q', connection: { host: '127.0.0.1', port }, client, ...bad };
    expect(() => runBulkWorker(options as Parameters<typeof runBulkWorker>[0])).toThrow(
      new ConfigurationError(`runBulkWorker: ${message}`),
    );
  });

  it('queueName must be a non-empty string', () => {
    for (const queueName of ['', undefined, 42])
      expect(() =>
        runBulkWorker({
          queueName,
          connection: { host: '127.0.0.1', port },
          client,
        } as unknown as Parameters<typeof runBulkWorker>[0]),
      ).toThrow(new ConfigurationError('runBulkWorker: `queueName` must be a non-empty string.'));
  });

  it('none of them opened a connection', async () => {
    // Every test above has run (files run their tests in order); give a stray connect time to land.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connections).toBe(0);
  });
});

describe('runBulk: the same checks, the same messages', () => {
  it.each(BAD)('%s', async (_, bad, message) => {
    const rows = [{ pan: 'ABCPV1234D' }];
    await expect(collect(runBulk({ client, operation: 'verify.pan', rows, ...bad }))).rejects.toThrow(
      new ConfigurationError(`runBulk: ${message}`),
    );
  });
});

describe('limiterFor', () => {
  it('turns a rate into BullMQ max/duration', () => {
    expect(limiterFor(20)).toEqual({ max: 20, duration: 1000 });
    expect(limiterFor(2.5)).toEqual({ max: 5, duration: 2000 });
    expect(limiterFor(0.5)).toEqual({ max: 1, duration: 2000 });
  });

  it('refuses a rate that is not a positive, finite number with a ConfigurationError', () => {
    expect(() => limiterFor(0)).toThrow(
      new ConfigurationError(
        'limiterFor: `ratePerSecond` must be a positive, finite number; got 0 (number).',
      ),
    );
    expect(() => limiterFor(Number.POSITIVE_INFINITY)).toThrow(ConfigurationError);
    expect(() => limiterFor(Number.NaN)).toThrow(ConfigurationError);
  });
});
