// Khosla Labs Veri5's operations (the Veri5 API document), one row each: route, retry class,
// function codes, the Appendix E hash sequence where there is one, the input fields (flat camelCase,
// with the same rules as the platform's) and where each goes on the wire (`body`). Veri5Client runs
// every row with one executor (veri5/client.ts); docs and provenance are in model/docs.ts.
import type { ValidationIssue } from '../core/errors.js';
import { PAN_HOLDER_TYPE_CODES } from '../validators/pan.js';
import { checkDocument } from '../veri5/document.js';
import type { Veri5ResponseKind } from '../veri5/interpret.js';
import type {
  AadhaarVerificationResult,
  BankVerificationResult,
  GstinVerificationResult,
  PanDetailsResult,
  PanVerificationResult,
  Veri5Route,
} from '../veri5/types.js';
import { type InputOf, type Operation, optional } from './operation.js';
import {
  AADHAAR,
  ACCOUNT_NUMBER,
  CONSENT,
  DATE,
  EMAIL,
  GSTIN,
  IFSC,
  MOBILE,
  PAN,
  type Rule,
  STRING,
  TEXT,
  bad,
  ok,
  oneOf,
} from './rules.js';

/** A value taken from the (validated, normalised) input: left out when absent, unless it has a default. */
export class FromInput {
  constructor(
    readonly field: string,
    /** Used when the field is absent: a value, or a function called once per call (a fresh id). */
    readonly fallback?: unknown,
  ) {}
}
/** Where the client's own `clientCode` goes (the penny drop's `clientCode`). */
export const CLIENT_CODE: unique symbol = Symbol('clientCode');

/** The shape of a wire body: constants, input values, the client code, and nested objects of those. */
export interface Template {
  readonly [key: string]: Template | FromInput | typeof CLIENT_CODE | string | number;
}

/** A `function_sub_code`: chosen when every `when` field is present; then every `needs` field is required. */
export interface SubCode {
  readonly when?: readonly string[];
  readonly needs?: readonly string[];
}

/** One Veri5 operation. */
export interface Veri5Operation<I = unknown, O = unknown> extends Operation<I, O> {
  readonly api: 'veri5';
  /** The endpoint's name in the Veri5 API document, and the key of the `routes` option. */
  readonly route: Veri5Route;
  /** `headers.function_code` of the envelope (Appendix A); absent for bankVerification, which has none. */
  readonly functionCode?: string;
  /**
   * The `function_sub_code`s, in the order they are tried when the input's `subCode` does not name one:
   * the first whose `when` fields are all present (one without `when` always matches).
   */
  readonly subCodes?: Readonly<Record<string, SubCode>>;
  /** The `request` object of the envelope, or the whole body when there is no envelope. */
  readonly body: Template;
  /** A field of `body` that identifies the call to Veri5: returned with the result and set on an error. */
  readonly echo?: string;
  /**
   * Sent at most once to a server that could read it (the penny drop moves money and its
   * `uniqueRequestNo` "Has to be unique for every request"): see `neverResentOnceAnswered`.
   */
  readonly sendOnce?: boolean;
  /** Which "Response Payload" shape the answer has. */
  readonly answer: Veri5ResponseKind;
}

/** A PAN card image: base64 (a `data:` URL prefix is fine) or bytes; JPEG or PNG. Sent as plain base64. */
export const DOCUMENT: Rule<string | Uint8Array> = {
  type: 'bytes',
  check: (v) => {
    // The size limit is the client's (`maxDocumentBytes`): Veri5Client checks it after this rule.
    const doc = checkDocument(v as string | Uint8Array, Number.POSITIVE_INFINITY);
    return 'issue' in doc ? bad(doc.issue.rule, doc.issue.message) : ok(doc.base64);
  },
};

/** Rupees with at most 2 decimals, above 0 (the penny drop's `transferAmount`). */
export const AMOUNT: Rule<number> = {
  type: 'number',
  check: (v) =>
    typeof v !== 'number' || !Number.isFinite(v)
      ? bad('type', 'must be a number.')
      : v > 0 && Math.abs(v * 100 - Math.round(v * 100)) <= 1e-6
        ? ok(v)
        : bad('format', 'must be a positive amount in rupees with at most 2 decimals.'),
};

/** The function sub-code a call runs with: the input's `subCode`, else the first that matches. */
export function subCodeOf(op: Veri5Operation, input: Record<string, unknown>): string | undefined {
  const codes = op.subCodes;
  if (!codes) return undefined;
  if (typeof input.subCode === 'string') return input.subCode;
  return Object.keys(codes).find((code) => (codes[code]!.when ?? []).every((f) => input[f] !== undefined));
}

/** The sub-codes' `needs`, as a cross-field rule: one `required` issue per missing field. */
function subCodeNeeds(op: Veri5Operation): (input: Record<string, unknown>) => ValidationIssue[] {
  return (input) => {
    const code = subCodeOf(op, input);
    const needs = code === undefined ? [] : (op.subCodes![code]!.needs ?? []);
    return needs
      .filter((field) => input[field] === undefined)
      .map((field) => ({ field, rule: 'required', message: `is required for ${code}.` }));
  };
}

const $ = (field: string, fallback?: unknown) => new FromInput(field, fallback);

/** A random id for `request_id` / `uniqueRequestNo`: 32 hex characters. */
export function randomId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID().replace(/-/g, '');
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

type Veri5Row = Omit<Veri5Operation, 'id' | 'api' | 'method' | '__types' | 'refine'>;
type RowOf<R extends Veri5Row, O> = Veri5Operation<InputOf<R['input']>, O> & R;

/** A row with its id, its answer type `O`, and its sub-codes' `needs` as its cross-field rule. */
const row =
  <O>() =>
  <const R extends Veri5Row>(id: string, r: R): RowOf<R, O> => {
    const op = { ...r, id: `veri5.${id}`, api: 'veri5', method: 'POST' } as RowOf<R, O>;
    return r.subCodes ? { ...op, refine: subCodeNeeds(op) } : op;
  };

/** The rows (see {@link VERI5}). */
function veri5Rows() {
  const PAN_CONSENT = 'The PAN holder has consented to the verification of their PAN details.';
  const AADHAAR_CONSENT = 'The Aadhaar holder has consented to the verification of their Aadhaar number.';
  const CONSENT_MESSAGE_FIELD = optional(STRING);

  const verifyPan = row<PanVerificationResult>()('verifyPan', {
    route: 'verifyUserIdDoc',
    path: '/service/api/1.0/verifyUserIdDoc',
    retry: 'billable',
    functionCode: 'VERIFY_PAN',
    subCodes: {
      DOCUMENT: { when: ['document'], needs: ['document'] },
      DATA: { when: ['name', 'dob'], needs: ['panNumber', 'name', 'dob'] },
      NUMBER: { needs: ['panNumber'] },
    },
    answer: 'pan',
    input: {
      panNumber: optional(PAN),
      name: optional(TEXT),
      dob: optional(DATE),
      panType: optional(oneOf(PAN_HOLDER_TYPE_CODES)),
      document: optional(DOCUMENT),
      consent: CONSENT,
      consentMessage: CONSENT_MESSAGE_FIELD,
      subCode: optional(oneOf(['DATA', 'NUMBER', 'DOCUMENT'])),
    },
    body: {
      pan_details: {
        pan_number: $('panNumber'),
        name: $('name'),
        dob: $('dob'),
        pan_type: $('panType'),
        document: $('document'),
      },
      consent: 'Y',
      consent_message: $('consentMessage', PAN_CONSENT),
    },
  });

  const verifyAadhaar = row<AadhaarVerificationResult>()('verifyAadhaar', {
    route: 'verifyUserIdDoc',
    path: '/service/api/1.0/verifyUserIdDoc',
    retry: 'billable',
    functionCode: 'VERIFY_AADHAAR',
    subCodes: { DATA: {} },
    answer: 'aadhaar',
    input: { aadhaarNumber: AADHAAR, consent: CONSENT, consentMessage: CONSENT_MESSAGE_FIELD },
    body: {
      aadhaar_details: { aadhaar_number: $('aadhaarNumber') },
      consent: 'Y',
      consent_message: $('consentMessage', AADHAAR_CONSENT),
    },
  });

  // "3.2 API : fetchPanDetails": it "return[s] the same data passed in verifyUserIdDoc" for a `txn_id`
  // of an earlier verification, and is "optional": a lookup of a stored result, not a new check against
  // the Income Tax database. So it is a `read`: re-sent after an ambiguous failure, it cannot verify
  // (or bill a verification) twice.
  const fetchPanDetails = row<PanDetailsResult>()('fetchPanDetails', {
    route: 'fetchPanDetails',
    path: '/service/api/1.0/fetchPanDetails',
    retry: 'read',
    functionCode: 'DEFAULT',
    subCodes: { DATA: {}, NUMBER: {} },
    hash: ['client_code', 'txn_id', 'api_key', 'salt'],
    answer: 'panDetails',
    input: { txnId: TEXT, subCode: optional(oneOf(['DATA', 'NUMBER'])) },
    body: { txn_id: $('txnId') },
  });

  const verifyGstin = row<GstinVerificationResult>()('verifyGstin', {
    route: 'verifyGSTIN',
    path: '/service/api/1.0/verifyGSTIN',
    retry: 'billable',
    functionCode: 'DEFAULT',
    subCodes: { DEFAULT: {} },
    hash: ['client_code', 'request_id', 'api_key', 'salt', 'gstin'],
    answer: 'gstin',
    echo: 'request_id',
    input: { gstin: GSTIN, requestId: optional(TEXT) },
    body: { request_id: $('requestId', randomId), gstin: $('gstin') },
  });

  const verifyBankAccount = row<BankVerificationResult>()('verifyBankAccount', {
    route: 'bankVerification',
    path: '/service/api/1.0/bankVerification',
    retry: 'billable',
    sendOnce: true,
    answer: 'bank',
    echo: 'uniqueRequestNo',
    input: {
      beneficiaryName: TEXT,
      accountNumber: ACCOUNT_NUMBER,
      ifsc: IFSC,
      mobile: optional(MOBILE),
      email: optional(EMAIL),
      address: optional(STRING),
      country: optional(STRING),
      amount: optional(AMOUNT),
      transferType: optional(oneOf(['IMPS'])),
      remark: optional(STRING),
      version: optional(STRING),
      purposeCode: optional(STRING),
      customerId: optional(STRING),
      debitAccountNo: optional(STRING),
      uniqueRequestNo: optional(TEXT),
    },
    body: {
      version: $('version', ''),
      uniqueRequestNo: $('uniqueRequestNo', randomId),
      purposeCode: $('purposeCode', ''),
      customerID: $('customerId', ''),
      clientCode: CLIENT_CODE,
      debitAccountNo: $('debitAccountNo', ''),
      beneficiary: {
        beneficiaryDetail: {
          beneficiaryName: { fullName: $('beneficiaryName') },
          beneficiaryAddress: { address1: $('address', ''), country: $('country', '') },
          beneficiaryContact: { mobileNo: $('mobile'), emailID: $('email') },
          beneficiaryAccountNo: $('accountNumber'),
          beneficiaryIFSC: $('ifsc'),
        },
      },
      transferType: 'IMPS',
      transferCurrencyCode: 'Rs',
      transferAmount: $('amount', 1),
      remitterToBeneficiaryInfo: $('remark', ''),
    },
  });

  return { verifyPan, verifyAadhaar, fetchPanDetails, verifyGstin, verifyBankAccount } as const;
}

/**
 * Every Veri5 operation, by its Veri5Client method name. Made by one call marked pure, so a bundle
 * that never uses Veri5 (a browser app importing only VistarkriyaClient) drops the rows.
 */
export const VERI5 = /* @__PURE__ */ veri5Rows();

/** Renders a template with the validated input (and the client code): the JSON that is sent. */
export function renderBody(
  template: Template,
  input: Record<string, unknown>,
  clientCode: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    if (value === CLIENT_CODE) out[key] = clientCode;
    else if (value instanceof FromInput) {
      const given = input[value.field];
      const v = given !== undefined ? given : value.fallback;
      if (v !== undefined) out[key] = typeof v === 'function' ? v() : v;
    } else if (typeof value === 'object') out[key] = renderBody(value as Template, input, clientCode);
    else out[key] = value;
  }
  return out;
}

type InputTypeOf<Op extends Operation> = NonNullable<Op['__types']>['input'];

/** Input of `verifyPan` (`subCode` may also be given in the options). */
export type VerifyPanInput = InputTypeOf<(typeof VERI5)['verifyPan']>;
/** Input of `verifyAadhaar`. */
export type VerifyAadhaarInput = InputTypeOf<(typeof VERI5)['verifyAadhaar']>;
/** Input of `fetchPanDetails`. */
export type FetchPanDetailsInput = InputTypeOf<(typeof VERI5)['fetchPanDetails']>;
/** Input of `verifyGstin`. */
export type VerifyGstinInput = InputTypeOf<(typeof VERI5)['verifyGstin']>;
/** Input of `verifyBankAccount` (penny drop: "3.4 API : bankVerification" of the Veri5 API document). */
export type VerifyBankAccountInput = InputTypeOf<(typeof VERI5)['verifyBankAccount']>;
