/**
 * `vistarkriya/sandbox`: a local simulator of the Vistarkriya platform, Veri5 and the Open
 * legacy scheme. It checks signatures exactly (over the raw bytes received) and has magic
 * values for every outcome, like Stripe's test cards. Node only.
 *
 * @example
 * ```ts
 * import { startSandbox } from 'vistarkriya/sandbox';
 * const sandbox = await startSandbox();
 * const vk = new VistarkriyaClient({ ...sandbox.clientOptions });
 * await vk.verify.pan({ pan: sandbox.magic.pan.valid });
 * await sandbox.close();
 * ```
 * @module
 */
import { MAGIC } from './magic.js';
import { createSandboxServer, listen } from './server.js';
import type {
  OpenCredentials,
  PlatformCredentials,
  SandboxOptions,
  SandboxRequest,
  Veri5Credentials,
} from './types.js';
import { MAGIC_API_KEY_IP_BLOCKED } from './magic.js';

export * from './magic.js';
export type {
  OpenCredentials,
  PlatformCredentials,
  SandboxLogger,
  SandboxOptions,
  SandboxRequest,
  Veri5Credentials,
} from './types.js';
export { platformSignature, TIMESTAMP_WINDOW_SECONDS } from './platform-auth.js';

/** The default platform account: API key, secret and admin code printed at start. */
export const SANDBOX_CREDENTIALS: Readonly<PlatformCredentials> = Object.freeze({
  apiKey: 'vk_test_sandbox',
  apiSecret: 'sandbox_secret',
  adminCode: '123456',
});
/** The default Veri5 account. */
export const SANDBOX_VERI5_CREDENTIALS: Readonly<Veri5Credentials> = Object.freeze({
  clientCode: 'VERI5_TEST',
  apiKey: 'veri5_test_key',
  salt: 'veri5_test_salt',
});
/** The default Open legacy key pair. */
export const SANDBOX_OPEN_CREDENTIALS: Readonly<OpenCredentials> = Object.freeze({
  accessKey: 'open_test_key',
  secretKey: 'open_test_secret',
});

/** A running sandbox. */
export interface Sandbox {
  /** `http://127.0.0.1:PORT` (use as `baseURL` for every client). */
  url: string;
  port: number;
  host: string;
  /** Every request received, in order, exactly as it arrived. */
  requests: SandboxRequest[];
  /** The accounts this sandbox accepts. */
  credentials: { platform: PlatformCredentials; veri5: Veri5Credentials; open: OpenCredentials };
  /** Options for `new VistarkriyaClient(...)` pointing at this sandbox. */
  clientOptions: { baseURL: string; apiKey: string; apiSecret: string; adminCode: string };
  /** Options for `new Veri5Client(...)` pointing at this sandbox. */
  veri5Options: { baseURL: string; clientCode: string; apiKey: string; salt: string };
  /** Environment variables for both clients: `VISTARKRIYA_BASE_URL`, `_API_KEY`, `_API_SECRET`, `_ADMIN_CODE`, `VERI5_BASE_URL`, `_CLIENT_CODE`, `_API_KEY`, `_SALT`. */
  env: Record<string, string>;
  /** The magic identifiers (see the README's table). */
  magic: typeof MAGIC;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts the sandbox on `host:port` (default `127.0.0.1`, a free port).
 * Default credentials: API key `vk_test_sandbox`, secret `sandbox_secret`, admin code `123456`.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const platform: PlatformCredentials = {
    ...SANDBOX_CREDENTIALS,
    ...options.credentials,
    ...(options.allowedIps ? { allowedIps: options.allowedIps } : {}),
  };
  const veri5 = { ...SANDBOX_VERI5_CREDENTIALS, ...options.veri5 };
  const open = { ...SANDBOX_OPEN_CREDENTIALS, ...options.open };
  // A second key, same secret, whose allow-list never contains the caller (magic AUTH_IP_BLOCKED).
  const ipBlocked: PlatformCredentials = {
    ...platform,
    apiKey: MAGIC_API_KEY_IP_BLOCKED,
    allowedIps: ['203.0.113.10'],
  };
  const requests: SandboxRequest[] = [];
  const server = createSandboxServer({
    accounts: [platform, ipBlocked],
    veri5,
    open,
    clockOffsetSeconds: options.clockOffsetSeconds ?? 0,
    latencyMs: options.latencyMs ?? 0,
    slowMs: options.slowMs ?? 2500,
    trustForwardedFor: options.trustForwardedFor ?? false,
    logger: options.logger,
    requests,
  });
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    host,
    requests,
    credentials: { platform, veri5, open },
    clientOptions: {
      baseURL: url,
      apiKey: platform.apiKey,
      apiSecret: platform.apiSecret,
      adminCode: platform.adminCode,
    },
    veri5Options: { baseURL: url, clientCode: veri5.clientCode, apiKey: veri5.apiKey, salt: veri5.salt },
    env: {
      VISTARKRIYA_BASE_URL: url,
      VISTARKRIYA_API_KEY: platform.apiKey,
      VISTARKRIYA_API_SECRET: platform.apiSecret,
      VISTARKRIYA_ADMIN_CODE: platform.adminCode,
      VERI5_BASE_URL: url,
      VERI5_CLIENT_CODE: veri5.clientCode,
      VERI5_API_KEY: veri5.apiKey,
      VERI5_SALT: veri5.salt,
    },
    magic: MAGIC,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
