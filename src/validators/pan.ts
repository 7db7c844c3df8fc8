import { normalizeAsciiCode } from './ascii.js';

/**
 * The 4th character of a PAN is the holder type (seed 003, Table 1): P individual,
 * C company, H HUF, A AOP, B BOI, G government, J artificial juridical person,
 * L local authority, F firm, T trust.
 */
export const PAN_HOLDER_TYPES = 'PCHABGJLFT';

const PAN_SHAPE = /^[A-Z]{5}\d{4}[A-Z]$/;

/**
 * Upper-cases a PAN and trims surrounding whitespace, ASCII only: non-ASCII is left for the check
 * to refuse (see `normalizeAsciiCode`). Does not validate.
 */
export function normalizePan(value: string): string {
  return normalizeAsciiCode(value);
}

/** @internal The rule a (normalised) PAN breaks, or undefined when it is valid. */
export function panProblem(pan: string): 'format' | 'holder_type' | undefined {
  if (!PAN_SHAPE.test(pan)) return 'format';
  if (!PAN_HOLDER_TYPES.includes(pan[3]!)) return 'holder_type';
  return undefined;
}

/**
 * True for a well-formed PAN: `AAAAA9999A` whose 4th character is a holder type
 * (P C H A B G J L F T). Case and surrounding whitespace are ignored.
 * @example isValidPan('ABCPE1234F') // true
 */
export function isValidPan(value: unknown): boolean {
  return typeof value === 'string' && panProblem(normalizePan(value)) === undefined;
}
