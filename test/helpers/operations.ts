import type { Operation } from '../../src/model/operation.js';
import { PLATFORM_OPERATIONS as OPERATIONS } from '../../src/model/platform.js';

/**
 * The operation served at a default route, e.g. `findOperationByRoute('POST', '/api/v1/verify/pan')`,
 * for test servers that answer by operation. A query string and a trailing slash are ignored; the
 * method is case-insensitive.
 */
export function findOperationByRoute(method: string, path: string): Operation | undefined {
  const m = method.toUpperCase();
  const p = path.split('?')[0]!.replace(/(.)\/+$/, '$1');
  return OPERATIONS.find((op) => op.method === m && op.path === p);
}
