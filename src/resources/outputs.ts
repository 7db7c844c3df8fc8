// The platform's answers as the SDK types them (one interface per documented output). The OpenAPI
// document describes the same shapes at runtime (model/outputs.ts); test/outputs.test-d.ts proves
// both agree, field for field.

/** A wallet balance, as the platform's API overview shows it: `{ balance, currency, last_updated }`. */
export interface WalletBalance {
  /** Amount in `currency` (rupees, not paise), e.g. `15420.5`. */
  balance: number;
  /** `INR` */
  currency: string;
  /** ISO 8601 time of the last change, e.g. `2024-02-20T10:30:00Z`. */
  last_updated: string;
  [key: string]: unknown;
}

/** One wallet transaction. The platform's public pages do not document its fields. */
export interface WalletTransaction {
  [key: string]: unknown;
}

/** One CIBIL report in the list. The platform's public pages do not document its fields. */
export interface CibilReport {
  [key: string]: unknown;
}

/**
 * Answer of `cibil.fetch`; `report_id` is what `cibil.status` takes. Field names inferred: the platform's
 * documents show none of them.
 */
export interface CibilFetchResult {
  report_id?: string;
  [key: string]: unknown;
}

/** Answer of `cibil.status`. Field names inferred: the platform's documents show none of them. */
export interface CibilStatus {
  report_id?: string;
  status?: string;
  [key: string]: unknown;
}

/** The verification services enabled for the account. The public pages do not document the fields. */
export interface VerifyServiceCatalog {
  [key: string]: unknown;
}

/**
 * Answer of `verify.pan`. Field names inferred: the platform's documents show none of them (the route and the
 * `pan` input are the platform's API overview's). A field not listed is still there through the index
 * signature.
 */
export interface PanVerification {
  verification_id: string;
  status: 'VALID' | 'INVALID' | 'NAME_MISMATCH';
  pan: string;
  /** Present when a `name` was sent. */
  name_match?: boolean;
  registered_name?: string;
  /** Holder type, e.g. `IND`, `COM` ("Table 1: PAN Type Info" of the Veri5 API document). */
  pan_type?: string;
  [key: string]: unknown;
}

/**
 * Answer of `verify.aadhaar`. The full number never comes back. Field names inferred: the
 * platform's documents show none of them.
 */
export interface AadhaarVerification {
  verification_id: string;
  status: 'VALID' | 'INVALID';
  /** `XXXXXXXX1234` */
  aadhaar_masked: string;
  age_band?: string;
  gender?: string;
  state?: string;
  [key: string]: unknown;
}

/** Answer of `verify.bank`. Field names inferred: the platform's documents show none of them. */
export interface BankVerification {
  verification_id: string;
  status: 'VALID' | 'INVALID' | 'NAME_MISMATCH';
  account_masked: string;
  ifsc: string;
  registered_name?: string;
  bank_name?: string;
  [key: string]: unknown;
}

/**
 * Answer of `verify.gst`. Field names inferred: the platform's documents show none of them. The route is
 * inferred too (the platform's route list has no GST entry): set `routes: { 'verify.gst': … }` if yours
 * differs.
 */
export interface GstVerification {
  verification_id: string;
  status: 'VALID' | 'INVALID';
  gstin: string;
  legal_name?: string;
  trade_name?: string;
  state?: string;
  registration_date?: string;
  gst_status?: string;
  [key: string]: unknown;
}

/** Marketplace services. The platform's public pages do not document the fields. */
export interface MarketplaceServiceCatalog {
  [key: string]: unknown;
}

/** One marketplace product. The platform's public pages do not document its fields. */
export interface MarketplaceProduct {
  [key: string]: unknown;
}

/** Answer of `marketplace.order`. The platform's public pages do not document its fields. */
export interface MarketplaceOrder {
  [key: string]: unknown;
}

/** One commission earning. The platform's public pages do not document its fields. */
export interface KamaoEarning {
  [key: string]: unknown;
}

/** One payout. The platform's public pages do not document its fields. */
export interface KamaoPayout {
  [key: string]: unknown;
}

/** A commission report. The platform's public pages do not document its fields. */
export interface KamaoReport {
  [key: string]: unknown;
}

/** One B2C customer. Field names inferred: the platform's documents show none of them. */
export interface B2CCustomer {
  name?: string;
  mobile?: string;
  email?: string;
  [key: string]: unknown;
}

/** One B2C order. The platform's public pages do not document its fields. */
export interface B2COrder {
  [key: string]: unknown;
}
