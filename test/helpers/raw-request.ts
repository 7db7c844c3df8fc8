// Raw HTTP for the sandbox tests: exact bytes over node:http (or into a Fetch handler: see
// sandbox-hosts.ts), and signatures computed here with node:crypto from the seed's formula (never
// with the SDK's signer).
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import { jsonOrUndefined, readBody } from './http.js';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

/** Sends exactly these bytes (method, target, headers, body) and reads the whole answer. */
export type SendRaw = (
  method: string,
  target: string,
  headers: Record<string, string>,
  body: Buffer,
) => Promise<RawResponse>;

/** A base URL (sent over node:http) or a function that delivers the bytes some other way. */
export type RawTarget = string | SendRaw;

/** Sends exactly these bytes (method, target, headers, body) and reads the whole answer. */
export function rawRequest(
  to: RawTarget,
  method: string,
  target: string,
  headers: Record<string, string>,
  body: Buffer | string = '',
): Promise<RawResponse> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (typeof to === 'function') return to(method, target, headers, bytes);
  const url = new URL(to);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: target,
        headers: { ...headers, ...(bytes.length ? { 'Content-Length': String(bytes.length) } : {}) },
        agent: false,
      },
      (res) => {
        void readBody(res).then((raw) => {
          const text = raw.toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: jsonOrUndefined(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}

/** hex(HMAC-SHA256(secret, timestamp + METHOD + target + body)) over bytes, per seed 000. */
export function hmacHex(secret: string, parts: (string | Buffer)[]): string {
  const h = createHmac('sha256', secret);
  for (const p of parts) h.update(typeof p === 'string' ? Buffer.from(p, 'utf8') : p);
  return h.digest('hex');
}

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

export interface SignedOptions {
  secret?: string;
  apiKey?: string;
  adminCode?: string;
  adminHeader?: string;
  timestamp?: number;
  /** Replace the computed signature. */
  signature?: string;
  omit?: string[];
}

/** A request signed with the sandbox's default credentials (or the given ones). */
export function signedRequest(
  to: RawTarget,
  method: string,
  target: string,
  body: Buffer | string = '',
  o: SignedOptions = {},
): Promise<RawResponse> {
  const ts = String(o.timestamp ?? Math.floor(Date.now() / 1000));
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const signature = o.signature ?? hmacHex(o.secret ?? 'sandbox_secret', [ts + method + target, bytes]);
  const headers: Record<string, string> = {
    'X-API-Key': o.apiKey ?? 'vk_test_sandbox',
    'X-Timestamp': ts,
    'X-Signature': signature,
    [o.adminHeader ?? 'X-Admin-Code']: o.adminCode ?? '123456',
  };
  if (bytes.length) headers['Content-Type'] = 'application/json';
  for (const name of o.omit ?? []) delete headers[name];
  return rawRequest(to, method, target, headers, bytes);
}
