// The SDK against the sandbox: every namespace answers, and every magic value produces its
// documented outcome through the SDK's own validation, retry and error classes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  InternalServerError,
  RateLimitError,
  VistarkriyaClient,
} from '../src/index.js';
import {
  MAGIC,
  MAGIC_AADHAAR,
  MAGIC_BANK,
  MAGIC_GSTIN,
  MAGIC_GSTIN_QUOTA_EXCEEDED,
  MAGIC_PAN,
  magicOutcome,
} from '../src/sandbox/index.js';
import { PLATFORM_OPERATIONS as OPERATIONS } from '../src/model/platform.js';
import { matchPlatformRoute } from '../src/sandbox/routes/index.js';
import { isValidAadhaar, isValidGstin, isValidPan } from '../src/validators/index.js';
import { SANDBOX_HOSTS, type SandboxUnderTest } from './helpers/sandbox-hosts.js';

describe('route table parity', () => {
  it('the sandbox serves every SDK operation on its default route and method', () => {
    expect(OPERATIONS).toHaveLength(21);
    for (const op of OPERATIONS) {
      const match = matchPlatformRoute(op.method, op.path);
      expect(match && 'route' in match ? match.route.id : undefined, op.id).toBe(op.id);
    }
  });
});

describe('magic values pass the SDK validators', () => {
  it.each(Object.entries(MAGIC_PAN))('PAN %s = %s', (_outcome, pan) => expect(isValidPan(pan)).toBe(true));
  it.each(Object.entries(MAGIC_AADHAAR))('Aadhaar %s', (_outcome, n) => expect(isValidAadhaar(n)).toBe(true));
  it.each(Object.entries(MAGIC_GSTIN))('GSTIN %s = %s', (_outcome, g) => expect(isValidGstin(g)).toBe(true));
  it('GSTIN quota value and bank accounts', () => {
    expect(isValidGstin(MAGIC_GSTIN_QUOTA_EXCEEDED)).toBe(true);
    for (const account of Object.values(MAGIC_BANK)) expect(account).toMatch(/^\d{9,18}$/);
  });
  it('every magic value maps back to its outcome, anything else is valid', () => {
    for (const [kind, table] of Object.entries(MAGIC)) {
      for (const [outcome, value] of Object.entries(table)) {
        expect(magicOutcome(kind as keyof typeof MAGIC, value)).toBe(outcome);
      }
    }
    expect(magicOutcome('pan', 'ABCPE1234F')).toBe('valid');
    expect(magicOutcome('aadhaar', '4290 0000 0002')).toBe('rate_limited');
  });
});

describe.each(SANDBOX_HOSTS)('the SDK against the sandbox contract ($name)', (host) => {
  describe('the SDK against the sandbox', () => {
    let sb: SandboxUnderTest;
    let vk: VistarkriyaClient;
    let fast: VistarkriyaClient;
    beforeAll(async () => {
      sb = await host.start({ slowMs: 1500 });
      vk = new VistarkriyaClient(sb.clientOptions);
      fast = new VistarkriyaClient({ ...sb.clientOptions, maxRetries: 0 });
    });
    afterAll(async () => {
      await vk.close();
      await fast.close();
      await sb.close();
    });

    it('wallet: three balances and paged transactions', async () => {
      expect(await vk.wallet.core.balance()).toMatchObject({ balance: 15420.5, currency: 'INR' });
      expect((await vk.wallet.pipeline.balance()).currency).toBe('INR');
      expect(typeof (await vk.wallet.license.balance()).balance).toBe('number');
      const page = await vk.wallet.core.transactions({ page: 3, per_page: 20 });
      expect(page.pagination).toEqual({ page: 3, per_page: 20, total: 57, total_pages: 3 });
      expect(page.items).toHaveLength(17);
      let n = 0;
      for await (const t of vk.wallet.core.transactions({ per_page: 50 })) {
        expect(t.currency).toBe('INR');
        n++;
      }
      expect(n).toBe(57);
    });

    it('cibil: fetch, status, reports', async () => {
      const r = await vk.cibil.fetch({
        pan: MAGIC.pan.valid,
        name: 'Asha Verma',
        mobile: '9876543210',
        consent: true,
      });
      expect(r).toMatchObject({ status: 'COMPLETED', score: expect.any(Number) });
      expect(await vk.cibil.status({ report_id: r.report_id! })).toMatchObject({
        report_id: r.report_id,
        status: 'COMPLETED',
      });
      const list = await vk.cibil.reports();
      expect(list.items[0]!.report_id).toBe(r.report_id);
      const noHit = await vk.cibil.fetch({
        pan: MAGIC.pan.invalid,
        name: 'Asha Verma',
        mobile: '9876543210',
        consent: true,
      });
      expect(noHit.status).toBe('NO_RECORD');
      const mismatch = await vk.cibil.fetch({
        pan: MAGIC.pan.name_mismatch,
        name: 'Asha',
        mobile: '9876543210',
        consent: true,
      });
      expect(mismatch.status).toBe('NAME_MISMATCH');
    });

    it('verify: services and the four verifications, results per magic value', async () => {
      expect(await vk.verify.services()).toHaveProperty('services');
      expect(await vk.verify.pan({ pan: MAGIC.pan.valid, name: 'Asha Verma' })).toMatchObject({
        status: 'VALID',
        name_match: true,
        pan_type: 'IND',
      });
      expect(await vk.verify.pan({ pan: MAGIC.pan.name_mismatch, name: 'Asha Verma' })).toMatchObject({
        status: 'NAME_MISMATCH',
        name_match: false,
      });
      expect((await vk.verify.pan({ pan: MAGIC.pan.invalid })).status).toBe('INVALID');
      expect(await vk.verify.aadhaar({ aadhaar: MAGIC.aadhaar.valid, consent: true })).toMatchObject({
        status: 'VALID',
        aadhaar_masked: 'XXXXXXXX0124',
      });
      expect((await vk.verify.aadhaar({ aadhaar: MAGIC.aadhaar.invalid, consent: true })).status).toBe(
        'INVALID',
      );
      expect(await vk.verify.bank({ account_number: MAGIC.bank.valid, ifsc: 'HDFC0001234' })).toMatchObject({
        status: 'VALID',
        bank_name: 'HDFC Bank',
      });
      expect(
        (await vk.verify.bank({ account_number: MAGIC.bank.name_mismatch, ifsc: 'HDFC0001234', name: 'A B' }))
          .status,
      ).toBe('NAME_MISMATCH');
      expect((await vk.verify.bank({ account_number: MAGIC.bank.invalid, ifsc: 'HDFC0001234' })).status).toBe(
        'INVALID',
      );
      expect(await vk.verify.gst({ gstin: MAGIC.gstin.valid })).toMatchObject({
        status: 'VALID',
        state: 'Maharashtra',
      });
      expect((await vk.verify.gst({ gstin: MAGIC.gstin.invalid })).status).toBe('INVALID');
    });

    it('marketplace: services, filtered products, order', async () => {
      expect(await vk.marketplace.services()).toHaveProperty('services');
      const products = await vk.marketplace.products({ category: 'utilities' });
      expect(products.items.length).toBeGreaterThan(0);
      expect(products.items.every((p) => p.category === 'utilities')).toBe(true);
      const order = await vk.marketplace.order({
        product_id: String(products.items[0]!.product_id),
        quantity: 3,
      });
      expect(order).toMatchObject({ status: 'CONFIRMED', quantity: 3, currency: 'INR' });
    });

    it('kamao: earnings, payouts, reports', async () => {
      const earnings = await vk.kamao.earnings({ from: '2026-11-10', to: '2026-11-15' });
      expect(earnings.items.every((e) => String(e.earned_at).slice(0, 10) >= '2026-11-10')).toBe(true);
      expect((await vk.kamao.payouts()).pagination.total).toBe(14);
      expect(await vk.kamao.reports({ month: '2026-11' })).toMatchObject({
        month: '2026-11',
        currency: 'INR',
      });
    });

    it('b2c: create, search, orders', async () => {
      const c = await vk.b2c.createCustomer({ name: 'Meera Nair', mobile: '9812345678' });
      expect(c).toMatchObject({ name: 'Meera Nair', mobile: '9812345678' });
      expect((await vk.b2c.customers({ search: 'meera nair' })).items[0]!.customer_id).toBe(c.customer_id);
      const orders = await vk.b2c.orders({ per_page: 5 });
      expect(orders.items).toHaveLength(5);
    });

    it('429 magic: the SDK honours Retry-After, retries, then throws RateLimitError', async () => {
      const before = sb.requests.length;
      const t0 = Date.now();
      const err = await vk.verify.pan({ pan: MAGIC.pan.rate_limited }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RateLimitError);
      expect((err as RateLimitError).retryAfter).toBe(1);
      expect(sb.requests.length - before).toBe(3);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
      expect(sb.requests.at(-1)!.status).toBe(429);
    });

    it('rate_limited_once magic: 429 with Retry-After the first time, then valid; requests carry receivedAt', async () => {
      const t0 = Date.now();
      for (const call of [
        () => fast.verify.pan({ pan: MAGIC.pan.rate_limited_once }),
        () => fast.verify.bank({ account_number: MAGIC.bank.rate_limited_once, ifsc: 'HDFC0001234' }),
      ]) {
        const first = await call().catch((e: unknown) => e);
        expect(first).toBeInstanceOf(RateLimitError);
        expect((first as RateLimitError).retryAfter).toBe(1);
        expect((await call()).status).toBe('VALID');
      }
      const last = sb.requests.at(-1)!;
      expect(last.receivedAt).toBeGreaterThanOrEqual(t0);
      expect(last.receivedAt).toBeLessThanOrEqual(Date.now());
    });

    it('503, slow and reset magic values become the matching typed errors', async () => {
      const unavailable = await fast.verify.gst({ gstin: MAGIC.gstin.unavailable }).catch((e: unknown) => e);
      expect(unavailable).toBeInstanceOf(InternalServerError);
      expect((unavailable as InternalServerError).code).toBe('SERVICE_UNAVAILABLE');
      const slow = await fast.verify
        .aadhaar({ aadhaar: MAGIC.aadhaar.slow, consent: true }, { timeout: 300 })
        .catch((e: unknown) => e);
      expect(slow).toBeInstanceOf(APITimeoutError);
      const reset = await fast.verify
        .bank({ account_number: MAGIC.bank.reset, ifsc: 'HDFC0001234' })
        .catch((e: unknown) => e);
      expect(reset).toBeInstanceOf(APIConnectionError);
      expect((reset as APIConnectionError).outcomeUnknown).toBe(true);
    });

    it('slow magic value answers validly after slowMs', async () => {
      const t0 = Date.now();
      const r = await vk.verify.pan({ pan: MAGIC.pan.slow });
      expect(r.status).toBe('VALID');
      expect(Date.now() - t0).toBeGreaterThanOrEqual(1400);
    });

    it('clock skew: the client corrects itself from the sandbox Date header', async () => {
      const skewed = await host.start({ clockOffsetSeconds: -700 });
      const c = new VistarkriyaClient(skewed.clientOptions);
      try {
        expect((await c.wallet.core.balance()).currency).toBe('INR');
        expect(Math.abs(c.clockOffsetSeconds + 700)).toBeLessThanOrEqual(2);
        expect(skewed.requests.map((r) => r.code ?? r.status)).toEqual(['TIMESTAMP_EXPIRED', 200]);
      } finally {
        await c.close();
        await skewed.close();
      }
    });

    it('route overrides: the .php route and X-Tenant-Code are served', async () => {
      const c = new VistarkriyaClient({
        ...sb.clientOptions,
        adminCodeHeader: 'X-Tenant-Code',
        routes: { 'wallet.core.balance': '/api/v1/wallet/core/balance.php' },
      });
      try {
        expect((await c.wallet.core.balance()).balance).toBe(15420.5);
        expect(sb.requests.at(-1)!.target).toBe('/api/v1/wallet/core/balance.php');
        expect(sb.requests.at(-1)!.headers['x-tenant-code']).toBe('123456');
      } finally {
        await c.close();
      }
    });

    it('is deterministic: a second sandbox gives the same data', async () => {
      const other = await host.start();
      const c = new VistarkriyaClient(other.clientOptions);
      try {
        expect(await c.wallet.core.transactions({ page: 2 })).toEqual(
          await vk.wallet.core.transactions({ page: 2 }),
        );
        expect(await c.kamao.payouts()).toEqual(await vk.kamao.payouts());
      } finally {
        await c.close();
        await other.close();
      }
    });
  });
});
