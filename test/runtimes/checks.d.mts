// Types of checks.mjs for the TypeScript hosts.
import type { ProxyHandlerOptions } from '../../src/proxy/index.js';

export declare const CHECKS: readonly string[];
export declare const PROXY_SESSION: string;
export declare function proxyOptions(sandboxURL: string): ProxyHandlerOptions;
