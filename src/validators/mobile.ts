/**
 * Reduces an Indian mobile number to its 10 digits: drops spaces, hyphens, dots and brackets,
 * then a `+91`, `91` or `0` prefix (`+91 98765-43210` → `9876543210`). Does not validate.
 */
export function normalizeIndianMobile(value: string): string {
  const compact = value.replace(/[\s\-.()]/g, '');
  const m = /^(?:\+91|0091|91|0)?(\d{10})$/.exec(compact);
  return m ? m[1]! : compact;
}

/** @internal The rule a normalised mobile number breaks, or undefined when it is valid. */
export function mobileProblem(mobile: string): 'format' | undefined {
  return /^[6-9]\d{9}$/.test(mobile) ? undefined : 'format';
}

/**
 * True for an Indian mobile number: 10 digits starting with 6, 7, 8 or 9, optionally written with
 * a `+91`, `91` or `0` prefix, spaces or hyphens.
 */
export function isValidIndianMobile(value: unknown): boolean {
  return typeof value === 'string' && mobileProblem(normalizeIndianMobile(value)) === undefined;
}
