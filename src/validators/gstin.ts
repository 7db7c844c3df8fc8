import { asciiUpperCase, normalizeAsciiCode } from './ascii.js';
import { panProblem } from './pan.js';

const GSTIN_SHAPE = /^\d{2}[A-Z0-9]{10}[1-9A-Z][A-Z0-9][A-Z0-9]$/;

/**
 * Upper-cases a GSTIN and trims surrounding whitespace, ASCII only: non-ASCII is left for the check
 * to refuse (see `normalizeAsciiCode`). Does not validate.
 */
export function normalizeGstin(value: string): string {
  return normalizeAsciiCode(value);
}

/**
 * GSTN's check character for the first 14 characters of a GSTIN (mod 36, Luhn-style):
 * each character's value (0-9, A=10 … Z=35) is multiplied by 1 or 2 alternately from the left,
 * the product is folded as `floor(p / 36) + p % 36`, and the check is `(36 - sum % 36) % 36`.
 * @example gstinCheckCharacter('29AAECK9415C1Z') // 'J'
 */
export function gstinCheckCharacter(first14: string): string {
  const s = asciiUpperCase(first14);
  if (!/^[0-9A-Z]{14}/.test(s)) throw new TypeError('gstinCheckCharacter expects 14 characters 0-9/A-Z');
  return checkCharacter(s);
}

// The computation alone, for characters already known to be 0-9/A-Z (gstinProblem checked the shape).
function checkCharacter(s: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const product = Number.parseInt(s[i]!, 36) * ((i % 2) + 1);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return ((36 - (sum % 36)) % 36).toString(36).toUpperCase();
}

/** State codes GSTN assigns: 01–38, plus 97 (other territory) and 99 (centre jurisdiction). */
function isStateCode(code: number): boolean {
  return (code >= 1 && code <= 38) || code === 97 || code === 99;
}

/** @internal The rule a normalised GSTIN breaks, or undefined when it is valid. */
export function gstinProblem(gstin: string): 'format' | 'state_code' | 'pan' | 'check_character' | undefined {
  if (!GSTIN_SHAPE.test(gstin)) return 'format';
  if (!isStateCode(Number(gstin.slice(0, 2)))) return 'state_code';
  if (panProblem(gstin.slice(2, 12))) return 'pan';
  if (checkCharacter(gstin) !== gstin[14]) return 'check_character';
  return undefined;
}

/**
 * True for a well-formed GSTIN: 2-digit state code, a valid PAN, an entity code (1-9, A-Z),
 * any 14th character (usually `Z`) and GSTN's mod-36 check character. Case is ignored.
 * GSTINs built on a TAN (tax deductors) or a UN/embassy id do not embed a PAN and are rejected.
 * @example isValidGstin('29AAECK9415C1ZJ') // true
 */
export function isValidGstin(value: unknown): boolean {
  return typeof value === 'string' && gstinProblem(normalizeGstin(value)) === undefined;
}
