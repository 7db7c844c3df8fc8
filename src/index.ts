export {
  VistarkriyaClient,
  DEFAULT_BASE_URL,
  type ClientOptions,
  type RequestOptions,
  type RawRequest,
} from './client.js';
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
  InputValidationError,
  ConfigurationError,
  type ValidationIssue,
  type ResponseHeaders,
} from './core/errors.js';
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
  type Signer,
  type SignInput,
  type SignResult,
  type VistarkriyaSignerOptions,
  type OpenLegacySignerOptions,
  type Veri5SignerOptions,
} from './signers/index.js';
