// The rows as zod schemas: the same rules (each field's zod schema runs its rule's `check`), the same
// messages (zod's own type errors are worded by the rule) and the same normalisation (the rule's value
// is the output). Built once, on first use, for `vistarkriya/zod`, JSON Schema and the OpenAPI
// document; the client never loads zod (it runs the rows itself: model/parse.ts).
import * as z from 'zod/mini';
import { RULE_DOCS, docsOf } from './docs.js';
import { type Field, type Operation, ruleOf } from './operation.js';
import { fieldsOf, missingIssue, unknownFieldMessage } from './parse.js';
import type { Checked, Rule } from './rules.js';

/** What the JSON Schema of a zod schema says beyond zod's own rendering (docs, formats, sources). */
export type JsonMeta = Record<string, unknown>;
/** Metadata of the SDK's schemas: read by `z.toJSONSchema(schema, { metadata: JSON_META })`. */
export const JSON_META: z.core.$ZodRegistry<JsonMeta> = z.registry<JsonMeta>();

type Failed = Extract<Checked, { ok: false }>;

/** The message of a value zod refuses by its type: what the rule says of it (or of its absence). */
function typeMessage(rule: Rule) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined ? missingIssue(rule).message : (rule.check(issue.input) as Failed).message;
}

/** The zod type of a rule's values: zod checks the type, the rule everything else. */
function baseOf(rule: Rule): z.ZodMiniType {
  const error = typeMessage(rule);
  switch (rule.type) {
    case 'string':
      return z.string({ error });
    case 'integer':
    case 'number':
      return z.number({ error });
    case 'true':
      return z.literal(true, { error });
    case 'id':
      return z.union([z.string(), z.number()], { error });
    case 'object':
      return z.record(z.string(), z.unknown(), { error });
    case 'bytes':
      return z.custom<string | Uint8Array>((v) => typeof v === 'string' || v instanceof Uint8Array, {
        error,
        params: { rule: 'type' },
      });
  }
}

/**
 * The zod schema of one rule: its type, then its `check` (a failure is a custom issue carrying the
 * rule, as `parseInput` reports it), then the checked value (normalised: what is sent).
 */
export function zodRule<T>(rule: Rule<T>, meta: JsonMeta = {}): z.ZodMiniType<T, T> {
  const doc = RULE_DOCS.get(rule);
  const base = baseOf(rule);
  // A field's own text comes first, then what its rule accepts.
  const description = [meta.description, doc?.description].filter(Boolean).join(' ');
  JSON_META.add(base, {
    ...(doc?.json ?? {}),
    ...(rule.values ? { enum: [...rule.values] } : {}),
    ...(doc?.examples ? { examples: [...doc.examples] } : {}),
    ...meta,
    ...(description ? { description } : {}),
  });
  // One run of the rule: its normalised value, or its issue (zod's own type check comes first).
  return z.pipe(
    base,
    z.transform((value, ctx) => {
      const result = rule.check(value);
      if (result.ok) return result.value;
      ctx.issues.push({
        code: 'custom',
        message: result.message,
        params: { rule: result.rule },
        input: undefined, // never the value: it may be an Aadhaar number
      });
      return z.NEVER;
    }),
  ) as unknown as z.ZodMiniType<T, T>;
}

function zodField(field: Field, meta: JsonMeta) {
  const [rule, optional] = ruleOf(field);
  const schema = zodRule(rule, meta);
  return optional ? z.optional(schema) : schema;
}

/**
 * The zod schema of an operation's input: a strict object of its fields (an unknown key is refused
 * with the closest field suggested; platform operations take `extra`), then its cross-field rules
 * once every field passed.
 */
export function zodOperation(op: Operation): z.ZodMiniType {
  let schema = BUILT.get(op);
  if (!schema) {
    schema = buildOperation(op);
    BUILT.set(op, schema);
  }
  return schema;
}

const BUILT = new WeakMap<Operation, z.ZodMiniType>();

function buildOperation(op: Operation): z.ZodMiniType {
  const docs = docsOf(op.id);
  const fields = fieldsOf(op, true);
  const names = Object.keys(fields);
  const shape: Record<string, z.ZodMiniType> = {};
  for (const name of names) {
    const doc = docs.fields[name] as readonly [string, string] | undefined;
    const meta: JsonMeta =
      name === 'extra'
        ? {
            description:
              'Fields the platform added after this SDK: sent as they are, unchecked (none may repeat a declared field).',
          }
        : doc
          ? { description: doc[0], 'x-vistarkriya-source': doc[1] }
          : {};
    shape[name] = zodField(fields[name]!, meta);
  }
  const object = z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `\`${key}\` ${unknownFieldMessage(op, key, names)}`).join('\n')
        : issue.code === 'invalid_type'
          ? 'must be an object.'
          : undefined,
  });
  JSON_META.add(object, { title: op.id, description: docs.summary });
  const refine = op.refine;
  if (!refine) return object;
  // A second stage runs only when every field passed (zod stops a pipe at a field's failure).
  return z.pipe(
    object,
    z.record(z.string(), z.unknown()).check(
      z.superRefine((value, ctx) => {
        for (const issue of refine(value as Record<string, unknown>)) {
          ctx.addIssue({
            code: 'custom',
            path: [issue.field],
            message: issue.message,
            params: { rule: issue.rule },
          });
        }
      }),
    ),
  );
}
