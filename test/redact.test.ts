import { describe, expect, it } from 'vitest';
import { createRedactor, maskDigits } from '../src/core/redact.js';

const SIG = 'e3f10f1787428a75e5f0c9331c3bacde36df54e855744a3ccc1f0ff9c7b518fe';

describe('createRedactor', () => {
  const redact = createRedactor(['sandbox_secret', 'veri5_test_salt', 'sandbox_secret_v2', undefined, 'abc']);

  it('replaces every occurrence of every secret', () => {
    expect(redact('secret=sandbox_secret; again sandbox_secret; salt veri5_test_salt')).toBe(
      'secret=[REDACTED]; again [REDACTED]; salt [REDACTED]',
    );
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    expect(redact('k=sandbox_secret_v2')).toBe('k=[REDACTED]');
  });

  it('ignores trivially short secrets (they would shred ordinary text)', () => {
    expect(redact('abc def')).toBe('abc def');
  });

  it('redacts 64-hex signatures and hashes in either case, wherever they stand', () => {
    expect(redact(`X-Signature: ${SIG}`)).toBe('X-Signature: [REDACTED]');
    expect(redact(`Bearer open_test_key:${SIG.toUpperCase()}`)).toBe('Bearer open_test_key:[REDACTED]');
    expect(redact(`{"hash":"${SIG}"}`)).toBe('{"hash":"[REDACTED]"}');
    // 63 hex characters are not a SHA-256 value.
    expect(redact(SIG.slice(1))).toBe(SIG.slice(1));
  });

  it('masks Aadhaar numbers written grouped (space or dash) and bare, keeping the last 4', () => {
    expect(redact('aadhaar 2345 6789 0123 ok')).toBe('aadhaar XXXX XXXX 0123 ok');
    expect(redact('aadhaar 2345-6789-0123')).toBe('aadhaar XXXX XXXX 0123');
    expect(redact('{"aadhaar":"234567890123"}')).toBe('{"aadhaar":"XXXXXXXX0123"}');
    expect(redact('aadhaar 234567890123')).not.toContain('234567890123');
  });

  it('masks bank account numbers of 9 to 18 digits and leaves shorter numbers alone', () => {
    expect(redact('acct 123456789')).toBe('acct XXXXX6789');
    expect(redact('acct 123456789012345678')).toBe('acct XXXXXXXXXXXXXX5678');
    expect(redact('pin 560001, amount 12345678')).toBe('pin 560001, amount 12345678');
  });

  it('leaves ordinary text untouched', () => {
    const text = 'POST /api/v1/verify/pan -> 200 (verify.pan, attempt 1, 12 ms)';
    expect(redact(text)).toBe(text);
  });

  it('works with no secrets at all', () => {
    expect(createRedactor([])(`sig ${SIG} 2345 6789 0123`)).toBe('sig [REDACTED] XXXX XXXX 0123');
  });
});

describe('maskDigits', () => {
  it('keeps only the last four digits', () => {
    expect(maskDigits('234567890123')).toBe('XXXXXXXX0123');
    expect(maskDigits('2345 6789 0123')).toBe('XXXXXXXX0123');
    expect(maskDigits('1234')).toBe('XXXX');
    expect(maskDigits('12')).toBe('XXXX');
  });
});
