/**
 * The one small crypto surface the SDK needs. Node's implementation is synchronous,
 * WebCrypto's is asynchronous; callers accept both (`MaybePromise`).
 */
export type MaybePromise<T> = T | Promise<T>;

export interface CryptoProvider {
  readonly kind: 'node' | 'web';
  /** Lower-case hex HMAC-SHA256 of the UTF-8 bytes of `message` under the UTF-8 bytes of `key`. */
  hmacSha256Hex(key: string, message: string): MaybePromise<string>;
  /** Lower-case hex SHA-256 of the UTF-8 bytes of `message`. */
  sha256Hex(message: string): MaybePromise<string>;
  /** Constant-time string comparison (for hashes and signatures). */
  timingSafeEqual(a: string, b: string): boolean;
}
