import type http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type APIError, InputValidationError, VistarkriyaClient } from '../src/index.js';
import { PLATFORM_OPERATIONS as OPERATIONS } from '../src/model/platform.js';
import { getOperation } from '../src/model/registry.js';
import { findOperationByRoute } from './helpers/operations.js';
import { makeAadhaar } from './helpers/aadhaar.js';
import { type SeenRequest, startSigningServer } from './helpers/signing-server.js';
import { startPhpOracle } from './php-oracle.js';

const creds = { apiKey: 'vk_test_key', apiSecret: 'test_secret', adminCode: '123456' };
const AADHAAR = makeAadhaar(42);
const GSTIN = '29AAECK9415C1ZJ';

/** Canned `data` per route; every answer also carries a field no type documents. */
const DATA: Record<string, unknown> = {
  '/api/v1/wallet/core/balance': { balance: 15420.5, currency: 'INR', last_updated: '2024-02-20T10:30:00Z' },
  '/api/v1/wallet/pipeline/balance': { balance: 10, currency: 'INR', last_updated: '2024-02-20T10:30:00Z' },
  '/api/v1/wallet/license/balance': { balance: 3, currency: 'INR', last_updated: '2024-02-20T10:30:00Z' },
  '/api/v1/verify/pan': { verification_id: 'v1', status: 'VALID', pan: 'ABCPE1234F', name_match: true },
  '/api/v1/verify/aadhaar': { verification_id: 'v2', status: 'VALID', aadhaar_masked: 'XXXXXXXX1234' },
  '/api/v1/verify/bank': {
    verification_id: 'v3',
    status: 'VALID',
    account_masked: 'XXXX6789',
    ifsc: 'SBIN0001234',
  },
  '/api/v1/verify/gst': { verification_id: 'v4', status: 'VALID', gstin: GSTIN },
  '/api/v1/cibil/fetch': { report_id: 'r1' },
  '/api/v1/cibil/status': { report_id: 'r1', status: 'READY' },
};

function respond(req: SeenRequest, res: http.ServerResponse) {
  const url = new URL(req.target, 'http://x');
  const page = Number(url.searchParams.get('page') ?? '1');
  let data = DATA[url.pathname] ?? { route: url.pathname };
  if (findOperationByRoute(req.method, url.pathname)?.paged || url.pathname.endsWith('.php')) {
    data = {
      items: [{ n: page * 10 + 1 }, { n: page * 10 + 2 }],
      pagination: { page, per_page: 2, total: 6, total_pages: 3 },
    };
  }
  res.end(JSON.stringify({ success: true, data: { ...(data as object), future_field: { added: 'later' } } }));
}

let server: Awaited<ReturnType<typeof startSigningServer>>;
let vk: VistarkriyaClient;
beforeAll(async () => {
  server = await startSigningServer({ secret: creds.apiSecret, respond });
  vk = new VistarkriyaClient({ ...creds, baseURL: server.url, maxRetries: 0 });
});
afterAll(async () => {
  await vk.close();
  await server.close();
});
beforeEach(() => {
  server.seen.length = 0;
});

/** Every call must have been accepted by the server's independent HMAC check (it answers 401 otherwise). */
function only(): SeenRequest {
  expect(server.seen).toHaveLength(1);
  return server.seen[0]!;
}

describe('every namespace method: route, method, body or query, signature', () => {
  const cases: {
    name: string;
    call: () => Promise<unknown>;
    method: string;
    target: string;
    body?: unknown;
  }[] = [
    {
      name: 'wallet.core.balance',
      call: () => vk.wallet.core.balance(),
      method: 'GET',
      target: '/api/v1/wallet/core/balance',
    },
    {
      name: 'wallet.core.transactions',
      call: () =>
        vk.wallet.core.transactions({
          page: 2,
          per_page: 50,
          from: '2024-04-01',
          to: '2024-04-30',
          type: 'credit',
        }),
      method: 'GET',
      target: '/api/v1/wallet/core/transactions?page=2&per_page=50&from=2024-04-01&to=2024-04-30&type=credit',
    },
    {
      name: 'wallet.pipeline.balance',
      call: () => vk.wallet.pipeline.balance(),
      method: 'GET',
      target: '/api/v1/wallet/pipeline/balance',
    },
    {
      name: 'wallet.license.balance',
      call: () => vk.wallet.license.balance(),
      method: 'GET',
      target: '/api/v1/wallet/license/balance',
    },
    {
      name: 'cibil.reports',
      call: () => vk.cibil.reports({ per_page: 5 }),
      method: 'GET',
      target: '/api/v1/cibil/reports?per_page=5',
    },
    {
      name: 'cibil.fetch',
      call: () =>
        vk.cibil.fetch({
          pan: 'abcpe1234f',
          name: 'Asha Verma',
          mobile: '+91 98765 43210',
          dob: '29/02/1992',
          consent: true,
        }),
      method: 'POST',
      target: '/api/v1/cibil/fetch',
      body: { pan: 'ABCPE1234F', name: 'Asha Verma', mobile: '9876543210', dob: '29/02/1992', consent: true },
    },
    {
      name: 'cibil.status',
      call: () => vk.cibil.status({ report_id: 'r 1/2' }),
      method: 'GET',
      target: '/api/v1/cibil/status?report_id=r%201%2F2',
    },
    {
      name: 'verify.services',
      call: () => vk.verify.services(),
      method: 'GET',
      target: '/api/v1/verify/services',
    },
    {
      name: 'verify.pan',
      call: () => vk.verify.pan({ pan: 'ABCPE1234F', name: 'Asha Verma', dob: '01/01/1990' }),
      method: 'POST',
      target: '/api/v1/verify/pan',
      body: { pan: 'ABCPE1234F', name: 'Asha Verma', dob: '01/01/1990' },
    },
    {
      name: 'verify.aadhaar',
      call: () =>
        vk.verify.aadhaar({
          aadhaar: `${AADHAAR.slice(0, 4)} ${AADHAAR.slice(4, 8)}-${AADHAAR.slice(8)}`,
          consent: true,
        }),
      method: 'POST',
      target: '/api/v1/verify/aadhaar',
      body: { aadhaar: AADHAAR, consent: true },
    },
    {
      name: 'verify.bank',
      call: () =>
        vk.verify.bank({ account_number: '0012 3456 789', ifsc: 'sbin0001234', name: 'Asha Verma' }),
      method: 'POST',
      target: '/api/v1/verify/bank',
      body: { account_number: '00123456789', ifsc: 'SBIN0001234', name: 'Asha Verma' },
    },
    {
      name: 'verify.gst',
      call: () => vk.verify.gst({ gstin: GSTIN.toLowerCase() }),
      method: 'POST',
      target: '/api/v1/verify/gst',
      body: { gstin: GSTIN },
    },
    {
      name: 'marketplace.services',
      call: () => vk.marketplace.services(),
      method: 'GET',
      target: '/api/v1/marketplace/services',
    },
    {
      name: 'marketplace.products',
      call: () => vk.marketplace.products({ category: 'loans & cards', service: 'pan' }),
      method: 'GET',
      target: '/api/v1/marketplace/products?category=loans%20%26%20cards&service=pan',
    },
    {
      name: 'marketplace.order',
      call: () =>
        vk.marketplace.order({ product_id: 'p_1', quantity: 2, customer_id: 7, reference: 'ord-42' }),
      method: 'POST',
      target: '/api/v1/marketplace/order',
      body: { product_id: 'p_1', quantity: 2, customer_id: 7, reference: 'ord-42' },
    },
    {
      name: 'kamao.earnings',
      call: () => vk.kamao.earnings({ from: '2024-01-01', to: '2024-12-31' }),
      method: 'GET',
      target: '/api/v1/kamao/earnings?from=2024-01-01&to=2024-12-31',
    },
    {
      name: 'kamao.payouts',
      call: () => vk.kamao.payouts({ page: 3 }),
      method: 'GET',
      target: '/api/v1/kamao/payouts?page=3',
    },
    {
      name: 'kamao.reports',
      call: () => vk.kamao.reports({ month: '2024-03' }),
      method: 'GET',
      target: '/api/v1/kamao/reports?month=2024-03',
    },
    {
      name: 'b2c.customers',
      call: () => vk.b2c.customers({ search: 'राम' }),
      method: 'GET',
      target: `/api/v1/b2c/customers?search=${encodeURIComponent('राम')}`,
    },
    {
      name: 'b2c.createCustomer',
      call: () => vk.b2c.createCustomer({ name: 'Asha', mobile: '09876543210', email: 'asha@example.in' }),
      method: 'POST',
      target: '/api/v1/b2c/customer',
      body: { name: 'Asha', mobile: '9876543210', email: 'asha@example.in' },
    },
    {
      name: 'b2c.orders',
      call: () => vk.b2c.orders({ customer_id: 'c_9' }),
      method: 'GET',
      target: '/api/v1/b2c/orders?customer_id=c_9',
    },
  ];

  it('covers all 21 operations of the registry', () => {
    expect(new Set(cases.map((c) => c.name))).toEqual(new Set(OPERATIONS.map((op) => op.id)));
  });

  it.each(cases)('$name → $method $target', async ({ name, call, method, target, body }) => {
    const result = (await call()) as Record<string, unknown>;
    const seen = only();
    expect(seen.method).toBe(method);
    expect(seen.target).toBe(target);
    expect(seen.headers['x-api-key']).toBe(creds.apiKey);
    expect(seen.headers['x-admin-code']).toBe(creds.adminCode);
    if (body === undefined) {
      expect(seen.body).toBe('');
    } else {
      expect(JSON.parse(seen.body)).toEqual(body);
      expect(seen.headers['content-type']).toBe('application/json');
    }
    // Unknown response fields reach the caller.
    expect(result.future_field).toEqual({ added: 'later' });
    expect(getOperation(name)!.method).toBe(method);
  });
});

describe('validation before sending: nothing reaches the server', () => {
  const failures: { name: string; call: () => Promise<unknown>; field: string; rule: string }[] = [
    {
      name: 'GSTIN with a wrong check character',
      call: () => vk.verify.gst({ gstin: '29AAECK9415C1ZK' }),
      field: 'gstin',
      rule: 'check_character',
    },
    {
      name: 'Aadhaar failing Verhoeff',
      call: () =>
        vk.verify.aadhaar({
          aadhaar: AADHAAR.slice(0, 11) + ((Number(AADHAAR[11]) + 1) % 10),
          consent: true,
        }),
      field: 'aadhaar',
      rule: 'verhoeff',
    },
    {
      name: 'IFSC whose 5th character is not 0',
      call: () => vk.verify.bank({ account_number: '00123456789', ifsc: 'SBIN1001234' }),
      field: 'ifsc',
      rule: 'fifth_character',
    },
    {
      name: 'PAN with non-ASCII (full-width) digits',
      call: () => vk.verify.pan({ pan: 'ABCPE\uff11\uff12\uff13\uff14F' }),
      field: 'pan',
      rule: 'format',
    },
    {
      name: 'CIBIL fetch without consent',
      // @ts-expect-error consent is required by the type too
      call: () => vk.cibil.fetch({ pan: 'ABCPE1234F', name: 'Asha', mobile: '9876543210' }),
      field: 'consent',
      rule: 'consent',
    },
    {
      name: "CIBIL fetch with consent 'true' (a string)",
      call: () =>
        vk.cibil.fetch({
          pan: 'ABCPE1234F',
          name: 'Asha',
          mobile: '9876543210',
          consent: 'true' as unknown as true,
        }),
      field: 'consent',
      rule: 'consent',
    },
    {
      name: 'Aadhaar verification without consent',
      call: () => vk.verify.aadhaar({ aadhaar: AADHAAR, consent: false as unknown as true }),
      field: 'consent',
      rule: 'consent',
    },
    {
      name: 'bad mobile',
      call: () => vk.b2c.createCustomer({ name: 'Asha', mobile: '5876543210' }),
      field: 'mobile',
      rule: 'format',
    },
    {
      name: 'impossible date of birth',
      call: () => vk.verify.pan({ pan: 'ABCPE1234F', dob: '29/02/2023' }),
      field: 'dob',
      rule: 'date',
    },
    {
      name: 'impossible from date',
      call: () => vk.kamao.earnings({ from: '2024-02-30' }),
      field: 'from',
      rule: 'date',
    },
    {
      name: 'missing PAN',
      // @ts-expect-error pan is required
      call: () => vk.verify.pan({ name: 'Asha' }),
      field: 'pan',
      rule: 'required',
    },
    {
      name: 'account number as a JS number',
      call: () => vk.verify.bank({ account_number: 123456789 as unknown as string, ifsc: 'SBIN0001234' }),
      field: 'account_number',
      rule: 'type',
    },
    { name: 'page 0', call: () => vk.b2c.customers({ page: 0 }), field: 'page', rule: 'min' },
    {
      name: 'empty name',
      call: () => vk.b2c.createCustomer({ name: '  ', mobile: '9876543210' }),
      field: 'name',
      rule: 'required',
    },
  ];

  it.each(failures)('$name → $field/$rule', async ({ call, field, rule }) => {
    const err = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputValidationError);
    expect((err as InputValidationError).issues).toContainEqual(expect.objectContaining({ field, rule }));
    expect(server.seen).toHaveLength(0);
  });

  it('never echoes the Aadhaar number', async () => {
    const bad = AADHAAR.slice(0, 11) + ((Number(AADHAAR[11]) + 5) % 10);
    const err = (await vk.verify.aadhaar({ aadhaar: bad, consent: true }).catch((e: unknown) => e)) as Error;
    const text = `${err.message}\n${err.stack}\n${JSON.stringify(err)}\n${JSON.stringify((err as InputValidationError).issues)}`;
    expect(text).not.toContain(bad);
    expect(text).not.toContain(bad.slice(0, 8));
    expect(server.seen).toHaveLength(0);
  });
});

describe('unicode bodies', () => {
  it('Hindi names and emoji are signed over the exact UTF-8 bytes sent', async () => {
    const name = 'अनन्या शर्मा 🙏🏽 Ω';
    await vk.b2c.createCustomer({ name, mobile: '9876543210' });
    const seen = only(); // the server's independent HMAC accepted it
    expect(JSON.parse(seen.body).name).toBe(name);
    expect(Buffer.byteLength(seen.body)).toBeGreaterThan(seen.body.length);
    await vk.verify.pan({ pan: 'ABCPE1234F', name: 'राजेश कुमार' });
    expect(server.seen).toHaveLength(2);
  });

  it('the signature of a Hindi + emoji body equals PHP hash_hmac over the bytes received', async () => {
    const php = startPhpOracle();
    try {
      await vk.b2c.createCustomer({
        name: 'सुनीता देवी 👩🏾‍💼',
        mobile: '+919876543210',
        email: 'sunita@example.in',
      });
      const seen = only();
      const expected = await php.vistarkriya({
        secret: creds.apiSecret,
        timestamp: Number(seen.headers['x-timestamp']),
        method: seen.method,
        target: seen.target,
        body: Buffer.from(seen.body, 'utf8'),
      });
      expect(seen.headers['x-signature']).toBe(expected);
    } finally {
      await php.close();
    }
  });

  it('fields in `extra` (the escape hatch for new platform fields) are sent as they are', async () => {
    await vk.verify.gst({ gstin: GSTIN, extra: { client_ref: 'à-1' } });
    expect(JSON.parse(only().body)).toEqual({ gstin: GSTIN, client_ref: 'à-1' });
  });
});

describe('paging', () => {
  it('await gives the first page only; for await walks 3 pages with the filters kept', async () => {
    const first = await vk.b2c.customers({ search: 'a', per_page: 2 });
    expect(first.items).toEqual([{ n: 11 }, { n: 12 }]);
    expect(first.pagination).toEqual({ page: 1, per_page: 2, total: 6, total_pages: 3 });
    expect(server.seen).toHaveLength(1);
    server.seen.length = 0;

    const all: unknown[] = [];
    for await (const c of vk.b2c.customers({ search: 'a', per_page: 2 })) all.push(c);
    expect(all).toEqual([{ n: 11 }, { n: 12 }, { n: 21 }, { n: 22 }, { n: 31 }, { n: 32 }]);
    expect(server.seen.map((s) => s.target)).toEqual([
      '/api/v1/b2c/customers?search=a&per_page=2',
      '/api/v1/b2c/customers?search=a&per_page=2&page=2',
      '/api/v1/b2c/customers?search=a&per_page=2&page=3',
    ]);
  });

  it('starts from the page asked for, and pages() yields whole pages', async () => {
    const pages = [];
    for await (const p of vk.kamao.earnings({ page: 2 }).pages()) pages.push(p.pagination.page);
    expect(pages).toEqual([2, 3]);
    expect(server.seen.map((s) => s.target)).toEqual([
      '/api/v1/kamao/earnings?page=2',
      '/api/v1/kamao/earnings?page=3',
    ]);
  });

  it('a rejected first page rejects both await and for await', async () => {
    const p = vk.b2c.orders({ page: -1 });
    await expect(p).rejects.toBeInstanceOf(InputValidationError);
    await expect(
      (async () => {
        for await (const _ of p) {
          // unreachable
        }
      })(),
    ).rejects.toBeInstanceOf(InputValidationError);
  });
});

describe('route overrides and the admin code header', () => {
  it('routes option sends an operation to another path (signed as sent)', async () => {
    const custom = new VistarkriyaClient({
      ...creds,
      baseURL: server.url,
      maxRetries: 0,
      routes: {
        'wallet.core.balance': '/api/v1/wallet/core/balance.php',
        'b2c.customers': '/api/v1/b2c/customers.php',
      },
    });
    try {
      await custom.wallet.core.balance();
      const customers = [];
      for await (const c of custom.b2c.customers({ per_page: 2 })) customers.push(c);
      expect(customers).toHaveLength(6);
      await custom.wallet.pipeline.balance();
      expect(server.seen.map((s) => s.target)).toEqual([
        '/api/v1/wallet/core/balance.php',
        '/api/v1/b2c/customers.php?per_page=2',
        '/api/v1/b2c/customers.php?per_page=2&page=2',
        '/api/v1/b2c/customers.php?per_page=2&page=3',
        '/api/v1/wallet/pipeline/balance',
      ]);
    } finally {
      await custom.close();
    }
  });

  it("adminCodeHeader: 'X-Tenant-Code' replaces X-Admin-Code", async () => {
    const tenant = new VistarkriyaClient({
      ...creds,
      baseURL: server.url,
      maxRetries: 0,
      adminCodeHeader: 'X-Tenant-Code',
    });
    try {
      await tenant.verify.pan({ pan: 'ABCPE1234F' });
      const seen = only();
      expect(seen.headers['x-tenant-code']).toBe(creds.adminCode);
      expect(seen.headers['x-admin-code']).toBeUndefined();
    } finally {
      await tenant.close();
    }
  });
});

describe('registry', () => {
  it('has the retry classes of the contract', () => {
    const billable = OPERATIONS.filter((op) => op.retry === 'billable').map((op) => op.id);
    expect(billable.sort()).toEqual(
      [
        'b2c.createCustomer',
        'cibil.fetch',
        'marketplace.order',
        'verify.aadhaar',
        'verify.bank',
        'verify.gst',
        'verify.pan',
      ].sort(),
    );
    for (const op of OPERATIONS) {
      expect(op.path.startsWith('/api/v1/')).toBe(true);
      expect(op.retry).toBe(op.method === 'GET' ? 'read' : 'billable');
    }
  });

  it('finds operations by id and by default route', () => {
    expect(getOperation('b2c.createCustomer')?.path).toBe('/api/v1/b2c/customer');
    expect(getOperation('nope')).toBeUndefined();
    expect(findOperationByRoute('post', '/api/v1/verify/pan?x=1')?.id).toBe('verify.pan');
    expect(findOperationByRoute('GET', '/api/v1/verify/pan')).toBeUndefined();
    expect(findOperationByRoute('GET', '/api/v1/wallet/core/balance/')?.id).toBe('wallet.core.balance');
  });
});

describe('retry classes reach the pipeline', () => {
  it('a billable call is not retried after a 503; a read is', async () => {
    const failing = await startSigningServer({
      secret: creds.apiSecret,
      respond: (_req, res) => {
        res.statusCode = 503;
        res.end(
          JSON.stringify({
            success: false,
            error: { code: 'SERVICE_UNAVAILABLE', message: 'down', http_status: 503 },
          }),
        );
      },
    });
    const client = new VistarkriyaClient({ ...creds, baseURL: failing.url, maxRetries: 1 });
    try {
      const billable = (await client.verify.gst({ gstin: GSTIN }).catch((e: unknown) => e)) as APIError;
      expect(billable.status).toBe(503);
      expect(billable.outcomeUnknown).toBe(true);
      expect(failing.seen).toHaveLength(1);
      failing.seen.length = 0;
      const read = (await client.wallet.core.balance().catch((e: unknown) => e)) as APIError;
      expect(read.status).toBe(503);
      expect(failing.seen).toHaveLength(2);
    } finally {
      await client.close();
      await failing.close();
    }
  });
});
