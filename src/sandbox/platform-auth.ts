// Strict 4-header auth of the Vistarkriya platform (seed 000), checked over the raw bytes
// received: X-API-Key, X-Timestamp, X-Signature, and X-Admin-Code (or X-Tenant-Code).
import { crypto, hmacSha256HexBytes } from '../platform/crypto.js';
import { concatBytes, utf8, utf8Decode } from './bytes.js';
import { fail } from './envelope.js';
import type { PlatformCredentials, RouteResult, SandboxHeaders } from './types.js';

/** Requests more than this far from the server clock are refused (`TIMESTAMP_EXPIRED`). */
export const TIMESTAMP_WINDOW_SECONDS = 300;

/** A request as it arrived: nothing re-encoded. */
export interface RawPlatformRequest {
  method: string;
  target: string;
  headers: SandboxHeaders;
  rawBody: Uint8Array;
  remoteAddress: string;
}

export type AuthResult = { ok: true; account: PlatformCredentials } | { ok: false; result: RouteResult };

export function header(headers: SandboxHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** hex(HMAC-SHA256(secret, timestamp + METHOD + target + body)) over the exact bytes. */
export async function platformSignature(
  secret: string,
  timestamp: string,
  method: string,
  target: string,
  body: Uint8Array,
): Promise<string> {
  return hmacSha256HexBytes(secret, concatBytes([utf8.encode(timestamp + method + target), body]));
}

/**
 * Constant-time string comparison (the length of a hex signature is public anyway). Only the
 * comparison is shared with the SDK: every expected signature here is computed independently.
 */
export function safeEqual(a: string, b: string): boolean {
  return crypto.timingSafeEqual(a, b);
}

const AUTH = {
  missingKey: () => fail(401, 'AUTH_MISSING_KEY', 'X-API-Key header missing'),
  invalidKey: () => fail(401, 'AUTH_INVALID_KEY', 'API key not found'),
  ipBlocked: (ip: string) => fail(403, 'AUTH_IP_BLOCKED', `IP not in whitelist (${ip})`),
  expired: (detail: string) => fail(401, 'TIMESTAMP_EXPIRED', `Request too old (>5 min): ${detail}`),
  hmac: (hint: string) => fail(401, 'HMAC_INVALID', `Signature verification failed${hint}`),
  adminCode: (detail: string) => fail(401, 'AUTH_INVALID_ADMIN_CODE', detail),
};

/**
 * Checks a platform request. Order: key present, key known, caller IP allowed, timestamp
 * present and within 5 minutes, signature, admin code.
 */
export async function verifyPlatformAuth(
  req: RawPlatformRequest,
  accounts: readonly PlatformCredentials[],
  nowSeconds: number,
): Promise<AuthResult> {
  const no = (result: RouteResult): AuthResult => ({ ok: false, result });
  const apiKey = header(req.headers, 'x-api-key');
  if (!apiKey) return no(AUTH.missingKey());
  const account = accounts.find((a) => safeEqual(a.apiKey, apiKey));
  if (!account) return no(AUTH.invalidKey());
  if (account.allowedIps && !account.allowedIps.includes(req.remoteAddress)) {
    return no(AUTH.ipBlocked(req.remoteAddress));
  }

  const timestamp = header(req.headers, 'x-timestamp');
  if (!timestamp) return no(AUTH.expired('X-Timestamp header missing.'));
  if (!/^\d{1,11}$/.test(timestamp)) {
    const ms = /^\d{12,14}$/.test(timestamp) ? ' It looks like milliseconds; send unix seconds.' : '';
    return no(AUTH.expired(`X-Timestamp must be unix seconds.${ms}`));
  }
  const skew = Number(timestamp) - nowSeconds;
  if (Math.abs(skew) > TIMESTAMP_WINDOW_SECONDS) {
    return no(
      AUTH.expired(
        `X-Timestamp is ${Math.abs(skew)} s ${skew < 0 ? 'behind' : 'ahead of'} the server clock; the window is ${TIMESTAMP_WINDOW_SECONDS} s. Use NTP, or correct with the Date header of this answer.`,
      ),
    );
  }

  const signature = header(req.headers, 'x-signature');
  if (!signature) return no(AUTH.hmac(': X-Signature header missing.'));
  const expected = await platformSignature(account.apiSecret, timestamp, req.method, req.target, req.rawBody);
  if (!safeEqual(expected, signature))
    return no(AUTH.hmac(await diagnose(req, account.apiSecret, timestamp, signature)));

  const adminCode = header(req.headers, 'x-admin-code') ?? header(req.headers, 'x-tenant-code');
  if (!adminCode) return no(AUTH.adminCode('X-Admin-Code (or X-Tenant-Code) header missing'));
  if (!safeEqual(account.adminCode, adminCode))
    return no(AUTH.adminCode('Admin code does not match this API key'));
  return { ok: true, account };
}

/**
 * Why a signature did not match, when it is one of the usual mistakes. The hint never
 * contains the expected signature or the secret.
 */
async function diagnose(
  req: RawPlatformRequest,
  secret: string,
  timestamp: string,
  got: string,
): Promise<string> {
  const body = utf8Decode(req.rawBody);
  const sign = (method: string, target: string, text: string) =>
    platformSignature(secret, timestamp, method, target, utf8.encode(text));
  const same = (candidate: string) => safeEqual(candidate, got);
  const pathOnly = req.target.split('?', 1)[0]!;
  if (same((await sign(req.method, req.target, body)).toUpperCase()))
    return ': send the signature as lower-case hex.';
  if (same(await sign(req.method.toLowerCase(), req.target, body)))
    return `: sign the method in upper case ("${req.method}").`;
  if (
    req.target.startsWith('/api/v1/') &&
    same(await sign(req.method, req.target.slice('/api/v1'.length), body))
  ) {
    return ': sign the full path including /api/v1.';
  }
  if (pathOnly !== req.target && same(await sign(req.method, pathOnly, body))) {
    return ': sign the query string too, exactly as sent.';
  }
  if (body !== '' && same(await sign(req.method, req.target, '')))
    return ': the body must be part of the signed string.';
  for (const variant of reserialisations(body)) {
    if (same(await sign(req.method, req.target, variant))) {
      return ': the body signed differs from the body sent (re-serialised JSON?). Serialise once; sign and send the same string.';
    }
  }
  return ': check the API secret, and that timestamp + METHOD + path?query + body are signed exactly as sent.';
}

function reserialisations(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as unknown;
    return [JSON.stringify(parsed), JSON.stringify(parsed, null, 2), JSON.stringify(parsed, null, 4)].filter(
      (v) => v !== body,
    );
  } catch {
    return [];
  }
}
