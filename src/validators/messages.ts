/**
 * The message for each (identifier, rule) pair, shared by every check of that identifier: the
 * operation model's rules (model/rules.ts) and the zod schemas built from them, so the client, the
 * proxy, the sandbox and `vistarkriya/zod` all say exactly the same.
 */
// Messages never contain the value that was checked: identity numbers must not reach logs.
export const MESSAGES: Record<string, Record<string, string>> = {
  pan: {
    format: 'must be a PAN: 5 letters, 4 digits, 1 letter (AAAAA9999A).',
  },
  aadhaar: {
    format:
      'must be an Aadhaar number: 12 digits, not starting with 0 or 1 (spaces and hyphens are allowed).',
    verhoeff: 'is not a valid Aadhaar number: the last digit is not its Verhoeff check digit (a typo?).',
  },
  gstin: {
    format:
      'must be a GSTIN: 2-digit state code, PAN, entity code, 1 character, check character (15 in all).',
    state_code: 'must be a GSTIN whose first two digits are a state code (01-38, 97 or 99).',
    pan: 'must be a GSTIN whose characters 3-12 are a PAN.',
    check_character: 'is not a valid GSTIN: the 15th character is not its check character (a typo?).',
  },
  ifsc: {
    format: 'must be an IFSC: 4 letters, 0, then 6 letters or digits (e.g. SBIN0001234).',
    fifth_character: 'must be an IFSC whose 5th character is 0 (zero).',
  },
  account: {
    format: 'must be a bank account number: 6 to 20 letters or digits.',
  },
  mobile: {
    format: 'must be an Indian mobile number: 10 digits starting with 6-9, optionally prefixed +91, 91 or 0.',
  },
  email: {
    format: 'must be a valid email.',
  },
  date: {
    format: 'must be a date written dd/mm/yyyy.',
    date: 'must be a date that exists (dd/mm/yyyy).',
  },
  isoDate: {
    format: 'must be a date written yyyy-mm-dd.',
    date: 'must be a date that exists (yyyy-mm-dd).',
  },
};

/** The consent rule's message (the client, the zod schemas and `parseInput` share it). */
export const CONSENT_MESSAGE = 'must be literally true: record the user’s explicit consent.';
/** The message of a platform id that is neither non-empty text nor a positive integer. */
export const ID_MESSAGE = 'must be a non-empty string or a positive integer.';
