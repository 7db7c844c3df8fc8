// The input rules: one per identifier (PAN, Aadhaar, GSTIN, IFSC, bank account, mobile, e-mail,
// dates) and one per kind of plain value (text, positive integer, platform id, consent). Every
// operation row (model/platform.ts, model/veri5.ts) states its fields with these, and whatever checks
// an input runs them: the client on every runtime and the proxy (model/parse.ts), the sandbox, bulk
// and the CLI. The zod schemas of `vistarkriya/zod` (model/zod.ts) run the same `check`.
import { aadhaarProblem, normalizeAadhaar } from '../validators/aadhaar.js';
import { accountNumberProblem, normalizeAccountNumber } from '../validators/account.js';
import { dateProblem, isoDateProblem } from '../validators/date.js';
import { emailProblem } from '../validators/email.js';
import { gstinProblem, normalizeGstin } from '../validators/gstin.js';
import { ifscProblem, normalizeIfsc } from '../validators/ifsc.js';
import { CONSENT_MESSAGE, ID_MESSAGE, MESSAGES } from '../validators/messages.js';
import { mobileProblem, normalizeIndianMobile } from '../validators/mobile.js';
import { normalizePan, panProblem } from '../validators/pan.js';

/** What a rule says about one present value: what is sent, or the rule broken and why. */
export type Checked = { ok: true; value: unknown } | { ok: false; rule: string; message: string };

/**
 * The JSON type of the values a rule accepts: it picks the zod type and the JSON Schema `type` of a
 * field, and a query string's `integer` field is read back as a number (the proxy, the sandbox).
 */
export type RuleType = 'string' | 'integer' | 'number' | 'true' | 'id' | 'object' | 'bytes';

/** One input rule. `T` is the TypeScript type of what a caller passes. */
export interface Rule<T = unknown> {
  readonly type: RuleType;
  /** Checks a present value (never `undefined`): the value to send, or the rule it breaks. */
  readonly check: (value: unknown) => Checked;
  /** The values of an enumeration. */
  readonly values?: readonly string[];
  /** @internal phantom: the caller's type */
  readonly __input?: T;
}

export const ok = (value: unknown): Checked => ({ ok: true, value });
export const bad = (rule: string, message: string): Checked => ({ ok: false, rule, message });
const notA = (what: string): Checked => bad('type', `must be ${what}.`);

/** An identifier: a string, normalised, then checked by its validator; the normalised form is sent. */
function identifier(
  kind: string,
  problem: (value: string) => string | undefined,
  normalize?: (value: string) => string,
): Rule<string> {
  const messages = MESSAGES[kind]!;
  return {
    type: 'string',
    check: (v) => {
      if (typeof v !== 'string') return notA('a string');
      const value = normalize ? normalize(v) : v;
      const broken = problem(value);
      return broken ? bad(broken, messages[broken]!) : ok(value);
    },
  };
}

// `@__PURE__`: a bundle that runs none of these rules drops them with their validators (a page's
// build: its platform rows take rules-at-proxy.ts, and a page that never makes a Veri5Client).
/** PAN, upper-cased and trimmed. The format only: the 4th character (holder type) informs, never refuses. */
export const PAN = /* @__PURE__ */ identifier('pan', panProblem, normalizePan);
/** Aadhaar number, spaces and hyphens removed: 12 digits, not starting with 0 or 1, Verhoeff check digit. */
export const AADHAAR = /* @__PURE__ */ identifier('aadhaar', aadhaarProblem, normalizeAadhaar);
/** GSTIN, upper-cased: state code, PAN, entity code, GSTN's mod-36 check character. */
export const GSTIN = /* @__PURE__ */ identifier('gstin', gstinProblem, normalizeGstin);
/** IFSC, upper-cased: 4 letters, `0`, 6 letters or digits. */
export const IFSC = /* @__PURE__ */ identifier('ifsc', ifscProblem, normalizeIfsc);
/** Bank account number, spaces and hyphens removed, upper-cased (validators/account.ts says why one rule). */
export const ACCOUNT_NUMBER = /* @__PURE__ */ identifier(
  'account',
  accountNumberProblem,
  normalizeAccountNumber,
);
/** Indian mobile number, reduced to its 10 digits. */
export const MOBILE = /* @__PURE__ */ identifier('mobile', mobileProblem, normalizeIndianMobile);
/** E-mail address, kept as typed (validators/email.ts). */
export const EMAIL = /* @__PURE__ */ identifier('email', emailProblem);
/** A `dd/mm/yyyy` date that exists (dates of birth). */
export const DATE = /* @__PURE__ */ identifier('date', dateProblem);
/** A `yyyy-mm-dd` date that exists (the list filters `from` and `to`). */
export const ISO_DATE = /* @__PURE__ */ identifier('isoDate', isoDateProblem);

/** Any string, kept as typed. */
export const STRING: Rule<string> = {
  type: 'string',
  check: (v) => (typeof v === 'string' ? ok(v) : notA('a string')),
};

/** Free text such as a person's name: a string that is not blank, kept as typed. */
export const TEXT: Rule<string> = {
  type: 'string',
  check: (v) =>
    typeof v !== 'string' ? notA('a string') : v.trim() ? ok(v) : bad('required', 'must not be empty.'),
};

/** A positive safe integer (pages, quantities). */
export const POSITIVE_INT: Rule<number> = {
  type: 'integer',
  check: (v) =>
    typeof v !== 'number' || !Number.isFinite(v)
      ? notA('a number')
      : !Number.isInteger(v)
        ? notA('an integer')
        : v <= 0
          ? bad('min', 'must be greater than 0.')
          : v > Number.MAX_SAFE_INTEGER
            ? bad('max', `must be at most ${Number.MAX_SAFE_INTEGER}.`)
            : ok(v),
};

/** An id the platform issued: non-empty text or a positive integer. */
export const PLATFORM_ID: Rule<string | number> = {
  type: 'id',
  check: (v) =>
    (typeof v === 'string' && v.trim()) || (Number.isSafeInteger(v) && (v as number) > 0)
      ? ok(v)
      : bad('type', ID_MESSAGE),
};

/** Explicit consent: the literal `true` (not `'true'`, not `1`), which only the caller can state. */
export const CONSENT: Rule<true> = {
  type: 'true',
  check: (v) => (v === true ? ok(v) : bad('consent', CONSENT_MESSAGE)),
};

/** One of `values` (a string). */
export function oneOf<const V extends string>(values: readonly V[]): Rule<V> {
  return {
    type: 'string',
    values,
    check: (v) =>
      typeof v !== 'string'
        ? notA('a string')
        : values.includes(v as V)
          ? ok(v)
          : bad('enum', `must be one of ${values.join(', ')}.`),
  };
}

/**
 * The escape hatch for fields the platform adds later: `extra: { … }` is sent as it is (merged into
 * the body or the query), unchecked. It may not repeat a declared field, which would bypass its rule.
 */
export function extraRule(declared: readonly string[]): Rule<Record<string, unknown>> {
  return {
    type: 'object',
    check: (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return notA('an object');
      const repeated = Object.keys(v).find((k) => declared.includes(k));
      return repeated
        ? bad(
            'declared_field',
            `must not hold \`${repeated}\`, a declared field: pass it as \`${repeated}\`.`,
          )
        : ok(v);
    },
  };
}
