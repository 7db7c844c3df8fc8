// The one input check, run over an operation's row: by the client on every runtime (Node, browsers,
// workers), by the proxy, the sandbox, bulk and the CLI. It has no dependency (no zod), so a browser
// bundle stays small; the zod schemas of `vistarkriya/zod` are built from the same rows and rules and
// give the same answers (test/model-agreement.test.ts runs one table of cases through both).
import { InputValidationError, type ValidationIssue } from '../core/errors.js';
import { type Fields, type Operation, ruleOf } from './operation.js';
import { type Rule, extraRule } from './rules.js';
import { didYouMean } from './suggest.js';

type Input = Record<string, unknown>;

/** The issue of a required field that is missing: `required`, or the rule's own (consent). */
export function missingIssue(rule: Rule): { rule: string; message: string } {
  const result = rule.check(undefined);
  return !result.ok && result.rule !== 'type'
    ? { rule: result.rule, message: result.message }
    : { rule: 'required', message: 'is required.' };
}

/** Whether `extra` (fields the platform adds later, sent as they are) is an input of this operation. */
export function acceptsExtra(op: Operation): boolean {
  return op.api === 'platform' && op.input !== undefined;
}

/**
 * The message for a field the operation does not take: the closest of `names` (what it takes) when one
 * is close, else the list (with `extra`, the escape hatch for fields the platform adds later).
 */
export function unknownFieldMessage(op: Operation, key: string, names: readonly string[]): string {
  return `is not a field of ${op.id}${names.length ? didYouMean(key, names) : ', which takes no input.'}`;
}

const WITH_EXTRA = new WeakMap<Operation, Fields>();

/** The fields of an operation, with `extra` when it takes it: what a caller may pass. */
export function fieldsOf(op: Operation, extra: boolean): Fields {
  const fields = op.input ?? {};
  if (!extra || !acceptsExtra(op)) return fields;
  let all = WITH_EXTRA.get(op);
  if (!all) {
    all = { ...fields, extra: { optional: extraRule(Object.keys(fields)) } };
    WITH_EXTRA.set(op, all);
  }
  return all;
}

/**
 * Checks and normalises an operation's input, or throws `InputValidationError` naming every field and
 * rule broken (nothing is sent). Strict: a field the row does not declare is refused, with the closest
 * declared one suggested ("did you mean `name`?"); platform operations take the fields the platform
 * adds later in `extra`, unchecked (`{ extra: false }` refuses that too: the proxy forwards declared
 * fields only). Unknown fields come first (a misspelt field usually explains the rest), then the
 * declared fields in the row's order, then cross-field rules once every field passed. The caller's key
 * order is kept, so the JSON sent (and signed) reads as it was written.
 */
export function parseInput(
  op: Operation,
  input: unknown,
  options: { extra?: boolean } = {},
): Input | undefined {
  if (input === undefined && !op.input) return undefined;
  const source = (input ?? {}) as Input;
  if (typeof source !== 'object' || Array.isArray(source)) {
    throw new InputValidationError([{ field: '(input)', rule: 'type', message: 'must be an object.' }]);
  }
  const fields = fieldsOf(op, options.extra !== false);
  const names = Object.keys(fields);
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(source)) {
    if (!Object.hasOwn(fields, key))
      issues.push({ field: key, rule: 'unknown_field', message: unknownFieldMessage(op, key, names) });
  }
  const known = issues.length;
  const parsed: Input = {};
  for (const field of names) {
    const [rule, optional] = ruleOf(fields[field]!);
    const value = source[field];
    if (value === undefined) {
      if (!optional) issues.push({ field, ...missingIssue(rule) });
      continue;
    }
    const result = rule.check(value);
    if (result.ok) parsed[field] = result.value;
    else issues.push({ field, rule: result.rule, message: result.message });
  }
  // Cross-field rules need every field valid (as zod's: a refinement after the object's fields).
  if (op.refine && issues.length === known) issues.push(...op.refine(parsed));
  if (issues.length > 0) throw new InputValidationError(issues);
  const out: Input = {};
  for (const key of Object.keys(source)) out[key] = Object.hasOwn(parsed, key) ? parsed[key] : source[key];
  return out;
}

/** A validated platform input as it is sent: `extra`'s fields merged in after the declared ones. */
export function wireInput(params: Input | undefined): Input | undefined {
  if (!params || params.extra === undefined) return params;
  const { extra, ...declared } = params;
  return { ...declared, ...(extra as Input) };
}
