// The signer of a platform client, in every build but the browser's (package.json `imports`,
// `#platform/platform-signer`): the `signer` option, else the HMAC signer over the credentials
// from options or env. The browser build (platform-signer-at-proxy.ts) takes a proxy signer only.
import { ConfigurationError } from './core/errors.js';
import { requireCredentials } from './core/options.js';
import { isBrowser } from './platform/runtime.js';
import type { PlatformOptions } from './platform-options.js';
import type { Signer } from './signers/types.js';
import { vistarkriyaSigner } from './signers/vistarkriya.js';

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
