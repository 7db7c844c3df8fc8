// Everything the bulk runner and the BullMQ adapter know about operations, in one place: an
// operation id resolves to how one row is validated and normalised, how it is sent with a
// client, and its retry class. Platform operations come from their rows (resources/registry.ts)
// and the lazily loaded zod schemas; Veri5 operations from Veri5Client's methods and the input
// checks they use (veri5/validate.ts). Nothing else in src/bulk or src/bullmq reads those modules.
import type { RequestOptions } from '../core/request.js';
import { ConfigurationError, InputValidationError } from '../core/errors.js';
import { NUMERIC_OPTIONS, checkNumericOptions } from '../core/options.js';
import type { RetryClass } from '../core/retry.js';
import { loadInputParser } from '#platform/input-parser';
import type { Operation } from '../resources/operation.js';
import { OPERATIONS, getOperation } from '../resources/registry.js';
import type { Runner } from '../resources/runner.js';
import {
  IssueList,
  checkAadhaar,
  checkAccountNumber,
  checkAmount,
  checkConsent,
  checkDob,
  checkEmail,
  checkGstin,
  checkIfsc,
  checkMobile,
  checkPan,
  checkPanType,
  requireText,
} from '../veri5/validate.js';

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

/**
 * What every bulk call is sent with: `maxRetries: 0`, because the run (or the worker), not each
 * call, decides what is sent again; and the run's `timeout`, checked here as the client checks
 * its own, so a bad one is a `ConfigurationError` before any row rather than a failure per row.
 */
export function bulkCallOptions(timeout: number | undefined, where: string): RequestOptions {
  checkNumericOptions({ timeout }, { timeout: NUMERIC_OPTIONS.timeout }, where);
  return { maxRetries: 0, ...(timeout !== undefined ? { timeout } : {}) };
}

type Row = Record<string, unknown>;

/** A row must be a JSON object; its values are never echoed. */
function asRow(row: unknown): Row {
  if (typeof row === 'object' && row !== null && !Array.isArray(row)) return row as Row;
  throw new InputValidationError([{ field: '(row)', rule: 'type', message: 'must be an object.' }]);
}

// ---------------------------------------------------------------- platform operations

function platformOperation(op: Operation, parse: (schema: string, input: unknown) => unknown): BulkOperation {
  // Rows reach `run` normalised by `normalize` (the same schema): the executor need not parse them again.
  const normalizedOp: Operation = { ...op, schema: undefined };
  return {
    id: op.id,
    retry: op.retry,
    normalize: (row) => (op.schema ? parse(op.schema, asRow(row)) : asRow(row)),
    assertClient(client) {
      if (typeof (client as Partial<Runner> | null)?._run !== 'function')
        throw new ConfigurationError(`${op.id} runs on a VistarkriyaClient; pass one as \`client\`.`);
    },
    run: (client, input, options) => (client as Runner)._run(normalizedOp, input, options),
  };
}

// ---------------------------------------------------------------- Veri5 operations
// Each normaliser applies the checks its Veri5Client method applies, to the fields the row has,
// so equal rows hash to equal keys; the method checks the whole input again when it runs.

type Veri5Method = 'verifyPan' | 'verifyAadhaar' | 'fetchPanDetails' | 'verifyGstin' | 'verifyBankAccount';

const VERI5_NORMALIZERS: Record<Veri5Method, (row: Row, issues: IssueList) => Row> = {
  verifyPan(row, issues) {
    const out: Row = { ...row };
    if (row.panNumber !== undefined || row.document === undefined)
      out.panNumber = checkPan(issues, 'panNumber', row.panNumber);
    if (row.name !== undefined) out.name = requireText(issues, 'name', row.name);
    if (row.dob !== undefined) out.dob = checkDob(issues, 'dob', row.dob);
    checkPanType(issues, row.panType);
    checkConsent(issues, row.consent);
    return out;
  },
  verifyAadhaar(row, issues) {
    const out: Row = { ...row, aadhaarNumber: checkAadhaar(issues, row.aadhaarNumber) };
    checkConsent(issues, row.consent);
    return out;
  },
  fetchPanDetails(row, issues) {
    return { ...row, txnId: requireText(issues, 'txnId', row.txnId) };
  },
  verifyGstin(row, issues) {
    const out: Row = { ...row, gstin: checkGstin(issues, row.gstin) };
    if (row.requestId !== undefined) out.requestId = requireText(issues, 'requestId', row.requestId);
    return out;
  },
  verifyBankAccount(row, issues) {
    const out: Row = {
      ...row,
      beneficiaryName: requireText(issues, 'beneficiaryName', row.beneficiaryName),
      accountNumber: checkAccountNumber(issues, row.accountNumber),
      ifsc: checkIfsc(issues, row.ifsc),
    };
    if (row.mobile !== undefined) out.mobile = checkMobile(issues, row.mobile);
    if (row.email !== undefined) out.email = checkEmail(issues, row.email);
    if (row.amount !== undefined) out.amount = checkAmount(issues, row.amount);
    return out;
  },
};

function veri5Operation(method: Veri5Method): BulkOperation {
  const id = `veri5.${method}`;
  return {
    id,
    retry: 'billable',
    normalize(row) {
      const issues = new IssueList();
      const out = VERI5_NORMALIZERS[method](asRow(row), issues);
      issues.throwIfAny();
      return out;
    },
    assertClient(client) {
      if (typeof (client as Record<string, unknown> | null)?.[method] !== 'function')
        throw new ConfigurationError(`${id} runs on a Veri5Client; pass one as \`client\`.`);
    },
    run: (client, input, options) =>
      (client as Record<Veri5Method, (i: unknown, o: RequestOptions) => Promise<unknown>>)[method](
        input,
        options,
      ),
  };
}

/** Every id `runBulk` accepts: the platform operations, then the Veri5 methods as `veri5.<method>`. */
export const BULK_OPERATION_IDS: readonly string[] = [
  ...OPERATIONS.map((op) => op.id),
  ...Object.keys(VERI5_NORMALIZERS).map((m) => `veri5.${m}`),
];

/**
 * The operation with this id, ready to use (its input schemas loaded). Throws a
 * `ConfigurationError` for an unknown id.
 */
export async function loadBulkOperation(id: string): Promise<BulkOperation> {
  if (id.startsWith('veri5.')) {
    const method = id.slice('veri5.'.length);
    if (Object.hasOwn(VERI5_NORMALIZERS, method)) return veri5Operation(method as Veri5Method);
  } else {
    const op = getOperation(id);
    if (op) {
      const loaded = loadInputParser();
      return platformOperation(op, typeof loaded === 'function' ? loaded : await loaded);
    }
  }
  const near = BULK_OPERATION_IDS.filter((known) => known.startsWith(id.split('.')[0] ?? ''));
  throw new ConfigurationError(
    `Unknown operation "${id}".${near.length > 0 ? ` Did you mean: ${near.join(', ')}?` : ''}`,
  );
}
