import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPhp } from './helpers/php.js';
import { hmacHex, rawRequest, signedRequest } from './helpers/raw-request.js';
import { SANDBOX_HOSTS, type SandboxUnderTest } from './helpers/sandbox-hosts.js';

const now = () => Math.floor(Date.now() / 1000);

function expectAuthError(res: { status: number; json: any }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json).toEqual({
    success: false,
    error: { code, message: expect.any(String), http_status: status },
  });
}

describe.each(SANDBOX_HOSTS)('sandbox auth contract ($name)', (host) => {
  describe('sandbox platform auth (signatures computed independently)', () => {
    let sb: SandboxUnderTest;
    beforeAll(async () => {
      sb = await host.start();
    });
    afterAll(() => sb.close());

    it('accepts a correct signature over the exact UTF-8 body (Devanagari and emoji)', async () => {
      const body = '{"pan":"ABCPV1234D","name":"राहुल शर्मा 🙏"}';
      const res = await signedRequest(sb.send, 'POST', '/api/v1/verify/pan', body);
      expect(res.status).toBe(200);
      expect(res.json.success).toBe(true);
      expect(res.json.data).toMatchObject({
        status: 'VALID',
        pan: 'ABCPV1234D',
        registered_name: 'राहुल शर्मा 🙏',
      });
      const seen = sb.requests.at(-1)!;
      expect(seen.body).toBe(body);
      expect(seen.operation).toBe('verify.pan');
    });

    it('signs the query string as sent', async () => {
      const res = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/transactions?page=2&per_page=10');
      expect(res.status).toBe(200);
      expect(res.json.data.pagination).toEqual({ page: 2, per_page: 10, total: 57, total_pages: 6 });
    });

    it('verifies over raw bytes, not a decoded string (invalid UTF-8 still authenticates)', async () => {
      const bytes = Buffer.concat([Buffer.from('{"pan":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
      const res = await signedRequest(sb.send, 'POST', '/api/v1/verify/pan', bytes);
      // Authenticated, then refused by validation: not HMAC_INVALID.
      expectAuthError(res, 400, 'VALIDATION_ERROR');
    });

    it('agrees with PHP hash_hmac for the seed formula', async () => {
      const ts = now();
      const body = '{"pan":"ABCPV1234D"}';
      const php = await runPhp({
        code: '<?php echo hash_hmac("sha256", $argv[1] . "POST" . "/api/v1/verify/pan" . $argv[2], "sandbox_secret");',
        args: [String(ts), body],
      });
      expect(php).toBe(hmacHex('sandbox_secret', [`${ts}POST/api/v1/verify/pan${body}`]));
      const res = await signedRequest(sb.send, 'POST', '/api/v1/verify/pan', body, {
        timestamp: ts,
        signature: php,
      });
      expect(res.status).toBe(200);
    });

    it('wrong secret → 401 HMAC_INVALID in the documented envelope, secret not echoed', async () => {
      const res = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', {
        secret: 'wrong_secret',
      });
      expectAuthError(res, 401, 'HMAC_INVALID');
      expect(res.json.error.message).toMatch(/^Signature verification failed/);
      expect(res.text).not.toContain('sandbox_secret');
      expect(res.text).not.toContain('wrong_secret');
    });

    it('explains the usual HMAC mistakes', async () => {
      const ts = now();
      const lower = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', {
        signature: hmacHex('sandbox_secret', [`${ts}get/api/v1/wallet/core/balance`]),
        timestamp: ts,
      });
      expect(lower.json.error.message).toContain('upper case');
      const noPrefix = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', {
        signature: hmacHex('sandbox_secret', [`${ts}GET/wallet/core/balance`]),
        timestamp: ts,
      });
      expect(noPrefix.json.error.message).toContain('/api/v1');
      const sent = '{\n  "pan": "ABCPV1234D"\n}';
      const reserialised = await signedRequest(sb.send, 'POST', '/api/v1/verify/pan', sent, {
        signature: hmacHex('sandbox_secret', [`${ts}POST/api/v1/verify/pan{"pan":"ABCPV1234D"}`]),
        timestamp: ts,
      });
      expectAuthError(reserialised, 401, 'HMAC_INVALID');
      expect(reserialised.json.error.message).toContain('re-serialised');
    });

    it('timestamp 400 s old → 401 TIMESTAMP_EXPIRED with a Date header', async () => {
      const res = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', {
        timestamp: now() - 400,
      });
      expectAuthError(res, 401, 'TIMESTAMP_EXPIRED');
      expect(Math.abs(Date.parse(String(res.headers.date)) - Date.now())).toBeLessThan(3000);
    });

    it('accepts 290 s of skew, refuses 310 s in the future and millisecond timestamps', async () => {
      expect(
        (await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', { timestamp: now() - 290 }))
          .status,
      ).toBe(200);
      expectAuthError(
        await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', { timestamp: now() + 310 }),
        401,
        'TIMESTAMP_EXPIRED',
      );
      const ms = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', {
        timestamp: Date.now(),
      });
      expectAuthError(ms, 401, 'TIMESTAMP_EXPIRED');
      expect(ms.json.error.message).toContain('milliseconds');
    });

    it('missing key → AUTH_MISSING_KEY; unknown key → AUTH_INVALID_KEY', async () => {
      expectAuthError(
        await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', { omit: ['X-API-Key'] }),
        401,
        'AUTH_MISSING_KEY',
      );
      expectAuthError(
        await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', { apiKey: 'vk_test_nobody' }),
        401,
        'AUTH_INVALID_KEY',
      );
    });

    it('requires all four headers', async () => {
      for (const header of ['X-Timestamp', 'X-Signature', 'X-Admin-Code']) {
        const res = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', {
          omit: [header],
        });
        expect(res.status, header).toBe(401);
        expect(res.json.success).toBe(false);
      }
      const wrongCode = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', {
        adminCode: '654321',
      });
      expect(wrongCode.status).toBe(401);
    });

    it('accepts X-Tenant-Code instead of X-Admin-Code', async () => {
      const res = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', {
        adminHeader: 'X-Tenant-Code',
      });
      expect(res.status).toBe(200);
      expect(res.json.data).toEqual({ balance: 15420.5, currency: 'INR', last_updated: expect.any(String) });
    });

    it('the magic IP-blocked key → 403 AUTH_IP_BLOCKED even when correctly signed', async () => {
      const res = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', {
        apiKey: 'vk_test_ipblocked',
      });
      expectAuthError(res, 403, 'AUTH_IP_BLOCKED');
    });

    it('unknown route 404 and wrong method 405 come after auth, in the envelope', async () => {
      expectAuthError(await signedRequest(sb.send, 'GET', '/api/v1/nothing/here'), 404, 'NOT_FOUND');
      expectAuthError(await signedRequest(sb.send, 'GET', '/api/v1/verify/pan'), 405, 'METHOD_NOT_ALLOWED');
      expectAuthError(await rawRequest(sb.send, 'GET', '/api/v1/nothing/here', {}), 401, 'AUTH_MISSING_KEY');
    });
  });

  describe('sandbox options', () => {
    it('allowedIps: a caller outside the list gets AUTH_IP_BLOCKED, inside is served', async () => {
      const blocked = await host.start({ allowedIps: ['10.20.30.40'] });
      const allowed = await host.start({ allowedIps: ['127.0.0.1'] });
      try {
        expectAuthError(
          await signedRequest(blocked.send, 'GET', '/api/v1/wallet/core/balance'),
          403,
          'AUTH_IP_BLOCKED',
        );
        expect((await signedRequest(allowed.send, 'GET', '/api/v1/wallet/core/balance')).status).toBe(200);
      } finally {
        await blocked.close();
        await allowed.close();
      }
    });

    it('clockOffsetSeconds: the Date header carries the skewed clock, and re-signing with it works', async () => {
      const sb = await host.start({ clockOffsetSeconds: 900 });
      try {
        const first = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance');
        expectAuthError(first, 401, 'TIMESTAMP_EXPIRED');
        const serverNow = Math.floor(Date.parse(String(first.headers.date)) / 1000);
        expect(Math.abs(serverNow - (now() + 900))).toBeLessThanOrEqual(2);
        const second = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', {
          timestamp: serverNow,
        });
        expect(second.status).toBe(200);
      } finally {
        await sb.close();
      }
    });

    it('custom credentials replace the defaults', async () => {
      const sb = await host.start({
        credentials: { apiKey: 'vk_test_mine', apiSecret: 's3cret', adminCode: '999999' },
      });
      try {
        const ok = await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance', '', {
          apiKey: 'vk_test_mine',
          secret: 's3cret',
          adminCode: '999999',
        });
        expect(ok.status).toBe(200);
        expectAuthError(
          await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance'),
          401,
          'AUTH_INVALID_KEY',
        );
      } finally {
        await sb.close();
      }
    });

    it('latencyMs delays every answer', async () => {
      const sb = await host.start({ latencyMs: 150 });
      try {
        const t0 = Date.now();
        await signedRequest(sb.send, 'GET', '/api/v1/wallet/core/balance');
        expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
      } finally {
        await sb.close();
      }
    });
  });

  describe('sandbox Open legacy auth (/open/)', () => {
    let sb: SandboxUnderTest;
    beforeAll(async () => {
      sb = await host.start();
    });
    afterAll(() => sb.close());

    const phpSignature = (ts: number, method: string, body: string) =>
      runPhp({
        code: '<?php $s = $argv[1] . $argv[2] . ($argv[2] === "GET" ? "" : $argv[3]); echo hash_hmac("sha256", preg_replace("/\\s+/", "", $s), "open_test_secret");',
        args: [String(ts), method, body],
      });

    it('accepts a PHP-computed signature; the body keeps its whitespace on the wire', async () => {
      const ts = now();
      const body = '{\n  "amount": "9.00",\n  "currency": "INR",\n  "mtx": "123456XYZ"\n}';
      const res = await rawRequest(
        sb.send,
        'POST',
        '/open/v1/payment_token',
        {
          Authorization: `Bearer open_test_key:${await phpSignature(ts, 'POST', body)}`,
          'X-O-Timestamp': String(ts),
          'Content-Type': 'application/json',
        },
        body,
      );
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ mtx: '123456XYZ', amount: '9.00' });
      expect(sb.requests.at(-1)!.body).toBe(body);
    });

    it('GET signs timestamp + METHOD only; a wrong signature or stale timestamp is refused', async () => {
      const ts = now();
      const ok = await rawRequest(sb.send, 'GET', '/open/v1/status', {
        Authorization: `Bearer open_test_key:${await phpSignature(ts, 'GET', '')}`,
        'X-O-Timestamp': String(ts),
      });
      expect(ok.status).toBe(200);
      const bad = await rawRequest(sb.send, 'GET', '/open/v1/status', {
        Authorization: `Bearer open_test_key:${'0'.repeat(64)}`,
        'X-O-Timestamp': String(ts),
      });
      expect(bad.status).toBe(401);
      const stale = await rawRequest(sb.send, 'GET', '/open/v1/status', {
        Authorization: `Bearer open_test_key:${await phpSignature(ts - 400, 'GET', '')}`,
        'X-O-Timestamp': String(ts - 400),
      });
      expect(stale.status).toBe(401);
      expect(stale.json.code).toBe('TIMESTAMP_EXPIRED');
    });
  });
});
