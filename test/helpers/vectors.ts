import { readFileSync } from 'node:fs';
import { crypto as nodeCrypto } from '../../src/platform/crypto-node.js';
import type { CryptoProvider } from '../../src/platform/crypto-types.js';
import { crypto as webCrypto } from '../../src/platform/crypto-web.js';

/** Both crypto providers: every signature test runs against each (they must agree byte for byte). */
export const PROVIDERS: readonly CryptoProvider[] = [nodeCrypto, webCrypto];

/**
 * Whitespace the signers must treat exactly as PHP does: what PCRE's `\s` strips and the Unicode
 * spaces it must keep. The committed vectors cover every one; the property tests draw from them.
 */
export const WHITESPACE_CHARACTERS: readonly string[] = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u0085',
  '\u00a0',
  '\u1680',
  '\u180e',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
];

/** A body stored literally, or (large bodies) as `unit` repeated `count` times. */
export interface StoredBody {
  body?: string;
  body_repeat?: { unit: string; count: number };
  body_bytes?: number;
}

export interface VistarkriyaVector extends StoredBody {
  name: string;
  secret: string;
  timestamp: number;
  method: string;
  target: string;
  string_to_sign?: string;
  signature: string;
}

export interface OpenLegacyVector extends StoredBody {
  name: string;
  secret: string;
  access_key: string;
  timestamp: number;
  method: string;
  prehash?: string;
  prehash_sha256: string;
  signature: string;
}

export interface Veri5Vectors {
  hashes: { name: string; fields: string[]; hash: string }[];
  signer: {
    name: string;
    operation: 'verifyGSTIN' | 'fetchPanDetails';
    client_code: string;
    api_key: string;
    salt: string;
    request: Record<string, string>;
    hash: string;
  }[];
}

function load<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`../vectors/${file}`, import.meta.url), 'utf8')) as T;
}

/** The body text a vector describes (large bodies expanded exactly as PHP's str_repeat did). */
export function bodyOf(v: StoredBody): string {
  if (v.body_repeat) return v.body_repeat.unit.repeat(v.body_repeat.count);
  return v.body ?? '';
}

export const vistarkriyaVectors = load<{ vectors: VistarkriyaVector[] }>('vistarkriya.json').vectors;
export const openLegacyVectors = load<{ vectors: OpenLegacyVector[] }>('open-legacy.json').vectors;
export const veri5Vectors = load<Veri5Vectors>('veri5.json');
