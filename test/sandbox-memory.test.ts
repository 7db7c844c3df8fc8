import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest, signedRequest } from './helpers/raw-request.js';
import { SANDBOX_HOSTS, type SandboxUnderTest } from './helpers/sandbox-hosts.js';

const MiB = 1024 * 1024;
const retained = (sb: SandboxUnderTest) =>
  sb.requests.reduce((n, r) => n + r.rawBody.byteLength + r.body.length, 0);

describe.each(SANDBOX_HOSTS)('sandbox memory contract ($name)', (host) => {
  let sb: SandboxUnderTest | undefined;
  afterEach(async () => {
    await sb?.close();
    sb = undefined;
  });

  describe('the sandbox request log is bounded', () => {
    it('keeps only metadata for requests it refuses (no credentials, bad signature, too large, no route)', async () => {
      sb = await host.start();
      const junk = Buffer.alloc(MiB - 1024, 0x61);
      for (let i = 0; i < 20; i++) {
        await rawRequest(sb.send, 'POST', '/api/v1/verify/pan', { 'content-type': 'application/json' }, junk);
      }
      await rawRequest(sb.send, 'POST', '/api/v1/verify/pan', {}, Buffer.alloc(2 * MiB, 0x62));
      await signedRequest(sb.send, 'POST', '/api/v1/verify/pan', '{"pan":"ABCPV1234D"}', {
        secret: 'wrong_secret',
      });
      await rawRequest(sb.send, 'POST', '/service/api/1.0/verifyGSTIN', {}, junk);
      await rawRequest(sb.send, 'POST', '/nowhere', {}, junk);
      expect(sb.requests).toHaveLength(24);
      expect(sb.requests.map((r) => r.status)).toContain(413);
      for (const r of sb.requests) {
        expect(r.body).toBe('');
        expect(r.rawBody.byteLength).toBe(0);
        expect(r.bodyBytes).toBeGreaterThan(0);
      }
      expect(retained(sb)).toBe(0);
    });

    it('keeps the bodies of served requests, up to 16 MiB in all (oldest dropped first)', async () => {
      sb = await host.start();
      const padding = 'x'.repeat(900 * 1024);
      for (let i = 0; i < 24; i++) {
        const body = JSON.stringify({ pan: 'ABCPV1234D', name: `n${i}`, note: padding });
        const res = await signedRequest(sb.send, 'POST', '/api/v1/verify/pan', body);
        expect(res.status).toBeLessThan(500);
      }
      const kept = sb.requests.reduce((n, r) => n + r.rawBody.byteLength, 0);
      expect(kept).toBeLessThanOrEqual(16 * MiB);
      expect(kept).toBeGreaterThan(12 * MiB);
      expect(sb.requests.length).toBeLessThan(24);
      // The newest are kept whole.
      const last = sb.requests.at(-1)!;
      expect(JSON.parse(last.body).name).toBe('n23');
    });
  });
});
