import dns from 'node:dns';
import { Agent, fetch as undiciFetch } from 'undici';
import { expect } from 'vitest';
import {
  type ClientOptions,
  type FetchLike,
  type RequestOptions,
  VistarkriyaClient,
} from '../../src/index.js';
import type { Transport, TransportRequest, TransportResponse } from '../../src/transport/types.js';
import { UndiciTransport } from '../../src/transport/undici.js';
import { ScriptedTransport, type Step } from './fake-transport.js';

export const TEST_API_KEY = 'vk_fault_key';
export const TEST_SECRET = 'fault_secret_Zq81xw';
export const TEST_ADMIN_CODE = '482913';

/** Log lines a capturing logger received, by level. */
export interface CapturedLog {
  level: 'debug' | 'info' | 'warn' | 'error';
  line: string;
}

/** A console-like logger that keeps every line (and every extra argument, stringified). */
export function capturingLogger() {
  const lines: CapturedLog[] = [];
  const at =
    (level: CapturedLog['level']) =>
    (message: string, ...rest: unknown[]) => {
      lines.push({ level, line: [message, ...rest.map((r) => String(r))].join(' ') });
    };
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

/** A transport wrapper that counts attempts (refused and DNS failures never reach a server). */
export class CountingTransport implements Transport {
  sends = 0;
  constructor(readonly inner: Transport = new UndiciTransport()) {}
  send(req: TransportRequest): Promise<TransportResponse> {
    this.sends++;
    return this.inner.send(req);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** A client for the fault server with test credentials; pass anything to override. */
export function faultClient(baseURL: string, options: ClientOptions = {}): VistarkriyaClient {
  return new VistarkriyaClient({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_SECRET,
    adminCode: TEST_ADMIN_CODE,
    baseURL,
    logLevel: 'off',
    ...options,
  });
}

/**
 * A client whose transport plays `steps` (no sockets), with test credentials and a dummy base URL;
 * pass anything to override. Returns the transport too, to inspect what was sent.
 */
export function scriptedClient(steps: Step[], options: ClientOptions = {}) {
  const transport = new ScriptedTransport(steps);
  const client = faultClient('https://api.example.test', { transport, ...options });
  return { client, transport };
}

/** Fault headers for one logical call (see test/faults/server.ts). */
export function faultHeaders(
  callId: string,
  fault: string,
  extra: { times?: number; retryAfter?: string; delayMs?: number; size?: number } = {},
): Record<string, string> {
  const h: Record<string, string> = { 'x-call-id': callId, 'x-fault': fault };
  if (extra.times !== undefined) h['x-fault-times'] = String(extra.times);
  if (extra.retryAfter !== undefined) h['x-fault-retry-after'] = extra.retryAfter;
  if (extra.delayMs !== undefined) h['x-fault-delay-ms'] = String(extra.delayMs);
  if (extra.size !== undefined) h['x-fault-size'] = String(extra.size);
  return h;
}

type PanInput = { pan: string; name?: string };

/** The billable call under test: `vk.verify.pan()` (POST /api/v1/verify/pan, retry class `billable`). */
export function verifyPan(
  client: VistarkriyaClient,
  input: PanInput,
  options: RequestOptions = {},
): Promise<unknown> {
  return client.verify.pan(input, options);
}

/** The same call through the raw `client.request` (every POST is billable by default). */
export function rawVerifyPan(
  client: VistarkriyaClient,
  input: PanInput,
  options: RequestOptions = {},
): Promise<unknown> {
  return client.request({ method: 'POST', path: '/api/v1/verify/pan', body: input, ...options });
}

/** A read: `GET /api/v1/wallet/core/balance` through `client.request`. */
export function readBalance(client: VistarkriyaClient, options: RequestOptions = {}): Promise<unknown> {
  return client.request({ method: 'GET', path: '/api/v1/wallet/core/balance', ...options });
}

/** Runs `fn` and returns what it threw (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to reject, but it resolved');
}

// The resources that would keep a process alive after the SDK is done: sockets and timers.
const LEAKY = new Set(['TCPSocketWrap', 'Timeout', 'TCPWRAP', 'Immediate']);

export function leakyCounts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) if (LEAKY.has(r)) out[r] = (out[r] ?? 0) + 1;
  return out;
}

/**
 * Runs `fn` with a fresh client, closes it, and asserts that no socket or timer is left open
 * afterwards compared to before (server-side sockets are given a moment to see the FIN).
 */
export async function withClient<T>(
  baseURL: string,
  options: ClientOptions,
  fn: (client: VistarkriyaClient) => Promise<T>,
  /** Closes what the test (not the client) owns, e.g. the dispatcher behind a user-supplied fetch. */
  alsoClose?: () => Promise<void>,
): Promise<T> {
  const before = leakyCounts();
  const client = faultClient(baseURL, options);
  try {
    return await fn(client);
  } finally {
    await client.close();
    await alsoClose?.();
    await expectNoNewResources(before);
  }
}

/**
 * The two built-in transports, for contract-style runs of the same test. The fetch one uses
 * undici's `fetch` on its own Agent, because a user-supplied fetch's pool belongs to the user
 * (`client.close()` cannot close it) and the test must close it to check for leaks.
 */
export const TRANSPORTS: {
  name: string;
  make: () => { options: ClientOptions; close?: () => Promise<void> };
}[] = [
  { name: 'undici (default)', make: () => ({ options: {} }) },
  {
    name: 'fetch',
    make: () => {
      const agent = new Agent();
      const fetchWithAgent = ((url: string, init: RequestInit) =>
        undiciFetch(url, { ...(init as object), dispatcher: agent })) as unknown as FetchLike;
      return { options: { fetch: fetchWithAgent }, close: () => agent.close() };
    },
  },
];

/** Polls (up to 2 s) until the open sockets and timers are back to `before`. */
export async function expectNoNewResources(before: Record<string, number>): Promise<void> {
  let now = leakyCounts();
  const grew = () => Object.keys(now).some((k) => (now[k] ?? 0) > (before[k] ?? 0));
  for (let i = 0; i < 100 && grew(); i++) {
    await new Promise((r) => setTimeout(r, 20));
    now = leakyCounts();
  }
  const grown = Object.fromEntries(Object.entries(now).filter(([k, v]) => v > (before[k] ?? 0)));
  expect(grown, 'sockets/timers left open after client.close()').toEqual({});
}

/**
 * Makes `*.invalid` names fail in this process's resolver without asking any DNS server
 * (RFC 6761 reserves `.invalid`, but a stub resolver would still forward the query).
 * Other names are resolved normally. Returns the list of names looked up, and a restore function.
 */
export function stubInvalidDns() {
  const original = dns.lookup;
  const looked: string[] = [];
  const stub = ((hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (
      err: Error | null,
      ...rest: unknown[]
    ) => void;
    if (hostname.endsWith('.invalid')) {
      looked.push(hostname);
      const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: 'ENOTFOUND',
        errno: -3008,
        syscall: 'getaddrinfo',
        hostname,
      });
      process.nextTick(cb, err);
      return;
    }
    return (original as (...a: unknown[]) => unknown)(hostname, options, callback);
  }) as typeof dns.lookup;
  dns.lookup = stub;
  return {
    looked,
    restore() {
      dns.lookup = original;
    },
  };
}
