import { fail, rateLimited, unavailable, validationError } from '../envelope.js';
import type { MagicOutcome } from '../magic.js';
import type { RouteResult } from '../types.js';

/** Mutable state of one sandbox instance (created customers, fetched reports, orders). */
export interface SandboxState {
  counter: number;
  /** The services that already answered their `rate_limited_once` value. */
  rateLimitedOnce: Set<string>;
  cibilReports: Map<string, Record<string, unknown>>;
  customers: Record<string, unknown>[];
  ordersByReference: Map<string, Record<string, unknown>>;
}

export function createState(): SandboxState {
  return {
    counter: 0,
    rateLimitedOnce: new Set(),
    cibilReports: new Map(),
    customers: [],
    ordersByReference: new Map(),
  };
}

/**
 * What a platform route handler gets: the JSON body of a verified request, and its
 * `input`: the operation's declared fields, checked by the row's rules and normalised (a PAN
 * upper-cased, `page` a number), as the client checks them. Handlers read declared fields, filters
 * included, from `input` only. Fields it does not declare are ignored,
 * as a server ignores fields it does not know (so the client's `extra` can be tried here).
 */
export interface PlatformContext {
  body: Record<string, unknown>;
  input: Record<string, unknown>;
  state: SandboxState;
  slowMs: number;
}

export type PlatformHandler = (ctx: PlatformContext) => RouteResult;

/** The next id of a kind, unique within this sandbox instance. */
export function nextId(state: SandboxState, prefix: string): string {
  state.counter += 1;
  return `${prefix}${String(state.counter).padStart(8, '0')}`;
}

/** A string field, or undefined. Non-strings are "wrong type" to the caller. */
export function str(body: Record<string, unknown>, field: string): string | undefined {
  const v = body[field];
  return typeof v === 'string' ? v : undefined;
}

export function isResult(v: unknown): v is RouteResult {
  return typeof v === 'object' && v !== null && 'status' in v;
}

/**
 * Applies a magic outcome: the failures (503, 429, reset) answer at once; `slow` delays the
 * valid answer; the others are left to the handler as results.
 */
export function withMagic(
  outcome: MagicOutcome,
  ctx: PlatformContext,
  what: string,
  produce: (outcome: 'valid' | 'invalid' | 'name_mismatch') => RouteResult,
): RouteResult {
  switch (outcome) {
    case 'unavailable':
      return unavailable(what);
    case 'rate_limited':
      return rateLimited();
    case 'rate_limited_once':
      // Each kind has one such value, so "this service" stands for "this identifier".
      if (ctx.state.rateLimitedOnce.has(what)) return produce('valid');
      ctx.state.rateLimitedOnce.add(what);
      return rateLimited();
    case 'reset':
      return { status: 0, reset: true };
    case 'slow':
      return { ...produce('valid'), delayMs: ctx.slowMs };
    default:
      return produce(outcome);
  }
}

/**
 * Paging per CONTRACTS.md: `page` (1-based) and `per_page` (default 20), already checked by the row's
 * paging rules (positive integers); the sandbox, like the platform, serves at most 100 a page.
 */
export function paginate<T>(
  all: readonly T[],
  input: Record<string, unknown>,
): RouteResult | { items: T[]; pagination: Pagination } {
  const page = (input.page as number | undefined) ?? 1;
  const perPage = (input.per_page as number | undefined) ?? 20;
  if (perPage > 100) return validationError('per_page must be an integer from 1 to 100.');
  const start = (page - 1) * perPage;
  return {
    items: all.slice(start, start + perPage),
    pagination: { page, per_page: perPage, total: all.length, total_pages: Math.ceil(all.length / perPage) },
  };
}

export interface Pagination {
  page: number;
  per_page: number;
  total: number;
  total_pages: number;
}

/** Filters by `from`/`to` (yyyy-mm-dd, inclusive, checked by the row's rules) on an ISO timestamp. */
export function dateFilter(input: Record<string, unknown>): (iso: string) => boolean {
  const from = input.from as string | undefined;
  const to = input.to as string | undefined;
  return (iso) =>
    (from === undefined || iso.slice(0, 10) >= from) && (to === undefined || iso.slice(0, 10) <= to);
}

export const insufficientBalance = (): RouteResult =>
  fail(402, 'INSUFFICIENT_BALANCE', 'Wallet balance is too low for this order. Top up the core wallet.');
