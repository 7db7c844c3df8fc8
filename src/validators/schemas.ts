import * as z from 'zod/mini';
import { InputValidationError, type ValidationIssue } from '../core/errors.js';
import { aadhaarProblem, normalizeAadhaar } from './aadhaar.js';
import { dateProblem, isoDateProblem } from './date.js';
import { gstinProblem, normalizeGstin } from './gstin.js';
import { ifscProblem, normalizeIfsc } from './ifsc.js';
import { mobileProblem, normalizeIndianMobile } from './mobile.js';
import { MESSAGES } from './messages.js';
import { normalizePan, panProblem } from './pan.js';

/** A string check whose failure carries a machine-readable `rule` (see `parseInput`). */
function ruleCheck(
  kind: string,
  problem: (value: string) => string | undefined,
  normalize?: (v: string) => string,
) {
  return z.superRefine<string>((value, ctx) => {
    const rule = problem(normalize ? normalize(value) : value);
    if (rule)
      ctx.addIssue({ code: 'custom', message: MESSAGES[kind]![rule]!, params: { rule }, input: undefined });
  });
}

/** A field that is validated, then normalised (the normalised value is what gets sent). */
function identifier(
  kind: string,
  problem: (v: string) => string | undefined,
  normalize: (v: string) => string,
) {
  return z.pipe(z.string().check(ruleCheck(kind, problem, normalize)), z.transform(normalize));
}

/** PAN, upper-cased. Rule: `format` (the 4th character is not checked: see `panHolderType`). */
export const panSchema = identifier('pan', panProblem, normalizePan);
/** Aadhaar number, spaces/hyphens removed. Rules: `format`, `verhoeff`. */
export const aadhaarSchema = identifier('aadhaar', aadhaarProblem, normalizeAadhaar);
/** GSTIN, upper-cased. Rules: `format`, `state_code`, `pan`, `check_character`. */
export const gstinSchema = identifier('gstin', gstinProblem, normalizeGstin);
/** IFSC, upper-cased. Rules: `format`, `fifth_character`. */
export const ifscSchema = identifier('ifsc', ifscProblem, normalizeIfsc);
/** Indian mobile number, reduced to its 10 digits. Rule: `format`. */
export const mobileSchema = identifier('mobile', mobileProblem, normalizeIndianMobile);
/** A `dd/mm/yyyy` date that exists. Rules: `format`, `date`. */
export const dateSchema = z.string().check(ruleCheck('date', dateProblem));
/** A `yyyy-mm-dd` date that exists (list filters `from`/`to`). Rules: `format`, `date`. */
export const isoDateSchema = z.string().check(ruleCheck('isoDate', isoDateProblem));
/** Explicit consent: the literal `true` (not `'true'`, not `1`). Rule: `consent`. */
export const consentSchema = z.literal(true);

/** Fields whose values must never be echoed, whatever the rule (identity numbers). */
const IDENTITY_FIELDS = /(^|\.)(aadhaar|pan|gstin|account_number|mobile)$/;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function toIssue(issue: z.core.$ZodIssue, input: unknown, fallbackField: string): ValidationIssue {
  const field = issue.path.map(String).join('.') || fallbackField;
  const custom = (issue as { params?: { rule?: unknown } }).params?.rule;
  if (typeof custom === 'string') return { field, rule: custom, message: issue.message };
  if (issue.code === 'invalid_value' && issue.values.length === 1 && issue.values[0] === true) {
    return { field, rule: 'consent', message: 'must be literally true: record the user’s explicit consent.' };
  }
  if (valueAt(input, issue.path) === undefined && issue.path.length > 0) {
    return { field, rule: 'required', message: 'is required.' };
  }
  switch (issue.code) {
    case 'invalid_value':
      return {
        field,
        rule: 'value',
        message: `must be one of ${issue.values.map((x) => JSON.stringify(x)).join(', ')}.`,
      };
    case 'invalid_type':
      return {
        field,
        rule: 'type',
        message: `must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}.`,
      };
    case 'invalid_union':
      return { field, rule: 'type', message: 'must be a non-empty string or a positive integer.' };
    case 'too_small':
      return {
        field,
        rule: 'min',
        message: `must be at least ${issue.inclusive ? '' : 'more than '}${issue.minimum}${issue.origin === 'string' ? ' characters' : ''}.`,
      };
    case 'too_big':
      return {
        field,
        rule: 'max',
        message: `must be at most ${issue.maximum}${issue.origin === 'string' ? ' characters' : ''}.`,
      };
    case 'invalid_format':
      return { field, rule: 'format', message: `must be a valid ${issue.format}.` };
    default:
      return { field, rule: issue.code, message: 'is invalid.' };
  }
}

/**
 * Parses `input` with a zod (or zod/mini) schema and returns the parsed, normalised value, or
 * throws `InputValidationError` whose issues name the field and the rule (`format`, `verhoeff`,
 * `check_character`, `consent`, `required`, …). Messages never contain the input.
 * @param options.field name used for issues about the input as a whole (default `(input)`),
 *   e.g. `parseInput(panSchema, value, { field: 'pan' })`.
 */
export function parseInput<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  options: { field?: string } = {},
): z.output<S> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => toIssue(issue, input, options.field ?? '(input)'));
  for (const issue of issues) {
    // Belt and braces: a custom message must not carry an identity value either.
    if (IDENTITY_FIELDS.test(issue.field) && typeof valueAt(input, issue.field.split('.')) === 'string') {
      const raw = valueAt(input, issue.field.split('.')) as string;
      if (raw.length >= 4 && issue.message.includes(raw)) issue.message = 'is invalid.';
    }
  }
  throw new InputValidationError(issues);
}
