// The page script of the msw worker test: the sandbox core runs in the page, msw's service worker
// hands it every request to the production base URL and Veri5's, and clients created with default
// options (test credentials only) call it. This is also the Playwright recipe's browser half.
import { setupWorker } from 'msw/browser';
import { Veri5Client, VistarkriyaClient } from '../../src/index.js';
import {
  MAGIC,
  SANDBOX_CREDENTIALS,
  SANDBOX_VERI5_CREDENTIALS,
  createSandbox,
  sandboxHandlers,
} from '../../src/testing/index.js';

const sandbox = createSandbox();
const worker = setupWorker(...sandboxHandlers({ sandbox }));

const errorName = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: unknown) => (e as Error).name,
  );

/** A request with these exact body bytes and this signature, as a non-SDK caller would send it. */
async function raw(body: number[], timestamp: string, signature: string) {
  const res = await fetch('https://vistarkriya.com/api/v1/verify/pan', {
    method: 'POST',
    headers: {
      'X-API-Key': 'vk_test_sandbox',
      'X-Timestamp': timestamp,
      'X-Signature': signature,
      'X-Admin-Code': '123456',
    },
    body: new Uint8Array(body),
  });
  return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code };
}

async function runMswChecks(bytes: { body: number[]; timestamp: string; good: string; decoded: string }) {
  await worker.start({ onUnhandledRequest: 'error', quiet: true });
  // In a page the SDK wants an explicit opt-in to hold a secret; these are the sandbox's test ones.
  const vk = new VistarkriyaClient({ ...SANDBOX_CREDENTIALS, dangerouslyAllowBrowser: true, maxRetries: 0 });
  const wrong = new VistarkriyaClient({
    ...SANDBOX_CREDENTIALS,
    apiSecret: 'not-the-secret',
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
  });
  const v5 = new Veri5Client({ ...SANDBOX_VERI5_CREDENTIALS, dangerouslyAllowBrowser: true, maxRetries: 0 });
  return {
    valid: (await vk.verify.pan({ pan: MAGIC.pan.valid })).status,
    mismatch: (await vk.verify.pan({ pan: MAGIC.pan.name_mismatch, name: 'Ravi Kumar' })).status,
    limited: await errorName(vk.verify.pan({ pan: MAGIC.pan.rate_limited })),
    reset: await errorName(vk.verify.pan({ pan: MAGIC.pan.reset })),
    wrongSecret: await errorName(wrong.wallet.core.balance()),
    veri5: (await v5.verifyGstin({ gstin: MAGIC.gstin.valid })).status,
    rawGood: await raw(bytes.body, bytes.timestamp, bytes.good),
    rawDecoded: await raw(bytes.body, bytes.timestamp, bytes.decoded),
    log: sandbox.requests.map((r) => `${r.operation} ${r.status} ${r.bodyBytes}`),
  };
}

(globalThis as { runMswChecks?: typeof runMswChecks }).runMswChecks = runMswChecks;
