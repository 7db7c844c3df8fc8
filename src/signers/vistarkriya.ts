import { hmacSha256Hex } from '../platform/crypto.js';
import type { CryptoProvider } from '../platform/crypto-types.js';
import type { SignInput, SignResult, Signer } from './types.js';

/** Credentials of {@link vistarkriyaSigner} (the platform's 4-header HMAC scheme). */
export interface VistarkriyaSignerOptions {
  apiKey: string;
  apiSecret: string;
  adminCode: string;
  /** The platform's pages disagree on the name; `X-Admin-Code` is the default. */
  adminCodeHeader?: 'X-Admin-Code' | 'X-Tenant-Code' | (string & {});
}

/**
 * The exact string the platform signs: `timestamp + METHOD + target + body`. The platform's API
 * overview: `Signature = HMAC-SHA256( timestamp + method + endpoint + body, api_secret )`.
 */
export function vistarkriyaStringToSign(input: SignInput): string {
  return input.timestamp + input.method + input.target + input.body;
}

/**
 * Vistarkriya 4-header HMAC auth:
 * `X-Signature = hex(HMAC-SHA256(api_secret, timestamp + METHOD + target + body))`,
 * plus `X-API-Key`, `X-Timestamp` and the admin code header (sent, not signed).
 */
export function vistarkriyaSigner(options: VistarkriyaSignerOptions): Signer {
  return createVistarkriyaSigner(options, { hmacSha256Hex });
}

/**
 * @internal `vistarkriyaSigner` with an explicit crypto provider, so tests can prove the
 * Node and WebCrypto providers sign identically. Not exported from the package root.
 */
export function createVistarkriyaSigner(
  options: VistarkriyaSignerOptions,
  provider: Pick<CryptoProvider, 'hmacSha256Hex'>,
): Signer {
  const { apiKey, apiSecret, adminCode } = options;
  const adminHeader = options.adminCodeHeader ?? 'X-Admin-Code';
  const build = (timestamp: number, signature: string): SignResult => ({
    headers: {
      'X-API-Key': apiKey,
      'X-Timestamp': String(timestamp),
      'X-Signature': signature,
      [adminHeader]: adminCode,
    },
  });
  return {
    // The admin code is sent in clear but is a credential: it is redacted like the secret.
    secrets: [apiSecret, adminCode],
    keys: [apiKey],
    sign(input) {
      const sig = provider.hmacSha256Hex(apiSecret, vistarkriyaStringToSign(input));
      return typeof sig === 'string'
        ? build(input.timestamp, sig)
        : sig.then((s) => build(input.timestamp, s));
    },
  };
}
