import { b2cOperations } from './b2c.js';
import { cibilOperations } from './cibil.js';
import { kamaoOperations } from './kamao.js';
import { marketplaceOperations } from './marketplace.js';
import type { Operation } from './operation.js';
import { verifyOperations } from './verify.js';
import { walletOperations } from './wallet.js';

/** Every platform operation (one row per endpoint), in the order of the docs. */
export const OPERATIONS: readonly Operation[] = [
  ...Object.values(walletOperations),
  ...Object.values(cibilOperations),
  ...Object.values(verifyOperations),
  ...Object.values(marketplaceOperations),
  ...Object.values(kamaoOperations),
  ...Object.values(b2cOperations),
] as readonly Operation[];

const BY_ID = new Map(OPERATIONS.map((op) => [op.id, op]));

/** The operation with this id (e.g. `verify.pan`), or undefined (the bulk runner looks rows up by id). */
export function getOperation(id: string): Operation | undefined {
  return BY_ID.get(id);
}
