// What an interpreter hands the pipeline: a value, or a failed answer described as plain data.
// The pipeline's steps decide what a failure means for the call (retry, re-sign, which error).
import type { TransportResponse } from '../transport/types.js';
import type { APIError, APIErrorInit, ValidationIssue } from './errors.js';
import type { Retryability } from './retry.js';

/** An error class the pipeline builds from a failure's fields (`TimestampExpiredError`, `Veri5HashError`...). */
export type APIErrorClass = new (init: APIErrorInit) => APIError;

/**
 * A failed answer: what the server said (the fields of the error it may become) and what that says
 * about re-sending it. Data only: the retry decision and the error are the pipeline's.
 */
export interface Failure extends Omit<APIErrorInit, 'outcomeUnknown'> {
  retryability: Retryability;
  /**
   * The server answered, but the answer could not be read (not JSON, not the envelope, too large):
   * a billable call was acted on with an unknown result, so its error says `outcomeUnknown`.
   */
  unreadable?: boolean;
  /** What the answer itself says about the outcome (a vistarkriya proxy's `outcome_unknown`). */
  outcomeUnknown?: boolean;
  /**
   * A vistarkriya proxy refused the input with the operation's rules: the error is the
   * `InputValidationError` of these issues, as when the client checks the input itself.
   */
  issues?: readonly ValidationIssue[];
  /** The class of the error; without one, the platform's code/status map picks it (`makeAPIError`). */
  errorClass?: APIErrorClass;
}

export type Interpretation = { ok: true; value: unknown } | { ok: false; failure: Failure };

/** Turns a complete HTTP answer into a value or a failure (platform envelope, Veri5, raw JSON). */
export type Interpreter = (response: TransportResponse) => Interpretation;
