/**
 * `vistarkriya/bulk`: run a book of rows (10k to millions of PANs, GSTINs, bank accounts)
 * through one operation with one rate budget, a resumable checkpoint and an honest outcome per
 * row: `ok`, `invalid` (never sent), `failed` (definite, or provably not acted on) or `unknown`
 * (a billable call that may have been carried out; never re-sent automatically). Node only.
 *
 * @example
 * ```ts
 * import { VistarkriyaClient } from 'vistarkriya';
 * import { runBulk } from 'vistarkriya/bulk';
 * const vk = new VistarkriyaClient();
 * const rows = [{ pan: 'ABCPV1234D' }, { pan: 'ABCPE1234F', name: 'Asha Verma' }];
 * for await (const r of runBulk({ client: vk, operation: 'verify.pan', rows, concurrency: 8, checkpoint: 'pan.ckpt.jsonl' }))
 *   console.log(r.index, r.status);
 * ```
 * @module
 */
export { runBulk, type BulkOptions } from './runner.js';
export { rowKey } from './key.js';
export { BULK_OPERATION_IDS } from './operations.js';
export type { BulkCounts, BulkError, BulkProgress, BulkResult, BulkStatus } from './types.js';
