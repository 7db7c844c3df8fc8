import { BaseClient, createPipeline } from '../core/base-client.js';
import { ConfigurationError, InputValidationError, VistarkriyaError } from '../core/errors.js';
import type { Interpreter } from '../core/failure.js';
import { checkNumericOptions, requireCredentials, splitBaseURL } from '../core/options.js';
import { type RequestOptions, serializeBody } from '../core/request.js';
import { isBrowser, readEnv } from '../platform/runtime.js';
import { type Signer, veri5Signer } from '../signers/index.js';
import { RECOMMENDED_DOCUMENT_BYTES, DEFAULT_MAX_DOCUMENT_BYTES, checkDocument } from './document.js';
import { type Veri5EnvelopeDefaults, buildEnvelopeHeaders, nextStan, stampEnvelope } from './envelope.js';
import { type Veri5ResponseKind, neverResentOnceAnswered, veri5Interpreter } from './interpret.js';
import type {
  AadhaarVerificationResult,
  BankVerificationResult,
  FetchPanDetailsInput,
  GstinVerificationResult,
  PanDetailsResult,
  PanVerificationResult,
  Veri5ClientOptions,
  Veri5Route,
  VerifyAadhaarInput,
  VerifyBankAccountInput,
  VerifyGstinInput,
  VerifyPanInput,
  VerifyPanOptions,
} from './types.js';
import {
  IssueList,
  checkAadhaar,
  checkAccountNumber,
  checkAmount,
  checkConsent,
  checkDob,
  checkEmail,
  checkGstin,
  checkIfsc,
  checkMobile,
  checkPan,
  checkPanType,
  requireText,
} from './validate.js';

/** The Veri5 API document, "2.1 Hostname". */
export const VERI5_HOSTS = {
  sandbox: 'https://sandbox.veri5digital.com',
  production: 'https://prod.veri5digital.com',
} as const;

/**
 * Default routes: the Veri5 API document's, except `bankVerification`, whose URL it leaves blank
 * (that route is the SDK's choice; override it with `routes`).
 */
export const VERI5_DEFAULT_ROUTES: Readonly<Record<Veri5Route, string>> = {
  verifyUserIdDoc: '/service/api/1.0/verifyUserIdDoc',
  fetchPanDetails: '/service/api/1.0/fetchPanDetails',
  verifyGSTIN: '/service/api/1.0/verifyGSTIN',
  bankVerification: '/service/api/1.0/bankVerification',
};

const PAN_CONSENT = 'The PAN holder has consented to the verification of their PAN details.';
const AADHAAR_CONSENT = 'The Aadhaar holder has consented to the verification of their Aadhaar number.';

type Json = Record<string, unknown>;

interface Prepared {
  clientCode: string;
  environment: 'sandbox' | 'production';
  baseURL: string;
  routes: Record<Veri5Route, string>;
  signer: Signer;
}

function prepare(options: Veri5ClientOptions): Prepared {
  const { clientCode, apiKey, salt } = requireCredentials(
    'Veri5Client',
    {
      clientCode: [options.clientCode, 'VERI5_CLIENT_CODE'],
      apiKey: [options.apiKey, 'VERI5_API_KEY'],
      salt: [options.salt, 'VERI5_SALT'],
    },
    'Khosla Labs shares them at onboarding; pass them as options or set the environment variables.',
  );
  const environment = options.environment ?? readEnv('VERI5_ENVIRONMENT') ?? 'sandbox';
  if (environment !== 'sandbox' && environment !== 'production') {
    throw new ConfigurationError(
      `Veri5Client: environment must be 'sandbox' or 'production', got '${environment}'.`,
    );
  }
  if (isBrowser() && !options.dangerouslyAllowBrowser) {
    throw new ConfigurationError(
      'A Veri5 salt in a browser page is public to every visitor. Call Veri5 from your server; pass dangerouslyAllowBrowser: true only if you really mean it.',
    );
  }
  const baseURL = options.baseURL ?? readEnv('VERI5_BASE_URL') ?? VERI5_HOSTS[environment];
  const routes = { ...VERI5_DEFAULT_ROUTES, ...options.routes };
  // The signer hashes by operation, found from the path it is given (base path + route), so an
  // overridden route is still hashed with the right sequence.
  const { basePath } = splitBaseURL(baseURL);
  const operationByPath = new Map<string, string>(
    Object.entries(routes).map(([operation, route]) => [basePath + route, operation]),
  );
  const stan = options.generateStan ?? nextStan;
  const signer = veri5Signer({
    clientCode,
    apiKey,
    salt,
    operationOf: (path) => operationByPath.get(path),
    beforeHash: (body, input) => stampEnvelope(body, input, stan),
  });
  return { clientCode, environment, baseURL, routes, signer };
}

/** A random id for `request_id` / `uniqueRequestNo`: 32 hex characters. */
function randomId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID().replace(/-/g, '');
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Adds the penny drop's `uniqueRequestNo` to the error a call ended with: after `outcomeUnknown`,
 * it is what Veri5 knows the transfer by.
 */
function withUniqueRequestNo(err: unknown, uniqueRequestNo: string): unknown {
  if (err instanceof VistarkriyaError) {
    Object.defineProperty(err, 'uniqueRequestNo', { value: uniqueRequestNo, enumerable: true });
  }
  return err;
}

/**
 * Client for Khosla Labs Veri5 (the Veri5 API document): PAN, Aadhaar, GSTIN and bank account verification.
 * It builds Veri5's `headers` envelope (fresh numeric `stan` and `transmission_datetime` on
 * every attempt), hashes the hashed calls with your salt (which never leaves the process),
 * validates inputs before sending, and shares the SDK's transport, retries, timeouts, logging,
 * redaction and errors.
 *
 * A verification that answers FAIL (name mismatch, invalid PAN, ...) is returned as
 * `{ status: 'FAIL', code, message }`; a protocol or service failure (hash, key, quota, service
 * down) is thrown as a `Veri5Error` subclass carrying Veri5's `code`.
 *
 * @example
 * const veri5 = new Veri5Client({ clientCode, apiKey, salt, environment: 'sandbox' });
 * const r = await veri5.verifyPan({ panNumber: 'ABCPE1234F', name: 'Asha Rao', dob: '01/01/1990', consent: true });
 * if (r.status === 'FAIL' && r.code === '400101') console.log('name does not match');
 */
export class Veri5Client extends BaseClient {
  /** The client code this client sends. */
  readonly clientCode: string;
  /** `sandbox` or `production` (the host, unless `baseURL` overrides it). */
  readonly environment: 'sandbox' | 'production';
  private readonly routes: Record<Veri5Route, string>;
  private readonly envelopeDefaults: Veri5EnvelopeDefaults;
  private readonly maxDocumentBytes: number;

  constructor(options: Veri5ClientOptions = {}) {
    const prepared = prepare(options);
    super(createPipeline({ ...options, baseURL: prepared.baseURL }, prepared.signer, prepared.baseURL));
    this.clientCode = prepared.clientCode;
    this.environment = prepared.environment;
    this.routes = prepared.routes;
    this.envelopeDefaults = {
      ...options.envelope,
      ...(options.subClientCode !== undefined ? { sub_client_code: options.subClientCode } : {}),
    };
    checkNumericOptions(options, { maxDocumentBytes: 'a positive integer' });
    this.maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  }

  /** The route an operation is sent to (after `routes` overrides). */
  routeOf(route: Veri5Route): string {
    return this.routes[route];
  }

  /**
   * Verifies a PAN against the Income Tax database (`verifyUserIdDoc`, `VERIFY_PAN`).
   * DATA checks number, name and date of birth; NUMBER the number alone; DOCUMENT a JPEG or PNG
   * card image. Billable: retried only when Veri5 provably did nothing.
   */
  async verifyPan(input: VerifyPanInput, options: VerifyPanOptions = {}): Promise<PanVerificationResult> {
    const i = input ?? ({} as VerifyPanInput);
    const subCode =
      options.subCode ??
      (i.document !== undefined
        ? 'DOCUMENT'
        : i.name !== undefined && i.dob !== undefined
          ? 'DATA'
          : 'NUMBER');
    if (!['DATA', 'NUMBER', 'DOCUMENT'].includes(subCode)) {
      throw new InputValidationError([
        { field: 'subCode', rule: 'enum', message: 'must be DATA, NUMBER or DOCUMENT.' },
      ]);
    }
    const issues = new IssueList();
    const pan: Json = {};
    if (subCode !== 'DOCUMENT' || i.panNumber !== undefined)
      pan.pan_number = checkPan(issues, 'panNumber', i.panNumber);
    if (subCode === 'DATA' || i.name !== undefined) pan.name = requireText(issues, 'name', i.name);
    if (subCode === 'DATA' || i.dob !== undefined) pan.dob = checkDob(issues, 'dob', i.dob);
    checkPanType(issues, i.panType);
    checkConsent(issues, i.consent);
    if (i.panType !== undefined) pan.pan_type = i.panType;
    if (subCode === 'DOCUMENT') {
      if (i.document === undefined) issues.add('document', 'required', 'is required for DOCUMENT.');
      else {
        const doc = checkDocument(i.document, this.maxDocumentBytes);
        if ('issue' in doc) issues.issues.push(doc.issue);
        else {
          if (doc.bytes > RECOMMENDED_DOCUMENT_BYTES) {
            this.pipeline.log.warn(
              `verifyPan: the PAN card image is ${Math.round(doc.bytes / 1024)} KB; Veri5 recommends < 500 KB for better results.`,
            );
          }
          pan.document = doc.base64;
        }
      }
    }
    issues.throwIfAny();
    const request = { pan_details: pan, consent: 'Y', consent_message: i.consentMessage ?? PAN_CONSENT };
    return this.send(
      'verifyUserIdDoc',
      'VERIFY_PAN',
      subCode,
      request,
      'pan',
      options,
    ) as Promise<PanVerificationResult>;
  }

  /**
   * Verifies an Aadhaar number with UIDAI (`verifyUserIdDoc`, `VERIFY_AADHAAR` / `DATA`). A valid
   * number answers with age band, gender, state and masked mobile in `verified_data`. The number is
   * checked (12 digits, Verhoeff) before sending and never appears in errors or logs.
   */
  async verifyAadhaar(
    input: VerifyAadhaarInput,
    options: RequestOptions = {},
  ): Promise<AadhaarVerificationResult> {
    const i = input ?? ({} as VerifyAadhaarInput);
    const issues = new IssueList();
    const aadhaar = checkAadhaar(issues, i.aadhaarNumber);
    checkConsent(issues, i.consent);
    issues.throwIfAny();
    const request = {
      aadhaar_details: { aadhaar_number: aadhaar },
      consent: 'Y',
      consent_message: i.consentMessage ?? AADHAAR_CONSENT,
    };
    return this.send(
      'verifyUserIdDoc',
      'VERIFY_AADHAAR',
      'DATA',
      request,
      'aadhaar',
      options,
    ) as Promise<AadhaarVerificationResult>;
  }

  /**
   * Fetches the PAN details of an earlier `verifyPan` (`fetchPanDetails`, hashed as
   * `client_code|txn_id|api_key|salt`).
   */
  async fetchPanDetails(
    input: FetchPanDetailsInput,
    options: RequestOptions = {},
  ): Promise<PanDetailsResult> {
    const i = input ?? ({} as FetchPanDetailsInput);
    const issues = new IssueList();
    const txnId = requireText(issues, 'txnId', i.txnId);
    const subCode = i.subCode ?? 'DATA';
    if (subCode !== 'DATA' && subCode !== 'NUMBER') issues.add('subCode', 'enum', 'must be DATA or NUMBER.');
    issues.throwIfAny();
    return this.send(
      'fetchPanDetails',
      'DEFAULT',
      subCode,
      { txn_id: txnId },
      'panDetails',
      options,
    ) as Promise<PanDetailsResult>;
  }

  /**
   * Verifies a GSTIN and returns GSTN's taxpayer record (`verifyGSTIN`, hashed as
   * `client_code|request_id|api_key|salt|gstin`). `requestId` is generated when absent and kept
   * across retries; it is returned as `request_id`.
   */
  async verifyGstin(input: VerifyGstinInput, options: RequestOptions = {}): Promise<GstinVerificationResult> {
    const i = input ?? ({} as VerifyGstinInput);
    const issues = new IssueList();
    const gstin = checkGstin(issues, i.gstin);
    const requestId = i.requestId === undefined ? randomId() : requireText(issues, 'requestId', i.requestId);
    issues.throwIfAny();
    const request = { request_id: requestId, gstin };
    return this.send('verifyGSTIN', 'DEFAULT', 'DEFAULT', request, 'gstin', options, {
      request_id: requestId,
    }) as Promise<GstinVerificationResult>;
  }

  /**
   * Verifies a bank account by penny drop (the Veri5 API document, "3.4 API : bankVerification": an IMPS
   * transfer of `amount`, default ₹1.00). `uniqueRequestNo` ("3.4.1 Request Payload": "Has to be unique for
   * every request") is generated for each call unless you pass one, and returned with the result. The request
   * is sent at most once to a server that could read it: after any answer (4002, a 5xx, even a 429) or a
   * connection lost after sending, the error says whether the outcome is unknown (`outcomeUnknown`) and
   * carries the `uniqueRequestNo` that was sent, so you can reconcile before calling again (which sends a new
   * number). Only a request that never left (connection refused) is re-sent automatically.
   */
  async verifyBankAccount(
    input: VerifyBankAccountInput,
    options: RequestOptions = {},
  ): Promise<BankVerificationResult> {
    const i = input ?? ({} as VerifyBankAccountInput);
    const issues = new IssueList();
    const fullName = requireText(issues, 'beneficiaryName', i.beneficiaryName);
    const accountNumber = checkAccountNumber(issues, i.accountNumber);
    const ifsc = checkIfsc(issues, i.ifsc);
    const mobile = checkMobile(issues, i.mobile);
    const email = checkEmail(issues, i.email);
    const amount = checkAmount(issues, i.amount);
    if (i.transferType !== undefined && i.transferType !== 'IMPS')
      issues.add('transferType', 'enum', 'must be IMPS.');
    const uniqueRequestNo =
      i.uniqueRequestNo === undefined
        ? randomId()
        : requireText(issues, 'uniqueRequestNo', i.uniqueRequestNo);
    issues.throwIfAny();
    const contact: Json = {};
    if (mobile !== undefined) contact.mobileNo = mobile;
    if (email !== undefined) contact.emailID = email;
    const body = {
      version: i.version ?? '',
      uniqueRequestNo,
      purposeCode: i.purposeCode ?? '',
      customerID: i.customerId ?? '',
      clientCode: this.clientCode,
      debitAccountNo: i.debitAccountNo ?? '',
      beneficiary: {
        beneficiaryDetail: {
          beneficiaryName: { fullName },
          beneficiaryAddress: { address1: i.address ?? '', country: i.country ?? '' },
          beneficiaryContact: contact,
          beneficiaryAccountNo: accountNumber,
          beneficiaryIFSC: ifsc,
        },
      },
      transferType: 'IMPS',
      transferCurrencyCode: 'Rs',
      transferAmount: amount,
      remitterToBeneficiaryInfo: i.remark ?? '',
    };
    const interpret = neverResentOnceAnswered(veri5Interpreter('bank', { uniqueRequestNo }));
    try {
      return (await this.post('bankVerification', body, interpret, options)) as BankVerificationResult;
    } catch (err) {
      throw withUniqueRequestNo(err, uniqueRequestNo);
    }
  }

  /** Wraps a `request` object in the `headers` envelope and posts it. */
  private send(
    route: Veri5Route,
    functionCode: string,
    functionSubCode: string,
    request: Json,
    kind: Veri5ResponseKind,
    options: RequestOptions,
    extra?: Json,
  ): Promise<unknown> {
    const headers = buildEnvelopeHeaders(
      this.clientCode,
      this.envelopeDefaults,
      functionCode,
      functionSubCode,
    );
    return this.post(route, { headers, request }, veri5Interpreter(kind, extra), options);
  }

  private post(
    route: Veri5Route,
    body: Json,
    interpret: Interpreter,
    options: RequestOptions,
  ): Promise<unknown> {
    return this._execute({
      method: 'POST',
      target: this.routes[route],
      body: serializeBody(body),
      retry: 'billable',
      interpret,
      signal: options.signal,
      timeout: options.timeout,
      maxRetries: options.maxRetries,
      headers: options.headers,
      operation: `veri5.${route}`,
    });
  }
}
