import { crypto } from '../platform/crypto.js';
import type { SignResult, Signer } from './types.js';

export interface Veri5SignerOptions {
  clientCode: string;
  apiKey: string;
  /** Never transmitted: it only enters the SHA-256 pipe hash. */
  salt: string;
}

/** Veri5 hash (seed 003, Appendix E): lower-case hex SHA-256 of the fields joined by `|`. */
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
export const VERI5_HASH_SEQUENCES: Record<string, (o: Veri5SignerOptions, request: Json) => string[]> = {
  verifyGSTIN: (o, r) => [o.clientCode, str(r.request_id), o.apiKey, o.salt, str(r.gstin)],
  fetchPanDetails: (o, r) => [o.clientCode, str(r.txn_id), o.apiKey, o.salt],
};

function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/**
 * Veri5 signer: for the hashed operations it puts `api_key` and `hash` into the body's
 * `request` object (the salt never leaves the process). Other operations pass through.
 */
export function veri5Signer(options: Veri5SignerOptions): Signer {
  return {
    secrets: [options.salt],
    async sign(input): Promise<SignResult> {
      const path = input.target.split('?', 1)[0] ?? '';
      const sequence = VERI5_HASH_SEQUENCES[path.slice(path.lastIndexOf('/') + 1)];
      if (!sequence || input.body === '') return { headers: {} };
      const envelope = JSON.parse(input.body) as Json;
      const request = (envelope.request ?? {}) as Json;
      request.api_key = options.apiKey;
      request.hash = await veri5Hash(sequence(options, request));
      envelope.request = request;
      return { headers: {}, body: JSON.stringify(envelope) };
    },
  };
}
