// What `vk.request()` returns and throws, by the API the client's signer talks to: the platform's
// `{ success, data }` envelope is unwrapped; Open legacy answers (whose signing page documents no
// response envelope) come back as the JSON they are; and `unwrap: false` changes only what a
// success returns, never how an error answer is read.
import { afterAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  SignatureMismatchError,
  VistarkriyaClient,
  openLegacySigner,
} from '../src/index.js';
import { createSandbox } from '../src/sandbox/index.js';

const sandbox = createSandbox();
const { open } = sandbox.credentials;
const clients: VistarkriyaClient[] = [];
function client(options: ConstructorParameters<typeof VistarkriyaClient>[0]): VistarkriyaClient {
  const c = new VistarkriyaClient({
    baseURL: 'https://sandbox.test',
    fetch: sandbox.clientOptions.fetch,
    ...options,
  });
  clients.push(c);
  return c;
}
afterAll(() => Promise.all(clients.map((c) => c.close())));

const PAYMENT = { amount: '9.00', currency: 'INR', mtx: '123456XYZ' };

describe('a client with openLegacySigner', () => {
  it('returns a 2xx answer as it is, without `unwrap: false`, and the call is not marked outcome-unknown', async () => {
    const vk = client({ baseURL: 'https://sandbox.test/open', signer: openLegacySigner(open) });
    const answer = await vk.request({ method: 'POST', path: '/v1/payment_token', body: PAYMENT });
    expect(answer).toMatchObject({ status: 200, amount: '9.00', currency: 'INR', mtx: '123456XYZ' });
    expect((answer as { payment_token: string }).payment_token).toMatch(/^pt_\d+_123456XYZ$/);
  });

  it('still unwraps the platform envelope when asked (`unwrap: true`)', async () => {
    const vk = client({ signer: openLegacySigner(open) });
    // The sandbox answers the platform's own routes in the envelope; the signature is refused there,
    // so ask for a route that needs none: the envelope of an error is read either way.
    const err = await vk
      .request({ method: 'GET', path: '/api/v1/wallet/core/balance', unwrap: true })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 401, code: 'AUTH_MISSING_KEY' });
  });

  it('keeps the code of an Open error answer', async () => {
    const vk = client({
      baseURL: 'https://sandbox.test/open',
      signer: openLegacySigner({ ...open, secretKey: 'not the secret' }),
      maxRetries: 0,
    });
    const err = await vk
      .request({ method: 'POST', path: '/v1/payment_token', body: PAYMENT })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({ status: 401, code: 'INVALID_SIGNATURE', outcomeUnknown: false });
  });
});

describe('a platform client with `unwrap: false`', () => {
  it('returns the whole envelope of a success', async () => {
    const vk = client(sandbox.clientOptions);
    const answer = await vk.request({ method: 'GET', path: '/api/v1/wallet/core/balance', unwrap: false });
    expect(answer).toMatchObject({ success: true, data: { currency: 'INR' } });
  });

  it('reads an error envelope as without it: the code decides the class', async () => {
    const vk = client({ ...sandbox.clientOptions, apiSecret: 'not the secret', maxRetries: 0 });
    const err = await vk
      .request({ method: 'GET', path: '/api/v1/wallet/core/balance', unwrap: false })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignatureMismatchError);
    expect(err).toMatchObject({ status: 401, code: 'HMAC_INVALID' });
  });
});
