export { Veri5Client, VERI5_HOSTS, VERI5_DEFAULT_ROUTES } from './client.js';
export {
  Veri5Error,
  Veri5AuthenticationError,
  Veri5HashError,
  Veri5QuotaError,
  Veri5InputError,
  Veri5MissingFieldError,
  Veri5ServiceUnavailableError,
  Veri5UnknownError,
  type Veri5ErrorInit,
} from './errors.js';
export {
  VERI5_CODES,
  veri5CodeInfo,
  type Veri5CodeInfo,
  type Veri5ErrorClass,
  type PanFailCode,
  type PanDetailsFailCode,
  type AadhaarFailCode,
  type BankFailCode,
} from './codes.js';
export {
  nextStan,
  ENVELOPE_DEFAULTS,
  type Veri5EnvelopeHeaders,
  type Veri5EnvelopeDefaults,
} from './envelope.js';
export { RECOMMENDED_DOCUMENT_BYTES, DEFAULT_MAX_DOCUMENT_BYTES } from './document.js';
export type {
  Veri5ClientOptions,
  Veri5Route,
  PanType,
  VerifyPanOptions,
  Veri5ResultBase,
  PanVerificationFields,
  PanVerificationResult,
  AadhaarVerifiedData,
  AadhaarVerificationFields,
  AadhaarVerificationResult,
  PanDetailsResult,
  GstinDetails,
  GstinVerificationResult,
  BankVerificationResult,
} from './types.js';
export type {
  VerifyPanInput,
  VerifyAadhaarInput,
  FetchPanDetailsInput,
  VerifyGstinInput,
  VerifyBankAccountInput,
} from '../model/veri5.js';
