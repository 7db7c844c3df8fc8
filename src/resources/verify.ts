import type { RequestOptions } from '../core/request.js';
import { defineOperation } from './operation.js';
import { APIResource } from './runner.js';
import type { VerifyAadhaarParams, VerifyBankParams, VerifyGstParams, VerifyPanParams } from './schemas.js';

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

/** Operation rows of `vk.verify.*`. */
export const verifyOperations = {
  services: defineOperation<undefined, VerifyServiceCatalog>({
    id: 'verify.services',
    method: 'GET',
    path: '/api/v1/verify/services',
    retry: 'read',
  }),
  pan: defineOperation<VerifyPanParams, PanVerification>({
    id: 'verify.pan',
    method: 'POST',
    path: '/api/v1/verify/pan',
    retry: 'billable',
    schema: 'verify.pan',
  }),
  aadhaar: defineOperation<VerifyAadhaarParams, AadhaarVerification>({
    id: 'verify.aadhaar',
    method: 'POST',
    path: '/api/v1/verify/aadhaar',
    retry: 'billable',
    schema: 'verify.aadhaar',
  }),
  bank: defineOperation<VerifyBankParams, BankVerification>({
    id: 'verify.bank',
    method: 'POST',
    path: '/api/v1/verify/bank',
    retry: 'billable',
    schema: 'verify.bank',
  }),
  gst: defineOperation<VerifyGstParams, GstVerification>({
    id: 'verify.gst',
    method: 'POST',
    path: '/api/v1/verify/gst',
    retry: 'billable',
    schema: 'verify.gst',
  }),
} as const;

/**
 * `vk.verify`: identity and business verification. Every identifier is validated (format and
 * check digit) before the billable request is sent; a typo throws `InputValidationError`.
 */
export class Verify extends APIResource {
  /** `GET /api/v1/verify/services` */
  services(options?: RequestOptions): Promise<VerifyServiceCatalog> {
    return this._client._run(verifyOperations.services, undefined, options);
  }

  /**
   * `POST /api/v1/verify/pan` (billable).
   * @example const r = await vk.verify.pan({ pan: 'ABCPE1234F', name: 'Asha Verma' });
   */
  pan(params: VerifyPanParams, options?: RequestOptions): Promise<PanVerification> {
    return this._client._run(verifyOperations.pan, params, options);
  }

  /** `POST /api/v1/verify/aadhaar` (billable). Needs `consent: true`; spaces and hyphens are removed. */
  aadhaar(params: VerifyAadhaarParams, options?: RequestOptions): Promise<AadhaarVerification> {
    return this._client._run(verifyOperations.aadhaar, params, options);
  }

  /** `POST /api/v1/verify/bank` (billable): account number and IFSC. */
  bank(params: VerifyBankParams, options?: RequestOptions): Promise<BankVerification> {
    return this._client._run(verifyOperations.bank, params, options);
  }

  /**
   * `POST /api/v1/verify/gst` (billable). The GSTIN's check character is verified first. The route and fields
   * are the SDK's reading (the platform's documents list none): override with `routes` or `vk.request()`.
   */
  gst(params: VerifyGstParams, options?: RequestOptions): Promise<GstVerification> {
    return this._client._run(verifyOperations.gst, params, options);
  }
}
