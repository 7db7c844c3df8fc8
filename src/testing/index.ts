/**
 * `vistarkriya/testing`: the sandbox as msw request handlers, so your app's tests (Vitest, Jest,
 * Playwright, Storybook, a worker) meet the Vistarkriya platform and Veri5 without a port and
 * without the network. Signatures are checked over the exact bytes your code sent, and the magic
 * values give every outcome. Needs `msw` 2 (an optional peer dependency).
 *
 * The handlers answer at the production base URL by default, so code under test needs nothing but
 * the sandbox's test credentials: no `fetch`, no `baseURL`.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { MAGIC, SANDBOX_CREDENTIALS, sandboxHandlers } from 'vistarkriya/testing';
 *
 * const server = setupServer(...sandboxHandlers());
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterAll(() => server.close());
 *
 * const vk = new VistarkriyaClient(SANDBOX_CREDENTIALS);
 * await vk.verify.pan({ pan: MAGIC.pan.name_mismatch, name: 'Ravi Kumar' }); // status 'NAME_MISMATCH'
 * ```
 * @module
 */
import { type HttpHandler, http } from 'msw';
import { DEFAULT_BASE_URL } from '../platform-api.js';
import { ConfigurationError } from '../core/errors.js';
import { type WebSandbox, createSandbox } from '../sandbox/core.js';
import type { SandboxCoreOptions } from '../sandbox/types.js';
import { VERI5_HOSTS } from '../veri5/client.js';

export * from '../sandbox/web.js';

/** Where the handlers answer. */
export interface SandboxOrigins {
  /** The platform's base URL (an origin). Default `https://vistarkriya.com`, the SDK's default. */
  baseURL?: string;
  /** Veri5's base URL(s). Default both Veri5 hosts (`sandbox` and `production`). */
  veri5BaseURL?: string | readonly string[];
}

/** Serve a sandbox you made (to read its `requests`), or one made from these options. */
export type SandboxHandlersOptions = SandboxOrigins &
  ({ sandbox: WebSandbox } | (SandboxCoreOptions & { sandbox?: undefined }));

/**
 * msw 2 request handlers that serve the sandbox (`createSandbox()`): the platform at `baseURL`,
 * Veri5 at `veri5BaseURL`. Use them with `setupServer` (Node) or `setupWorker` (browser).
 * @throws ConfigurationError when a base URL is not an http(s) origin.
 */
export function sandboxHandlers(options: SandboxHandlersOptions = {}): HttpHandler[] {
  const sandbox = options.sandbox ?? createSandbox(options);
  const veri5 = options.veri5BaseURL ?? [VERI5_HOSTS.sandbox, VERI5_HOSTS.production];
  const origins = [options.baseURL ?? DEFAULT_BASE_URL, ...(typeof veri5 === 'string' ? [veri5] : veri5)];
  return [...new Set(origins.map(originOf))].map((origin) =>
    http.all(`${origin}/*`, ({ request }) => sandbox.fetch(request)),
  );
}

function originOf(baseURL: string): string {
  let url: URL | undefined;
  try {
    url = new URL(baseURL);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search) {
    throw new ConfigurationError(
      `sandboxHandlers: a base URL must be an http(s) origin such as "https://vistarkriya.com", got "${baseURL}".`,
    );
  }
  return url.origin;
}
