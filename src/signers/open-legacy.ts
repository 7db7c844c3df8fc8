import { crypto } from '../platform/crypto.js';
import type { CryptoProvider } from '../platform/crypto-types.js';
import type { SignInput, SignResult, Signer } from './types.js';

/** Credentials of {@link openLegacySigner} (the deprecated Open `Bearer ACCESS_KEY:SIGNATURE` scheme). */
export interface OpenLegacySignerOptions {
  accessKey: string;
  secretKey: string;
}

/**
 * PHP's `preg_replace('/\s+/', '', $s)` (no `u` modifier): PCRE works on bytes with the
 * C-locale tables, so `\s` is exactly tab, LF, VT, FF, CR and space. NBSP, U+2028, the
 * ideographic space and friends are NOT stripped (JavaScript's `\s` would strip them:
 * that difference is a classic source of HMAC mismatches).
 */
const PHP_WHITESPACE = /[\t\n\v\f\r ]+/g;

/** Removes what PHP's `preg_replace('/\s+/', '', $s)` removes: tab, LF, VT, FF, CR and space only. */
export function stripPhpWhitespace(s: string): string {
  return s.replace(PHP_WHITESPACE, '');
}

/** The exact prehash of the Open legacy scheme: `strip(timestamp + METHOD + body)`; GET signs `timestamp + METHOD`. */
export function openLegacyStringToSign(input: SignInput): string {
  const base = input.timestamp + input.method;
  return stripPhpWhitespace(input.method === 'GET' ? base : base + input.body);
}

/**
 * Open "Authentication [Deprecated]" signing (the Open signing page):
 * `Authorization: Bearer ACCESS_KEY:hex(HMAC-SHA256(secret, strip(timestamp + METHOD + body)))`
 * with `X-O-Timestamp`. The body sent keeps its whitespace; only the prehash is stripped.
 *
 * The timestamp is Unix **seconds**. The Open signing page calls it only "The timestamp of your request";
 * seconds is the SDK's reading (the unit of the platform's `X-Timestamp`). If your server wants milliseconds,
 * scale it before signing: header and prehash then both carry it:
 * `const s = openLegacySigner(keys); const ms = { ...s, sign: (i) => s.sign({ ...i, timestamp: i.timestamp * 1000 }) };`
 */
export function openLegacySigner(options: OpenLegacySignerOptions): Signer {
  return createOpenLegacySigner(options, crypto);
}

/** @internal `openLegacySigner` with an explicit crypto provider (tests run both providers). */
export function createOpenLegacySigner(options: OpenLegacySignerOptions, provider: CryptoProvider): Signer {
  const { accessKey, secretKey } = options;
  const build = (timestamp: number, signature: string): SignResult => ({
    headers: { Authorization: `Bearer ${accessKey}:${signature}`, 'X-O-Timestamp': String(timestamp) },
  });
  return {
    secrets: [secretKey],
    keys: [accessKey],
    platformEnvelope: false,
    sign(input) {
      const sig = provider.hmacSha256Hex(secretKey, openLegacyStringToSign(input));
      return typeof sig === 'string'
        ? build(input.timestamp, sig)
        : sig.then((s) => build(input.timestamp, s));
    },
  };
}
