// The client's namespaces (`vk.verify.pan()`, `vk.wallet.core.balance()`), made from the platform's
// rows: one small function per row, all calling the client's one executor. Their signatures are
// derived from the rows too (types only), so a row is all there is to an endpoint.
import type { RequestOptions } from '../core/request.js';
import { type Page, PagePromise } from '../resources/paging.js';
import type { Operation, Optional, PlatformInputOf } from './operation.js';
import { PLATFORM_OPERATIONS, type PlatformTree, type Returning } from './platform.js';

/** @internal What a namespace needs from the client: the one operation executor. */
export interface Runner {
  _run(op: Operation, input: unknown, options?: RequestOptions): Promise<unknown>;
}

type AllOptional<F> = [{ [K in keyof F]: F[K] extends Optional ? never : K }[keyof F]] extends [never]
  ? true
  : false;
type Answer<R, O> = R extends { readonly paged: true }
  ? O extends Page<infer T>
    ? PagePromise<T>
    : never
  : Promise<O>;

/** The method a row becomes: `(params, options?)`, `(params?, options?)` or `(options?)`. */
export type MethodOf<R> =
  R extends Returning<infer Row, infer O>
    ? Row extends { readonly input: infer F }
      ? AllOptional<F> extends true
        ? (params?: PlatformInputOf<F>, options?: RequestOptions) => Answer<Row, O>
        : (params: PlatformInputOf<F>, options?: RequestOptions) => Answer<Row, O>
      : (options?: RequestOptions) => Promise<O>
    : never;

/** A namespace: a method per row, a nested namespace per subtree. */
export type Namespace<T> = {
  readonly [K in keyof T]: T[K] extends { readonly method: string } ? MethodOf<T[K]> : Namespace<T[K]>;
};

/** Every namespace of `VistarkriyaClient`. */
export type PlatformNamespaces = Namespace<PlatformTree>;

type Method = (a?: unknown, b?: RequestOptions) => unknown;

/** The method of one row: an operation without input takes only options; a list is walked page by page. */
function methodOf(client: Runner, op: Operation): Method {
  if (!op.input) return (options) => client._run(op, undefined, options as RequestOptions);
  if (!op.paged) return (params, options) => client._run(op, params, options);
  // Later pages repeat the caller's params with `page` replaced.
  return (params, options) =>
    new PagePromise(
      (page) =>
        client._run(op, page === undefined ? params : { ...(params as object), page }, options) as Promise<
          Page<unknown>
        >,
    );
}

/** The namespaces of a client, one method per platform row. */
export function buildNamespaces(client: Runner): PlatformNamespaces {
  const root: Record<string, Record<string, unknown>> = {};
  for (const op of PLATFORM_OPERATIONS) {
    const path = op.id.split('.');
    const name = path.pop()!;
    let ns: Record<string, unknown> = root;
    for (const segment of path) {
      ns[segment] ??= {};
      ns = ns[segment] as Record<string, unknown>;
    }
    ns[name] = methodOf(client, op);
  }
  return root as unknown as PlatformNamespaces;
}

/** `vk.wallet`: the core, pipeline and license wallets. */
export type Wallet = PlatformNamespaces['wallet'];
/** `vk.wallet.core`: the main wallet, balance and transactions. */
export type CoreWallet = Wallet['core'];
/** `vk.wallet.pipeline`: funds in the pipeline. */
export type PipelineWallet = Wallet['pipeline'];
/** `vk.wallet.license`: the license wallet. */
export type LicenseWallet = Wallet['license'];
/** `vk.cibil`: credit reports and scores. */
export type Cibil = PlatformNamespaces['cibil'];
/** `vk.verify`: identity and business verification; every identifier is checked before the billable call. */
export type Verify = PlatformNamespaces['verify'];
/** `vk.marketplace`: services, products and orders. */
export type Marketplace = PlatformNamespaces['marketplace'];
/** `vk.kamao`: commissions (Kamao): earnings, payouts and reports. */
export type Kamao = PlatformNamespaces['kamao'];
/** `vk.b2c`: customers and their orders. */
export type B2C = PlatformNamespaces['b2c'];

type ParamsOf<R> = R extends { readonly input: infer F } ? PlatformInputOf<F> : never;
type Tree = PlatformTree;
// The input types, by their v0.1 names. The provenance of every field is in model/docs.ts (most are
// the SDK's reading of the platform: docs/validation-and-models.md, "Where the names come from").
/** Query of `vk.wallet.core.transactions()`. */
export type WalletTransactionListParams = ParamsOf<Tree['wallet']['core']['transactions']>;
/** Query of `vk.cibil.reports()`. */
export type CibilReportListParams = ParamsOf<Tree['cibil']['reports']>;
/** Body of `vk.cibil.fetch()`. `consent` must be literally `true`. */
export type CibilFetchParams = ParamsOf<Tree['cibil']['fetch']>;
/** Query of `vk.cibil.status()`. */
export type CibilStatusParams = ParamsOf<Tree['cibil']['status']>;
/** Body of `vk.verify.pan()`. `pan` is the platform's API overview's; `name` and `dob` are inferred. */
export type VerifyPanParams = ParamsOf<Tree['verify']['pan']>;
/** Body of `vk.verify.aadhaar()`. */
export type VerifyAadhaarParams = ParamsOf<Tree['verify']['aadhaar']>;
/** Body of `vk.verify.bank()`. */
export type VerifyBankParams = ParamsOf<Tree['verify']['bank']>;
/** Body of `vk.verify.gst()`. */
export type VerifyGstParams = ParamsOf<Tree['verify']['gst']>;
/** Query of `vk.marketplace.products()`. */
export type MarketplaceProductListParams = ParamsOf<Tree['marketplace']['products']>;
/** Body of `vk.marketplace.order()`. */
export type MarketplaceOrderParams = ParamsOf<Tree['marketplace']['order']>;
/** Query of `vk.kamao.earnings()`. */
export type KamaoEarningListParams = ParamsOf<Tree['kamao']['earnings']>;
/** Query of `vk.kamao.payouts()`. */
export type KamaoPayoutListParams = ParamsOf<Tree['kamao']['payouts']>;
/** Query of `vk.kamao.reports()`. */
export type KamaoReportParams = ParamsOf<Tree['kamao']['reports']>;
/** Query of `vk.b2c.customers()`. */
export type B2CCustomerListParams = ParamsOf<Tree['b2c']['customers']>;
/** Body of `vk.b2c.createCustomer()`. */
export type B2CCreateCustomerParams = ParamsOf<Tree['b2c']['createCustomer']>;
/** Query of `vk.b2c.orders()`. */
export type B2COrderListParams = ParamsOf<Tree['b2c']['orders']>;
