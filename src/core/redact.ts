/**
 * Redaction for everything the SDK writes (errors, log lines): known secrets, API keys (down to a
 * prefix), anything that looks like a signature or hash, and masking of Aadhaar-like and
 * account-like numbers and of any value of an identifier field.
 */

const REDACTED = '[REDACTED]';
// 64 hex characters: HMAC-SHA256 signatures and SHA-256 hashes.
const HEX64 = /\b[0-9a-fA-F]{64}\b/g;
// Aadhaar written with separators: 1234 5678 9012 / 1234-5678-9012 / 1234.5678.9012, and
// percent- or form-encoded in a query string (1234%205678%209012, 1234+5678+9012).
const GROUPED_12 = /\b(\d{4})(?:[ .-]|%20|\+)(\d{4})(?:[ .-]|%20|\+)(\d{4})\b/g;
// Bare runs of 9 digits or more: Aadhaar (12), bank account numbers (the account rule allows up
// to 20 characters) and anything longer; keep the last 4.
const LONG_DIGITS = /\b\d{9,}\b/g;
// The value of a field that holds an Aadhaar or bank account number, whatever its shape (an
// account number may have letters and hyphens): `"account_number":"SB-12AB"`, `aadhaar=...`,
// `accountNumber: ...`. The names are the platform's and Veri5's input and output fields.
const IDENTIFIER_FIELD =
  /(["']?)\b((?:beneficiary_?)?account_?(?:number|no)|bank_?account(?:_?(?:number|no))?|aadhaar(?:_?(?:number|no))?)\1(\s*[:=]\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'&#,;}\]]*[^\s"'&#,;}\].]))/gi;

/** `XXXXXXXX1234`: keeps the last four digits of a number. */
export function maskDigits(value: string): string {
  return maskTail(value.replace(/\D/g, '')) || 'XXXX';
}

/** `XXXXXXXX99XY`: keeps the last four characters of any identifier (and an empty one empty). */
function maskTail(value: string): string {
  return value.length <= 4 ? value && 'XXXX' : 'X'.repeat(value.length - 4) + value.slice(-4);
}

/** Replaces secrets, signatures and identity numbers in a text (see `client.redact`). */
export type Redactor = (text: string) => string;

type Values = readonly (string | undefined)[];

/**
 * Replaces exact values, in any letter case: `secrets` entirely, `keys` (API keys, access keys,
 * which are sent in clear but identify an account) down to a short prefix. Values shorter than 4
 * characters are ignored (they would shred ordinary text). No pattern masking: this is what the
 * proxy applies to the platform's answers, whose data must reach the browser unchanged.
 */
export function createScrubber(secrets: Values, keys: Values = []): Redactor {
  const usable = (v: string | undefined): v is string => typeof v === 'string' && v.length >= 4;
  const prefixes = new Map<string, string>();
  for (const key of keys.filter(usable)) prefixes.set(key.toLowerCase(), key.slice(0, keyPrefixLength(key)));
  const all = [...new Set([...secrets.filter(usable), ...keys.filter(usable)])];
  if (all.length === 0) return (text) => text;
  // Longest first, so the longer of two overlapping values is replaced whole.
  all.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(all.map(escapeRegExp).join('|'), 'gi');
  return (text) =>
    text.replace(pattern, (found) => {
      const prefix = prefixes.get(found.toLowerCase());
      return prefix === undefined ? REDACTED : prefix + REDACTED;
    });
}

/** A third of the key, at most 8 characters: `vk_live_9f8e7d6c5b4a` → `vk_live`. */
function keyPrefixLength(key: string): number {
  return Math.min(8, Math.ceil(key.length / 3));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds a redactor for a signer's secrets and keys. `secrets` may be a function returning the
 * current list (a `proxySigner` learns its tokens call by call); the scrubber is rebuilt only when
 * it returns a different array.
 */
export function createRedactor(secrets: Values | (() => Values), keys: Values = []): Redactor {
  const source = typeof secrets === 'function' ? secrets : () => secrets;
  let seen: Values | undefined;
  let scrub: Redactor = (text) => text;
  return (text: string): string => {
    const current = source();
    if (current !== seen) {
      seen = current;
      scrub = createScrubber(current, keys);
    }
    // LONG_DIGITS matches digits only, so maskTail masks them as maskDigits would.
    return scrub(text)
      .replace(HEX64, REDACTED)
      .replace(IDENTIFIER_FIELD, (_m, quote: string, name: string, sep: string, dq, sq, bare) => {
        const value = (dq ?? sq ?? bare) as string;
        const masked = maskTail(value);
        const wrapped = dq !== undefined ? `"${masked}"` : sq !== undefined ? `'${masked}'` : masked;
        return `${quote}${name}${quote}${sep}${wrapped}`;
      })
      .replace(GROUPED_12, (_m, _a, _b, c: string) => `XXXX XXXX ${c}`)
      .replace(LONG_DIGITS, maskTail);
  };
}
