import type { MaybePromise } from '../platform/crypto-types.js';
import type { SignResult, Signer } from './types.js';

/** Headers a browser client sends to its own proxy route, or a function that returns them. */
export type ProxyHeaders = Record<string, string> | (() => MaybePromise<Record<string, string>>);

/** Options of {@link proxySigner}. */
export interface ProxySignerOptions {
  /**
   * What identifies the user to your proxy route, e.g. `{ Authorization: 'Bearer ' + sessionToken }`,
   * or a (possibly async) function returning it, called once per attempt so a refreshed token is used.
   * Cookies on a same-origin route need nothing here: `fetch` sends them.
   */
  headers?: ProxyHeaders;
}

/**
 * Signer for browsers and other untrusted code: it does not sign at all. It sends the request to
 * your own route (where `createProxyHandler` authorizes the user, signs with the secret and
 * forwards), adding only the headers you give it. No API secret ever reaches the page.
 *
 * ```ts
 * const vk = new VistarkriyaClient({ baseURL: '/api/vk', signer: proxySigner({ headers: () => ({ Authorization: `Bearer ${token()}` }) }) });
 * await vk.verify.pan({ pan: 'ABCDE1234F' });
 * ```
 */
export function proxySigner(options: ProxySignerOptions = {}): Signer {
  const { headers } = options;
  if (typeof headers === 'function') {
    return {
      sign(): MaybePromise<SignResult> {
        const value = headers();
        return value instanceof Promise
          ? value.then((h) => ({ headers: { ...h } }))
          : { headers: { ...value } };
      },
    };
  }
  const fixed = { ...headers };
  return {
    // Static header values (a session token) are kept out of error messages and log lines.
    secrets: Object.values(fixed).filter((v) => v.length >= 8),
    sign: () => ({ headers: { ...fixed } }),
  };
}
