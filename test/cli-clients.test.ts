// The CLI's clients send where the SDK's clients would: `--base-url`, else the env's base URL (an
// empty variable counts as unset, as for the clients), else the default host.
import { describe, expect, it } from 'vitest';
import { clientFromEnv } from '../src/cli/clients.js';
import { ConfigurationError, DEFAULT_BASE_URL, VERI5_HOSTS } from '../src/index.js';

const PLATFORM = { VISTARKRIYA_API_KEY: 'k', VISTARKRIYA_API_SECRET: 's', VISTARKRIYA_ADMIN_CODE: '123456' };
const VERI5 = { VERI5_CLIENT_CODE: 'c', VERI5_API_KEY: 'k', VERI5_SALT: 's' };

async function baseURLOf(operation: string, env: Record<string, string | undefined>, flag?: string) {
  const { client, baseURL } = clientFromEnv(operation, env, flag);
  await client.close();
  return baseURL;
}

describe('the CLI resolves a base URL as the clients do (flag > env > default)', () => {
  it('platform operations: VISTARKRIYA_BASE_URL', async () => {
    const env = { ...PLATFORM, VISTARKRIYA_BASE_URL: 'http://127.0.0.1:1' };
    expect(await baseURLOf('wallet.core.balance', env, 'http://127.0.0.1:2')).toBe('http://127.0.0.1:2');
    expect(await baseURLOf('wallet.core.balance', env)).toBe('http://127.0.0.1:1');
    expect(await baseURLOf('wallet.core.balance', PLATFORM)).toBe(DEFAULT_BASE_URL);
    expect(await baseURLOf('wallet.core.balance', { ...PLATFORM, VISTARKRIYA_BASE_URL: '' })).toBe(
      DEFAULT_BASE_URL,
    );
  });

  it('veri5.* operations: VERI5_BASE_URL, else the VERI5_ENVIRONMENT host', async () => {
    const env = {
      ...VERI5,
      VERI5_BASE_URL: 'http://127.0.0.1:1',
      VISTARKRIYA_BASE_URL: 'http://127.0.0.1:3',
    };
    expect(await baseURLOf('veri5.verifyPan', env, 'http://127.0.0.1:2')).toBe('http://127.0.0.1:2');
    expect(await baseURLOf('veri5.verifyPan', env)).toBe('http://127.0.0.1:1');
    expect(await baseURLOf('veri5.verifyPan', VERI5)).toBe(VERI5_HOSTS.sandbox);
    expect(await baseURLOf('veri5.verifyPan', { ...VERI5, VERI5_ENVIRONMENT: 'production' })).toBe(
      VERI5_HOSTS.production,
    );
    expect(await baseURLOf('veri5.verifyPan', { ...VERI5, VERI5_BASE_URL: '' })).toBe(VERI5_HOSTS.sandbox);
  });

  it("VERI5_ENVIRONMENT is read by the clients' one rule: a misspelt value is refused, not taken as sandbox", () => {
    // Pointing production credentials at the sandbox host (or the reverse) by a typo is refused.
    expect(() =>
      clientFromEnv('veri5.verifyPan', { ...VERI5, VERI5_ENVIRONMENT: 'prod' }, undefined),
    ).toThrow(ConfigurationError);
    expect(() =>
      clientFromEnv('veri5.verifyPan', { ...VERI5, VERI5_ENVIRONMENT: 'prod' }, undefined),
    ).toThrow(/environment must be 'sandbox' or 'production', got 'prod'/);
  });
});
