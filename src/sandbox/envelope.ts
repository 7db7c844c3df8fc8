import type { RouteResult } from './types.js';

/** `{ success: true, data }` with HTTP 200 (seed 000). */
export function ok(data: unknown, status = 200): RouteResult {
  return { status, json: { success: true, data } };
}

/** `{ success: false, error: { code, message, http_status } }` with that HTTP status (seed 000). */
export function fail(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): RouteResult {
  return { status, code, headers, json: { success: false, error: { code, message, http_status: status } } };
}

export const validationError = (message: string): RouteResult => fail(400, 'VALIDATION_ERROR', message);
export const notFound = (message: string): RouteResult => fail(404, 'NOT_FOUND', message);
export const rateLimited = (): RouteResult =>
  fail(429, 'RATE_LIMITED', 'Too many requests. Retry after 1 second.', { 'Retry-After': '1' });
export const unavailable = (what: string): RouteResult =>
  fail(503, 'SERVICE_UNAVAILABLE', `${what} is temporarily unavailable. Please try again later.`);
