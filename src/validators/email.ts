/**
 * The e-mail rule of the SDK (the platform's `email`, Veri5's `emailID`): a dot-separated local
 * part of letters, digits and `_'+-`, an `@`, and a host of dot-separated labels ending in a
 * letters-only top-level domain of two or more (zod 4's default e-mail pattern, which the SDK has
 * used since v0.1). Stated here once: the client, the sandbox and the zod schemas all use it.
 */
export const EMAIL_PATTERN: RegExp =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** @internal The rule an e-mail address breaks, or undefined when it is valid. */
export function emailProblem(email: string): 'format' | undefined {
  return EMAIL_PATTERN.test(email) ? undefined : 'format';
}

/** True for an e-mail address the SDK sends (see {@link EMAIL_PATTERN}). */
export function isValidEmail(value: unknown): boolean {
  return typeof value === 'string' && emailProblem(value) === undefined;
}
