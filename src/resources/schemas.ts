// Input schemas per operation (zod/mini). Loaded lazily by the client on first use.
import * as z from 'zod/mini';
import { InputValidationError } from '../core/errors.js';

const INPUT_SCHEMAS: Record<string, z.ZodMiniType> = {};

export function parseOperationInput(key: string, input: unknown): unknown {
  const schema = INPUT_SCHEMAS[key];
  if (!schema) return input;
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new InputValidationError(
    result.error.issues.map((i) => ({ field: i.path.join('.') || '(input)', rule: i.code, message: i.message })),
  );
}
