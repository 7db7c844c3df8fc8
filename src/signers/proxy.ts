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
    // The tokens the function returns are secrets as much as static ones: each new value joins
    // `secrets` (a new array, so the client's redactor sees the change), the latest few kept.
    let secrets: readonly string[] = [];
    const learn = (h: Record<string, string>): SignResult => {
      const fresh = tokensOf(h).filter((v) => !secrets.includes(v));
      if (fresh.length > 0) secrets = [...secrets, ...fresh].slice(-KEPT_TOKENS);
      return { headers: { ...h } };
    };
    return {
      viaProxy: true,
      get secrets() {
        return secrets;
      },
      sign(): MaybePromise<SignResult> {
        const value = headers();
        return value instanceof Promise ? value.then(learn) : learn(value);
      },
    };
  }
  const fixed = { ...headers };
  return {
    viaProxy: true,
    // Static header values (a session token) are kept out of error messages and log lines.
    secrets: tokensOf(fixed),
    sign: () => ({ headers: { ...fixed } }),
  };
}

// Shorter header values (`1`, `en-IN`) are not tokens and would shred ordinary text.
const MIN_SECRET_LENGTH = 8;
// Enough for a token refreshed while older calls are still in flight.
const KEPT_TOKENS = 8;

/** The header values worth redacting, and the credential alone of `Bearer <token>`-style values. */
function tokensOf(headers: Record<string, string>): string[] {
  const out: string[] = [];
  for (const value of Object.values(headers)) {
    const credential = /^[A-Za-z][\w-]*\s+(\S+)$/.exec(value)?.[1];
    for (const v of credential ? [value, credential] : [value]) {
      if (v.length >= MIN_SECRET_LENGTH && !out.includes(v)) out.push(v);
    }
  }
  return out;
}
