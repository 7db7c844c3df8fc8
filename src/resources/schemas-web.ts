// The web build's `parseOperationInput`: the same rules, issues and normalised output as the zod
// schemas in schemas.ts, written as plain functions so a browser bundle does not carry zod
// (~7 kB gzip). The web build of `#platform/schemas` (package.json `imports`) and of
// `#platform/input-parser` use it; test/schemas-web.test.ts proves both agree on every operation.
import { InputValidationError, type ValidationIssue } from '../core/errors.js';
import { aadhaarProblem, normalizeAadhaar } from '../validators/aadhaar.js';
import { dateProblem, isoDateProblem } from '../validators/date.js';
import { gstinProblem, normalizeGstin } from '../validators/gstin.js';
import { ifscProblem, normalizeIfsc } from '../validators/ifsc.js';
import { mobileProblem, normalizeIndianMobile } from '../validators/mobile.js';
import { MESSAGES } from '../validators/messages.js';
import { normalizePan, panProblem } from '../validators/pan.js';

type Issue = Omit<ValidationIssue, 'field'>;
/** Checks one present value: `ok` with the (normalised) value, or the issues (in zod's order). */
type Result = { ok: true; value: unknown } | { ok: false; issues: Issue[]; aborted: boolean };
type Check = (value: unknown) => Result;

const ok = (value: unknown): Result => ({ ok: true, value });
const fail = (rule: string, message: string, aborted = false): Result => ({
  ok: false,
  issues: [{ rule, message }],
  aborted,
});
const notA = (what: string) => fail('type', `must be ${what}.`, true);

const string: Check = (v) => (typeof v === 'string' ? ok(v) : notA('a string'));

/** A string checked by a validator's `*Problem` function, then normalised (what gets sent). */
function rule(
  kind: string,
  problem: (v: string) => string | undefined,
  normalize?: (v: string) => string,
): Check {
  return (v) => {
    if (typeof v !== 'string') return notA('a string');
    const value = normalize ? normalize(v) : v;
    const broken = problem(value);
    return broken ? fail(broken, MESSAGES[kind]![broken]!) : ok(normalize ? value : v);
  };
}

/** zod's `z.int().check(z.positive())`: a finite number, an integer, a safe integer, above 0. */
const positiveInt: Check = (v) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return notA('a number');
  if (!Number.isInteger(v)) return notA('an integer');
  const issues: Issue[] = [];
  if (v > Number.MAX_SAFE_INTEGER)
    issues.push({ rule: 'max', message: `must be at most ${Number.MAX_SAFE_INTEGER}.` });
  if (v < Number.MIN_SAFE_INTEGER)
    issues.push({ rule: 'min', message: `must be at least ${Number.MIN_SAFE_INTEGER}.` });
  if (v <= 0) issues.push({ rule: 'min', message: 'must be at least more than 0.' });
  return issues.length > 0 ? { ok: false, issues, aborted: false } : ok(v);
};

/** Free text (a name): a string that is not blank; kept as typed. */
const text: Check = (v) => {
  if (typeof v !== 'string') return notA('a string');
  return v.trim().length > 0 ? ok(v) : fail('required', 'must not be empty.');
};

/** An id the platform issued: non-empty text or a positive integer (zod union semantics). */
const id: Check = (v) => {
  const results = [text(v), positiveInt(v)];
  const passed = results.find((r) => r.ok);
  if (passed) return passed;
  const live = results.filter((r) => !r.ok && !r.aborted);
  if (live.length === 1) return live[0]!;
  return fail('type', 'must be a non-empty string or a positive integer.', true);
};

const consent: Check = (v) =>
  v === true ? ok(v) : fail('consent', 'must be literally true: record the user’s explicit consent.', true);

/** Bank account: 6–20 letters/digits once spaces and hyphens are removed; sent upper-cased. */
const accountNumber: Check = (v) => {
  if (typeof v !== 'string') return notA('a string');
  const compact = v.replace(/[\s-]/g, '');
  return /^[A-Za-z0-9]{6,20}$/.test(compact)
    ? ok(compact.toUpperCase())
    : fail('format', 'must be a bank account number: 6 to 20 letters or digits.');
};

// zod's default email pattern (zod/v4/core/regexes.js), so both builds accept the same addresses.
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const email: Check = (v) => {
  if (typeof v !== 'string') return notA('a string');
  return EMAIL.test(v) ? ok(v) : fail('format', 'must be a valid email.');
};

const pan = rule('pan', panProblem, normalizePan);
const aadhaar = rule('aadhaar', aadhaarProblem, normalizeAadhaar);
const gstin = rule('gstin', gstinProblem, normalizeGstin);
const ifsc = rule('ifsc', ifscProblem, normalizeIfsc);
const mobile = rule('mobile', mobileProblem, normalizeIndianMobile);
const date = rule('date', dateProblem);
const isoDate = rule('isoDate', isoDateProblem);

/** A field spec: its check, and whether it may be left out. */
type Field = [check: Check, optional: boolean];
const req = (check: Check): Field => [check, false];
const opt = (check: Check): Field => [check, true];
type Shape = Record<string, Field>;

const paging: Shape = { page: opt(positiveInt), per_page: opt(positiveInt) };
const range: Shape = { from: opt(isoDate), to: opt(isoDate) };

/** Input shape per operation id (`Operation.schema`), mirroring INPUT_SCHEMAS in schemas.ts. */
const SHAPES: Record<string, Shape> = {
  'wallet.core.transactions': { ...paging, ...range, type: opt(string) },
  'cibil.reports': paging,
  'cibil.fetch': {
    pan: req(pan),
    name: req(text),
    mobile: req(mobile),
    dob: opt(date),
    consent: req(consent),
  },
  'cibil.status': { report_id: req(id) },
  'verify.pan': { pan: req(pan), name: opt(text), dob: opt(date) },
  'verify.aadhaar': { aadhaar: req(aadhaar), consent: req(consent) },
  'verify.bank': { account_number: req(accountNumber), ifsc: req(ifsc), name: opt(text) },
  'verify.gst': { gstin: req(gstin) },
  'marketplace.products': { ...paging, category: opt(string), service: opt(string) },
  'marketplace.order': {
    product_id: req(id),
    quantity: opt(positiveInt),
    customer_id: opt(id),
    reference: opt(string),
  },
  'kamao.earnings': { ...paging, ...range },
  'kamao.payouts': { ...paging, ...range },
  'kamao.reports': { month: opt(string) },
  'b2c.customers': { ...paging, search: opt(string) },
  'b2c.createCustomer': { name: req(text), mobile: req(mobile), email: opt(email) },
  'b2c.orders': { ...paging, customer_id: opt(id) },
};

/** Validates and normalises an operation's input; throws `InputValidationError`. */
export function parseOperationInput(key: string, input: unknown): unknown {
  const shape = SHAPES[key];
  if (!shape) return input;
  const value = input ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InputValidationError([{ field: '(input)', rule: 'type', message: 'must be a object.' }]);
  }
  const source = value as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const parsed: Record<string, unknown> = {};
  // Fields are checked in the shape's order (the order of the issues); unknown fields pass through.
  for (const [field, [check, optional]] of Object.entries(shape)) {
    const v = source[field];
    if (v === undefined) {
      if (!optional) {
        const missing = check(undefined);
        // A missing consent is reported as the consent rule, anything else as `required`.
        const rule = !missing.ok && missing.issues[0]!.rule === 'consent' ? missing.issues[0]! : undefined;
        issues.push({ field, ...(rule ?? { rule: 'required', message: 'is required.' }) });
      }
      continue;
    }
    const result = check(v);
    if (result.ok) parsed[field] = result.value;
    else for (const issue of result.issues) issues.push({ field, ...issue });
  }
  if (issues.length > 0) throw new InputValidationError(issues);
  // The caller's key order is kept, so the JSON sent (and signed) reads as it was written.
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(source)) out[k] = Object.hasOwn(parsed, k) ? parsed[k] : source[k];
  return out;
}

/** The fields an operation's input declares (the proxy forwards nothing else). */
export function operationInputFields(key: string): readonly string[] | undefined {
  const shape = SHAPES[key];
  return shape ? Object.keys(shape) : undefined;
}
