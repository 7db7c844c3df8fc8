// The signer of a platform client in the browser build (package.json `imports`,
// `#platform/platform-signer`, condition `browser`, what `import 'vistarkriya'` gives a
// web page). A page never signs: the platform allow-lists server IPs and a secret in a page is
// public, so a page's calls go through your route, where `createProxyHandler` checks the input
// (the page does not: model/parse-at-proxy.ts) and signs. So only a signer that talks to such a
// route (`viaProxy`: `proxySigner`) is taken. An internal tool that must sign in the page imports
// the full build, `vistarkriya/web` (platform-signer.ts, `dangerouslyAllowBrowser`).
import { ConfigurationError } from './core/errors.js';
import type { PlatformOptions } from './platform-options.js';
import type { Signer } from './signers/types.js';

/** The `signer` option when it is a proxy signer; anything else is refused (see above). */
export function platformSigner(options: PlatformOptions, clientName: string): Signer {
  if (options.signer?.viaProxy) return options.signer;
  throw new ConfigurationError(
    `${clientName} in a web page calls your server: pass signer: proxySigner() (createProxyHandler checks and signs there). To sign in the page, import 'vistarkriya/web'.`,
  );
}
