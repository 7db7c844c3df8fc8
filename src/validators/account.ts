import { asciiUpperCase } from './ascii.js';

/**
 * Removes the spaces and hyphens people type in bank account numbers and upper-cases ASCII
 * letters (`5010-0012 345678` → `50100012345678`). Does not validate.
 */
export function normalizeAccountNumber(value: string): string {
  return asciiUpperCase(value.replace(/[\s-]/g, ''));
}

/**
 * @internal The rule a normalised account number breaks, or undefined when it is valid.
 *
 * One rule for the platform's `account_number` and Veri5's `beneficiaryAccountNo`: both name an
 * Indian bank account, and neither the platform's pages nor the Veri5 API document give a format.
 * Banks issue 9 to 18 digits in the main; a few issue letters or shorter numbers. So the rule refuses
 * what cannot be an account (punctuation, fewer than 6 or more than 20 characters), never what is
 * merely unusual (DESIGN, "Validation refuses what is malformed, never what is merely unfamiliar").
 */
export function accountNumberProblem(account: string): 'format' | undefined {
  return /^[A-Z0-9]{6,20}$/.test(account) ? undefined : 'format';
}

/** True for a bank account number: 6 to 20 letters or digits once spaces and hyphens are removed. */
export function isValidAccountNumber(value: unknown): boolean {
  return typeof value === 'string' && accountNumberProblem(normalizeAccountNumber(value)) === undefined;
}
