// What every client of the Vistarkriya platform API is built from, shared by VistarkriyaClient and
// the proxy's upstream: credentials → signer, the base URL, the clock-skew rule, route overrides.
import { createPipeline } from './core/base-client.js';
import { ConfigurationError } from './core/errors.js';
import { isPlatformClockSkew } from './core/interpret.js';
import { type CoreOptions, requireCredentials } from './core/options.js';
import type { PipelineConfig } from './core/pipeline.js';
import { type EnvVars, isBrowser, readEnv } from './platform/runtime.js';
import type { Operation } from './model/operation.js';
import { DEFAULT_BASE_URL } from './model/hosts.js';
import type { Signer } from './signers/types.js';
import { vistarkriyaSigner } from './signers/vistarkriya.js';

export { DEFAULT_BASE_URL };

/** Options of a platform API client: the shared ones, credentials (or a signer) and route overrides. */
export interface PlatformOptions extends CoreOptions {
  /** Default: env `VISTARKRIYA_API_KEY`. */
  apiKey?: string;
  /** Default: env `VISTARKRIYA_API_SECRET`. Never use in a browser (see `createProxyHandler`). */
  apiSecret?: string;
  /** Your 6-digit admin code. Default: env `VISTARKRIYA_ADMIN_CODE`. */
  adminCode?: string;
  /** `X-Admin-Code` (default) or `X-Tenant-Code`: the platform's pages disagree. */
  adminCodeHeader?: 'X-Admin-Code' | 'X-Tenant-Code';
  /** A custom signer (e.g. `openLegacySigner`, `proxySigner`); then no credentials are needed. */
  signer?: Signer;
  /** Route overrides by operation id, e.g. `{ 'wallet.core.balance': '/api/v1/wallet/core/balance.php' }`. */
  routes?: Record<string, string>;
  /** Allow `apiSecret` in a browser page. Almost always wrong: the secret becomes public. */
  dangerouslyAllowBrowser?: boolean;
}

/** The signer the options ask for: `signer`, or the HMAC signer over credentials from options or env. */
export function platformSigner(options: PlatformOptions, clientName: string): Signer {
  if (options.signer) return options.signer;
  const { apiKey, apiSecret, adminCode } = requireCredentials(
    clientName,
    {
      apiKey: [options.apiKey, 'VISTARKRIYA_API_KEY'],
      apiSecret: [options.apiSecret, 'VISTARKRIYA_API_SECRET'],
      adminCode: [options.adminCode, 'VISTARKRIYA_ADMIN_CODE'],
    },
    'Pass them as options, set the environment variables, or pass a `signer`.',
  );
  if (isBrowser() && !options.dangerouslyAllowBrowser) {
    throw new ConfigurationError(
      'An apiSecret in a browser page is public to every visitor. Sign on your server with createProxyHandler() and use proxySigner() here; pass dangerouslyAllowBrowser: true only if you really mean it.',
    );
  }
  return vistarkriyaSigner({ apiKey, apiSecret, adminCode, adminCodeHeader: options.adminCodeHeader });
}

/** The pipeline of a platform client: one signer, transport, clock, logger and redactor. */
export function platformPipeline(options: PlatformOptions, clientName: string): PipelineConfig {
  const signer = platformSigner(options, clientName);
  return createPipeline(options, signer, platformBaseURL(options.baseURL), isPlatformClockSkew);
}

/**
 * Where a platform client sends its calls: `baseURL`, else env `VISTARKRIYA_BASE_URL`, else
 * `DEFAULT_BASE_URL`. `env` replaces the process's environment (the CLI passes its own).
 */
export function platformBaseURL(baseURL: string | undefined, env?: EnvVars): string {
  return baseURL ?? readEnv('VISTARKRIYA_BASE_URL', env) ?? DEFAULT_BASE_URL;
}

/** The route an operation is sent to: its `routes` override, else its documented path. */
export function routeResolver(routes: Record<string, string> | undefined): (op: Operation) => string {
  const overrides: Record<string, string | undefined> = { ...routes };
  return (op) => overrides[op.id] ?? op.path;
}
