// The answers, as the OpenAPI document describes them: the `data` of each platform operation (the
// same shapes as the SDK's types in resources/outputs.ts, which test/outputs.test-d.ts proves field
// for field) and the raw answer of each Veri5 operation as the Veri5 API document prints it
// ("Response Payload" of §3.1 to §3.5). Every object keeps unknown fields: an API that adds one must
// never break a user.
import * as z from 'zod/mini';
import { SOURCES } from './docs.js';
import { JSON_META } from './zod.js';

const { overview, veri5, inferred } = SOURCES;
const str = z.string();
const optStr = z.optional(z.string());

/** A loose object with its provenance and a description. */
function answer<S extends z.core.$ZodLooseShape>(shape: S, description: string, source: string) {
  const schema = z.looseObject(shape);
  JSON_META.add(schema, { description, 'x-vistarkriya-source': source });
  return schema;
}
const undocumented = (what: string) =>
  answer({}, `${what}. The platform's public pages do not document its fields.`, inferred);

const walletBalance = answer(
  {
    balance: z.number(),
    currency: str,
    last_updated: str,
  },
  'A wallet balance: amount in rupees, currency (INR), time of the last change (ISO 8601).',
  overview,
);

/** One page of a list: `{ items, pagination }` (the shape is the SDK's reading). */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return answer(
    {
      items: z.array(item),
      pagination: answer(
        { page: z.number(), per_page: z.number(), total: z.number(), total_pages: z.number() },
        'Where this page is in the list.',
        inferred,
      ),
    },
    'One page of a list.',
    inferred,
  );
}

const customer = answer({ name: optStr, mobile: optStr, email: optStr }, 'One B2C customer.', inferred);

/** The `data` of every platform operation's answer, by operation id. */
export const PLATFORM_OUTPUTS = {
  'wallet.core.balance': walletBalance,
  'wallet.core.transactions': pageOf(undocumented('One wallet transaction')),
  'wallet.pipeline.balance': walletBalance,
  'wallet.license.balance': walletBalance,
  'cibil.reports': pageOf(undocumented('One CIBIL report')),
  'cibil.fetch': answer(
    { report_id: optStr },
    'The fetched report; `report_id` is what cibil.status takes.',
    inferred,
  ),
  'cibil.status': answer({ report_id: optStr, status: optStr }, 'The status of a report.', inferred),
  'verify.services': undocumented('The verification services enabled for the account'),
  'verify.pan': answer(
    {
      verification_id: str,
      status: z.enum(['VALID', 'INVALID', 'NAME_MISMATCH']),
      pan: str,
      name_match: z.optional(z.boolean()),
      registered_name: optStr,
      pan_type: optStr,
    },
    'A PAN verification.',
    inferred,
  ),
  'verify.aadhaar': answer(
    {
      verification_id: str,
      status: z.enum(['VALID', 'INVALID']),
      aadhaar_masked: str,
      age_band: optStr,
      gender: optStr,
      state: optStr,
    },
    'An Aadhaar verification; the full number never comes back.',
    inferred,
  ),
  'verify.bank': answer(
    {
      verification_id: str,
      status: z.enum(['VALID', 'INVALID', 'NAME_MISMATCH']),
      account_masked: str,
      ifsc: str,
      registered_name: optStr,
      bank_name: optStr,
    },
    'A bank account verification.',
    inferred,
  ),
  'verify.gst': answer(
    {
      verification_id: str,
      status: z.enum(['VALID', 'INVALID']),
      gstin: str,
      legal_name: optStr,
      trade_name: optStr,
      state: optStr,
      registration_date: optStr,
      gst_status: optStr,
    },
    'A GSTIN verification.',
    inferred,
  ),
  'marketplace.services': undocumented('Marketplace services'),
  'marketplace.products': pageOf(undocumented('One marketplace product')),
  'marketplace.order': undocumented('A marketplace order'),
  'kamao.earnings': pageOf(undocumented('One commission earning')),
  'kamao.payouts': pageOf(undocumented('One payout')),
  'kamao.reports': undocumented('A commission report'),
  'b2c.customers': pageOf(customer),
  'b2c.createCustomer': customer,
  'b2c.orders': pageOf(undocumented('One B2C order')),
} as const;

const responseStatus = answer(
  { code: optStr, message: optStr, status: z.optional(z.enum(['SUCCESS', 'FAIL'])) },
  '`000` (4000 for bank accounts) on success, a FAIL or error code otherwise (Tables 2-6, Appendix B).',
  veri5,
);
const verification = {
  stan: optStr,
  verified_by: optStr,
  verification_method: optStr,
  verification_status: z.optional(z.enum(['SUCCESS', 'FAIL'])),
  verified_using: optStr,
  verification_code: optStr,
  response_status: z.optional(responseStatus),
};
/** GSTN's taxpayer record (§3.5.2), for the OpenAPI document's components. */
export const GSTIN_RECORD = answer(
  Object.fromEntries(
    'gstin lgnm stj ctj rgdt ctb dty nba sts cxdt lstupdt stjCd ctjCd tradeNam adadr addr bnm st loc bno stcd flno lt lg pncd ntr pradr'
      .split(' ')
      .map((field) => [field, z.optional(z.unknown())]),
  ),
  "GSTN's taxpayer record (the 27 fields of §3.5.2; where Veri5 puts it is not named).",
  veri5,
);

/** The raw answer of every Veri5 operation (HTTP 200 for results and protocol errors alike), by id. */
export const VERI5_OUTPUTS = {
  'veri5.verifyPan': answer(
    { txn_id: optStr, verified_data: optStr, ...verification },
    '§3.1.2: `txn_id` is what fetchPanDetails takes; `verified_data` is a message (Table 2).',
    veri5,
  ),
  'veri5.verifyAadhaar': answer(
    {
      Verified_data: z.optional(
        answer(
          { Age_band: optStr, Gender: optStr, State: optStr, Mobile_number: optStr },
          'Age band, gender, state and the masked mobile number, when linked.',
          veri5,
        ),
      ),
      ...verification,
    },
    '§3.3.2 (the SDK reads its keys case-insensitively: `Verified_data` → `verified_data`).',
    veri5,
  ),
  'veri5.fetchPanDetails': answer(
    {
      response_data: z.optional(
        answer({ response_message: z.optional(z.unknown()) }, 'The PAN details.', veri5),
      ),
      response_status: z.optional(
        answer({ Code: optStr, Message: optStr, status: optStr }, 'Table 3 codes.', veri5),
      ),
    },
    '§3.2.2 (this answer capitalises `Code` and `Message`).',
    veri5,
  ),
  'veri5.verifyGstin': answer(
    { response_status: z.optional(responseStatus) },
    '§3.5.2 (Table 6 codes): the GSTN record is printed as an unnamed object beside `response_status`, so the SDK takes it from the top level or from the first member that looks like one.',
    veri5,
  ),
  'veri5.verifyBankAccount': answer(
    { code: optStr, message: optStr, status: z.optional(z.enum(['SUCCESS', 'FAIL'])) },
    '§3.4.2: 4000 verified, 4001 not verified, 4002 unable to verify (Table 5).',
    veri5,
  ),
} as const;
