import { errorCodeOf } from './error-cause.js';

/**
 * Every failure the SDK produces is one of these classes. None of them holds the request
 * (headers, signature, secret); messages are redacted by the client before construction.
 */

export type ResponseHeaders = Record<string, string>;

/** Root of every error thrown by this SDK. */
export class VistarkriyaError extends Error {
  /** @internal The class's `name`, and the brand `instanceof` compares across copies of the package. */
  protected static readonly brand: string = 'VistarkriyaError';

  constructor(message?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = (new.target as typeof VistarkriyaError).brand;
  }

  /**
   * `instanceof` that also holds for errors made by another copy of this package (the ESM and
   * CommonJS builds loaded together, the web build beside the Node one, two installed versions): a
   * value is an instance when a class on its prototype chain has this class's brand, so a
   * `RateLimitError` of one copy is an `APIError` of another, and never a `NotFoundError`.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `instanceof` passes the right-hand class as `this`.
    return isInstance(this, value);
  }
}

/** The brand a class declares itself: a subclass of yours inherits the static, not the brand. */
const ownBrand = (c: object): unknown =>
  Object.hasOwn(c, 'brand') ? (c as { brand?: unknown }).brand : undefined;

function isInstance(cls: object, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(cls, value)) return true;
  const brand = ownBrand(cls);
  if (!brand || typeof value !== 'object' || value === null) return false;
  // The value's prototype chain, as `instanceof` walks it: each class's prototype names its class.
  for (let p = Object.getPrototypeOf(value); p; p = Object.getPrototypeOf(p))
    if (Object.hasOwn(p, 'constructor') && ownBrand(p.constructor) === brand) return true;
  return false;
}

/** Fields of an {@link APIError}: what the server answered, already redacted. */
export interface APIErrorInit {
  status: number;
  code?: string | undefined;
  message: string;
  requestId?: string | undefined;
  headers?: ResponseHeaders | undefined;
  /** True when a billable call may have been carried out by the server (see docs/errors-and-retries.md, "Reliability"). */
  outcomeUnknown?: boolean;
  /** Seconds the server asked us to wait (Retry-After), when given. */
  retryAfter?: number | undefined;
}

const OUTCOME_UNKNOWN_NOTE =
  ' The outcome is unknown: the server may have carried out this billable request. Reconcile (check the transaction list) before trying again.';

/** The server answered with an error (or with something that is not a valid answer). */
export class APIError extends VistarkriyaError {
  protected static override readonly brand: string = 'APIError';
  declare readonly status: number;
  /** The platform's error code (e.g. `HMAC_INVALID`), or a Veri5 code, when the server gave one. */
  declare readonly code: string | undefined;
  declare readonly requestId: string | undefined;
  declare readonly headers: ResponseHeaders;
  declare readonly outcomeUnknown: boolean;
  declare readonly retryAfter: number | undefined;

  constructor(init: APIErrorInit) {
    super(
      `${init.status}${init.code ? ` ${init.code}` : ''}: ${init.message}` +
        (init.outcomeUnknown ? OUTCOME_UNKNOWN_NOTE : ''),
    );
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.headers = init.headers ?? {};
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.retryAfter = init.retryAfter;
  }
}

/** 401, or any of the platform's `AUTH_*` / `HMAC_INVALID` / `TIMESTAMP_EXPIRED` codes. */
export class AuthenticationError extends APIError {
  protected static override readonly brand: string = 'AuthenticationError';
}
/** `AUTH_MISSING_KEY`: the X-API-Key header did not arrive. */
export class MissingApiKeyError extends AuthenticationError {
  protected static override readonly brand: string = 'MissingApiKeyError';
}
/** `AUTH_INVALID_KEY`: the API key is not known to the platform. */
export class InvalidApiKeyError extends AuthenticationError {
  protected static override readonly brand: string = 'InvalidApiKeyError';
}
/** `HMAC_INVALID`: the signature did not match. Run `npx vistarkriya sign` to see the exact signed string. */
export class SignatureMismatchError extends AuthenticationError {
  protected static override readonly brand: string = 'SignatureMismatchError';
}
/** `TIMESTAMP_EXPIRED`: the request is more than 5 minutes off the server clock (the client corrects once). */
export class TimestampExpiredError extends AuthenticationError {
  protected static override readonly brand: string = 'TimestampExpiredError';
}
/** `AUTH_IP_BLOCKED`: the calling IP is not on the account's allow-list. */
export class IpBlockedError extends AuthenticationError {
  protected static override readonly brand: string = 'IpBlockedError';
}
/** 400 */
export class BadRequestError extends APIError {
  protected static override readonly brand: string = 'BadRequestError';
}
/** 404 */
export class NotFoundError extends APIError {
  protected static override readonly brand: string = 'NotFoundError';
}
/** 409 */
export class ConflictError extends APIError {
  protected static override readonly brand: string = 'ConflictError';
}
/** 429: the client already waited and retried as `Retry-After` asked, within `maxRetries`. */
export class RateLimitError extends APIError {
  protected static override readonly brand: string = 'RateLimitError';
}
/** 5xx */
export class InternalServerError extends APIError {
  protected static override readonly brand: string = 'InternalServerError';
}
/** A 2xx answer that is not what the API documents (not JSON, or not the `{ success, data }` envelope). */
export class ResponseValidationError extends APIError {
  protected static override readonly brand: string = 'ResponseValidationError';
}

/** Fields of an {@link APIConnectionError} (and {@link APITimeoutError}). */
export interface ConnectionErrorInit {
  message?: string;
  /** Low-level code, e.g. `ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`. */
  cause?: unknown;
  outcomeUnknown?: boolean;
}

/** No usable answer arrived: refused, reset, DNS failure, TLS failure, cut-off body. */
export class APIConnectionError extends VistarkriyaError {
  protected static override readonly brand: string = 'APIConnectionError';
  declare readonly outcomeUnknown: boolean;
  /** The low-level error code when there is one (`ECONNRESET`, `ENOTFOUND`, ...). */
  declare readonly errorCode: string | undefined;
  constructor(init: ConnectionErrorInit = {}) {
    super((init.message ?? 'Connection error.') + (init.outcomeUnknown ? OUTCOME_UNKNOWN_NOTE : ''), {
      cause: init.cause,
    });
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.errorCode = errorCodeOf(init.cause);
  }
}

/** The call's `timeout` elapsed before an answer arrived. */
export class APITimeoutError extends APIConnectionError {
  protected static override readonly brand: string = 'APITimeoutError';
  constructor(init: ConnectionErrorInit = {}) {
    super({ ...init, message: init.message ?? 'Request timed out.' });
  }
}

/** The caller's `AbortSignal` fired. */
export class UserAbortError extends VistarkriyaError {
  protected static override readonly brand: string = 'UserAbortError';
  /**
   * True when a billable request had already been handed to the network when the signal fired:
   * the server may have carried it out, so reconcile before sending it again.
   */
  declare readonly outcomeUnknown: boolean;
  constructor(message = 'Request was aborted.', options: { outcomeUnknown?: boolean } = {}) {
    super(message + (options.outcomeUnknown ? OUTCOME_UNKNOWN_NOTE : ''));
    this.outcomeUnknown = options.outcomeUnknown ?? false;
  }
}

/**
 * The client was closed (`close()`): a call made afterwards, or one waiting to retry when it was
 * closed, ends with this at once. Nothing more was sent, so `outcomeUnknown` is always false (a
 * billable call only waits to retry when the server provably did nothing).
 */
export class ClientClosedError extends VistarkriyaError {
  protected static override readonly brand: string = 'ClientClosedError';
  readonly outcomeUnknown = false;
  constructor(message = 'The client is closed (close() was called); nothing more is sent.') {
    super(message);
  }
}

/** One rejected input field: which field, which rule, and a message that never echoes the value. */
export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `aadhaar` or `beneficiary.ifsc`. */
  field: string;
  /** Machine-readable rule, e.g. `verhoeff`, `format`, `required`, `consent`. */
  rule: string;
  message: string;
}

/**
 * The input was rejected before anything reached the platform (nothing billed): by the client's own
 * check, or, in the browser build, by your `createProxyHandler` route, which runs the same rules.
 */
export class InputValidationError extends VistarkriyaError {
  protected static override readonly brand: string = 'InputValidationError';
  /** Nothing was sent to the platform: checked by the client, or refused by your proxy before it signed. */
  readonly outcomeUnknown = false;
  declare readonly field: string;
  declare readonly rule: string;
  declare readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    const first = issues[0] ?? { field: '(input)', rule: 'invalid', message: 'Invalid input.' };
    super(
      `Invalid ${first.field}: ${first.message}` +
        (issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''),
    );
    this.field = first.field;
    this.rule = first.rule;
    this.issues = issues;
  }
}

/** The client was constructed wrongly (missing credentials, a secret in a browser, bad options). */
export class ConfigurationError extends VistarkriyaError {
  protected static override readonly brand: string = 'ConfigurationError';
}
