// The runtime contract: one suite, run unchanged in Node, Bun, Deno, workerd and Chromium against
// the built package, imported by name as a user's code does, so each runtime picks its build
// through package.json's export conditions. Plain JavaScript and no test framework, so that every
// runtime runs the same file: `runContract()` returns each check's result, and the host
// (test/runtimes/*.test.ts, test/browser/runtime-contract.test.ts) asserts that all of them passed.
import {
  APIError,
  AuthenticationError,
  InputValidationError,
  InternalServerError,
  NotFoundError,
  SignatureMismatchError,
  Veri5Client,
  VistarkriyaClient,
  VistarkriyaError,
  openLegacySigner,
  proxySigner,
  veri5Hash,
  veri5Signer,
  vistarkriyaSigner,
} from 'vistarkriya';
import { createProxyHandler } from 'vistarkriya/proxy';
import { MAGIC, SANDBOX_CREDENTIALS, SANDBOX_VERI5_CREDENTIALS, createSandbox } from 'vistarkriya/sandbox';
import { CHECKS, PROXY_SESSION, proxyOptions } from './checks.mjs';

/**
 * @param {object} options
 * @param {{ vistarkriya: any[], openLegacy: any[], veri5: { hashes: any[], signer: any[] } }} options.vectors
 * @param {string} options.sandboxURL a sandbox server (`startSandbox()`) this runtime may reach
 * @param {string} [options.proxyURL] where the host serves a proxy made from `proxyOptions()` (a
 *   browser cannot hold the secret a proxy needs); without it the proxy is created in this runtime
 */
export async function runContract({ vectors, sandboxURL, proxyURL }) {
  const results = [];
  const checks = checkList({ vectors, sandboxURL, proxyURL });
  for (const name of CHECKS) {
    try {
      await checks[name]();
      results.push({ name, ok: true });
    } catch (err) {
      results.push({ name, ok: false, error: String(err?.stack ?? err) });
    }
  }
  return { runtime: runtimeName(), resolved: resolvedEntry(), results };
}

function checkList({ vectors, sandboxURL, proxyURL }) {
  const platform = { ...SANDBOX_CREDENTIALS, dangerouslyAllowBrowser: true };
  const veri5 = { ...SANDBOX_VERI5_CREDENTIALS, dangerouslyAllowBrowser: true };
  return {
    async 'vistarkriyaSigner equals the PHP vectors'() {
      for (const v of vectors.vistarkriya) {
        const signer = vistarkriyaSigner({ apiKey: 'vk_test_key', apiSecret: v.secret, adminCode: '123456' });
        const input = { method: v.method, target: v.target, body: bodyOf(v), timestamp: v.timestamp };
        const { headers } = await signer.sign(input);
        equal(headers['X-Signature'], v.signature, v.name);
        equal(headers['X-Timestamp'], String(v.timestamp), v.name);
      }
      atLeast(vectors.vistarkriya.length, 10, 'platform vectors');
    },

    async 'openLegacySigner equals the PHP vectors'() {
      for (const v of vectors.openLegacy) {
        const signer = openLegacySigner({ accessKey: v.access_key, secretKey: v.secret });
        const input = {
          method: v.method,
          target: '/open/v1/payment_token',
          body: bodyOf(v),
          timestamp: v.timestamp,
        };
        const { headers } = await signer.sign(input);
        equal(headers.Authorization, `Bearer ${v.access_key}:${v.signature}`, v.name);
      }
      atLeast(vectors.openLegacy.length, 10, 'Open legacy vectors');
    },

    async 'veri5Hash and veri5Signer equal the PHP vectors'() {
      for (const v of vectors.veri5.hashes) equal(await veri5Hash(v.fields), v.hash, v.name);
      for (const v of vectors.veri5.signer) {
        const signer = veri5Signer({ clientCode: v.client_code, apiKey: v.api_key, salt: v.salt });
        const envelope = { headers: { client_code: v.client_code }, request: { ...v.request } };
        const out = await signer.sign({
          method: 'POST',
          target: `/service/api/1.0/${v.operation}`,
          body: JSON.stringify(envelope),
          timestamp: 1739612345,
        });
        equal(JSON.parse(out.body).request.hash, v.hash, v.name);
      }
      atLeast(vectors.veri5.hashes.length + vectors.veri5.signer.length, 5, 'Veri5 vectors');
    },

    async 'a client calls the sandbox over the network'() {
      // The runtime's default transport: undici in Node, fetch in Bun, Deno, workerd and browsers.
      const vk = new VistarkriyaClient({ ...platform, baseURL: sandboxURL, maxRetries: 0 });
      try {
        equal((await vk.verify.pan({ pan: MAGIC.pan.valid })).status, 'VALID', 'verify.pan');
        equal(typeof (await vk.wallet.core.balance()).balance, 'number', 'wallet balance');
      } finally {
        await vk.close();
      }
    },

    async 'a wrong secret is a SignatureMismatchError, by instanceof'() {
      const vk = new VistarkriyaClient({ ...platform, apiSecret: 'not-the-secret', baseURL: sandboxURL });
      const err = await vk.wallet.core.balance().then(
        () => new Error('no error'),
        (e) => e,
      );
      await vk.close();
      for (const cls of [SignatureMismatchError, AuthenticationError, APIError, VistarkriyaError, Error])
        equal(err instanceof cls, true, `instanceof ${cls.name} (${err})`);
      equal(err instanceof NotFoundError, false, 'instanceof NotFoundError');
      equal(err.code, 'HMAC_INVALID', 'code');
    },

    async 'a magic failure is typed: unavailable is an InternalServerError'() {
      const vk = new VistarkriyaClient({ ...platform, baseURL: sandboxURL, maxRetries: 0 });
      const err = await vk.verify.pan({ pan: MAGIC.pan.unavailable }).catch((e) => e);
      await vk.close();
      equal(err instanceof InternalServerError, true, `instanceof InternalServerError (${err})`);
      equal(err.status, 503, 'status');
    },

    async 'Veri5Client calls the sandbox over the network'() {
      const v5 = new Veri5Client({ ...veri5, baseURL: sandboxURL, maxRetries: 0 });
      try {
        equal((await v5.verifyGstin({ gstin: MAGIC.gstin.valid })).status, 'SUCCESS', 'verifyGstin');
      } finally {
        await v5.close();
      }
    },

    async 'createSandbox() serves a client in this runtime; bad input is refused before sending'() {
      const sandbox = createSandbox();
      const vk = new VistarkriyaClient({ ...sandbox.clientOptions, dangerouslyAllowBrowser: true });
      try {
        equal(
          (await vk.verify.pan({ pan: MAGIC.pan.name_mismatch, name: 'Ravi Kumar' })).status,
          'NAME_MISMATCH',
          'pan',
        );
        const sent = sandbox.requests.length;
        const err = await vk.verify.pan({ pan: 'ABCDE12345' }).catch((e) => e);
        equal(err instanceof InputValidationError, true, `instanceof InputValidationError (${err})`);
        equal(sandbox.requests.length, sent, 'requests sent for bad input');
      } finally {
        await vk.close();
      }
    },

    async 'createProxyHandler forwards signed calls and refuses what is not allowed'() {
      const proxy = proxyURL ? undefined : createProxyHandler(proxyOptions(sandboxURL));
      const handle = proxy ?? ((request) => fetch(request));
      const base = proxyURL ?? 'http://app.test/api/vk';
      try {
        const res = await handle(
          new Request(`${base}/api/v1/verify/pan`, {
            method: 'POST',
            headers: { authorization: PROXY_SESSION, 'content-type': 'application/json' },
            body: JSON.stringify({ pan: MAGIC.pan.valid }),
          }),
        );
        const json = await res.json();
        equal(`${res.status} ${json.success} ${json.data?.status}`, '200 true VALID', 'raw proxy answer');
        // The documented browser side: proxySigner, no secret.
        const vk = new VistarkriyaClient({
          baseURL: base,
          signer: proxySigner({ headers: { authorization: PROXY_SESSION } }),
          fetch: (url, init) => handle(new Request(url, init)),
          maxRetries: 0,
        });
        equal(typeof (await vk.wallet.core.balance()).balance, 'number', 'balance through the proxy');
        const refused = await vk.cibil.reports().catch((e) => e);
        equal(refused instanceof APIError && refused.status, 403, `not allowed (${refused})`);
      } finally {
        await proxy?.close();
      }
    },

    async 'clients construct without baseURL or logLevel (the environment is optional)'() {
      // Reads VISTARKRIYA_BASE_URL, VISTARKRIYA_LOG, VERI5_ENVIRONMENT...: Deno without --allow-env
      // refuses the read, which must count as unset.
      const clients = [new VistarkriyaClient(platform), new Veri5Client(veri5)];
      for (const c of clients) await c.close();
    },
  };
}

function bodyOf(v) {
  return v.body_repeat ? v.body_repeat.unit.repeat(v.body_repeat.count) : (v.body ?? '');
}

function equal(actual, expected, what) {
  if (actual !== expected)
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function atLeast(actual, min, what) {
  if (!(actual >= min)) throw new Error(`${what}: expected at least ${min}, got ${actual}`);
}

function runtimeName() {
  const g = globalThis;
  if (g.Bun) return 'bun';
  if (g.Deno) return 'deno';
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (g.document) return 'browser';
  if (g.process?.versions?.node) return `node ${g.process.versions.node}`;
  return 'unknown';
}

/** Which build of the package this runtime loaded, where the runtime can say (bundled: no). */
function resolvedEntry() {
  try {
    return import.meta.resolve?.('vistarkriya');
  } catch {
    return undefined;
  }
}
