// The prose of the model: what each rule and each operation's field means, and where every name
// comes from (the seeds, or the SDK's reading of the platform). It sits beside the rows rather than
// in them so the browser bundle, which runs the rows, never carries it; the compiler keeps both in
// step (`OperationDocs` demands a text for every field a row declares, and no other).
// Read by the zod schemas (descriptions), JSON Schema and the OpenAPI document only.
import { EMAIL_PATTERN } from '../validators/email.js';
import { PAN_HOLDER_TYPE_CODES } from '../validators/pan.js';
import type { PLATFORM } from './platform.js';
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
  type Rule,
  STRING,
  TEXT,
} from './rules.js';
import { AMOUNT, DOCUMENT, type VERI5 } from './veri5.js';

/** Where a name comes from; the OpenAPI document writes it as `x-vistarkriya-source`. */
export const SOURCES = {
  overview: "seed: the platform's API overview (seeds/000)",
  routeList: "seed: the platform's public route list (seeds/README.md)",
  veri5: 'seed: the Veri5 API document (seeds/003)',
  inferred: "inferred: the SDK's reading; the documents do not show it",
} as const;
export type Source = (typeof SOURCES)[keyof typeof SOURCES];

/** What JSON Schema says of a rule beyond its type, and a text for people. */
export interface RuleDoc {
  description: string;
  /** JSON Schema keywords (`format`, `pattern`, `minimum`, …) describing the accepted values. */
  json?: Record<string, unknown>;
  examples?: readonly unknown[];
}

const exactDate = (pattern: string) => ({ pattern });

/** Every rule's description (rules are keyed by identity: model/rules.ts, model/veri5.ts). */
export const RULE_DOCS: ReadonlyMap<Rule, RuleDoc> = new Map<Rule, RuleDoc>([
  [
    PAN,
    {
      description:
        'A PAN: 5 letters, 4 digits, 1 letter (AAAAA9999A); case and surrounding spaces are ignored, it is sent upper-cased. The 4th character (holder type) is not checked.',
      json: { minLength: 10 },
      examples: ['ABCPE1234F'],
    },
  ],
  [
    AADHAAR,
    {
      description:
        'An Aadhaar number: 12 digits, not starting with 0 or 1, the last one its Verhoeff check digit; spaces and hyphens are removed before sending.',
      examples: ['2345 6789 0124'],
    },
  ],
  [
    GSTIN,
    {
      description:
        "A GSTIN: 2-digit state code (01-38, 97, 99), a PAN, an entity code, one character and GSTN's mod-36 check character; sent upper-cased.",
      examples: ['27AAPFU0939F1ZV'],
    },
  ],
  [
    IFSC,
    {
      description: 'An IFSC: 4 letters, 0 (zero), then 6 letters or digits; sent upper-cased.',
      examples: ['SBIN0001234'],
    },
  ],
  [
    ACCOUNT_NUMBER,
    {
      description:
        'A bank account number: 6 to 20 letters or digits once spaces and hyphens are removed; sent upper-cased. A string, never a number (leading zeros).',
      examples: ['50100012345678'],
    },
  ],
  [
    MOBILE,
    {
      description:
        'An Indian mobile number: 10 digits starting with 6-9, optionally written with +91, 91 or 0, spaces or hyphens; sent as its 10 digits.',
      examples: ['+91 98765 43210'],
    },
  ],
  [EMAIL, { description: 'An e-mail address.', json: { format: 'email', pattern: EMAIL_PATTERN.source } }],
  [
    DATE,
    {
      description: 'A date written dd/mm/yyyy that exists on the calendar.',
      json: exactDate('^\\d{2}/\\d{2}/\\d{4}$'),
      examples: ['29/02/1992'],
    },
  ],
  [
    ISO_DATE,
    {
      description: 'A date written yyyy-mm-dd that exists on the calendar.',
      json: { format: 'date', ...exactDate('^\\d{4}-\\d{2}-\\d{2}$') },
      examples: ['2024-04-01'],
    },
  ],
  [STRING, { description: 'Text.' }],
  [TEXT, { description: 'Text that is not blank; sent as typed.', json: { minLength: 1 } }],
  [
    POSITIVE_INT,
    {
      description: 'A positive integer.',
      json: { type: 'integer', exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    },
  ],
  [
    PLATFORM_ID,
    {
      description: 'An id the platform issued: non-empty text or a positive integer.',
      json: {
        anyOf: [
          { type: 'string', minLength: 1 },
          { type: 'integer', exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER },
        ],
      },
    },
  ],
  [CONSENT, { description: "The literal `true`: the person's explicit consent, which only you can state." }],
  [
    AMOUNT,
    {
      description: 'Rupees, above 0, with at most 2 decimals.',
      json: { exclusiveMinimum: 0, multipleOf: 0.01 },
      examples: [1],
    },
  ],
  [
    DOCUMENT,
    {
      description:
        'A JPEG or PNG image of the PAN card: base64 (a data: URL prefix is fine), or bytes from JavaScript. Sent as plain base64.',
      json: { type: 'string', contentEncoding: 'base64' },
    },
  ],
]);

/** One field's text and where its name comes from. */
export type FieldDoc = readonly [description: string, source: Source];

/** An operation's docs: a summary, where its route comes from, and one doc per declared field. */
export interface OperationDoc<F> {
  summary: string;
  route: Source;
  fields: { readonly [K in keyof F]-?: FieldDoc };
}

type DocsOf<T> = {
  readonly [K in keyof T]: T[K] extends { readonly method: string }
    ? OperationDoc<T[K] extends { readonly input: infer F } ? F : Record<never, never>>
    : DocsOf<T[K]>;
};

const { routeList, overview, veri5, inferred } = SOURCES;
const $ = (text: string): FieldDoc => [text, inferred];
const paging = {
  page: $('The page to return, from 1.'),
  per_page: $('Items per page.'),
} as const;
const range = {
  from: $('Only items from this date on (inclusive).'),
  to: $('Only items up to this date (inclusive).'),
} as const;
const consent = $("Must be literally `true`: the person's explicit consent to this check.");

/** The platform operations' docs, in the shape of the rows' tree (model/platform.ts). */
export const PLATFORM_DOCS: DocsOf<typeof PLATFORM> = {
  wallet: {
    core: {
      balance: { summary: 'Balance of the core wallet.', route: routeList, fields: {} },
      transactions: {
        summary: 'Transactions of the core wallet, newest first (paged).',
        route: routeList,
        fields: { ...paging, ...range, type: $('Only transactions of this type (e.g. CREDIT, DEBIT).') },
      },
    },
    pipeline: { balance: { summary: 'Balance of the pipeline wallet.', route: routeList, fields: {} } },
    license: { balance: { summary: 'Balance of the license wallet.', route: routeList, fields: {} } },
  },
  cibil: {
    reports: { summary: 'CIBIL reports fetched so far (paged).', route: routeList, fields: paging },
    fetch: {
      summary: "Fetches a person's CIBIL report (billable; needs their consent).",
      route: routeList,
      fields: {
        pan: $("The person's PAN."),
        name: $('Name as on the PAN card.'),
        mobile: $("The person's mobile number."),
        dob: $('Date of birth.'),
        consent,
      },
    },
    status: {
      summary: 'Status of a CIBIL report.',
      route: routeList,
      fields: { report_id: $('The `report_id` that `cibil.fetch` answered.') },
    },
  },
  verify: {
    services: { summary: 'The verification services enabled for the account.', route: routeList, fields: {} },
    pan: {
      summary: 'Verifies a PAN (billable), and a name and date of birth against it when given.',
      route: routeList,
      fields: {
        pan: ['The PAN to verify.', overview],
        name: $('Name to match against the PAN holder.'),
        dob: $('Date of birth to match.'),
      },
    },
    aadhaar: {
      summary: 'Verifies an Aadhaar number (billable; needs the holder’s consent).',
      route: routeList,
      fields: { aadhaar: $('The Aadhaar number.'), consent },
    },
    bank: {
      summary: 'Verifies a bank account by penny drop (billable).',
      route: routeList,
      fields: {
        account_number: $('The account number.'),
        ifsc: $("The branch's IFSC."),
        name: $('Name to match against the account holder.'),
      },
    },
    gst: {
      summary: 'Verifies a GSTIN (billable). The route is inferred: the route list has no GST entry.',
      route: inferred,
      fields: { gstin: $('The GSTIN to verify.') },
    },
  },
  marketplace: {
    services: { summary: 'The marketplace services.', route: routeList, fields: {} },
    products: {
      summary: 'Marketplace products (paged).',
      route: routeList,
      fields: {
        ...paging,
        category: $('Only products of this category.'),
        service: $('Only products of this service.'),
      },
    },
    order: {
      summary: 'Orders a product (billable: it moves money).',
      route: routeList,
      fields: {
        product_id: $('The product to order.'),
        quantity: $('How many (default 1).'),
        customer_id: $('The B2C customer the order is for.'),
        reference: $('Your reference for the order.'),
      },
    },
  },
  kamao: {
    earnings: { summary: 'Commission earnings (paged).', route: routeList, fields: { ...paging, ...range } },
    payouts: { summary: 'Commission payouts (paged).', route: routeList, fields: { ...paging, ...range } },
    reports: {
      summary: 'A monthly commission report.',
      route: routeList,
      fields: { month: $('The month, yyyy-mm (default: the latest).') },
    },
  },
  b2c: {
    customers: {
      summary: 'B2C customers, newest first (paged).',
      route: routeList,
      fields: { ...paging, search: $('Only customers whose name, mobile or e-mail contains this.') },
    },
    createCustomer: {
      summary: 'Creates a B2C customer.',
      route: routeList,
      fields: {
        name: $("The customer's name."),
        mobile: $("The customer's mobile number."),
        email: $("The customer's e-mail address."),
      },
    },
    orders: {
      summary: 'B2C orders (paged).',
      route: routeList,
      fields: { ...paging, customer_id: $('Only orders of this customer.') },
    },
  },
};

// Veri5's input names are the SDK's (flat camelCase); each goes to a field the Veri5 API document
// names (its row's `body` says where), so their source is the document.
const v = (text: string): FieldDoc => [text, veri5];
const veri5Consent = v('Must be literally `true`: the holder consented (sent as `consent: "Y"`).');
const consentMessage = v('Sent as `consent_message` (a default sentence otherwise).');

/** Veri5's operations' docs, by Veri5Client method. */
export const VERI5_DOCS: { readonly [K in keyof typeof VERI5]: OperationDoc<(typeof VERI5)[K]['input']> } = {
  verifyPan: {
    summary: 'Verifies a PAN against the Income Tax database (verifyUserIdDoc, VERIFY_PAN).',
    route: veri5,
    fields: {
      panNumber: v('`pan_details.pan_number`; required for DATA and NUMBER.'),
      name: v('`pan_details.name`: name as on the PAN card; required for DATA.'),
      dob: v('`pan_details.dob`; required for DATA.'),
      panType: v(`\`pan_details.pan_type\` (Table 1): ${PAN_HOLDER_TYPE_CODES.join(', ')}.`),
      document: v('`pan_details.document`: the card image, for DOCUMENT.'),
      consent: veri5Consent,
      consentMessage,
      subCode: v('`function_sub_code`: DATA, NUMBER or DOCUMENT (default: from the fields given).'),
    },
  },
  verifyAadhaar: {
    summary: 'Verifies an Aadhaar number with UIDAI (verifyUserIdDoc, VERIFY_AADHAAR).',
    route: veri5,
    fields: {
      aadhaarNumber: v('`aadhaar_details.aadhaar_number`.'),
      consent: veri5Consent,
      consentMessage,
    },
  },
  fetchPanDetails: {
    summary: 'Fetches the details of an earlier PAN verification (a lookup: retried like a read).',
    route: veri5,
    fields: {
      txnId: v('`txn_id` of a verifyPan answer.'),
      subCode: v('`function_sub_code`: DATA (default) or NUMBER.'),
    },
  },
  verifyGstin: {
    summary: "Verifies a GSTIN and returns GSTN's taxpayer record (verifyGSTIN).",
    route: veri5,
    fields: {
      gstin: v('`gstin`.'),
      requestId: v('`request_id`: your reference, generated when absent and kept across retries.'),
    },
  },
  verifyBankAccount: {
    summary:
      'Verifies a bank account by an IMPS penny drop (bankVerification). The route is inferred: the document leaves the URL blank.',
    route: inferred,
    fields: {
      beneficiaryName: v('`beneficiaryName.fullName`.'),
      accountNumber: v('`beneficiaryAccountNo`.'),
      ifsc: v('`beneficiaryIFSC`.'),
      mobile: v('`beneficiaryContact.mobileNo`.'),
      email: v('`beneficiaryContact.emailID`.'),
      address: v('`beneficiaryAddress.address1`.'),
      country: v('`beneficiaryAddress.country`.'),
      amount: v('`transferAmount` in rupees (default 1.00).'),
      transferType: v('`transferType`: only IMPS is documented.'),
      remark: v('`remitterToBeneficiaryInfo`: a note to the beneficiary.'),
      version: v('`version`.'),
      purposeCode: v('`purposeCode`.'),
      customerId: v('`customerID`.'),
      debitAccountNo: v('`debitAccountNo`.'),
      uniqueRequestNo: v(
        '`uniqueRequestNo` ("Has to be unique for every request"): generated when absent; never reuse one Veri5 has seen.',
      ),
    },
  },
};

/** The docs of the operation with this id. */
export function docsOf(id: string): OperationDoc<Record<string, unknown>> {
  if (id.startsWith('veri5.')) return VERI5_DOCS[id.slice(6) as keyof typeof VERI5_DOCS];
  let node: unknown = PLATFORM_DOCS;
  for (const key of id.split('.')) node = (node as Record<string, unknown>)[key];
  return node as OperationDoc<Record<string, unknown>>;
}
