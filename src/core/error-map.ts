import {
  APIError,
  type APIErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidApiKeyError,
  IpBlockedError,
  MissingApiKeyError,
  NotFoundError,
  RateLimitError,
  SignatureMismatchError,
  TimestampExpiredError,
} from './errors.js';

type APIErrorClass = new (init: APIErrorInit) => APIError;

/**
 * The platform's documented codes (the platform's API overview). Veri5's codes have their own table
 * (veri5/codes.ts).
 */
const BY_CODE = new Map<string, APIErrorClass>([
  ['AUTH_MISSING_KEY', MissingApiKeyError],
  ['AUTH_INVALID_KEY', InvalidApiKeyError],
  ['HMAC_INVALID', SignatureMismatchError],
  ['TIMESTAMP_EXPIRED', TimestampExpiredError],
  ['AUTH_IP_BLOCKED', IpBlockedError],
]);

function classForStatus(status: number): APIErrorClass {
  if (status === 400) return BadRequestError;
  if (status === 401) return AuthenticationError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return InternalServerError;
  return APIError;
}

/** The single place where a failed answer becomes an error class: by code first, then by status. */
export function makeAPIError(init: APIErrorInit): APIError {
  const cls = (init.code !== undefined && BY_CODE.get(init.code)) || classForStatus(init.status);
  return new cls(init);
}

/** The platform's documented error codes (the platform's API overview), for the OpenAPI document. */
export function documentedErrorCodes(): string[] {
  return [...BY_CODE.keys()];
}
