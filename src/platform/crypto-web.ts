// WebCrypto provider for browsers, workers, Deno and Bun: the web build of `#platform/crypto`
// (see crypto.ts). No `node:` imports here.
import type { CryptoProvider } from './crypto-types.js';

const encoder = /* @__PURE__ */ new TextEncoder();

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s)
    throw new Error('vistarkriya: WebCrypto (globalThis.crypto.subtle) is not available in this runtime');
  return s;
}

// Importing a key is the slow part of WebCrypto HMAC; a client signs with one secret,
// so keep the last few imported keys.
const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(key: string): Promise<CryptoKey> {
  let cached = keyCache.get(key);
  if (!cached) {
    // WebCrypto refuses a zero-length HMAC key, but PHP's hash_hmac and node:crypto accept
    // one. HMAC zero-pads keys to the block size, so a single NUL byte is the same key.
    const raw = key === '' ? new Uint8Array(1) : encoder.encode(key);
    cached = subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    if (keyCache.size >= 8) keyCache.delete(keyCache.keys().next().value as string);
    keyCache.set(key, cached);
  }
  return cached;
}

/**
 * Lower-case hex HMAC-SHA256 (see crypto-types.ts). Exported on its own as well, so a bundle that
 * only signs (the client's platform signer) leaves out the rest of {@link crypto}.
 */
export async function hmacSha256Hex(key: string, message: string): Promise<string> {
  return toHex(await subtle().sign('HMAC', await hmacKey(key), encoder.encode(message)));
}

export const crypto: CryptoProvider = {
  kind: 'web',
  hmacSha256Hex,
  async sha256Hex(message: string): Promise<string> {
    return toHex(await subtle().digest('SHA-256', encoder.encode(message)));
  },
  timingSafeEqual(a: string, b: string): boolean {
    const left = encoder.encode(a);
    const right = encoder.encode(b);
    let diff = left.length ^ right.length;
    const n = Math.max(left.length, right.length);
    for (let i = 0; i < n; i++) diff |= (left[i] ?? 0) ^ (right[i] ?? 0);
    return diff === 0;
  },
};

/** Lower-case hex HMAC-SHA256 of `message` as given, byte for byte (no text decoding on the way). */
export async function hmacSha256HexBytes(key: string, message: Uint8Array): Promise<string> {
  // The sandbox's bodies are never views of a SharedArrayBuffer (which WebCrypto refuses).
  return toHex(await subtle().sign('HMAC', await hmacKey(key), message as Uint8Array<ArrayBuffer>));
}
