// What an edge function (Vercel Edge, Cloudflare Workers) imports: the client, the signers, the proxy.
export * from '../../src/index.js';
export { createProxyHandler } from '../../src/proxy/index.js';
