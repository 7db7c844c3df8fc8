// The platform's operations, one row each, in the order of its docs. The tree is the namespace tree:
// `verify.pan` is `vk.verify.pan()`, and its id. Routes and inputs are stated here only; the docs and
// the provenance of every name (the platform's documents, or the SDK's reading) are in model/docs.ts.
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
  PanVerification,
  VerifyServiceCatalog,
  WalletBalance,
  WalletTransaction,
} from '../resources/outputs.js';
import type { Page } from '../resources/paging.js';
import { type Fields, type Operation, optional } from './operation.js';
import {
  AADHAAR,
  ACCOUNT_NUMBER,
  CONSENT,
  DATE,
  EMAIL,
  GSTIN,
  IFSC,
  ISO_DATE,
  MOBILE,
  PAN,
  PLATFORM_ID,
  POSITIVE_INT,
  STRING,
  TEXT,
} from './rules.js';

/** A platform row as written; its `id` and `api` come from its place in {@link PLATFORM}. */
export type PlatformRow = Omit<Operation, 'id' | 'api' | '__types'>;

/** @internal A row whose answer is `O` (a phantom type, for the namespaces' signatures). */
export type Returning<R, O> = R & { readonly __output: O };

/** Types a row with its answer: `row<PanVerification>()({ … })`. */
const row =
  <O>() =>
  <const R extends PlatformRow>(r: R): Returning<R, O> =>
    r as Returning<R, O>;

const PAGING = { page: optional(POSITIVE_INT), per_page: optional(POSITIVE_INT) } as const satisfies Fields;
const DATE_RANGE = { from: optional(ISO_DATE), to: optional(ISO_DATE) } as const satisfies Fields;

/** Every platform operation, as the tree of namespaces the client exposes. */
export const PLATFORM = {
  wallet: {
    core: {
      balance: row<WalletBalance>()({ method: 'GET', path: '/api/v1/wallet/core/balance', retry: 'read' }),
      /**
       * Await for one page, or `for await` every transaction.
       * @example for await (const tx of vk.wallet.core.transactions({ from: '2024-04-01' })) console.log(tx);
       */
      transactions: row<Page<WalletTransaction>>()({
        method: 'GET',
        path: '/api/v1/wallet/core/transactions',
        retry: 'read',
        paged: true,
        input: { ...PAGING, ...DATE_RANGE, type: optional(STRING) },
      }),
    },
    pipeline: {
      balance: row<WalletBalance>()({
        method: 'GET',
        path: '/api/v1/wallet/pipeline/balance',
        retry: 'read',
      }),
    },
    license: {
      balance: row<WalletBalance>()({ method: 'GET', path: '/api/v1/wallet/license/balance', retry: 'read' }),
    },
  },
  cibil: {
    reports: row<Page<CibilReport>>()({
      method: 'GET',
      path: '/api/v1/cibil/reports',
      retry: 'read',
      paged: true,
      input: PAGING,
    }),
    /** Billable; needs the person's explicit `consent: true`. */
    fetch: row<CibilFetchResult>()({
      method: 'POST',
      path: '/api/v1/cibil/fetch',
      retry: 'billable',
      input: { pan: PAN, name: TEXT, mobile: MOBILE, dob: optional(DATE), consent: CONSENT },
    }),
    status: row<CibilStatus>()({
      method: 'GET',
      path: '/api/v1/cibil/status',
      retry: 'read',
      input: { report_id: PLATFORM_ID },
    }),
  },
  verify: {
    services: row<VerifyServiceCatalog>()({ method: 'GET', path: '/api/v1/verify/services', retry: 'read' }),
    /**
     * Billable. The PAN is checked (format) and upper-cased before anything is sent.
     * @example const r = await vk.verify.pan({ pan: 'ABCPE1234F', name: 'Asha Verma' });
     */
    pan: row<PanVerification>()({
      method: 'POST',
      path: '/api/v1/verify/pan',
      retry: 'billable',
      input: { pan: PAN, name: optional(TEXT), dob: optional(DATE) },
    }),
    aadhaar: row<AadhaarVerification>()({
      method: 'POST',
      path: '/api/v1/verify/aadhaar',
      retry: 'billable',
      input: { aadhaar: AADHAAR, consent: CONSENT },
    }),
    bank: row<BankVerification>()({
      method: 'POST',
      path: '/api/v1/verify/bank',
      retry: 'billable',
      input: { account_number: ACCOUNT_NUMBER, ifsc: IFSC, name: optional(TEXT) },
    }),
    gst: row<GstVerification>()({
      method: 'POST',
      path: '/api/v1/verify/gst',
      retry: 'billable',
      input: { gstin: GSTIN },
    }),
  },
  marketplace: {
    services: row<MarketplaceServiceCatalog>()({
      method: 'GET',
      path: '/api/v1/marketplace/services',
      retry: 'read',
    }),
    products: row<Page<MarketplaceProduct>>()({
      method: 'GET',
      path: '/api/v1/marketplace/products',
      retry: 'read',
      paged: true,
      input: { ...PAGING, category: optional(STRING), service: optional(STRING) },
    }),
    order: row<MarketplaceOrder>()({
      method: 'POST',
      path: '/api/v1/marketplace/order',
      retry: 'billable',
      input: {
        product_id: PLATFORM_ID,
        quantity: optional(POSITIVE_INT),
        customer_id: optional(PLATFORM_ID),
        reference: optional(STRING),
      },
    }),
  },
  kamao: {
    earnings: row<Page<KamaoEarning>>()({
      method: 'GET',
      path: '/api/v1/kamao/earnings',
      retry: 'read',
      paged: true,
      input: { ...PAGING, ...DATE_RANGE },
    }),
    payouts: row<Page<KamaoPayout>>()({
      method: 'GET',
      path: '/api/v1/kamao/payouts',
      retry: 'read',
      paged: true,
      input: { ...PAGING, ...DATE_RANGE },
    }),
    reports: row<KamaoReport>()({
      method: 'GET',
      path: '/api/v1/kamao/reports',
      retry: 'read',
      input: { month: optional(STRING) },
    }),
  },
  b2c: {
    customers: row<Page<B2CCustomer>>()({
      method: 'GET',
      path: '/api/v1/b2c/customers',
      retry: 'read',
      paged: true,
      input: { ...PAGING, search: optional(STRING) },
    }),
    createCustomer: row<B2CCustomer>()({
      method: 'POST',
      path: '/api/v1/b2c/customer',
      retry: 'billable',
      input: { name: TEXT, mobile: MOBILE, email: optional(EMAIL) },
    }),
    orders: row<Page<B2COrder>>()({
      method: 'GET',
      path: '/api/v1/b2c/orders',
      retry: 'read',
      paged: true,
      input: { ...PAGING, customer_id: optional(PLATFORM_ID) },
    }),
  },
} as const;

/** The namespace tree of the platform (`wallet`, `cibil`, `verify`, …). */
export type PlatformTree = typeof PLATFORM;

/** Every platform row with its id, in the order of the tree. */
function flattenPlatform(): Operation[] {
  const out: Operation[] = [];
  const walk = (node: object, prefix: string) => {
    for (const [key, child] of Object.entries(node)) {
      const id = prefix + key;
      if ('method' in child) out.push({ ...(child as PlatformRow), id, api: 'platform' });
      else walk(child, `${id}.`);
    }
  };
  walk(PLATFORM, '');
  return out;
}

/** Every platform operation, with its id (`wallet.core.balance`), in the order of the docs. */
export const PLATFORM_OPERATIONS: readonly Operation[] = /* @__PURE__ */ flattenPlatform();
