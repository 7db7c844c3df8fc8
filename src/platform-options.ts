// The options every platform API client takes (VistarkriyaClient, the proxy's upstream). Its own
// module so both builds of `#platform/platform-signer` can read them without an import circle.
import type { CoreOptions } from './core/options.js';
import type { Signer } from './signers/types.js';

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
  /**
   * Allow `apiSecret` in a browser page. Almost always wrong: the secret becomes public. Only in the
   * full builds (`vistarkriya/web` in a page): a page's `import 'vistarkriya'` takes `proxySigner()` only.
   */
  dangerouslyAllowBrowser?: boolean;
}
