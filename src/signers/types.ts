import type { Operation } from '../model/operation.js';
import type { MaybePromise } from '../platform/crypto-types.js';

/** What a signer is given: the request exactly as it will go on the wire. */
export interface SignInput {
  /** Upper-case HTTP method, e.g. `POST`. */
  method: string;
  /** Request target exactly as sent: path plus query, e.g. `/api/v1/wallet/core/transactions?page=2`. */
  target: string;
  /** The exact body text that is sent (`''` when there is none). */
  body: string;
  /** Unix time in seconds, already corrected for clock skew. */
  timestamp: number;
  /**
   * The operation this request runs, when a client's row sends it (`verify.pan`, `veri5.verifyGstin`):
   * its id, route and, for Veri5, its Appendix E hash sequence (`hash`). Undefined for raw requests.
   */
  operation?: Operation | undefined;
  /**
   * The body as JSON before it was serialised, when the client built it. A signer that rewrites the body
   * (Veri5 adds `api_key` and `hash`) starts from this instead of parsing `body`.
   */
  json?: Record<string, unknown> | undefined;
}

/** What a signer returns: headers to add and, optionally, a replacement body. */
export interface SignResult {
  headers: Record<string, string>;
  /** A signer may rewrite the body (Veri5 puts its hash inside the JSON). */
  body?: string;
}

/**
 * A request signer. Every built-in implements this and so can you: the client calls
 * `sign` once per attempt, so every retry carries a fresh timestamp and signature.
 */
export interface Signer {
  /** Signs one attempt: returns the headers to add (and, optionally, a replacement body). */
  sign(input: SignInput): MaybePromise<SignResult>;
  /**
   * Values this signer must never let appear in an error or a log line (secrets, salts).
   * The client redacts them everywhere; signatures produced are redacted as well.
   */
  readonly secrets?: readonly string[];
  /**
   * Identifiers this signer sends in clear (API keys, access keys): the client redacts them down to
   * a short prefix, enough to tell accounts apart in a log.
   */
  readonly keys?: readonly string[];
  /**
   * Whether the API this signer talks to answers in the platform's `{ success, data }` envelope,
   * which `request()` unwraps unless told `unwrap: false`. Default true. `openLegacySigner` says
   * false: the Open signing page documents no response envelope, so its answers come back as the
   * JSON they are (pass `unwrap: true` if your Open server does use the envelope).
   */
  readonly platformEnvelope?: boolean;
  /**
   * True when this signer sends to a route served by `createProxyHandler` (`proxySigner`), which
   * checks each input with the operation's rules and signs. The browser build of the client
   * (`import 'vistarkriya'` in a web page) checks nothing in the page and so takes only such a
   * signer; set it on your own signer only if its route runs `createProxyHandler`.
   */
  readonly viaProxy?: boolean;
}
