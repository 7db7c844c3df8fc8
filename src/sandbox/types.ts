import type { IncomingHttpHeaders } from 'node:http';

/** One platform account the sandbox accepts. */
export interface PlatformCredentials {
  apiKey: string;
  apiSecret: string;
  /** The 6-digit admin code, sent as `X-Admin-Code` or `X-Tenant-Code`. */
  adminCode: string;
  /** IP allow-list of this key; absent means any address. */
  allowedIps?: readonly string[];
}

/** The Veri5 account the sandbox accepts. */
export interface Veri5Credentials {
  clientCode: string;
  apiKey: string;
  /** Only used to check hashes: it never travels. */
  salt: string;
}

/** The Open legacy key pair the sandbox accepts under `/open/`. */
export interface OpenCredentials {
  accessKey: string;
  secretKey: string;
}

/** Something console-like. */
export interface SandboxLogger {
  /** One line per request handled. */
  info(message: string): void;
}

/** Options of `startSandbox()`: where to listen, which accounts to accept, simulated latency and clock offset. */
export interface SandboxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** The main platform account (defaults: `vk_test_sandbox` / `sandbox_secret` / `123456`). */
  credentials?: Partial<PlatformCredentials>;
  /** Veri5 account (defaults: `VERI5_TEST` / `veri5_test_key` / salt `veri5_test_salt`). */
  veri5?: Partial<Veri5Credentials>;
  /** Open legacy keys (defaults: `open_test_key` / `open_test_secret`). */
  open?: Partial<OpenCredentials>;
  /** The sandbox's clock runs this many seconds ahead of the machine's (simulate skew). */
  clockOffsetSeconds?: number;
  /** Added to every answer, in ms. */
  latencyMs?: number;
  /** How long the `slow` magic values take, in ms. Default 2 500. */
  slowMs?: number;
  /** IP allow-list for the main account: requests from other addresses get `AUTH_IP_BLOCKED`. */
  allowedIps?: readonly string[];
  /** Take the caller's address from the first `X-Forwarded-For` entry (to simulate IPs). Default false. */
  trustForwardedFor?: boolean;
  /** One line per request (method, path, status, code; never a body or a signature). Default silent. */
  logger?: SandboxLogger;
}

/** What the sandbox received, exactly as it arrived (for tests). */
export interface SandboxRequest {
  method: string;
  /** The request target as sent (path + query), i.e. what was signed. */
  target: string;
  headers: IncomingHttpHeaders;
  /** The body decoded as UTF-8. */
  body: string;
  /** The raw body bytes. */
  rawBody: Buffer;
  remoteAddress: string;
  /** When the request had arrived in full (ms since the epoch, machine clock). */
  receivedAt: number;
  /** Filled in when the answer is sent (0 for a reset connection). */
  status: number;
  /** Error code of the answer, or the Veri5 `response_status.code`, when there is one. */
  code?: string;
  /** Operation id (`verify.pan`, `veri5.verifyGSTIN`, `open`), when a route matched. */
  operation?: string;
}

/** What a route handler decides; the server turns it into bytes. */
export interface RouteResult {
  status: number;
  /** JSON value to send (already the full body, envelope included). */
  json?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
  /** Recorded in the request log. */
  code?: string;
}
