// Every operation of both APIs, by id: what the CLI lists, bulk runs, `vistarkriya/zod` exports and the
// OpenAPI document describes.
import type { Operation } from './operation.js';
import { PLATFORM_OPERATIONS } from './platform.js';
import { VERI5 } from './veri5.js';

/** Every operation: the platform's (in the order of its docs), then Veri5's. */
export const OPERATIONS: readonly Operation[] = [...PLATFORM_OPERATIONS, ...Object.values(VERI5)];

const BY_ID = new Map(OPERATIONS.map((op) => [op.id, op]));

/** The operation with this id (`verify.pan`, `veri5.verifyPan`), or undefined. */
export function getOperation(id: string): Operation | undefined {
  return BY_ID.get(id);
}

/** The operation ids closest to an unknown one (same first segment), for "did you mean" messages. */
export function nearOperationIds(id: string): string[] {
  const head = id.split('.')[0] ?? '';
  return OPERATIONS.map((op) => op.id).filter((known) => known.startsWith(head));
}
