/**
 * `vistarkriya/validators`: Indian identifier checks as plain functions and zod/mini schemas.
 * Every function here is pure and tree-shakeable; the schemas are what the SDK validates
 * inputs with before sending anything (nothing is billed for a typo).
 * @module
 */
export { isValidAadhaar, maskAadhaar, normalizeAadhaar } from './aadhaar.js';
export { isValidAccountNumber, normalizeAccountNumber } from './account.js';
export { isValidDate, isValidIsoDate } from './date.js';
export { EMAIL_PATTERN, isValidEmail } from './email.js';
export { gstinCheckCharacter, isValidGstin, normalizeGstin } from './gstin.js';
export { isValidIfsc, normalizeIfsc } from './ifsc.js';
export { isValidIndianMobile, normalizeIndianMobile } from './mobile.js';
export { PAN_HOLDER_TYPES, type PanHolderType, isValidPan, normalizePan, panHolderType } from './pan.js';
export {
  aadhaarSchema,
  consentSchema,
  dateSchema,
  gstinSchema,
  ifscSchema,
  isoDateSchema,
  mobileSchema,
  panSchema,
  parseInput,
} from './schemas.js';
export { isValidVerhoeff, verhoeffCheckDigit } from './verhoeff.js';
export { InputValidationError, type ValidationIssue } from '../core/errors.js';
