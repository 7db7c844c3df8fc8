// The build picks the implementation: Node builds use node:crypto, browser/worker
// builds replace this module's import with crypto-web.ts (tsup.config.ts).
export { crypto } from './crypto-node.js';
export type { CryptoProvider, MaybePromise } from './crypto-types.js';
