// The page script of the Chromium test: a front-end using the SDK the documented way, with
// proxySigner and a relative baseURL. It holds no secret; every call goes through the proxy.
import {
  APIError,
  type PanVerification,
  VistarkriyaClient,
  VistarkriyaError,
  proxySigner,
} from '../../src/index.js';

/** A serialisable picture of an error, as the page sees it. */
function describeError(err: unknown) {
  return {
    name: (err as Error).name,
    message: (err as Error).message,
    isVistarkriyaError: err instanceof VistarkriyaError,
    status: err instanceof APIError ? err.status : undefined,
    code: err instanceof APIError ? err.code : undefined,
    json: JSON.stringify(err),
  };
}

async function runChecks(token: string) {
  const vk = new VistarkriyaClient({
    baseURL: '/api/vk',
    signer: proxySigner({ headers: () => ({ Authorization: `Bearer ${token}` }) }),
    maxRetries: 0,
  });
  // Typed results: these assignments are checked by tsc (`npx tsc --noEmit` covers test/).
  const pan: PanVerification = await vk.verify.pan({ pan: 'abcpv1234d' });
  const status: 'VALID' | 'INVALID' | 'NAME_MISMATCH' = pan.status;
  const balance = await vk.wallet.core.balance();
  const amount: number = balance.balance;
  const page = await vk.wallet.core.transactions({ page: 1, per_page: 2 });

  const notAllowed = await vk.verify.aadhaar({ aadhaar: '234567890124', consent: true }).catch(describeError);
  const invalidInBrowser = await vk.verify.pan({ pan: 'ABCDE12345' }).catch(describeError);
  const invalidAtProxy = await vk
    .request({ method: 'POST', path: '/api/v1/verify/pan', body: { pan: 'ABCDE12345' } })
    .catch(describeError);
  const stranger = new VistarkriyaClient({
    baseURL: '/api/vk',
    signer: proxySigner({ headers: { Authorization: 'Bearer not-a-session' } }),
    maxRetries: 0,
  });
  const unauthorized = await stranger.wallet.core.balance().catch(describeError);

  // The guard: a secret in a real page is refused.
  let guard: ReturnType<typeof describeError> | 'constructed' = 'constructed';
  try {
    new VistarkriyaClient({ apiKey: 'vk_page', apiSecret: 'page-dummy-secret', adminCode: '123456' });
  } catch (err) {
    guard = describeError(err);
  }
  let allowedWithFlag = false;
  try {
    new VistarkriyaClient({
      apiKey: 'k',
      apiSecret: 'page-dummy-secret',
      adminCode: '1',
      dangerouslyAllowBrowser: true,
    });
    allowedWithFlag = true;
  } catch {}

  return {
    pan,
    status,
    amount,
    page,
    notAllowed,
    invalidInBrowser,
    invalidAtProxy,
    unauthorized,
    guard,
    allowedWithFlag,
    secureContext: globalThis.isSecureContext,
    hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
  };
}

(globalThis as unknown as { runChecks: typeof runChecks }).runChecks = runChecks;
