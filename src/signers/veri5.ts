import { VERI5 } from '../model/veri5.js';
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
 * The hash sequence of each hashed Veri5 route (the last path segment), from the Veri5 rows
 * (model/veri5.ts): verifyGSTIN = client_code|request_id|api_key|salt|gstin (Appendix E),
 * fetchPanDetails = client_code|txn_id|api_key|salt ("3.2 API : fetchPanDetails").
 */
export function veri5HashSequences(): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const op of Object.values(VERI5)) if (op.hash) out[op.route] = op.hash;
  return out;
}

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Veri5 signer: for the hashed operations it puts `api_key` and `hash` into the body's `request`
 * object (the salt never leaves the process). Other operations pass through (after `beforeHash`, when
 * given). A call made by Veri5Client brings its row (`input.operation`, whose `hash` is the sequence)
 * and its JSON body (`input.json`); any other request is parsed, and its operation found from its path.
 */
export function veri5Signer(options: Veri5SignerOptions): Signer {
  const operationOf = options.operationOf ?? lastSegment;
  const sequences = veri5HashSequences();
  const fieldValue = (name: string, request: Json) =>
    name === 'client_code'
      ? options.clientCode
      : name === 'api_key'
        ? options.apiKey
        : name === 'salt'
          ? options.salt
          : str(request[name]);
  return {
    secrets: [options.salt],
    keys: [options.apiKey],
    // Synchronous where the hash is (node:crypto), a Promise with WebCrypto: the pipeline then
    // spends no microtask turns on it.
    sign(input): SignResult | Promise<SignResult> {
      let envelope: Json;
      let sequence: readonly string[] | undefined;
      if (input.json) {
        // A copy: the client's object is signed again (fresh stan) on a retry.
        envelope = { ...input.json };
        sequence = input.operation?.hash;
      } else {
        const query = input.target.indexOf('?');
        const operation = operationOf(query === -1 ? input.target : input.target.slice(0, query));
        sequence = operation === undefined ? undefined : sequences[operation];
        if ((!sequence && !options.beforeHash) || input.body === '') return { headers: {} };
        envelope = JSON.parse(input.body) as Json;
      }
      if (envelope.headers && typeof envelope.headers === 'object')
        envelope.headers = { ...envelope.headers };
      options.beforeHash?.(envelope, input);
      if (!sequence) return { headers: {}, body: JSON.stringify(envelope) };
      const request: Json = { ...(envelope.request as Json | undefined), api_key: options.apiKey };
      envelope.request = request;
      const hash = crypto.sha256Hex(sequence.map((name) => fieldValue(name, request)).join('|'));
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
