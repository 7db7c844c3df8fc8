// The platform's operations, one row each, in the order of its docs. The tree is the namespace tree:
// `verify.pan` is `vk.verify.pan()`, and its id. Routes and inputs are stated here only (a route is the
// id's under /api/v1/ unless the row names another); the docs and the provenance of every name (the
// platform's documents, or the SDK's reading) are in model/docs.ts.
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
} from '#platform/rules';

/** A platform row as written; its `id` and `api` come from its place in {@link PLATFORM}. */
export type PlatformRow = Omit<Operation, 'id' | 'api' | '__types'>;
/** What a row states besides its method and retry class; `path` defaults to the id's (see flattenPlatform). */
type RowExtra = Partial<Omit<PlatformRow, 'method' | 'retry'>>;

/** @internal A row whose answer is `O` (a phantom type, for the namespaces' signatures). */
export type Returning<R, O> = R & { readonly __output: O };

// Every GET of the platform is a read (retried after an ambiguous failure) and every POST is
// billable (never re-sent after one): a row states its answer type and what else it has.
/** A GET read: `get<WalletBalance>()()`, or with `{ input }`. */
const get =
  <O>() =>
  <const R extends RowExtra = Record<never, never>>(r?: R) =>
    ({ method: 'GET', retry: 'read', ...r }) as Returning<
      { readonly method: 'GET'; readonly retry: 'read' } & R,
      O
    >;
/** A billable POST with a JSON body: `post<PanVerification>()({ input })`. */
const post =
  <O>() =>
  <const R extends RowExtra>(r: R) =>
    ({ method: 'POST', retry: 'billable', ...r }) as Returning<
      { readonly method: 'POST'; readonly retry: 'billable' } & R,
      O
    >;
/** A paged GET list, `page` and `per_page` included: `for await` walks every item. */
const list =
  <T>() =>
  <const F extends Fields = Record<never, never>>(input?: F) =>
    get<Page<T>>()({ paged: true, input: { ...PAGING, ...(input as F) } });

const PAGING = { page: optional(POSITIVE_INT), per_page: optional(POSITIVE_INT) } as const satisfies Fields;
const DATE_RANGE = { from: optional(ISO_DATE), to: optional(ISO_DATE) } as const satisfies Fields;

/** Every platform operation, as the tree of namespaces the client exposes. */
export const PLATFORM = {
  wallet: {
    core: {
      balance: get<WalletBalance>()(),
      /**
       * Await for one page, or `for await` every transaction.
       * @example for await (const tx of vk.wallet.core.transactions({ from: '2024-04-01' })) console.log(tx);
       */
      transactions: list<WalletTransaction>()({ ...DATE_RANGE, type: optional(STRING) }),
    },
    pipeline: { balance: get<WalletBalance>()() },
    license: { balance: get<WalletBalance>()() },
  },
  cibil: {
    reports: list<CibilReport>()(),
    /** Billable; needs the person's explicit `consent: true`. */
    fetch: post<CibilFetchResult>()({
      input: { pan: PAN, name: TEXT, mobile: MOBILE, dob: optional(DATE), consent: CONSENT },
    }),
    status: get<CibilStatus>()({ input: { report_id: PLATFORM_ID } }),
  },
  verify: {
    services: get<VerifyServiceCatalog>()(),
    /**
     * Billable. The PAN is checked (format) and upper-cased before anything is sent.
     * @example const r = await vk.verify.pan({ pan: 'ABCPE1234F', name: 'Asha Verma' });
     */
    pan: post<PanVerification>()({ input: { pan: PAN, name: optional(TEXT), dob: optional(DATE) } }),
    aadhaar: post<AadhaarVerification>()({ input: { aadhaar: AADHAAR, consent: CONSENT } }),
    bank: post<BankVerification>()({
      input: { account_number: ACCOUNT_NUMBER, ifsc: IFSC, name: optional(TEXT) },
    }),
    gst: post<GstVerification>()({ input: { gstin: GSTIN } }),
  },
  marketplace: {
    services: get<MarketplaceServiceCatalog>()(),
    products: list<MarketplaceProduct>()({ category: optional(STRING), service: optional(STRING) }),
    order: post<MarketplaceOrder>()({
      input: {
        product_id: PLATFORM_ID,
        quantity: optional(POSITIVE_INT),
        customer_id: optional(PLATFORM_ID),
        reference: optional(STRING),
      },
    }),
  },
  kamao: {
    earnings: list<KamaoEarning>()(DATE_RANGE),
    payouts: list<KamaoPayout>()(DATE_RANGE),
    reports: get<KamaoReport>()({ input: { month: optional(STRING) } }),
  },
  b2c: {
    customers: list<B2CCustomer>()({ search: optional(STRING) }),
    createCustomer: post<B2CCustomer>()({
      path: '/api/v1/b2c/customer',
      input: { name: TEXT, mobile: MOBILE, email: optional(EMAIL) },
    }),
    orders: list<B2COrder>()({ customer_id: optional(PLATFORM_ID) }),
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
      // The route is the id's, under /api/v1/ (`wallet.core.balance` → /api/v1/wallet/core/balance),
      // unless the row names another.
      if ('method' in child)
        out.push({
          path: `/api/v1/${id.replaceAll('.', '/')}`,
          ...(child as Partial<PlatformRow>),
          id,
          api: 'platform',
        } as Operation);
      else walk(child, `${id}.`);
    }
  };
  walk(PLATFORM, '');
  return out;
}

/** Every platform operation, with its id (`wallet.core.balance`), in the order of the docs. */
export const PLATFORM_OPERATIONS: readonly Operation[] = /* @__PURE__ */ flattenPlatform();
