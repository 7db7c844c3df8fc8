// Types of contract.mjs for the TypeScript hosts that run it.
import type { ProxyHandler } from '../../src/proxy/index.js';

/** The name of every check, in the order they run. */
export declare const CHECKS: readonly string[];

export interface ContractReport {
  /** `node 22.x`, `bun`, `deno`, `workerd` or `browser`. */
  runtime: string;
  /** The file `import 'vistarkriya'` resolved to, where the runtime says (not in a bundle). */
  resolved: string | undefined;
  results: { name: string; ok: boolean; error?: string }[];
}

export declare function runContract(options: {
  vectors: unknown;
  sandboxURL: string;
  proxyURL?: string;
}): Promise<ContractReport>;

/** The session the contract's proxy accepts (`Authorization` header). */
export declare const PROXY_SESSION: string;

/** The proxy the contract checks, forwarding to the sandbox at `sandboxURL`, mounted at /api/vk. */
export declare function contractProxy(sandboxURL: string): ProxyHandler;
