// The hot-path shortcuts from the performance work keep the behaviour they replace:
// CallAbort (instead of an AbortController per call, in the Node build), undici's Agent.request with a verbatim
// target (instead of undici.request(url)), and header merging (instead of object spreads).
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as nodeAbort from '../src/core/call-abort-node.js';
import * as webAbort from '../src/core/call-abort-web.js';
import { APITimeoutError, UserAbortError, VistarkriyaClient } from '../src/index.js';
import { UndiciTransport, splitStableUrl } from '../src/transport/undici.js';
import { runNode } from './helpers/run-node.js';

// One contract for both builds' abort state (package.json `imports`, `#platform/call-abort`).
describe.each([
  ['node', nodeAbort],
  ['web', webAbort],
] as const)(
  'CallAbort (%s build)',
  (_build, { CallAbort, followSignal, setDeadline, clearDeadline, TIMED_OUT }) => {
    it('aborts each call with TIMED_OUT at its own deadline, whatever the order they were set in, and never a cleared one', async () => {
      // setDeadline takes the instant (the pipeline's deadline); `ms` from now here.
      const deadline = (call: InstanceType<typeof CallAbort>, ms: number) =>
        (setDeadline as (call: InstanceType<typeof CallAbort>, at: number) => void)(
          call,
          performance.now() + ms,
        );
      const clear = clearDeadline as (call: InstanceType<typeof CallAbort>) => void;
      const order: string[] = [];
      const call = (name: string, ms: number) => {
        const c = new CallAbort();
        c.once('abort', () => order.push(name));
        deadline(c, ms);
        return c;
      };
      const started = performance.now();
      const late = call('late', 150);
      const cleared = call('cleared', 20);
      const early = call('early', 40); // earlier than `late`: the timer moves for it
      const far = call('far', 60_000);
      clear(cleared);
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(order).toEqual(['early']);
      expect(early.reason).toBe(TIMED_OUT);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(order).toEqual(['early', 'late']);
      expect(late.reason).toBe(TIMED_OUT);
      expect(performance.now() - started).toBeGreaterThanOrEqual(150);
      expect(cleared.aborted).toBe(false);
      expect(far.aborted).toBe(false);
      clear(far);
      clear(late); // already expired: nothing to do
    });

    it('runs each listener once, in order, and not after removal', () => {
      const a = new CallAbort();
      const calls: string[] = [];
      const removed = () => calls.push('removed');
      a.on('abort', () => calls.push('first'));
      a.once('abort', removed);
      a.once('abort', () => calls.push('second'));
      a.removeListener('abort', removed);
      a.abort('why');
      a.abort('again');
      expect(calls).toEqual(['first', 'second']);
      expect(a.aborted).toBe(true);
      expect(a.reason).toBe('why');
    });

    it('gives a real AbortSignal that follows it, whether asked for before or after the abort', () => {
      const before = new CallAbort();
      const signal = before.signal;
      expect(signal).toBeInstanceOf(AbortSignal);
      expect(signal.aborted).toBe(false);
      before.abort('late');
      expect(signal.aborted).toBe(true);
      expect(signal.reason).toBe('late');

      const after = new CallAbort();
      after.abort('early');
      expect(after.signal.aborted).toBe(true);
      expect(after.signal.reason).toBe('early');
      expect(after.signal).toBe(after.signal);
    });

    it('follows a caller signal shared by many calls, until each stops following', () => {
      const caller = new AbortController();
      const calls = Array.from({ length: 12 }, () => new CallAbort());
      // Each build's followSignal takes that build's CallAbort.
      const follow = followSignal as (
        signal: AbortSignal,
        call: InstanceType<typeof CallAbort>,
      ) => () => void;
      const unfollow = calls.map((call) => follow(caller.signal, call));
      unfollow[0]!();
      caller.abort('shutdown');
      expect(calls.map((c) => c.aborted)).toEqual([false, ...Array(11).fill(true)]);
      expect(calls[1]!.reason).toBe('shutdown');
      for (const stop of unfollow) stop();
    });
  },
);

describe('deadlines (Node build): one timer keeps the process alive while a call waits on it, and not after', () => {
  const script = (body: string) => [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    `import { CallAbort, setDeadline, clearDeadline } from './src/core/call-abort-node.ts';\n${body}`,
  ];

  it('exits at once when every deadline was cleared, and waits for one that is pending', async () => {
    const started = performance.now();
    const cleared = await runNode(
      script(
        'const c = new CallAbort(); setDeadline(c, performance.now() + 60_000); clearDeadline(c); console.log("done");',
      ),
    );
    expect(cleared.stdout.trim()).toBe('done');
    expect(performance.now() - started).toBeLessThan(30_000);
    const pending = await runNode(
      script(
        'const c = new CallAbort(); c.once("abort", () => console.log("timed out")); setDeadline(c, performance.now() + 300);',
      ),
    );
    expect(pending.stdout.trim()).toBe('timed out');
  });
});

describe('splitStableUrl', () => {
  it('only takes the shortcut for targets the WHATWG URL parser leaves unchanged (but a bare `?`)', () => {
    const chars = [...'abcXYZ019-._~!$&()*+,;=:@/%?#\'" <>`{}|\\^[]é\u00a0.'];
    const target = fc.array(fc.constantFrom(...chars), { maxLength: 24 }).map((cs) => `/${cs.join('')}`);
    fc.assert(
      fc.property(
        fc.constantFrom('http://127.0.0.1:8080', 'https://vistarkriya.com'),
        target,
        (origin, t) => {
          const split = splitStableUrl(origin + t);
          if (!split) return;
          const url = new URL(origin + t);
          expect(split.origin).toBe(url.origin);
          expect(split.path).toBe(t);
          // The one difference: an empty query. The URL parser drops a bare trailing `?`; the
          // shortcut sends it, as it was signed.
          const parsed = url.pathname + url.search;
          expect(parsed === t || (t.endsWith('?') && url.search === '' && parsed === t.slice(0, -1))).toBe(
            true,
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps ordinary API targets on the shortcut and sends odd ones the old way', () => {
    expect(
      splitStableUrl('https://vistarkriya.com/api/v1/wallet/core/transactions?page=2&per_page=20'),
    ).toEqual({
      origin: 'https://vistarkriya.com',
      path: '/api/v1/wallet/core/transactions?page=2&per_page=20',
    });
    for (const odd of [
      'http://h/a b',
      'http://h/a/../b',
      'http://h/a/%2E%2E/b',
      'http://h/x#frag',
      "http://h/x?name=o'brien",
      'http://h/caf\u00e9',
      'http://user:pw@h/x',
      '/relative/only',
    ]) {
      expect(splitStableUrl(odd), odd).toBeUndefined();
    }
  });
});

describe('UndiciTransport and the pipeline against a real server', () => {
  const seen: { target: string; headers: http.IncomingHttpHeaders }[] = [];
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ target: req.url!, headers: req.headers });
      if (req.url!.startsWith('/hang')) return; // never answers
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ success: true, data: { target: req.url } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends a stable target verbatim, and an odd one exactly as undici.request(url) did', async () => {
    const transport = new UndiciTransport();
    const abort = new nodeAbort.CallAbort();
    const send = (url: string) =>
      transport.send({
        method: 'GET',
        url,
        headers: {},
        body: undefined,
        signal: abort.signal,
        abortSource: abort,
        maxResponseBytes: 1 << 20,
      });
    try {
      seen.length = 0;
      await send(`${origin}/api/v1/x?a=1&b=%2F~!*(),;:@$`);
      await send(`${origin}/odd path/../y`);
      expect(seen.map((s) => s.target)).toEqual(['/api/v1/x?a=1&b=%2F~!*(),;:@$', '/y']);
    } finally {
      await transport.close();
    }
  });

  it('signs what it sends: per-call headers never replace the auth headers', async () => {
    const vk = new VistarkriyaClient({
      apiKey: 'key',
      apiSecret: 'secret',
      adminCode: '123456',
      baseURL: origin,
    });
    try {
      seen.length = 0;
      await vk.request({
        method: 'GET',
        path: '/api/v1/wallet/core/balance',
        query: { page: 2 },
        headers: { 'X-Signature': 'forged', 'X-Trace': 't1', Accept: 'text/plain' },
      });
      const [req] = seen;
      const expected = createHmac('sha256', 'secret')
        .update(`${req!.headers['x-timestamp']}GET/api/v1/wallet/core/balance?page=2`)
        .digest('hex');
      expect(req!.target).toBe('/api/v1/wallet/core/balance?page=2');
      expect(req!.headers['x-signature']).toBe(expected);
      expect(req!.headers['x-trace']).toBe('t1');
      expect(req!.headers.accept).toBe('text/plain');
      expect(req!.headers['x-api-key']).toBe('key');
    } finally {
      await vk.close();
    }
  });

  it('the deadline aborts an in-flight undici request, and a user abort does too', async () => {
    const vk = new VistarkriyaClient({
      apiKey: 'key',
      apiSecret: 'secret',
      adminCode: '123456',
      baseURL: origin,
      maxRetries: 0,
    });
    try {
      const t0 = Date.now();
      await expect(vk.request({ method: 'GET', path: '/hang', timeout: 150 })).rejects.toBeInstanceOf(
        APITimeoutError,
      );
      expect(Date.now() - t0).toBeLessThan(2000);

      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      await expect(
        vk.request({ method: 'GET', path: '/hang', signal: controller.signal }),
      ).rejects.toBeInstanceOf(UserAbortError);
    } finally {
      await vk.close();
    }
  });
});
