// What contract.mjs checks and the proxy it checks: shared with its hosts, which must not load the
// SDK from here (this file imports nothing).

/** The checks, by name, in the order they run: the host expects every one of them to pass. */
export const CHECKS = [
  'vistarkriyaSigner equals the PHP vectors',
  'openLegacySigner equals the PHP vectors',
  'veri5Hash and veri5Signer equal the PHP vectors',
  'a client calls the sandbox over the network',
  'a wrong secret is a SignatureMismatchError, by instanceof',
  'a magic failure is typed: unavailable is an InternalServerError',
  'Veri5Client calls the sandbox over the network',
  'createSandbox() serves a client in this runtime; bad input is refused before sending',
  'createProxyHandler forwards signed calls and refuses what is not allowed',
  'clients construct without baseURL or logLevel (the environment is optional)',
];

/** The session the contract's proxy accepts (`Authorization` header). */
export const PROXY_SESSION = 'Bearer contract-session';

/** Options of the contract's proxy: forwards to the sandbox at `sandboxURL`, mounted at /api/vk. */
export function proxyOptions(sandboxURL) {
  return {
    apiKey: 'vk_test_sandbox',
    apiSecret: 'sandbox_secret',
    adminCode: '123456',
    baseURL: sandboxURL,
    basePath: '/api/vk',
    allow: ['verify.pan', 'wallet.core.balance'],
    authorize: (request) => request.headers.get('authorization') === PROXY_SESSION,
    maxRetries: 0,
    logLevel: 'off',
  };
}
