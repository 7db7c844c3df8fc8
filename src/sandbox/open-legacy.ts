// Open "Authentication [Deprecated]" (seed 004) under /open/: `Authorization: Bearer
// ACCESS_KEY:SIGNATURE` and `X-O-Timestamp`, SIGNATURE = hex(HMAC-SHA256(secret,
// strip(timestamp + METHOD + body))) with PHP's byte-wise `\s` (tab, LF, VT, FF, CR, space).
import { hmacSha256HexBytes } from '../platform/crypto.js';
import { concatBytes, utf8, utf8Decode } from './bytes.js';
import { TIMESTAMP_WINDOW_SECONDS, header, safeEqual } from './platform-auth.js';
import type { OpenCredentials, RouteResult, SandboxHeaders } from './types.js';

/** PHP `preg_replace('/\s+/', '', $s)` without the `u` modifier, on bytes. */
export function stripPhpWhitespaceBytes(bytes: Uint8Array): Uint8Array {
  return bytes.filter(
    (b) => b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x20,
  );
}

export async function openSignature(
  secret: string,
  timestamp: string,
  method: string,
  body: Uint8Array,
): Promise<string> {
  const prehash = concatBytes([utf8.encode(timestamp + method), method === 'GET' ? new Uint8Array(0) : body]);
  return hmacSha256HexBytes(secret, stripPhpWhitespaceBytes(prehash));
}

const error = (status: number, code: string, message: string): RouteResult => ({
  status,
  code,
  json: { status: 'ERROR', code, message },
});

export interface OpenRequest {
  method: string;
  pathname: string;
  headers: SandboxHeaders;
  rawBody: Uint8Array;
}

/** Verifies the Open legacy signature, then answers a canned success. */
export async function handleOpen(
  req: OpenRequest,
  credentials: OpenCredentials,
  nowSeconds: number,
): Promise<RouteResult> {
  const auth = header(req.headers, 'authorization') ?? '';
  const m = /^Bearer ([^:\s]+):([0-9a-fA-F]+)$/.exec(auth);
  if (!m) return error(401, 'UNAUTHORIZED', 'Authorization must be "Bearer ACCESS_KEY:REQUEST_SIGNATURE".');
  const [, accessKey, signature] = m as unknown as [string, string, string];
  if (!safeEqual(accessKey, credentials.accessKey))
    return error(401, 'INVALID_ACCESS_KEY', 'Unknown access key.');
  const timestamp = header(req.headers, 'x-o-timestamp') ?? '';
  if (!/^\d{1,11}$/.test(timestamp))
    return error(401, 'INVALID_TIMESTAMP', 'X-O-Timestamp must be unix seconds.');
  if (Math.abs(Number(timestamp) - nowSeconds) > TIMESTAMP_WINDOW_SECONDS) {
    return error(401, 'TIMESTAMP_EXPIRED', 'X-O-Timestamp is more than 5 minutes off the server clock.');
  }
  if (!safeEqual(await openSignature(credentials.secretKey, timestamp, req.method, req.rawBody), signature)) {
    return error(401, 'INVALID_SIGNATURE', 'Signature mismatch: HMAC of strip(timestamp + METHOD + body).');
  }
  if (req.method === 'POST' && req.pathname.endsWith('/payment_token')) {
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(utf8Decode(req.rawBody)) as Record<string, unknown>;
    } catch {
      return error(400, 'INVALID_JSON', 'Request body must be valid JSON.');
    }
    return {
      status: 200,
      json: {
        status: 200,
        payment_token: `pt_${timestamp}_${String(parsed.mtx ?? 'order')}`,
        amount: parsed.amount ?? null,
        currency: parsed.currency ?? 'INR',
        mtx: parsed.mtx ?? null,
      },
    };
  }
  return {
    status: 200,
    json: { status: 200, message: 'Authenticated', method: req.method, path: req.pathname },
  };
}
