export { VistarkriyaClient, type ClientOptions, type RawRequest } from './client.js';
export { DEFAULT_BASE_URL } from './platform-api.js';
export type { RequestOptions } from './core/request.js';
export {
  VistarkriyaError,
  APIError,
  AuthenticationError,
  MissingApiKeyError,
  InvalidApiKeyError,
  SignatureMismatchError,
  TimestampExpiredError,
  IpBlockedError,
  BadRequestError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  InternalServerError,
  ResponseValidationError,
  APIConnectionError,
  APITimeoutError,
  UserAbortError,
  ClientClosedError,
  InputValidationError,
  ConfigurationError,
  type ValidationIssue,
  type ResponseHeaders,
  type APIErrorInit,
  type ConnectionErrorInit,
} from './core/errors.js';
export type { Redactor } from './core/redact.js';
export type { MaybePromise } from './platform/crypto-types.js';
export type { CoreOptions } from './core/options.js';
export type { Logger, LogLevel } from './core/logger.js';
export type { RetryClass } from './core/retry.js';
export type { Query, QueryValue } from './core/target.js';
export type { Transport, TransportRequest, TransportResponse } from './transport/types.js';
export type { FetchLike } from './transport/fetch.js';
export {
  vistarkriyaSigner,
  vistarkriyaStringToSign,
  openLegacySigner,
  openLegacyStringToSign,
  stripPhpWhitespace,
  veri5Signer,
  veri5Hash,
  verifyVeri5Hash,
  proxySigner,
  type ProxySignerOptions,
  type ProxyHeaders,
  type Signer,
  type SignInput,
  type SignResult,
  type VistarkriyaSignerOptions,
  type OpenLegacySignerOptions,
  type Veri5SignerOptions,
} from './signers/index.js';
// Platform namespaces (made from the operation rows), paging, input and output types.
export { PagePromise, type Page, type Pagination } from './resources/paging.js';
export type * from './resources/outputs.js';
export type {
  PlatformNamespaces,
  Wallet,
  CoreWallet,
  PipelineWallet,
  LicenseWallet,
  Cibil,
  Verify,
  Marketplace,
  Kamao,
  B2C,
  WalletTransactionListParams,
  CibilReportListParams,
  CibilFetchParams,
  CibilStatusParams,
  VerifyPanParams,
  VerifyAadhaarParams,
  VerifyBankParams,
  VerifyGstParams,
  MarketplaceProductListParams,
  MarketplaceOrderParams,
  KamaoEarningListParams,
  KamaoPayoutListParams,
  KamaoReportParams,
  B2CCustomerListParams,
  B2CCreateCustomerParams,
  B2COrderListParams,
} from './model/namespaces.js';
export type {
  Operation,
  QueryFieldType,
  Fields,
  Field,
  Optional,
  InputOf,
  PlatformInputOf,
} from './model/operation.js';
export type { Rule, RuleType, Checked } from './model/rules.js';
// Veri5 (Khosla Labs) verification client, its errors and code table.
export * from './veri5/index.js';
