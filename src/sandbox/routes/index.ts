import { PLATFORM_OPERATIONS } from '../../model/platform.js';
import type { Operation } from '../../model/operation.js';
import { B2C_HANDLERS } from './b2c.js';
import { CIBIL_HANDLERS } from './cibil.js';
import type { PlatformHandler } from './common.js';
import { KAMAO_HANDLERS } from './kamao.js';
import { MARKETPLACE_HANDLERS } from './marketplace.js';
import { VERIFY_HANDLERS } from './verify.js';
import { WALLET_HANDLERS } from './wallet.js';

export { createState, type PlatformContext, type SandboxState } from './common.js';

export const API_PREFIX = '/api/v1';

/** One route of the sandbox: an operation row (its method, path and input rules) and its handler. */
export interface PlatformRoute {
  id: string;
  method: 'GET' | 'POST';
  /** Relative to `/api/v1`. */
  path: string;
  op: Operation;
  handler: PlatformHandler;
}

const HANDLERS: Record<string, PlatformHandler> = {
  ...WALLET_HANDLERS,
  ...CIBIL_HANDLERS,
  ...VERIFY_HANDLERS,
  ...MARKETPLACE_HANDLERS,
  ...KAMAO_HANDLERS,
  ...B2C_HANDLERS,
};

/** Every platform operation, on the route and method of its row (model/platform.ts). */
export const PLATFORM_ROUTES: readonly PlatformRoute[] = PLATFORM_OPERATIONS.map((op) => ({
  id: op.id,
  method: op.method,
  path: op.path.slice(API_PREFIX.length),
  op,
  handler: HANDLERS[op.id]!,
}));

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
