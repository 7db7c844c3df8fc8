import { crypto } from '../platform/crypto.js';
import type { SignInput, SignResult, Signer } from './types.js';

/** Credentials of {@link veri5Signer}: the salt only ever enters the hash. */
export interface Veri5SignerOptions {
  clientCode: string;
  apiKey: string;
  /** Never transmitted: it only enters the SHA-256 pipe hash. */
  salt: string;
  /**
   * Names the hashed operation (`verifyGSTIN`, `fetchPanDetails`) of a request path. Default: the
   * path's last segment. `Veri5Client` passes its route table here, so overridden routes are
   * still hashed.
   */
  operationOf?: (path: string) => string | undefined;
  /**
   * Called on every attempt with the parsed JSON body, before hashing. `Veri5Client` stamps a
   * fresh `stan` and `transmission_datetime` into the envelope here.
   */
  beforeHash?: (body: Record<string, unknown>, input: SignInput) => void;
}

/**
 * Veri5 hash (the Veri5 API document, "Appendix E: Hash Generation"): lower-case hex SHA-256 of the fields
 * joined by `|`.
 */
export async function veri5Hash(fields: readonly string[]): Promise<string> {
  return crypto.sha256Hex(fields.join('|'));
}

/** Timing-safe check of a hash Veri5 sent on a response or callback. */
export async function verifyVeri5Hash(fields: readonly string[], hash: string): Promise<boolean> {
  const expected = await veri5Hash(fields);
  return crypto.timingSafeEqual(expected, String(hash).toLowerCase());
}

type Json = Record<string, unknown>;

/**
 * The hash sequence of each hashed Veri5 operation, keyed by the last path segment.
 * Appendix E: verifyGSTIN = client_code|request_id|api_key|salt|gstin;
 * §3.2 fetchPanDetails = client_code|txn_id|api_key|salt.
 */
export const VERI5_HASH_SEQUENCES: Record<
  string,
  (o: Pick<Veri5SignerOptions, 'clientCode' | 'apiKey' | 'salt'>, request: Json) => string[]
> = {
  verifyGSTIN: (o, r) => [o.clientCode, str(r.request_id), o.apiKey, o.salt, str(r.gstin)],
  fetchPanDetails: (o, r) => [o.clientCode, str(r.txn_id), o.apiKey, o.salt],
};

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Veri5 signer: for the hashed operations it puts `api_key` and `hash` into the body's
 * `request` object (the salt never leaves the process). Other operations pass through
 * (after `beforeHash`, when given).
 */
export function veri5Signer(options: Veri5SignerOptions): Signer {
  const operationOf = options.operationOf ?? lastSegment;
  return {
    secrets: [options.salt],
    keys: [options.apiKey],
    // Synchronous where the hash is (node:crypto), a Promise with WebCrypto: the pipeline then
    // spends no microtask turns on it.
    sign(input): SignResult | Promise<SignResult> {
      const query = input.target.indexOf('?');
      const path = query === -1 ? input.target : input.target.slice(0, query);
      const operation = operationOf(path);
      const sequence = operation === undefined ? undefined : VERI5_HASH_SEQUENCES[operation];
      if ((!sequence && !options.beforeHash) || input.body === '') return { headers: {} };
      const envelope = JSON.parse(input.body) as Json;
      options.beforeHash?.(envelope, input);
      if (!sequence) return { headers: {}, body: JSON.stringify(envelope) };
      const request = (envelope.request ?? {}) as Json;
      request.api_key = options.apiKey;
      envelope.request = request;
      const hash = crypto.sha256Hex(sequence(options, request).join('|'));
      if (typeof hash !== 'string') {
        return hash.then((h) => {
          request.hash = h;
          return { headers: {}, body: JSON.stringify(envelope) };
        });
      }
      request.hash = hash;
      return { headers: {}, body: JSON.stringify(envelope) };
    },
  };
}
