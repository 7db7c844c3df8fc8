// Row keys: a stable name for "this operation with this input", so that a duplicate row is sent
// once, a checkpoint can say which rows are done, and a BullMQ job id makes enqueuing idempotent.
import { createHash, hash } from 'node:crypto';

/** Bytes a key is reduced to in memory (tables.ts): 128 bits, collision odds below 10^-20 for 10^9 rows. */
export const KEY_BYTES = 16;
const KEY_CHARS = 22;
const KEY_SHAPE = /^[A-Za-z0-9_-]{22}$/;

/**
 * The key of a row: SHA-256 over the operation id and the canonical JSON of the normalised input
 * (object keys sorted), its first 22 base64url characters (132 bits). `{ pan: 'abcpv1234d' }` and
 * `{ pan: 'ABCPV1234D' }` normalise alike, so they share a key. Base64url, unlike hex, cannot
 * come out all digits, which BullMQ refuses as a custom job id.
 */
export function rowKey(operation: string, normalizedInput: unknown): string {
  return hash('sha256', `${operation}\n${canonicalJson(normalizedInput)}`, 'base64url').slice(0, KEY_CHARS);
}

/** {@link rowKey} and its {@link keyBytes} (the runner needs both for every row). */
export function rowKeyWithBytes(
  operation: string,
  normalizedInput: unknown,
): { key: string; bytes: Uint8Array } {
  const key = rowKey(operation, normalizedInput);
  return { key, bytes: keyBytes(key) };
}

/** The 16 bytes a key is held as. Any other string (a foreign BullMQ job id) is hashed down to 16 bytes. */
export function keyBytes(key: string): Uint8Array {
  // The first 16 of the 16.5 bytes the 22 characters encode, copied out of Node's Buffer pool.
  if (KEY_SHAPE.test(key)) return new Uint8Array(Buffer.from(key, 'base64url').subarray(0, KEY_BYTES));
  return createHash('sha256').update(key).digest().subarray(0, KEY_BYTES);
}

/** JSON with object keys in sorted order at every level; `undefined` members are dropped as JSON does. */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? 'null';
}

function canonical(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return canonical((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v) ?? 'null').join(',')}]`;
  let out = '';
  for (const key of Object.keys(value).sort()) {
    const v = canonical((value as Record<string, unknown>)[key]);
    if (v !== undefined) out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${v}`;
  }
  return `{${out}}`;
}
