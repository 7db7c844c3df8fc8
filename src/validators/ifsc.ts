import { normalizeAsciiCode } from './ascii.js';

/**
 * Upper-cases an IFSC and trims surrounding whitespace, ASCII only: non-ASCII is left for the check
 * to refuse (see `normalizeAsciiCode`). Does not validate.
 */
export function normalizeIfsc(value: string): string {
  return normalizeAsciiCode(value);
}

/** @internal The rule a normalised IFSC breaks, or undefined when it is valid. */
export function ifscProblem(ifsc: string): 'format' | 'fifth_character' | undefined {
  if (!/^[A-Z]{4}[A-Z0-9]{7}$/.test(ifsc)) return 'format';
  // RBI reserves the 5th character; it is always zero.
  if (ifsc[4] !== '0') return 'fifth_character';
  return undefined;
}

/**
 * True for a well-formed IFSC: 4 letters (bank), `0`, 6 letters or digits (branch). Case is ignored.
 * @example isValidIfsc('SBIN0001234') // true
 */
export function isValidIfsc(value: unknown): boolean {
  return typeof value === 'string' && ifscProblem(normalizeIfsc(value)) === undefined;
}
