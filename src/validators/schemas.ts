import * as z from 'zod/mini';
import { InputValidationError, type ValidationIssue } from '../core/errors.js';
import { AADHAAR, CONSENT, DATE, GSTIN, IFSC, ISO_DATE, MOBILE, PAN } from '../model/rules.js';
import { zodRule } from '../model/zod.js';
import { CONSENT_MESSAGE, ID_MESSAGE } from './messages.js';

// The identifier rules of the operation model (model/rules.ts) as zod schemas: the rules, messages
// and normalisation every SDK check uses.
/** PAN, upper-cased. Rule: `format` (the 4th character is not checked: see `panHolderType`). */
export const panSchema = zodRule(PAN);
/** Aadhaar number, spaces/hyphens removed. Rules: `format`, `verhoeff`. */
export const aadhaarSchema = zodRule(AADHAAR);
/** GSTIN, upper-cased. Rules: `format`, `state_code`, `pan`, `check_character`. */
export const gstinSchema = zodRule(GSTIN);
/** IFSC, upper-cased. Rules: `format`, `fifth_character`. */
export const ifscSchema = zodRule(IFSC);
/** Indian mobile number, reduced to its 10 digits. Rule: `format`. */
export const mobileSchema = zodRule(MOBILE);
/** A `dd/mm/yyyy` date that exists. Rules: `format`, `date`. */
export const dateSchema = zodRule(DATE);
/** A `yyyy-mm-dd` date that exists (list filters `from`/`to`). Rules: `format`, `date`. */
export const isoDateSchema = zodRule(ISO_DATE);
/** Explicit consent: the literal `true` (not `'true'`, not `1`). Rule: `consent`. */
export const consentSchema = zodRule(CONSENT);

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

/** `a string`, `an integer`, `an object`: what a value of zod's `expected` type is called. */
function typeName(expected: string): string {
  if (expected === 'int') return 'an integer';
  if (expected === 'record' || expected === 'object') return 'an object';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * One issue per unknown key. The SDK's own schemas word each key on a line of their own
 * ("`nmae` is not a field of verify.pan: did you mean `name`?"); any other schema gets a plain text.
 */
function unknownKeys(issue: z.core.$ZodIssueUnrecognizedKeys, path: string): ValidationIssue[] {
  const lines = issue.message.split('\n');
  return issue.keys.map((key, i) => {
    const prefix = `\`${key}\` `;
    const line = lines.length === issue.keys.length && lines[i]!.startsWith(prefix) ? lines[i]! : undefined;
    return {
      field: path ? `${path}.${key}` : key,
      rule: 'unknown_field',
      message: line ? line.slice(prefix.length) : 'is not a field of this input.',
    };
  });
}

function toIssue(issue: z.core.$ZodIssue, input: unknown, fallbackField: string): ValidationIssue {
  const field = issue.path.map(String).join('.') || fallbackField;
  const custom = (issue as { params?: { rule?: unknown } }).params?.rule;
  if (typeof custom === 'string') return { field, rule: custom, message: issue.message };
  if (issue.code === 'invalid_value' && issue.values.length === 1 && issue.values[0] === true) {
    return { field, rule: 'consent', message: CONSENT_MESSAGE };
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
      return { field, rule: 'type', message: `must be ${typeName(issue.expected)}.` };
    case 'invalid_union':
      return { field, rule: 'type', message: ID_MESSAGE };
    case 'too_small':
      return {
        field,
        rule: 'min',
        message: `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}${issue.origin === 'string' ? ' characters' : ''}.`,
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
  const fallback = options.field ?? '(input)';
  // Unknown fields first, as the client lists them (a misspelt field usually explains the rest).
  const unknown = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? unknownKeys(issue, issue.path.map(String).join('.')) : [],
  );
  const issues = [
    ...unknown,
    ...result.error.issues
      .filter((issue) => issue.code !== 'unrecognized_keys')
      .map((issue) => toIssue(issue, input, fallback)),
  ];
  for (const issue of issues) {
    // Belt and braces: a custom message must not carry an identity value either.
    if (IDENTITY_FIELDS.test(issue.field) && typeof valueAt(input, issue.field.split('.')) === 'string') {
      const raw = valueAt(input, issue.field.split('.')) as string;
      if (raw.length >= 4 && issue.message.includes(raw)) issue.message = 'is invalid.';
    }
  }
  throw new InputValidationError(issues);
}
