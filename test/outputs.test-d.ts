import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type {
  AadhaarVerification,
  B2CCustomer,
  B2COrder,
  BankVerification,
  CibilFetchResult,
  CibilReport,
  CibilStatus,
  GstVerification,
  KamaoEarning,
  KamaoPayout,
  KamaoReport,
  MarketplaceOrder,
  MarketplaceProduct,
  MarketplaceServiceCatalog,
  Page,
  PanVerification,
  VerifyServiceCatalog,
  WalletBalance,
  WalletTransaction,
} from '../src/index.js';
import type { PLATFORM_OUTPUTS } from '../src/model/outputs.js';

// The OpenAPI document's answers (model/outputs.ts) are the SDK's output types, field for field.
type Out<Id extends keyof typeof PLATFORM_OUTPUTS> = z.output<(typeof PLATFORM_OUTPUTS)[Id]>;

describe('documented answers', () => {
  it('match the output types', () => {
    expectTypeOf<Out<'wallet.core.balance'>>().toEqualTypeOf<WalletBalance>();
    expectTypeOf<Out<'wallet.core.transactions'>>().toEqualTypeOf<Page<WalletTransaction>>();
    expectTypeOf<Out<'cibil.reports'>>().toEqualTypeOf<Page<CibilReport>>();
    expectTypeOf<Out<'cibil.fetch'>>().toEqualTypeOf<CibilFetchResult>();
    expectTypeOf<Out<'cibil.status'>>().toEqualTypeOf<CibilStatus>();
    expectTypeOf<Out<'verify.services'>>().toEqualTypeOf<VerifyServiceCatalog>();
    expectTypeOf<Out<'verify.pan'>>().toEqualTypeOf<PanVerification>();
    expectTypeOf<Out<'verify.aadhaar'>>().toEqualTypeOf<AadhaarVerification>();
    expectTypeOf<Out<'verify.bank'>>().toEqualTypeOf<BankVerification>();
    expectTypeOf<Out<'verify.gst'>>().toEqualTypeOf<GstVerification>();
    expectTypeOf<Out<'marketplace.services'>>().toEqualTypeOf<MarketplaceServiceCatalog>();
    expectTypeOf<Out<'marketplace.products'>>().toEqualTypeOf<Page<MarketplaceProduct>>();
    expectTypeOf<Out<'marketplace.order'>>().toEqualTypeOf<MarketplaceOrder>();
    expectTypeOf<Out<'kamao.earnings'>>().toEqualTypeOf<Page<KamaoEarning>>();
    expectTypeOf<Out<'kamao.payouts'>>().toEqualTypeOf<Page<KamaoPayout>>();
    expectTypeOf<Out<'kamao.reports'>>().toEqualTypeOf<KamaoReport>();
    expectTypeOf<Out<'b2c.customers'>>().toEqualTypeOf<Page<B2CCustomer>>();
    expectTypeOf<Out<'b2c.createCustomer'>>().toEqualTypeOf<B2CCustomer>();
    expectTypeOf<Out<'b2c.orders'>>().toEqualTypeOf<Page<B2COrder>>();
  });
});
