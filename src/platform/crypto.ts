// The crypto provider of this build. package.json `imports` picks every `#platform/*` module by
// build, where a reader of src/ can see it:
//   #platform/crypto       node → platform/crypto-node.ts (node:crypto)   else → crypto-web.ts (WebCrypto)
//   #platform/transport    node → transport/default-node.ts (undici)     else → default-web.ts (fetch)
//   #platform/failure-codes node → transport/failure-codes-node.ts (Node's error codes) else → none
//   #platform/call-abort   node → core/call-abort-node.ts (undici-shaped) else → call-abort-web.ts
// "node" is the condition Node, tsx, vitest and tsup's Node build resolve with; the web build
// (platform browser: browsers, workers, workerd, edge, Deno) takes the other branch.
export { crypto, hmacSha256Hex, hmacSha256HexBytes } from '#platform/crypto';
export type { CryptoProvider, MaybePromise } from './crypto-types.js';
