// An independent Verhoeff implementation for tests, from the algebra rather than the usual
// tables: D5 multiplication on 0..9 (0-4 rotations, 5-9 reflections), the position permutation
// p = (0 1 5 8 9 4 2 7)(3 6) applied i times, and the group inverse.
const mod5 = (n: number) => ((n % 5) + 5) % 5;
function d5(j: number, k: number): number {
  if (j < 5 && k < 5) return mod5(j + k);
  if (j < 5) return 5 + mod5(j + k);
  if (k < 5) return 5 + mod5(j - k);
  return mod5(j - k);
}
const P1 = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];
function perm(times: number, digit: number): number {
  let d = digit;
  for (let t = 0; t < times % 8; t++) d = P1[d]!;
  return d;
}
const inverse = (j: number) => (j < 5 ? mod5(-j) : j);

/** The Verhoeff check digit of a digit string (reference implementation). */
export function referenceCheckDigit(digits: string): number {
  let c = 0;
  const rev = [...digits].reverse().map(Number);
  rev.forEach((digit, i) => {
    c = d5(c, perm(i + 1, digit));
  });
  return inverse(c);
}

/** A test Aadhaar number: 11 pseudo-random digits (first 2-9) plus the reference check digit. */
export function makeAadhaar(seed: number): string {
  let s = String(2 + (seed % 8));
  let x = seed % 2147483647;
  for (let i = 0; i < 10; i++) {
    x = (x * 48271) % 2147483647;
    s += String(x % 10);
  }
  return s + referenceCheckDigit(s);
}
