/**
 * `vistarkriya/zod`: every operation's input as a zod schema, keyed by operation id
 * (`schemas['verify.pan']`, `schemas['veri5.verifyGstin']`), with the SDK's own rules, messages and
 * normalisation: what the client accepts, these accept; what it refuses, these refuse with the same
 * message; their output is what the client sends (a PAN upper-cased, a mobile number reduced to its
 * 10 digits). Use them in forms and APIs (react-hook-form's `zodResolver`, tRPC, Fastify), and pass
 * their output to the client as it is. Also: each input's JSON Schema and the OpenAPI 3.1 document.
 *
 * ```ts
 * import { schemas } from 'vistarkriya/zod';
 * const form = useForm({ resolver: zodResolver(schemas['verify.pan']) });
 * ```
 *
 * Only this entry point loads zod: `import 'vistarkriya'` never does.
 * @module
 */
import type * as z from 'zod/mini';
import type { Operation } from '../model/operation.js';
import { inputJsonSchema as jsonSchemaOfInput, openApiDocument } from '../model/openapi.js';
import { OPERATIONS, getOperation } from '../model/registry.js';
import { zodOperation } from '../model/zod.js';
import type { OperationId, OperationInput } from '../model/ids.js';

export type { OperationId, OperationInput } from '../model/ids.js';
export { openApiDocument };
export { parseInput } from '../validators/schemas.js';

/** The zod schema of every operation's input, by operation id. */
export type Schemas = { readonly [Id in OperationId]: z.ZodMiniType<OperationInput<Id>, OperationInput<Id>> };

/** Every operation's input schema (zod/mini; usable wherever zod 4 schemas are). */
export const schemas: Schemas = Object.fromEntries(
  OPERATIONS.map((op: Operation) => [op.id, zodOperation(op)]),
) as unknown as Schemas;

/** The JSON Schema (draft 2020-12) of an operation's input, from `z.toJSONSchema`. */
export function inputJsonSchema(id: OperationId): Record<string, unknown> {
  const op = getOperation(id);
  if (!op) throw new TypeError(`Unknown operation "${id}".`);
  return jsonSchemaOfInput(op);
}

/** Every operation input's JSON Schema, by operation id (shipped as `vistarkriya/schemas.json`). */
export function inputJsonSchemas(): Record<OperationId, Record<string, unknown>> {
  return Object.fromEntries(OPERATIONS.map((op) => [op.id, jsonSchemaOfInput(op)])) as Record<
    OperationId,
    Record<string, unknown>
  >;
}
