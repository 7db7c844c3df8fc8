import { normalizeAsciiCode } from './ascii.js';

/**
 * The 4th character of a PAN is the holder type (the Veri5 API document, "Table 1: PAN Type
 * Info"): P individual, C company, H HUF, A AOP, B BOI, G government, J artificial juridical
 * person, L local authority, F firm, T trust.
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

/**
 * @internal The rule a (normalised) PAN breaks, or undefined when it is valid: the format is the
 * only rule the SDK enforces (`isValidPan`'s `strict` adds the holder type).
 */
export function panProblem(pan: string): 'format' | undefined {
  return PAN_SHAPE.test(pan) ? undefined : 'format';
}

/**
 * True for a well-formed PAN: 5 letters, 4 digits, 1 letter (`AAAAA9999A`, ASCII only). Case and
 * surrounding whitespace are ignored. The 4th character is not checked (the example the
 * platform's API overview signs, `ABCDE1234F`, is valid) unless you opt in with `{ strict: true }`,
 * which also requires a known holder type (see {@link panHolderType}).
 * @example isValidPan('ABCDE1234F') // true
 * @example isValidPan('ABCDE1234F', { strict: true }) // false: D is not a holder type
 */
export function isValidPan(value: unknown, options: { strict?: boolean } = {}): boolean {
  if (typeof value !== 'string') return false;
  const pan = normalizePan(value);
  return !panProblem(pan) && (!options.strict || PAN_HOLDER_TYPES.includes(pan[3]!));
}

/**
 * The Veri5 API document ("Table 1: PAN Type Info") names the holder types (`pan_type`); the letter
 * each is written with is the Income Tax Department's published convention, not the document's.
 * So it informs, it never refuses.
 */
const HOLDER_TYPE_BY_LETTER: Readonly<Record<string, PanHolderType>> = {
  P: 'IND',
  H: 'HUF',
  A: 'AOP',
  B: 'BOI',
  C: 'COM',
  G: 'GOV',
  J: 'AJP',
  L: 'LOA',
  F: 'FIR',
  T: 'TST',
};

/** A PAN holder type as Veri5's `pan_type` names it (the Veri5 API document, "Table 1: PAN Type Info"). */
export type PanHolderType = 'IND' | 'HUF' | 'AOP' | 'BOI' | 'COM' | 'GOV' | 'AJP' | 'LOA' | 'FIR' | 'TST';

/** @internal Every holder type, in Table 1's order. */
export const PAN_HOLDER_TYPE_CODES: readonly PanHolderType[] =
  /* @__PURE__ */ Object.values(HOLDER_TYPE_BY_LETTER);

/**
 * The holder type a well-formed PAN's 4th character stands for (`'IND'` for P, `'COM'` for C, …),
 * or `undefined` when the PAN is malformed or the letter is not a known type. Information only:
 * the SDK sends a well-formed PAN whatever its 4th character.
 * @example panHolderType('ABCPE1234F') // 'IND'
 * @example panHolderType('ABCDE1234F') // undefined
 */
export function panHolderType(value: unknown): PanHolderType | undefined {
  if (typeof value !== 'string') return undefined;
  const pan = normalizePan(value);
  if (panProblem(pan)) return undefined;
  const letter = pan[3]!;
  return Object.hasOwn(HOLDER_TYPE_BY_LETTER, letter)
    ? HOLDER_TYPE_BY_LETTER[letter as keyof typeof HOLDER_TYPE_BY_LETTER]
    : undefined;
}
