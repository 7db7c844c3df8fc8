// Verhoeff's dihedral-group check digit (used by UIDAI for the last digit of an Aadhaar number).
// Its three tables are computed rather than written out (test/validators.test.ts checks them against
// an independent algebraic reference): the product in D5, the position permutation (applied
// `position mod 8` times) and the inverse.

/** The product `j·k` in D5: 0-4 are the rotations, 5-9 the reflections. */
const multiply = (j: number, k: number): number =>
  ((j < 5 ? j + k : j - k + 5) % 5) + (j < 5 === k < 5 ? 0 : 5);
// The permutation of a digit by one position: P[1] of the textbook table (P[0] is the identity).
const PERMUTE = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];

/** Runs the Verhoeff accumulator over a digit string; `offset` 1 leaves room for a check digit. */
function accumulate(digits: string, offset: number): number {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    for (let n = (i + offset) % 8; n > 0; n--) digit = PERMUTE[digit]!;
    c = multiply(c, digit);
  }
  return c;
}

/**
 * The Verhoeff check digit to append to `digits` (a string of ASCII digits).
 * @example verhoeffCheckDigit('236') // '3'
 */
export function verhoeffCheckDigit(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new TypeError('verhoeffCheckDigit expects a string of digits');
  const c = accumulate(digits, 1);
  // The inverse in D5: a rotation's is its opposite, a reflection is its own.
  return String(c < 5 ? (5 - c) % 5 : c);
}

/** True when the last digit of `digits` is the Verhoeff check digit of the ones before it. */
export function isValidVerhoeff(digits: string): boolean {
  return /^\d+$/.test(digits) && accumulate(digits, 0) === 0;
}
