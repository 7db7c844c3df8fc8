// Input schemas per operation (zod/mini). Loaded lazily by the client on first use, so `import 'vistarkriya'`
// never pays for zod. Resource files import only *types* from here. Where the field names come from: the
// platform's API overview shows one body, `{"pan":"ABCDE1234F"}`; every other field here is the SDK's reading
// of the platform (README, "Where the names come from").
import * as z from 'zod/mini';
import {
  aadhaarSchema,
  consentSchema,
  dateSchema,
  gstinSchema,
  ifscSchema,
  isoDateSchema,
  mobileSchema,
  panSchema,
  parseInput,
} from '../validators/schemas.js';

const pageNumber = z.optional(z.int().check(z.positive()));
const paging = { page: pageNumber, per_page: pageNumber };

/** A non-empty (after trimming) free-text field such as a person's name; kept as typed. */
const text = z
  .string()
  .check(
    z.refine((s) => s.trim().length > 0, { message: 'must not be empty.', params: { rule: 'required' } }),
  );
/** An id the platform issued: a non-empty string or a positive integer. */
const id = z.union([text, z.int().check(z.positive())]);

/**
 * Bank account numbers are 6–20 letters/digits; spaces and hyphens are removed. A JS number is
 * refused: it would lose leading zeros and every digit past the 15th.
 */
const accountNumber = z.pipe(
  z.string().check(
    z.refine((s) => /^[A-Za-z0-9]{6,20}$/.test(s.replace(/[\s-]/g, '')), {
      message: 'must be a bank account number: 6 to 20 letters or digits.',
      params: { rule: 'format' },
    }),
  ),
  z.transform((s) => s.replace(/[\s-]/g, '').toUpperCase()),
);

/** `GET /wallet/core/transactions` query. */
export const walletTransactionListParams = z.looseObject({
  ...paging,
  /** `yyyy-mm-dd` */
  from: z.optional(isoDateSchema),
  /** `yyyy-mm-dd` */
  to: z.optional(isoDateSchema),
  type: z.optional(z.string()),
});
/** `GET /cibil/reports` query. */
export const cibilReportListParams = z.looseObject({ ...paging });
/** `POST /cibil/fetch` body. `consent` must be literally `true`. */
export const cibilFetchParams = z.looseObject({
  pan: panSchema,
  name: text,
  mobile: mobileSchema,
  /** `dd/mm/yyyy` */
  dob: z.optional(dateSchema),
  consent: consentSchema,
});
/** `GET /cibil/status` query. */
export const cibilStatusParams = z.looseObject({ report_id: id });
/** `POST /verify/pan` body. */
export const verifyPanParams = z.looseObject({
  pan: panSchema,
  name: z.optional(text),
  dob: z.optional(dateSchema),
});
/** `POST /verify/aadhaar` body. `consent` must be literally `true`. */
export const verifyAadhaarParams = z.looseObject({ aadhaar: aadhaarSchema, consent: consentSchema });
/** `POST /verify/bank` body. */
export const verifyBankParams = z.looseObject({
  account_number: accountNumber,
  ifsc: ifscSchema,
  name: z.optional(text),
});
/** `POST /verify/gst` body. */
export const verifyGstParams = z.looseObject({ gstin: gstinSchema });
/** `GET /marketplace/products` query. */
export const marketplaceProductListParams = z.looseObject({
  ...paging,
  category: z.optional(z.string()),
  service: z.optional(z.string()),
});
/** `POST /marketplace/order` body. */
export const marketplaceOrderParams = z.looseObject({
  product_id: id,
  quantity: z.optional(z.int().check(z.positive())),
  customer_id: z.optional(id),
  reference: z.optional(z.string()),
});
/** `GET /kamao/earnings` query. */
export const kamaoEarningListParams = z.looseObject({
  ...paging,
  from: z.optional(isoDateSchema),
  to: z.optional(isoDateSchema),
});
/** `GET /kamao/payouts` query. */
export const kamaoPayoutListParams = z.looseObject({
  ...paging,
  from: z.optional(isoDateSchema),
  to: z.optional(isoDateSchema),
});
/** `GET /kamao/reports` query. */
export const kamaoReportParams = z.looseObject({ month: z.optional(z.string()) });
/** `GET /b2c/customers` query. */
export const b2cCustomerListParams = z.looseObject({ ...paging, search: z.optional(z.string()) });
/** `POST /b2c/customer` body. */
export const b2cCreateCustomerParams = z.looseObject({
  name: text,
  mobile: mobileSchema,
  email: z.optional(z.email()),
});
/** `GET /b2c/orders` query. */
export const b2cOrderListParams = z.looseObject({ ...paging, customer_id: z.optional(id) });

/** Query of `vk.wallet.core.transactions()` (field names inferred, not from the platform's documents). */
export type WalletTransactionListParams = z.input<typeof walletTransactionListParams>;
/** Query of `vk.cibil.reports()` (field names inferred, not from the platform's documents). */
export type CibilReportListParams = z.input<typeof cibilReportListParams>;
/** Body of `vk.cibil.fetch()` (field names inferred, not from the platform's documents). */
export type CibilFetchParams = z.input<typeof cibilFetchParams>;
/** Query of `vk.cibil.status()` (field names inferred, not from the platform's documents). */
export type CibilStatusParams = z.input<typeof cibilStatusParams>;
/** Body of `vk.verify.pan()`. `pan` is the platform's API overview's; `name` and `dob` are inferred. */
export type VerifyPanParams = z.input<typeof verifyPanParams>;
/** Body of `vk.verify.aadhaar()` (field names inferred, not from the platform's documents). */
export type VerifyAadhaarParams = z.input<typeof verifyAadhaarParams>;
/** Body of `vk.verify.bank()` (field names inferred, not from the platform's documents). */
export type VerifyBankParams = z.input<typeof verifyBankParams>;
/** Body of `vk.verify.gst()` (field names inferred, not from the platform's documents). */
export type VerifyGstParams = z.input<typeof verifyGstParams>;
/** Query of `vk.marketplace.products()` (field names inferred, not from the platform's documents). */
export type MarketplaceProductListParams = z.input<typeof marketplaceProductListParams>;
/** Body of `vk.marketplace.order()` (field names inferred, not from the platform's documents). */
export type MarketplaceOrderParams = z.input<typeof marketplaceOrderParams>;
/** Query of `vk.kamao.earnings()` (field names inferred, not from the platform's documents). */
export type KamaoEarningListParams = z.input<typeof kamaoEarningListParams>;
/** Query of `vk.kamao.payouts()` (field names inferred, not from the platform's documents). */
export type KamaoPayoutListParams = z.input<typeof kamaoPayoutListParams>;
/** Query of `vk.kamao.reports()` (field names inferred, not from the platform's documents). */
export type KamaoReportParams = z.input<typeof kamaoReportParams>;
/** Query of `vk.b2c.customers()` (field names inferred, not from the platform's documents). */
export type B2CCustomerListParams = z.input<typeof b2cCustomerListParams>;
/** Body of `vk.b2c.createCustomer()` (field names inferred, not from the platform's documents). */
export type B2CCreateCustomerParams = z.input<typeof b2cCreateCustomerParams>;
/** Query of `vk.b2c.orders()` (field names inferred, not from the platform's documents). */
export type B2COrderListParams = z.input<typeof b2cOrderListParams>;

/** Input schema per operation id (`Operation.schema`). Operations without input have none. */
export const INPUT_SCHEMAS: Record<string, z.ZodMiniType> = {
  'wallet.core.transactions': walletTransactionListParams,
  'cibil.reports': cibilReportListParams,
  'cibil.fetch': cibilFetchParams,
  'cibil.status': cibilStatusParams,
  'verify.pan': verifyPanParams,
  'verify.aadhaar': verifyAadhaarParams,
  'verify.bank': verifyBankParams,
  'verify.gst': verifyGstParams,
  'marketplace.products': marketplaceProductListParams,
  'marketplace.order': marketplaceOrderParams,
  'kamao.earnings': kamaoEarningListParams,
  'kamao.payouts': kamaoPayoutListParams,
  'kamao.reports': kamaoReportParams,
  'b2c.customers': b2cCustomerListParams,
  'b2c.createCustomer': b2cCreateCustomerParams,
  'b2c.orders': b2cOrderListParams,
};

/** Validates and normalises an operation's input; throws `InputValidationError`. */
export function parseOperationInput(key: string, input: unknown): unknown {
  const schema = INPUT_SCHEMAS[key];
  if (!schema) return input;
  return inInputOrder(input, parseInput(schema, input ?? {}));
}

/**
 * zod puts known keys first; restore the caller's key order so the JSON sent (and signed) reads
 * as the caller wrote it, e.g. `{"pan":…,"name":…}` stays in that order.
 */
function inInputOrder(input: unknown, output: unknown): unknown {
  if (!isPlainObject(input) || !isPlainObject(output)) return output;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(input)) if (key in output) ordered[key] = output[key];
  for (const key of Object.keys(output)) if (!(key in ordered)) ordered[key] = output[key];
  return ordered;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The fields an operation's input declares (the proxy forwards nothing else). */
export function operationInputFields(key: string): readonly string[] | undefined {
  const def = (INPUT_SCHEMAS[key] as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def;
  return def?.shape ? Object.keys(def.shape) : undefined;
}
