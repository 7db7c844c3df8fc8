import { B2C_ROUTES } from './b2c.js';
import { CIBIL_ROUTES } from './cibil.js';
import type { PlatformRoute } from './common.js';
import { KAMAO_ROUTES } from './kamao.js';
import { MARKETPLACE_ROUTES } from './marketplace.js';
import { VERIFY_ROUTES } from './verify.js';
import { WALLET_ROUTES } from './wallet.js';

export { createState, type PlatformContext, type PlatformRoute, type SandboxState } from './common.js';

/** Every platform operation of CONTRACTS.md, paths relative to `/api/v1`. */
export const PLATFORM_ROUTES: readonly PlatformRoute[] = [
  ...WALLET_ROUTES,
  ...CIBIL_ROUTES,
  ...VERIFY_ROUTES,
  ...MARKETPLACE_ROUTES,
  ...KAMAO_ROUTES,
  ...B2C_ROUTES,
];

export const API_PREFIX = '/api/v1';

// The platform's public pages also show `/wallet/balance` and `.php` routes; the sandbox
// accepts them so the SDK's `routes` overrides can be tried.
const ALIASES: Record<string, string> = { '/wallet/balance': '/wallet/core/balance' };

export type RouteMatch = { route: PlatformRoute } | { methodNotAllowed: string } | undefined;

/** Finds the route for a path under /api/v1 (query already removed). */
export function matchPlatformRoute(method: string, pathname: string): RouteMatch {
  let rel = pathname.slice(API_PREFIX.length).replace(/\.php$/, '');
  rel = ALIASES[rel] ?? rel;
  const candidates = PLATFORM_ROUTES.filter((r) => r.path === rel);
  if (candidates.length === 0) return undefined;
  const route = candidates.find((r) => r.method === method);
  return route ? { route } : { methodNotAllowed: candidates.map((r) => r.method).join(', ') };
}
