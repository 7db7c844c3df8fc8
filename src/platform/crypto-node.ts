// Node crypto provider. node:crypto is synchronous and over 20x faster than WebCrypto
// for the small messages we sign, so the Node build uses it (`#platform/crypto`, see crypto.ts);
// the web build takes crypto-web.ts.
import type { KeyObject } from 'node:crypto';
import type { CryptoProvider, MaybePromise } from './crypto-types.js';

// node:crypto is loaded on the first signature, not at import: loading it is about a third of the
// SDK's cold start (docs/performance.md, "Cold start"), and an app may import the SDK in a process
// that never calls. process.getBuiltinModule is synchronous (Node >= 20.16, Bun).
let loaded: typeof import('node:crypto') | undefined;
const nodeCrypto = () => (loaded ??= process.getBuiltinModule('node:crypto'));

// A string key is UTF-8 encoded again on every createHmac call; a KeyObject is not (about 20 %
// of signing a small request). A client signs with one secret, so a few keys are kept.
const keyCache = new Map<string, KeyObject>();

function hmacKey(key: string): KeyObject {
  let cached = keyCache.get(key);
  if (!cached) {
    cached = nodeCrypto().createSecretKey(Buffer.from(key, 'utf8'));
    if (keyCache.size >= 8) keyCache.delete(keyCache.keys().next().value as string);
    keyCache.set(key, cached);
  }
  return cached;
}

/** Lower-case hex HMAC-SHA256 (see crypto-types.ts); on its own too, as in crypto-web.ts. */
export function hmacSha256Hex(key: string, message: string): string {
  return nodeCrypto().createHmac('sha256', hmacKey(key)).update(message, 'utf8').digest('hex');
}

export const crypto: CryptoProvider = {
  kind: 'node',
  hmacSha256Hex,
  sha256Hex(message: string): string {
    return nodeCrypto().createHash('sha256').update(message, 'utf8').digest('hex');
  },
  timingSafeEqual(a: string, b: string): boolean {
    const left = Buffer.from(a, 'utf8');
    const right = Buffer.from(b, 'utf8');
    if (left.length !== right.length) {
      // Still spend comparable time so length is the only thing revealed.
      nodeCrypto().timingSafeEqual(left, left);
      return false;
    }
    return nodeCrypto().timingSafeEqual(left, right);
  },
};

/** Lower-case hex HMAC-SHA256 of `message` as given, byte for byte (no text decoding on the way). */
export function hmacSha256HexBytes(key: string, message: Uint8Array): MaybePromise<string> {
  return nodeCrypto().createHmac('sha256', hmacKey(key)).update(message).digest('hex');
}
