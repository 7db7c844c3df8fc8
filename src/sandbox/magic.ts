/**
 * Magic values: identifiers that make the sandbox produce a given outcome, like Stripe's test
 * cards. Every one of them is a well-formed identifier (PAN format, Aadhaar Verhoeff digit,
 * GSTIN mod-36 check character), so the SDK's own input validation lets it through.
 * Anything not listed here behaves like the `valid` value of its kind.
 */

/** What the sandbox does for a magic identifier. */
export type MagicOutcome =
  /** Verified, details returned. */
  | 'valid'
  /** The identifier does not exist at the source (a result, not an error). */
  | 'invalid'
  /** The identifier exists but the name given does not match (a result, not an error). */
  | 'name_mismatch'
  /** 503 `SERVICE_UNAVAILABLE` (Veri5: its own "service not available" code). */
  | 'unavailable'
  /** 429 `RATE_LIMITED` with `Retry-After: 1`. */
  | 'rate_limited'
  /** 429 `RATE_LIMITED` with `Retry-After: 1` the first time one sandbox sees it, then `valid` (platform routes). */
  | 'rate_limited_once'
  /** A valid answer after `slowMs` (default 2 500 ms): try a short `timeout`. */
  | 'slow'
  /** The socket is destroyed after the request is read: no answer at all. */
  | 'reset';

/** The identifier kinds that have magic values. */
export type MagicKind = 'pan' | 'aadhaar' | 'bank' | 'gstin' | 'cibil';

/** PANs (also used by `cibil.fetch`, which is keyed by PAN). The 4th letter `P` is an individual. */
export const MAGIC_PAN = {
  valid: 'ABCPV1234D',
  invalid: 'ZZZPZ9999Z',
  name_mismatch: 'ABCPM1234M',
  unavailable: 'ABCPU5030U',
  rate_limited: 'ABCPR4290R',
  rate_limited_once: 'ABCPR4291R',
  slow: 'ABCPS3000S',
  reset: 'ABCPX0000X',
} as const satisfies Record<MagicOutcome, string>;

/** Aadhaar numbers: 12 digits, first digit 2-9, valid Verhoeff check digit. */
export const MAGIC_AADHAAR = {
  valid: '234567890124',
  invalid: '499900000007',
  unavailable: '503000000001',
  rate_limited: '429000000002',
  slow: '300000000001',
  reset: '600000000007',
} as const satisfies Partial<Record<MagicOutcome, string>>;

/** Bank account numbers (any valid IFSC, e.g. `HDFC0001234`). */
export const MAGIC_BANK = {
  valid: '50100012345678',
  invalid: '50100099999999',
  name_mismatch: '50100011111111',
  unavailable: '50100050300000',
  rate_limited: '50100042900000',
  rate_limited_once: '50100042910000',
  slow: '50100030000000',
  reset: '50100060000000',
} as const satisfies Record<MagicOutcome, string>;

/** GSTINs: state code + the magic PAN of the same outcome + `1Z` + mod-36 check character. */
export const MAGIC_GSTIN = {
  valid: '27ABCPV1234D1ZY',
  invalid: '29ZZZPZ9999Z1ZO',
  unavailable: '07ABCPU5030U1Z0',
  rate_limited: '09ABCPR4290R1ZT',
  slow: '33ABCPS3000S1ZL',
  reset: '24ABCPX0000X1ZB',
} as const satisfies Partial<Record<MagicOutcome, string>>;

/** Veri5 only: this GSTIN answers 400402 (consumption limit exceeded). */
export const MAGIC_GSTIN_QUOTA_EXCEEDED = '19ABCPQ4020Q1ZB';

/** `marketplace.order` with this `product_id` answers 402 `INSUFFICIENT_BALANCE`. */
export const MAGIC_PRODUCT_NO_FUNDS = 'PRD-NOFUNDS';

/** `b2c.createCustomer` with this mobile answers 409 `DUPLICATE_CUSTOMER`. */
export const MAGIC_MOBILE_DUPLICATE = '9999999999';

/** An API key whose allow-list does not contain your IP: every call answers 403 `AUTH_IP_BLOCKED`. */
export const MAGIC_API_KEY_IP_BLOCKED = 'vk_test_ipblocked';

/** All magic identifiers by kind. CIBIL uses the PAN values. */
export const MAGIC = {
  pan: MAGIC_PAN,
  aadhaar: MAGIC_AADHAAR,
  bank: MAGIC_BANK,
  gstin: MAGIC_GSTIN,
  cibil: MAGIC_PAN,
} as const;

const REVERSE: Record<MagicKind, Map<string, MagicOutcome>> = {
  pan: reverse(MAGIC_PAN),
  aadhaar: reverse(MAGIC_AADHAAR),
  bank: reverse(MAGIC_BANK),
  gstin: reverse(MAGIC_GSTIN),
  cibil: reverse(MAGIC_PAN),
};

function reverse(table: Partial<Record<MagicOutcome, string>>): Map<string, MagicOutcome> {
  return new Map(Object.entries(table).map(([outcome, value]) => [value as string, outcome as MagicOutcome]));
}

/** The outcome an identifier produces (`valid` for anything that is not magic). */
export function magicOutcome(kind: MagicKind, value: unknown): MagicOutcome {
  const normalized = String(value ?? '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  return REVERSE[kind].get(normalized) ?? 'valid';
}
