// Recipe: Vitest. msw's setupServer serves the sandbox at the production base URL, so the code under
// test keeps `new VistarkriyaClient({ apiKey, apiSecret, adminCode })`: no `fetch`, no `baseURL`.
import { setupServer } from 'msw/node';
import { SignatureMismatchError, VistarkriyaClient } from 'vistarkriya';
import { MAGIC, SANDBOX_CREDENTIALS, createSandbox, sandboxHandlers } from 'vistarkriya/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// Keep a handle on the sandbox to look at what your code sent (optional: sandboxHandlers() makes one).
const sandbox = createSandbox();
const server = setupServer(...sandboxHandlers({ sandbox }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('recipe: Vitest + msw + vistarkriya/testing', () => {
  it('answers magic values to a client created with default options', async () => {
    const vk = new VistarkriyaClient(SANDBOX_CREDENTIALS);
    const result = await vk.verify.pan({ pan: MAGIC.pan.name_mismatch, name: 'Ravi Kumar' });
    expect(result.status).toBe('NAME_MISMATCH');
    expect(sandbox.requests.at(-1)?.operation).toBe('verify.pan');
    await vk.close();
  });

  it('refuses a wrong secret with SignatureMismatchError', async () => {
    const vk = new VistarkriyaClient({ ...SANDBOX_CREDENTIALS, apiSecret: 'not-the-secret' });
    await expect(vk.wallet.core.balance()).rejects.toBeInstanceOf(SignatureMismatchError);
    await vk.close();
  });
});
