import { APIError, type APIErrorInit } from '../core/errors.js';

/** What a Veri5 error class is built from: the pipeline's init, and optionally a retry flag of its own. */
export interface Veri5ErrorInit extends APIErrorInit {
  /** Overrides the class's `retryable` (`Veri5ServiceUnavailableError.retryable`: true; the others: false). */
  retryable?: boolean;
}

/**
 * A protocol or service failure answered by Veri5 (the Veri5 API document, "Appendix B : Error Codes" and the
 * FAIL rows that are not verification results). `code` is Veri5's code, e.g. `400401`. Verification outcomes
 * such as "name mismatch" are never thrown: they are returned as `{ status: 'FAIL', code, message }`.
 */
export class Veri5Error extends APIError {
  protected static override readonly brand: string = 'Veri5Error';
  /**
   * Whether errors of this class mean "Veri5 did nothing, the same call may be sent again": true only for
   * `Veri5ServiceUnavailableError`. The code table (`VERI5_CODES`) reads it from here.
   */
  static readonly retryable: boolean = false;
  /** True when the code means "nothing was done, try again" (410007, 400304): the class's `retryable`. */
  readonly retryable: boolean;
  constructor(init: Veri5ErrorInit) {
    super(init);
    this.retryable = init.retryable ?? (new.target as typeof Veri5Error).retryable;
  }
}

/** 380048, 380076, 400111: the api_key or client_code (or user id) is not known to Veri5. */
export class Veri5AuthenticationError extends Veri5Error {
  protected static override readonly brand: string = 'Veri5AuthenticationError';
}

/** 380091, 400401: the request hash did not match, almost always a wrong `salt` for this `apiKey`. */
export class Veri5HashError extends Veri5AuthenticationError {
  protected static override readonly brand: string = 'Veri5HashError';
}

/** 400402: the account's consumption limit is exhausted. */
export class Veri5QuotaError extends Veri5Error {
  protected static override readonly brand: string = 'Veri5QuotaError';
}

/** 410003–410006, 410012, 410014: Veri5 rejected an input (format, unreadable document, operation code). */
export class Veri5InputError extends Veri5Error {
  protected static override readonly brand: string = 'Veri5InputError';
}

/** 380024–380026, 400403–400406, 410008–410011, 410013: a mandatory field did not arrive. */
export class Veri5MissingFieldError extends Veri5InputError {
  protected static override readonly brand: string = 'Veri5MissingFieldError';
}

/**
 * 410007, 400304: the upstream source (Income Tax portal, UIDAI) is not reachable, so nothing was
 * verified. `retryable` is true and the client already retried within `maxRetries` before throwing this.
 */
export class Veri5ServiceUnavailableError extends Veri5Error {
  protected static override readonly brand: string = 'Veri5ServiceUnavailableError';
  static override readonly retryable: boolean = true;
}

/**
 * 333, 400099 ("Unknown error, please try after some time") and the penny drop's 4002 ("Caused due
 * to Internal Error"): whether Veri5 billed the call, or made the transfer, is not known. So these
 * are never retried automatically, and `outcomeUnknown` is true: reconcile before trying again.
 */
export class Veri5UnknownError extends Veri5Error {
  protected static override readonly brand: string = 'Veri5UnknownError';
}
