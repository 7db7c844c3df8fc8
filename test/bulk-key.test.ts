// Row keys and the 16 bytes the runner's tables hold them as: the bytes are decoded by hand
// (src/bulk/key.ts), and must be exactly what base64url decoding gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyBytes, rowKey, rowKeyWithBytes } from '../src/bulk/key.js';

const decoded = (key: string) => new Uint8Array(Buffer.from(key, 'base64url').subarray(0, 16));

describe('row keys as bytes', () => {
  it('keyBytes of any 22-character base64url key is its first 16 decoded bytes', () => {
    const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
    const key = fc
      .array(fc.constantFrom(...alphabet), { minLength: 22, maxLength: 22 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(key, (k) => {
        expect(keyBytes(k)).toEqual(decoded(k));
      }),
      { numRuns: 2000 },
    );
    expect(keyBytes('__________________________'.slice(0, 22))).toEqual(decoded('_'.repeat(22)));
    expect(keyBytes('A'.repeat(22))).toEqual(new Uint8Array(16));
  });

  it('rowKeyWithBytes gives rowKey and its keyBytes', () => {
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), (op, input) => {
        const { key, bytes } = rowKeyWithBytes(op, input);
        expect(key).toBe(rowKey(op, input));
        expect(bytes).toEqual(decoded(key));
      }),
      { numRuns: 500 },
    );
  });

  it('hashes a foreign id (not a row key) down to 16 bytes', () => {
    expect(keyBytes('job-1')).toHaveLength(16);
    expect(keyBytes('job-1')).not.toEqual(keyBytes('job-2'));
  });
});
