// The build picks the implementation: Node builds use node:crypto, browser/worker
// builds replace this module's import with crypto-web.ts (tsup.config.ts).
// `hmacSha256HexBytes` is a separate export (not on `crypto`) so bundles that never sign raw bytes
// (the client's) leave it out.
export { crypto, hmacSha256HexBytes } from './crypto-node.js';
export type { CryptoProvider, MaybePromise } from './crypto-types.js';
