// The web build validates inputs without zod (src/resources/schemas-web.ts) to stay inside the
// browser size budget. This contract test runs both implementations on the same inputs: same
// accepted values, same normalised output (bytes and key order), same issues (field, rule, message).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputValidationError } from '../src/core/errors.js';
import { OPERATIONS } from '../src/resources/registry.js';
import {
  INPUT_SCHEMAS,
  operationInputFields as zodFields,
  parseOperationInput as zodParse,
} from '../src/resources/schemas.js';
import {
  operationInputFields as webFields,
  parseOperationInput as webParse,
} from '../src/resources/schemas-web.js';

const FIELDS = [
  'page',
  'per_page',
  'from',
  'to',
  'type',
  'pan',
  'name',
  'mobile',
  'dob',
  'consent',
  'report_id',
  'aadhaar',
  'account_number',
  'ifsc',
  'gstin',
  'category',
  'service',
  'product_id',
  'quantity',
  'customer_id',
  'reference',
  'month',
  'search',
  'email',
];

const interesting = fc.constantFrom<unknown>(
  undefined,
  null,
  true,
  false,
  'true',
  '',
  '   ',
  0,
  1,
  42,
  -3,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  -(2 ** 60),
  [],
  {},
  'ABCPE1234F',
  ' abcpe1234f ',
  'ABCDE1234F',
  'ABCPV1234D',
  '234567890124',
  '2345 6789 0124',
  '2345-6789-0125',
  '__proto__',
  '27AAPFU0939F1ZV',
  '27aapfu0939f1zv',
  '27AAPFU0939F1ZX',
  'HDFC0001234',
  'hdfc0001234',
  'HDFC1001234',
  '50100012345678',
  '5010-0012 345678',
  '12345',
  '9876543210',
  '+91 98765 43210',
  '09876543210',
  '5876543210',
  '29/02/2024',
  '29/02/2023',
  '2024-02-29',
  '2024-13-01',
  '2024/01/01',
  'a@b.co',
  'first.last+tag@example.co.in',
  'bad@',
  '.x@y.com',
  'Asha Verma',
  'r_123',
);
const value = fc.oneof(
  { weight: 4, arbitrary: interesting },
  { weight: 1, arbitrary: fc.string() },
  fc.integer(),
);
const input = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.dictionary(fc.constantFrom(...FIELDS, 'extra', 'note', '__proto__', 'constructor'), value, {
      maxKeys: 6,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, [], 'x', 5, true) },
);

type Outcome = { ok: true; json: string; keys: string[] } | { ok: false; issues: unknown };

function run(parse: (key: string, input: unknown) => unknown, key: string, data: unknown): Outcome {
  try {
    const out = parse(key, data);
    return {
      ok: true,
      json: JSON.stringify(out),
      keys: out && typeof out === 'object' ? Object.keys(out) : [],
    };
  } catch (err) {
    if (!(err instanceof InputValidationError)) throw err;
    return { ok: false, issues: err.issues };
  }
}

const keys = OPERATIONS.flatMap((op) => (op.schema ? [op.schema] : []));

describe('zod-free web validation agrees with the zod schemas', () => {
  it('generates every field of every zod input schema (a new field must be added to FIELDS)', () => {
    expect(keys.length).toBeGreaterThanOrEqual(16);
    expect(Object.keys(INPUT_SCHEMAS).sort()).toEqual([...keys].sort());
    for (const [key, schema] of Object.entries(INPUT_SCHEMAS)) {
      const fields = Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape);
      expect(fields.length, key).toBeGreaterThan(0);
      for (const field of fields) expect(FIELDS, `${key}.${field}`).toContain(field);
    }
  });

  it.each(keys)('%s: same result, output and issues on generated inputs', (key) => {
    fc.assert(
      fc.property(input, (data) => {
        expect(run(webParse, key, data)).toEqual(run(zodParse, key, data));
      }),
      { numRuns: 400 },
    );
  });

  it('accepts and normalises the documented examples identically', () => {
    const examples: [string, unknown][] = [
      ['verify.pan', { pan: ' abcpe1234f ', name: 'Asha Verma', dob: '29/02/2024' }],
      ['verify.aadhaar', { aadhaar: '2345 6789 0124', consent: true }],
      ['verify.bank', { account_number: '5010-0012 345678', ifsc: 'hdfc0001234', name: 'Asha' }],
      ['verify.gst', { gstin: '27aapfu0939f1zv' }],
      ['cibil.fetch', { pan: 'ABCPE1234F', name: 'A', mobile: '+91 98765 43210', consent: true }],
      ['b2c.createCustomer', { name: 'A', mobile: '9876543210', email: 'a@b.co', tag: 'x' }],
      ['marketplace.order', { product_id: 7, quantity: 2, customer_id: 'c_1' }],
      ['wallet.core.transactions', { page: 2, per_page: 50, from: '2024-04-01', to: '2024-04-30' }],
    ];
    for (const [key, data] of examples) {
      const web = run(webParse, key, data);
      expect(web.ok).toBe(true);
      expect(web).toEqual(run(zodParse, key, data));
    }
  });
});

describe('declared input fields (what the proxy lets through)', () => {
  it('are the same in the zod and the web implementation, for every operation', () => {
    for (const op of OPERATIONS) {
      if (!op.schema) continue;
      const fields = zodFields(op.schema);
      expect(fields, op.id).toBeDefined();
      expect(webFields(op.schema), op.id).toEqual(fields);
    }
    expect(zodFields('verify.pan')).toEqual(['pan', 'name', 'dob']);
  });
});
