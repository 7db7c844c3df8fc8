// Environment variables are a fallback: read only for an option that was not given, and a runtime
// that forbids reading them (Deno without --allow-env throws `NotCapable` on `process.env.X`) is
// treated as having none. Here `process.env` is swapped, for one synchronous step, for a stand-in
// that records every name read and throws as Deno does. The real Deno run is in runtimes.test.ts.
import { describe, expect, it } from 'vitest';
import { ConfigurationError, DEFAULT_BASE_URL, Veri5Client, VistarkriyaClient } from '../src/index.js';
import { createProxyHandler } from '../src/proxy/index.js';

class NotCapable extends Error {
  override name = 'NotCapable';
}

/** Runs `fn` with an environment that refuses every read; returns what it tried to read. */
function withForbiddenEnv<T>(fn: () => T): { result: T; reads: string[] } {
  const reads: string[] = [];
  const saved = process.env;
  process.env = new Proxy({} as NodeJS.ProcessEnv, {
    get(_target, name) {
      if (typeof name === 'string') reads.push(name);
      throw new NotCapable(`Requires env access to "${String(name)}", run again with the --allow-env flag`);
    },
    has() {
      throw new NotCapable('Requires env access');
    },
  });
  try {
    return { result: fn(), reads };
  } finally {
    process.env = saved;
  }
}

const platform = { apiKey: 'vk_test_key', apiSecret: 'test_secret', adminCode: '123456' };
const veri5 = { clientCode: 'VERI5_TEST', apiKey: 'veri5_test_key', salt: 'veri5_test_salt' };

describe('environment variables', () => {
  it('are not read for options that were given', () => {
    const { result, reads } = withForbiddenEnv(() => [
      new VistarkriyaClient({ ...platform, baseURL: 'http://127.0.0.1:1', logLevel: 'off' }),
      new Veri5Client({ ...veri5, environment: 'sandbox', baseURL: 'http://127.0.0.1:1', logLevel: 'off' }),
      createProxyHandler({
        ...platform,
        baseURL: 'http://127.0.0.1:1',
        logLevel: 'off',
        basePath: '/api/vk',
        allow: ['verify.pan'],
        authorize: () => true,
      }),
    ]);
    expect(reads).toEqual([]);
    expect(result).toHaveLength(3);
  });

  it('that cannot be read count as unset: defaults apply, missing credentials are a ConfigurationError', async () => {
    const seen: string[] = [];
    const fetch = async (url: string | URL | Request) => {
      seen.push(String(url));
      return new Response(JSON.stringify({ success: true, data: { balance: 1 } }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const { result: vk, reads } = withForbiddenEnv(() => new VistarkriyaClient({ ...platform, fetch }));
    expect(reads).toEqual(expect.arrayContaining(['VISTARKRIYA_BASE_URL', 'VISTARKRIYA_LOG']));
    await vk.wallet.core.balance();
    expect(seen[0]!.startsWith(`${DEFAULT_BASE_URL}/api/v1/`)).toBe(true);

    const { result: veri5Client } = withForbiddenEnv(() => new Veri5Client({ ...veri5, fetch }));
    expect(veri5Client).toBeInstanceOf(Veri5Client);

    for (const make of [() => new VistarkriyaClient(), () => new Veri5Client()]) {
      const { result: thrown } = withForbiddenEnv(() => {
        try {
          make();
          return undefined;
        } catch (err) {
          return err;
        }
      });
      expect(thrown).toBeInstanceOf(ConfigurationError);
      expect((thrown as Error).message).toMatch(/\(or env (VISTARKRIYA|VERI5)_/);
    }
  });
});
