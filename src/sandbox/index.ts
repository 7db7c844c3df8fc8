/**
 * `vistarkriya/sandbox`: a local simulator of the Vistarkriya platform, Veri5 and the Open
 * legacy scheme. It checks signatures exactly (over the raw bytes received) and has magic
 * values for every outcome, like Stripe's test cards.
 *
 * `createSandbox()` is the sandbox itself, a Fetch API handler (`fetch(request) → Response`) that
 * runs in any runtime; `startSandbox()` serves it over Node's http on a local port.
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
import { type WebSandbox, createSandboxCore } from './core.js';
import { createSandboxServer, listen } from './server.js';
import type { SandboxOptions } from './types.js';

export * from './web.js';

/** A sandbox served on a local port (`startSandbox()`). */
export interface Sandbox extends Omit<WebSandbox, 'clientOptions' | 'veri5Options'> {
  /** `http://127.0.0.1:PORT` (use as `baseURL` for every client). */
  url: string;
  port: number;
  host: string;
  /** Options for `new VistarkriyaClient(...)` pointing at this sandbox. */
  clientOptions: { baseURL: string; apiKey: string; apiSecret: string; adminCode: string };
  /** Options for `new Veri5Client(...)` pointing at this sandbox. */
  veri5Options: { baseURL: string; clientCode: string; apiKey: string; salt: string };
  /** Environment variables for both clients: `VISTARKRIYA_BASE_URL`, `_API_KEY`, `_API_SECRET`, `_ADMIN_CODE`, `VERI5_BASE_URL`, `_CLIENT_CODE`, `_API_KEY`, `_SALT`. */
  env: Record<string, string>;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts the sandbox on `host:port` (default `127.0.0.1`, a free port).
 * Default credentials: API key `vk_test_sandbox`, secret `sandbox_secret`, admin code `123456`.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { sandbox, handle } = createSandboxCore(options);
  const server = createSandboxServer(handle);
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const { platform, veri5 } = sandbox.credentials;
  return {
    ...sandbox,
    url,
    port,
    host,
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
