import { isValidVerhoeff } from './verhoeff.js';

/** Removes the spaces and hyphens people type in Aadhaar numbers (`2345 6789 0124` → `234567890124`). */
export function normalizeAadhaar(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** @internal The rule a normalised Aadhaar number breaks, or undefined when it is valid. */
export function aadhaarProblem(aadhaar: string): 'format' | 'verhoeff' | undefined {
  // UIDAI never issues numbers starting with 0 or 1.
  if (!/^[2-9]\d{11}$/.test(aadhaar)) return 'format';
  if (!isValidVerhoeff(aadhaar)) return 'verhoeff';
  return undefined;
}

/**
 * True for a well-formed Aadhaar number: 12 digits, not starting with 0 or 1, whose last digit
 * is the Verhoeff check digit. Spaces and hyphens are ignored.
 */
export function isValidAadhaar(value: unknown): boolean {
  return typeof value === 'string' && aadhaarProblem(normalizeAadhaar(value)) === undefined;
}

/** `XXXXXXXX1234`: the only form of an Aadhaar number that may appear in logs or messages. */
export function maskAadhaar(value: string): string {
  const digits = normalizeAadhaar(value);
  return 'X'.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
}
