import type { RequestOptions } from '../core/request.js';
import type { CoreOptions } from '../core/options.js';
import type { AadhaarFailCode, BankFailCode, PanDetailsFailCode, PanFailCode } from './codes.js';
import type { PanHolderType } from '../validators/pan.js';
import type { Veri5EnvelopeDefaults } from './envelope.js';

/** The four Veri5 endpoints, the keys of the `routes` option. */
export type Veri5Route = 'verifyUserIdDoc' | 'fetchPanDetails' | 'verifyGSTIN' | 'bankVerification';

/** Options of `Veri5Client`. */
export interface Veri5ClientOptions extends CoreOptions {
  /** Your Veri5 client code. Default: env `VERI5_CLIENT_CODE`. */
  clientCode?: string;
  /** Your Veri5 api_key (sent on hashed calls). Default: env `VERI5_API_KEY`. */
  apiKey?: string;
  /** The salt of that api_key: only hashed, never sent. Default: env `VERI5_SALT`. */
  salt?: string;
  /**
   * `sandbox` (https://sandbox.veri5digital.com, the default) or `production`
   * (https://prod.veri5digital.com). Default: env `VERI5_ENVIRONMENT`, else `sandbox`. `baseURL` wins.
   */
  environment?: 'sandbox' | 'production';
  /** Sub-client code of a hosted client (`sub_client_code`); default `''`. */
  subClientCode?: string;
  /**
   * Other envelope fields (Appendix A): channel_code, run_mode, actor_type, ... Defaults (see
   * `ENVELOPE_DEFAULTS`): `operation_mode: 'SELF'` and `location: 'NA'` as in the Veri5 API document's
   * samples, empty strings where Appendix A allows them (`sub_client_code`, `client_ip`) and the samples
   * leave them empty (`channel_code`, `channel_version`), and `DEFAULT` for `run_mode`, `actor_type`,
   * `user_handle_type` and `user_handle_value`: the samples send `""` there, but Appendix A marks them
   * mandatory and names `DEFAULT` as the value when not relevant. That choice is the SDK's.
   */
  envelope?: Veri5EnvelopeDefaults;
  /**
   * Route overrides, e.g. `{ bankVerification: '/service/api/1.0/verifyBankAccount' }`. The Veri5 API
   * document gives the paths of verifyUserIdDoc, fetchPanDetails and verifyGSTIN; it leaves the bank URL
   * blank, so `/service/api/1.0/bankVerification` is the SDK's guess.
   */
  routes?: Partial<Record<Veri5Route, string>>;
  /** Largest PAN card image accepted, in decoded bytes. Default 5 MiB (a warning is logged above 500 KB). */
  maxDocumentBytes?: number;
  /**
   * Your own `stan` source (a numeric string, unique per request). Default: a 16-digit counter from
   * a random start per process (see `nextStan`: collisions across instances are negligible).
   */
  generateStan?: () => string;
  /** Allow the salt in a browser page. Almost always wrong: the salt becomes public. */
  dangerouslyAllowBrowser?: boolean;
}

/** Table 1: PAN holder types (`panHolderType()` from `vistarkriya/validators` reads one off a PAN). */
export type PanType = PanHolderType;

/** Options of `verifyPan`. */
export interface VerifyPanOptions extends RequestOptions {
  /**
   * `function_sub_code`. Default: DOCUMENT when a document is given, DATA when name and dob are,
   * otherwise NUMBER.
   */
  subCode?: 'DATA' | 'NUMBER' | 'DOCUMENT';
}

/**
 * What every Veri5 method returns: `status`, `code` and `message`, plus the response's own fields
 * with their keys normalised to lower snake_case (`Verified_data` → `verified_data`,
 * `Age_band` → `age_band`). Unknown fields pass through. The response fields are the Veri5 API document's
 * (§3.1.2–§3.5.2); `status`, `code` and `message` are the SDK's summary of them (the code is taken
 * from `verification_code`, `response_status.code` or `code`, whichever the answer has).
 */
export interface Veri5ResultBase {
  status: 'SUCCESS' | 'FAIL';
  /** `000` (`4000` for bank accounts) on success, the FAIL code otherwise. */
  code: string;
  message: string;
  [field: string]: unknown;
}

/** Result fields of a PAN verification (§3.1.2). */
export interface PanVerificationFields {
  /** Use with `fetchPanDetails`. */
  txn_id?: string;
  stan?: string;
  verified_by?: string;
  /** A message (Table 2). */
  verified_data?: string;
  verification_method?: string;
  verification_status?: string;
  verified_using?: string;
  verification_code?: string;
}

/** `verifyPan` result. */
export type PanVerificationResult =
  | (Veri5ResultBase & PanVerificationFields & { status: 'SUCCESS' })
  | (Veri5ResultBase & PanVerificationFields & { status: 'FAIL'; code: PanFailCode | (string & {}) });

/** Aadhaar `verified_data` (§3.3.2), keys normalised from `Age_band`, `Gender`, ... */
export interface AadhaarVerifiedData {
  age_band?: string;
  gender?: string;
  state?: string;
  /** Masked by UIDAI, when linked. */
  mobile_number?: string;
  [field: string]: unknown;
}

/** Result fields of an Aadhaar verification. */
export interface AadhaarVerificationFields {
  stan?: string;
  verified_by?: string;
  verification_method?: string;
  verification_status?: string;
  verified_using?: string;
  verification_code?: string;
}

/** `verifyAadhaar` result. */
export type AadhaarVerificationResult =
  | (Veri5ResultBase & AadhaarVerificationFields & { status: 'SUCCESS'; verified_data?: AadhaarVerifiedData })
  | (Veri5ResultBase & AadhaarVerificationFields & { status: 'FAIL'; code: AadhaarFailCode | (string & {}) });

/** `fetchPanDetails` result (§3.2.2). */
export type PanDetailsResult =
  | (Veri5ResultBase & {
      status: 'SUCCESS';
      response_data?: { response_message?: unknown; [field: string]: unknown };
    })
  | (Veri5ResultBase & { status: 'FAIL'; code: PanDetailsFailCode | (string & {}) });

/** GSTN taxpayer details (§3.5.2, all 27 fields; GSTN's own names are kept). */
export interface GstinDetails {
  /** GSTIN of the tax payer. */
  gstin?: string;
  /** Legal name of business. */
  lgnm?: string;
  /** State jurisdiction. */
  stj?: string;
  /** Centre jurisdiction. */
  ctj?: string;
  /** Date of registration. */
  rgdt?: string;
  /** Constitution of business. */
  ctb?: string;
  /** Taxpayer type. */
  dty?: string;
  /** Nature of business activity. */
  nba?: string | string[];
  /** GSTN status. */
  sts?: string;
  /** Date of cancellation. */
  cxdt?: string;
  /** Last updated date. */
  lstupdt?: string;
  /** State jurisdiction code. */
  stjCd?: string;
  /** Centre jurisdiction code. */
  ctjCd?: string;
  /** Trade name. */
  tradeNam?: string;
  /** Additional places of business. */
  adadr?: unknown;
  /** Additional place of business address. */
  addr?: unknown;
  /** Building name. */
  bnm?: string;
  /** Street. */
  st?: string;
  /** Location. */
  loc?: string;
  /** Door number. */
  bno?: string;
  /** State name. */
  stcd?: string;
  /** Floor number. */
  flno?: string;
  /** Latitude. */
  lt?: string;
  /** Longitude. */
  lg?: string;
  /** PIN code. */
  pncd?: string;
  /** Nature of additional place of business. */
  ntr?: string;
  /** Principal place of business address. */
  pradr?: unknown;
  [field: string]: unknown;
}

/**
 * `verifyGstin` result: `gstin_details` holds GSTN's data on success. §3.5.2 shows the 27 GSTN
 * fields as an unnamed object beside `response_status`, so the key is the SDK's: the record is
 * taken from the top level, or from the first object member holding `lgnm`, `gstin`, `sts` or
 * `tradeNam`, whatever Veri5 calls it. The raw answer's other fields are kept as they came.
 */
export type GstinVerificationResult =
  | (Veri5ResultBase & { status: 'SUCCESS'; request_id: string; gstin_details?: GstinDetails })
  | (Veri5ResultBase & { status: 'FAIL'; request_id: string });

/** `verifyBankAccount` result (§3.4.2). */
export type BankVerificationResult =
  | (Veri5ResultBase & { status: 'SUCCESS'; uniqueRequestNo: string })
  | (Veri5ResultBase & { status: 'FAIL'; code: BankFailCode | (string & {}); uniqueRequestNo: string });
