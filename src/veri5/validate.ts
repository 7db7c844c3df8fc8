// Input checks before anything is sent (nothing is billed for a typo). The rules come from
// src/validators; its plain-function modules are imported one by one so zod stays out of this path.
import { InputValidationError, type ValidationIssue } from '../core/errors.js';
import { aadhaarProblem, normalizeAadhaar } from '../validators/aadhaar.js';
import { dateProblem } from '../validators/date.js';
import { gstinProblem, normalizeGstin } from '../validators/gstin.js';
import { ifscProblem, normalizeIfsc } from '../validators/ifsc.js';
import { mobileProblem, normalizeIndianMobile } from '../validators/mobile.js';
import { PAN_HOLDER_TYPE_CODES, normalizePan, panProblem } from '../validators/pan.js';
import type { PanType } from './types.js';

/** Collects issues and throws them together. */
export class IssueList {
  readonly issues: ValidationIssue[] = [];
  add(field: string, rule: string, message: string): void {
    this.issues.push({ field, rule, message });
  }
  throwIfAny(): void {
    if (this.issues.length > 0) throw new InputValidationError(this.issues);
  }
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/** A required non-empty string. Returns it trimmed, or `''` (with the issue added) when missing. */
export function requireText(issues: IssueList, field: string, value: unknown): string {
  if (!isText(value)) {
    issues.add(field, 'required', 'is required.');
    return '';
  }
  return value.trim();
}

/**
 * A required text checked by a validator: trimmed, normalised, then the rule it breaks (if any)
 * is added as an issue, worded by `describe`. Returns the normalised value.
 */
function checkText<P extends string>(
  issues: IssueList,
  field: string,
  value: unknown,
  normalize: (text: string) => string,
  problemOf: (normalized: string) => P | undefined,
  describe: (problem: P) => string,
): string {
  const text = requireText(issues, field, value);
  if (text === '') return '';
  const normalized = normalize(text);
  const problem = problemOf(normalized);
  if (problem) issues.add(field, problem, describe(problem));
  return normalized;
}

const asIs = (text: string) => text;

export function checkPan(issues: IssueList, field: string, value: unknown): string {
  return checkText(issues, field, value, normalizePan, panProblem, () => 'must look like AAAAA9999A.');
}

export function checkPanType(issues: IssueList, value: unknown): void {
  if (value !== undefined && !PAN_HOLDER_TYPE_CODES.includes(value as PanType)) {
    issues.add('panType', 'enum', `must be one of ${PAN_HOLDER_TYPE_CODES.join(', ')}.`);
  }
}

/** Consent is the literal `true`: the caller states that the holder agreed (never assumed). */
export function checkConsent(issues: IssueList, value: unknown): void {
  if (value !== true)
    issues.add('consent', 'consent', 'must be true: the holder has to consent to this check.');
}

export function checkDob(issues: IssueList, field: string, value: unknown): string {
  return checkText(issues, field, value, asIs, dateProblem, (problem) =>
    problem === 'format' ? 'must be dd/mm/yyyy.' : 'is not a real date.',
  );
}

/** Never echoes the number: messages only name the rule. */
export function checkAadhaar(issues: IssueList, value: unknown): string {
  if (typeof value !== 'string') {
    issues.add('aadhaarNumber', 'required', 'is required.');
    return '';
  }
  const aadhaar = normalizeAadhaar(value);
  const problem = aadhaarProblem(aadhaar);
  if (problem === 'format')
    issues.add('aadhaarNumber', 'format', 'must be 12 digits, not starting with 0 or 1.');
  else if (problem) issues.add('aadhaarNumber', 'verhoeff', 'fails the Verhoeff checksum (a typo?).');
  return aadhaar;
}

export function checkGstin(issues: IssueList, value: unknown): string {
  return checkText(issues, 'gstin', value, normalizeGstin, gstinProblem, (problem) =>
    problem === 'check_character'
      ? 'has a wrong check character (a typo?).'
      : `is not a valid GSTIN (${problem}).`,
  );
}

export function checkIfsc(issues: IssueList, value: unknown): string {
  return checkText(issues, 'ifsc', value, normalizeIfsc, ifscProblem, (problem) =>
    problem === 'format' ? 'must look like SBIN0001234.' : 'must have 0 as 5th character.',
  );
}

export function checkMobile(issues: IssueList, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    issues.add('mobile', 'type', 'must be a string.');
    return undefined;
  }
  const mobile = normalizeIndianMobile(value);
  if (mobileProblem(mobile)) issues.add('mobile', 'format', 'must be a 10-digit Indian mobile number.');
  return mobile;
}

/** Bank account numbers in India are 9 to 18 digits. Never echoed. */
export function checkAccountNumber(issues: IssueList, value: unknown): string {
  const text = requireText(issues, 'accountNumber', value);
  if (text === '') return '';
  const account = text.replace(/[\s-]/g, '');
  if (!/^\d{9,18}$/.test(account)) issues.add('accountNumber', 'format', 'must be 9 to 18 digits.');
  return account;
}

export function checkEmail(issues: IssueList, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())) {
    issues.add('email', 'format', 'is not an email address.');
    return undefined;
  }
  return value.trim();
}

export function checkAmount(issues: IssueList, value: unknown): number {
  if (value === undefined) return 1;
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    Math.abs(value * 100 - Math.round(value * 100)) > 1e-6
  ) {
    issues.add('amount', 'format', 'must be a positive amount in rupees with at most 2 decimals.');
    return 1;
  }
  return value;
}
