/**
 * Redaction for everything the SDK writes (errors, log lines): known secrets, anything that
 * looks like a signature or hash, and masking of Aadhaar-like and account-like numbers.
 */

const REDACTED = '[REDACTED]';
// 64 hex characters: HMAC-SHA256 signatures and SHA-256 hashes.
const HEX64 = /\b[0-9a-fA-F]{64}\b/g;
// Aadhaar written with separators: 1234 5678 9012 / 1234-5678-9012 / 1234.5678.9012, and
// percent- or form-encoded in a query string (1234%205678%209012, 1234+5678+9012).
const GROUPED_12 = /\b(\d{4})(?:[ .-]|%20|\+)(\d{4})(?:[ .-]|%20|\+)(\d{4})\b/g;
// Bare runs of 9–18 digits: Aadhaar (12) and bank account numbers; keep the last 4.
const LONG_DIGITS = /\b\d{9,18}\b/g;

/** `XXXXXXXX1234`: keeps the last four digits of a number. */
export function maskDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length <= 4 ? 'XXXX' : 'X'.repeat(digits.length - 4) + digits.slice(-4);
}

/** Replaces secrets, signatures and identity numbers in a text (see `client.redact`). */
export type Redactor = (text: string) => string;

/** Builds a redactor for a fixed set of secrets (only non-trivial ones are matched). */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const list = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  return (text: string): string => {
    let out = text;
    for (const secret of list) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out
      .replace(HEX64, REDACTED)
      .replace(GROUPED_12, (_m, _a, _b, c: string) => `XXXX XXXX ${c}`)
      .replace(LONG_DIGITS, maskDigits);
  };
}
