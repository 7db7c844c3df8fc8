import type { Retryability } from '../core/retry.js';
import {
  Veri5AuthenticationError,
  type Veri5Error,
  type Veri5ErrorInit,
  Veri5HashError,
  Veri5InputError,
  Veri5MissingFieldError,
  Veri5QuotaError,
  Veri5ServiceUnavailableError,
  Veri5UnknownError,
} from './errors.js';

/** A Veri5 error class, as the code table stores it (with the class's `retryable`). */
export type Veri5ErrorClass = (new (init: Veri5ErrorInit) => Veri5Error) & { readonly retryable: boolean };

/** What a Veri5 code means for the caller. */
export type Veri5CodeInfo =
  /** The call worked and the document (or account) checked out. */
  | { kind: 'success'; message: string; source: string }
  /** The call worked and the answer is "no": returned as `{ status: 'FAIL', code, message }`. */
  | { kind: 'result'; message: string; source: string }
  /**
   * The call itself failed: thrown as `errorClass`. `retryable` is the class's: true only for
   * `Veri5ServiceUnavailableError`, the codes whose wording in the Veri5 API document says the check was not
   * done ("Service Not Available", "website not reachable"). Those are retried automatically, except on the
   * penny drop (see `neverResentOnceAnswered`).
   */
  | { kind: 'error'; errorClass: Veri5ErrorClass; retryable: boolean; message: string; source: string };

const success = (message: string, source: string): Veri5CodeInfo => ({ kind: 'success', message, source });
const result = (message: string, source: string): Veri5CodeInfo => ({ kind: 'result', message, source });
const error = (errorClass: Veri5ErrorClass, message: string, source: string): Veri5CodeInfo => ({
  kind: 'error',
  errorClass,
  retryable: errorClass.retryable,
  message,
  source,
});

/**
 * Every code in the Veri5 API document (Tables 2–6, "Appendix B : Error Codes"), as data. A code not listed
 * here is thrown as a plain `Veri5Error`: an unknown code is never mistaken for a verification result.
 */
// Built by one call marked pure, so a bundle that never uses Veri5 drops the table and the error
// classes it references (a browser app importing only VistarkriyaClient).
export const VERI5_CODES: Readonly<Record<string, Veri5CodeInfo>> = /* @__PURE__ */ (() => ({
  // Success (Tables 2, 3, 4, 6 use 000; Table 5, bank verification, uses 4000).
  '000': success('Verification done successfully.', 'Tables 2, 3, 4, 6'),
  '4000': success('ACCOUNT SUCCESSFULLY VERIFIED', 'Table 5'),

  // Table 2: PAN verification.
  '400101': result('PAN and DOB match, but the name is incorrect.', 'Table 2'),
  '400102': result('PAN format is correct but PAN or Name or DOB is incorrect.', 'Table 2'),
  '400103': result('Invalid PAN', 'Table 2'),
  '410007': error(Veri5ServiceUnavailableError, 'Verification Service Not Available.', 'Table 2'),
  '400099': error(Veri5UnknownError, 'Unknown Error Occurred. Please try after some time.', 'Table 2'),

  // Table 3: fetchPanDetails.
  '400105': result('txnId does not exist', 'Table 3'),
  '400106': result('Pan OCR does not exist', 'Table 3'),
  '400111': error(Veri5AuthenticationError, 'api_key does not exist.', 'Table 3'),
  '400112': result('txnId does not exist', 'Table 3'),
  '400113': result('PAN OCR does not exist', 'Table 3'),

  // Table 4: Aadhaar verification.
  '400301': result('Aadhaar number is not present.', 'Table 4'),
  '400302': result('Verification is not complete. Please Try again.', 'Table 4'),
  '400303': result('Not a valid Aadhaar number.', 'Table 4'),
  '400304': error(Veri5ServiceUnavailableError, 'UIDAI website not reachable.', 'Table 4'),
  '333': error(Veri5UnknownError, 'Unexpected Error Occurred.', 'Table 4, Appendix B'),

  // Table 5: bank account verification (penny drop). 4002 says "Caused due to Internal Error", not
  // that no transfer was made: the outcome is unknown, and it is never re-sent automatically.
  '4001': result('ACCOUNT NOT VERIFIED', 'Table 5'),
  '4002': error(Veri5UnknownError, 'UNABLE TO VERIFY ACCOUNT (Caused due to Internal Error)', 'Table 5'),

  // Table 6: verifyGSTIN.
  '400401': error(Veri5HashError, 'Hash Validation Failed', 'Table 6'),
  '400402': error(Veri5QuotaError, 'You have exceeded the consumption limit.', 'Table 6'),
  '400403': error(Veri5MissingFieldError, 'request_id is mandatory', 'Table 6'),
  '400404': error(Veri5MissingFieldError, 'gstin field is mandatory', 'Table 6'),
  '400405': error(Veri5MissingFieldError, 'api_key is mandatory', 'Table 6'),
  '400406': error(Veri5MissingFieldError, 'hash is mandatory', 'Table 6'),

  // Appendix B: general errors.
  '380024': error(Veri5MissingFieldError, 'user_id is mandatory', 'Appendix B'),
  '380025': error(Veri5MissingFieldError, 'hash is mandatory', 'Appendix B'),
  '380026': error(Veri5MissingFieldError, 'api_key is mandatory', 'Appendix B'),
  '380048': error(Veri5AuthenticationError, 'Invalid api_key or client_code', 'Appendix B'),
  '380091': error(Veri5HashError, 'Hash validation failed', 'Appendix B'),
  '380076': error(Veri5AuthenticationError, 'No such user-id exists', 'Appendix B'),

  // Appendix B: verifyUserIdDoc input errors.
  '410003': error(Veri5InputError, 'Invalid name.', 'Appendix B'),
  '410004': error(Veri5InputError, 'Invalid DOB Format. Please use dd/MM/YYYY format.', 'Appendix B'),
  '410005': error(Veri5InputError, 'Invalid PAN format.', 'Appendix B'),
  '410006': error(Veri5InputError, 'Data extraction from the PAN card was unsuccessful.', 'Appendix B'),
  '410008': error(Veri5MissingFieldError, 'Name is mandatory.', 'Appendix B'),
  '410009': error(Veri5MissingFieldError, 'Date of Birth is mandatory.', 'Appendix B'),
  '410010': error(Veri5MissingFieldError, 'PAN Number is mandatory.', 'Appendix B'),
  '410011': error(Veri5MissingFieldError, 'Document is mandatory.', 'Appendix B'),
  '410012': error(Veri5InputError, 'Operation Code Not Valid.', 'Appendix B'),
  '410013': error(Veri5MissingFieldError, 'Epic number is mandatory', 'Appendix B'),
  '410014': error(Veri5InputError, 'Epic number format is invalid.', 'Appendix B'),
}))();

/** Looks a code up in the table (`undefined` for a code the Veri5 API document does not list). */
export function veri5CodeInfo(code: string): Veri5CodeInfo | undefined {
  return Object.hasOwn(VERI5_CODES, code) ? VERI5_CODES[code] : undefined;
}

/**
 * Whether a failure with this code may be re-sent: service-unavailable codes are `safe` (Veri5 did
 * nothing, so even billable calls retry), unknown errors are `ambiguous` (the call may have been
 * billed), everything else is `final`.
 */
export function retryabilityOfCode(info: Veri5CodeInfo | undefined): Retryability {
  if (info?.kind !== 'error') return 'final';
  if (info.retryable) return 'safe';
  return info.errorClass === Veri5UnknownError ? 'ambiguous' : 'final';
}

/** FAIL codes a PAN verification can return (Table 2). */
export type PanFailCode = '400101' | '400102' | '400103';
/** FAIL codes of fetchPanDetails (Table 3). */
export type PanDetailsFailCode = '400105' | '400106' | '400112' | '400113';
/** FAIL codes of an Aadhaar verification (Table 4). */
export type AadhaarFailCode = '400301' | '400302' | '400303';
/** FAIL codes of a bank account verification (Table 5). */
export type BankFailCode = '4001';
