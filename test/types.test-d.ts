import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type {
  AadhaarVerification,
  B2CCreateCustomerParams,
  B2CCustomer,
  BankVerification,
  CibilFetchParams,
  GstVerification,
  Page,
  PagePromise,
  PanVerification,
  RequestOptions,
  VerifyPanParams,
  VistarkriyaClient,
  WalletBalance,
  WalletTransaction,
} from '../src/index.js';
import {
  type InputValidationError,
  type aadhaarSchema,
  consentSchema,
  gstinSchema,
  isValidAadhaar,
  isValidGstin,
  normalizeAadhaar,
  type panSchema,
  parseInput,
} from '../src/validators/index.js';

declare const vk: VistarkriyaClient;

describe('namespace signatures', () => {
  it('wallet balances and transactions', () => {
    expectTypeOf(vk.wallet.core.balance).toEqualTypeOf<
      (options?: RequestOptions) => Promise<WalletBalance>
    >();
    expectTypeOf(vk.wallet.pipeline.balance()).resolves.toEqualTypeOf<WalletBalance>();
    expectTypeOf(vk.wallet.license.balance()).resolves.toHaveProperty('balance').toEqualTypeOf<number>();
    expectTypeOf(vk.wallet.core.transactions()).toEqualTypeOf<PagePromise<WalletTransaction>>();
    // Strict inputs: the declared fields and `extra` (the escape hatch), no index signature.
    expectTypeOf(vk.wallet.core.transactions).parameter(0).toEqualTypeOf<
      | {
          page?: number | undefined;
          per_page?: number | undefined;
          from?: string | undefined;
          to?: string | undefined;
          type?: string | undefined;
          extra?: Record<string, unknown> | undefined;
        }
      | undefined
    >();
  });

  it('verify: snake_case inputs, documented outputs with pass-through', () => {
    expectTypeOf(vk.verify.pan).parameter(0).toEqualTypeOf<VerifyPanParams>();
    expectTypeOf<VerifyPanParams['pan']>().toEqualTypeOf<string>();
    expectTypeOf<VerifyPanParams['name']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(vk.verify.pan({ pan: 'ABCPE1234F' })).resolves.toEqualTypeOf<PanVerification>();
    expectTypeOf<PanVerification['status']>().toEqualTypeOf<'VALID' | 'INVALID' | 'NAME_MISMATCH'>();
    expectTypeOf<PanVerification['name_match']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<PanVerification['anything_new']>().toEqualTypeOf<unknown>();
    expectTypeOf(
      vk.verify.aadhaar({ aadhaar: '', consent: true }),
    ).resolves.toEqualTypeOf<AadhaarVerification>();
    expectTypeOf(
      vk.verify.bank({ account_number: '1', ifsc: 'x' }),
    ).resolves.toEqualTypeOf<BankVerification>();
    expectTypeOf(vk.verify.gst({ gstin: 'x' })).resolves.toEqualTypeOf<GstVerification>();
    expectTypeOf(vk.verify.services()).resolves.toBeObject();
  });

  it('consent is the literal true in the types too', () => {
    expectTypeOf<CibilFetchParams['consent']>().toEqualTypeOf<true>();
    // @ts-expect-error consent: false does not type-check
    vk.cibil.fetch({ pan: 'ABCPE1234F', name: 'A', mobile: '9876543210', consent: false });
    // @ts-expect-error consent is required
    vk.verify.aadhaar({ aadhaar: '234567890124' });
    // @ts-expect-error account numbers are strings (numbers lose leading zeros)
    vk.verify.bank({ account_number: 123, ifsc: 'SBIN0001234' });
  });

  it('cibil, marketplace, kamao, b2c', () => {
    expectTypeOf(vk.cibil.status({ report_id: 'r1' })).resolves.toHaveProperty('report_id');
    expectTypeOf(vk.cibil.reports()).toMatchTypeOf<PromiseLike<Page<unknown>>>();
    expectTypeOf(vk.marketplace.order)
      .parameter(0)
      .toHaveProperty('product_id')
      .toEqualTypeOf<string | number>();
    expectTypeOf(vk.kamao.reports)
      .parameter(0)
      .toEqualTypeOf<
        { month?: string | undefined; extra?: Record<string, unknown> | undefined } | undefined
      >();
    expectTypeOf(vk.b2c.createCustomer).parameter(0).toEqualTypeOf<B2CCreateCustomerParams>();
    expectTypeOf(
      vk.b2c.createCustomer({ name: 'A', mobile: '9876543210' }),
    ).resolves.toEqualTypeOf<B2CCustomer>();
  });

  it('list methods: awaitable to a page, iterable to items', async () => {
    const list = vk.b2c.customers({ search: 'a' });
    expectTypeOf(list).toEqualTypeOf<PagePromise<B2CCustomer>>();
    expectTypeOf(await list).toEqualTypeOf<Page<B2CCustomer>>();
    expectTypeOf((await list).pagination.total_pages).toEqualTypeOf<number>();
    for await (const c of list) expectTypeOf(c).toEqualTypeOf<B2CCustomer>();
    expectTypeOf(list.pages()).toEqualTypeOf<AsyncGenerator<Page<B2CCustomer>, void, undefined>>();
  });

  it('strict inputs: a misspelt or unknown field does not compile; new fields go in `extra`', () => {
    // @ts-expect-error `nmae` is not a field of verify.pan (a typo of the optional `name`)
    vk.verify.pan({ pan: 'ABCPE1234F', nmae: 'Ravi Kumar' });
    // @ts-expect-error `pagee` is not a field of b2c.customers
    vk.b2c.customers({ pagee: 2 });
    vk.verify.pan({ pan: 'ABCPE1234F', extra: { purpose: 'KYC' } });
    expectTypeOf<VerifyPanParams>().not.toHaveProperty('nmae');
    expectTypeOf<keyof VerifyPanParams>().toEqualTypeOf<'pan' | 'name' | 'dob' | 'extra'>();
  });

  it('request options on every method', () => {
    expectTypeOf(vk.verify.gst).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
    expectTypeOf(vk.kamao.payouts).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
  });
});

describe('vistarkriya/validators', () => {
  it('plain functions take unknown and return boolean', () => {
    expectTypeOf(isValidAadhaar).toEqualTypeOf<(value: unknown) => boolean>();
    expectTypeOf(isValidGstin).toEqualTypeOf<(value: unknown) => boolean>();
    expectTypeOf(normalizeAadhaar).toEqualTypeOf<(value: string) => string>();
  });

  it('schemas: string in, normalised string out; consent true', () => {
    expectTypeOf<z.input<typeof panSchema>>().toEqualTypeOf<string>();
    expectTypeOf<z.output<typeof aadhaarSchema>>().toEqualTypeOf<string>();
    expectTypeOf<z.output<typeof consentSchema>>().toEqualTypeOf<true>();
    expectTypeOf(parseInput(gstinSchema, 'x')).toEqualTypeOf<string>();
    expectTypeOf(parseInput(consentSchema, true)).toEqualTypeOf<true>();
    expectTypeOf<InputValidationError['issues'][number]>().toEqualTypeOf<{
      field: string;
      rule: string;
      message: string;
    }>();
  });
});
