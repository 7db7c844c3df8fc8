// Everything the bulk runner and the BullMQ adapter know about operations, in one place: an
// operation id resolves to its row (model/registry.ts), whose rules validate and normalise one row
// (model/parse.ts) and whose client's executor sends it. Platform and Veri5 rows alike; nothing else
// in src/bulk or src/bullmq reads the model.
import type { RequestOptions } from '../core/request.js';
import { ConfigurationError, InputValidationError } from '../core/errors.js';
import type { RetryClass } from '../core/retry.js';
import type { Operation } from '../model/operation.js';
import { parseInput } from '../model/parse.js';
import { OPERATIONS, getOperation, nearOperationIds } from '../model/registry.js';

/** One operation as bulk runs it. */
export interface BulkOperation {
  /** `verify.pan`, `veri5.verifyGstin`, ... */
  readonly id: string;
  /** `billable` calls are never re-sent after an ambiguous failure; `read` calls may be. */
  readonly retry: RetryClass;
  /** Validates and normalises one row (what is sent, and what the row key hashes); throws `InputValidationError`. */
  normalize(row: unknown): unknown;
  /** Throws a `ConfigurationError` unless `client` can run this operation. */
  assertClient(client: unknown): void;
  /** Sends one normalised row. */
  run(client: unknown, input: unknown, options: RequestOptions): Promise<unknown>;
}

type Row = Record<string, unknown>;

/** A row must be a JSON object; its values are never echoed. */
function asRow(row: unknown): Row {
  if (typeof row === 'object' && row !== null && !Array.isArray(row)) return row as Row;
  throw new InputValidationError([{ field: '(row)', rule: 'type', message: 'must be an object.' }]);
}

/** What runs a row: a client's one executor (`VistarkriyaClient._run`, `Veri5Client._run`). */
interface RowExecutor {
  /** `checked`: `input` is what `parseInput` returned (`VistarkriyaClient` then skips its own check). */
  _run(op: Operation, input: unknown, options?: RequestOptions, checked?: boolean): Promise<unknown>;
}

/** Whether `client` is the kind of client `op` runs on: a Veri5Client has a `clientCode`, a platform client a `verify`. */
function runsOn(client: unknown, op: Operation): client is RowExecutor {
  const c = client as Record<string, unknown> | null;
  if (typeof c?._run !== 'function') return false;
  return op.api === 'veri5' ? typeof c.clientCode === 'string' : typeof c.verify === 'object';
}

function bulkOperation(op: Operation): BulkOperation {
  return {
    id: op.id,
    retry: op.retry,
    normalize: (row) => parseInput(op, asRow(row)) ?? {},
    assertClient(client) {
      if (!runsOn(client, op)) {
        const kind = op.api === 'veri5' ? 'Veri5Client' : 'VistarkriyaClient';
        throw new ConfigurationError(`${op.id} runs on a ${kind}; pass one as \`client\`.`);
      }
    },
    // Rows reach `run` normalised by `normalize` (the same rules), so neither client's executor
    // checks them again.
    run: (client, input, options) => (client as RowExecutor)._run(op, input, options, true),
  };
}

/** Every id `runBulk` accepts: the platform operations, then Veri5's (`veri5.verifyPan`, …). */
export const BULK_OPERATION_IDS: readonly string[] = OPERATIONS.map((op) => op.id);

/** The operation with this id, ready to use. Throws a `ConfigurationError` for an unknown id. */
export async function loadBulkOperation(id: string): Promise<BulkOperation> {
  const op = getOperation(id);
  if (op) return bulkOperation(op);
  const near = nearOperationIds(id);
  throw new ConfigurationError(
    `Unknown operation "${id}".${near.length > 0 ? ` Did you mean: ${near.join(', ')}?` : ''}`,
  );
}
