// Open "Authentication [Deprecated]" (seed 004) under /open/: `Authorization: Bearer
// ACCESS_KEY:SIGNATURE` and `X-O-Timestamp`, SIGNATURE = hex(HMAC-SHA256(secret,
// strip(timestamp + METHOD + body))) with PHP's byte-wise `\s` (tab, LF, VT, FF, CR, space).
import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TIMESTAMP_WINDOW_SECONDS, safeEqual } from './platform-auth.js';
import type { OpenCredentials, RouteResult } from './types.js';

/** PHP `preg_replace('/\s+/', '', $s)` without the `u` modifier, on bytes. */
export function stripPhpWhitespaceBytes(bytes: Buffer): Buffer {
  return Buffer.from(
    bytes.filter((b) => b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x20),
  );
}

export function openSignature(secret: string, timestamp: string, method: string, body: Buffer): string {
  const prehash = Buffer.concat([
    Buffer.from(timestamp + method, 'utf8'),
    method === 'GET' ? Buffer.alloc(0) : body,
  ]);
  return createHmac('sha256', secret).update(stripPhpWhitespaceBytes(prehash)).digest('hex');
}

const error = (status: number, code: string, message: string): RouteResult => ({
  status,
  code,
  json: { status: 'ERROR', code, message },
});

export interface OpenRequest {
  method: string;
  pathname: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

/** Verifies the Open legacy signature, then answers a canned success. */
export function handleOpen(req: OpenRequest, credentials: OpenCredentials, nowSeconds: number): RouteResult {
  const auth = req.headers.authorization ?? '';
  const m = /^Bearer ([^:\s]+):([0-9a-fA-F]+)$/.exec(auth);
  if (!m) return error(401, 'UNAUTHORIZED', 'Authorization must be "Bearer ACCESS_KEY:REQUEST_SIGNATURE".');
  const [, accessKey, signature] = m as unknown as [string, string, string];
  if (!safeEqual(accessKey, credentials.accessKey))
    return error(401, 'INVALID_ACCESS_KEY', 'Unknown access key.');
  const timestamp = String(req.headers['x-o-timestamp'] ?? '');
  if (!/^\d{1,11}$/.test(timestamp))
    return error(401, 'INVALID_TIMESTAMP', 'X-O-Timestamp must be unix seconds.');
  if (Math.abs(Number(timestamp) - nowSeconds) > TIMESTAMP_WINDOW_SECONDS) {
    return error(401, 'TIMESTAMP_EXPIRED', 'X-O-Timestamp is more than 5 minutes off the server clock.');
  }
  if (!safeEqual(openSignature(credentials.secretKey, timestamp, req.method, req.rawBody), signature)) {
    return error(401, 'INVALID_SIGNATURE', 'Signature mismatch: HMAC of strip(timestamp + METHOD + body).');
  }
  if (req.method === 'POST' && req.pathname.endsWith('/payment_token')) {
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(req.rawBody.toString('utf8')) as Record<string, unknown>;
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
