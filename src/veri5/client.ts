import { BaseClient, createPipeline } from '../core/base-client.js';
import { ConfigurationError, InputValidationError, VistarkriyaError } from '../core/errors.js';
import { checkNumericOptions, requireCredentials } from '../core/options.js';
import { VERI5_HOSTS } from '../model/hosts.js';
import { type RequestOptions, checkCallOptions } from '../core/request.js';
import { parseInput } from '../model/parse.js';
import {
  type FetchPanDetailsInput,
  VERI5,
  type Veri5Operation,
  type VerifyAadhaarInput,
  type VerifyBankAccountInput,
  type VerifyGstinInput,
  type VerifyPanInput,
  renderBody,
  subCodeOf,
} from '../model/veri5.js';
import { type EnvVars, isBrowser, readEnv } from '../platform/runtime.js';
import { type Signer, veri5Signer } from '../signers/index.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, RECOMMENDED_DOCUMENT_BYTES, base64Bytes, tooLarge } from './document.js';
import { type Veri5EnvelopeDefaults, buildEnvelopeHeaders, nextStan, stampEnvelope } from './envelope.js';
import { neverResentOnceAnswered, veri5Interpreter } from './interpret.js';
import type {
  AadhaarVerificationResult,
  BankVerificationResult,
  GstinVerificationResult,
  PanDetailsResult,
  PanVerificationResult,
  Veri5ClientOptions,
  Veri5Route,
  VerifyPanOptions,
} from './types.js';

export { VERI5_HOSTS };

/**
 * Default routes: the Veri5 API document's, except `bankVerification`, whose URL it leaves blank
 * (that route is the SDK's choice; override it with `routes`). From the rows (model/veri5.ts).
 */
export const VERI5_DEFAULT_ROUTES: Readonly<Record<Veri5Route, string>> = /* @__PURE__ */ (() =>
  Object.fromEntries(Object.values(VERI5).map((op) => [op.route, op.path])) as Record<Veri5Route, string>)();

/** The per-call option a Veri5 call takes beside the SDK's own (see `checkCallOptions`). */
const VERI5_CALL_OPTIONS: readonly string[] = ['subCode'];

/**
 * Which Veri5 environment a Veri5Client is for: `environment`, else env `VERI5_ENVIRONMENT`, else
 * `sandbox`; anything else is a `ConfigurationError`. `env` replaces the process's environment (the
 * CLI passes its own).
 */
export function veri5Environment(environment: string | undefined, env?: EnvVars): 'sandbox' | 'production' {
  const chosen = environment ?? readEnv('VERI5_ENVIRONMENT', env) ?? 'sandbox';
  if (chosen !== 'sandbox' && chosen !== 'production') {
    throw new ConfigurationError(
      `Veri5Client: environment must be 'sandbox' or 'production', got '${chosen}'.`,
    );
  }
  return chosen;
}

/**
 * Where a Veri5Client sends its calls: `baseURL`, else env `VERI5_BASE_URL`, else the environment's host
 * (the Veri5 API document, "2.1 Hostname"). `env` replaces the process's environment (the CLI passes its own).
 */
export function veri5BaseURL(
  baseURL: string | undefined,
  environment: 'sandbox' | 'production',
  env?: EnvVars,
): string {
  return baseURL ?? readEnv('VERI5_BASE_URL', env) ?? VERI5_HOSTS[environment];
}

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
  const environment = veri5Environment(options.environment);
  if (isBrowser() && !options.dangerouslyAllowBrowser) {
    throw new ConfigurationError(
      'A Veri5 salt in a browser page is public to every visitor. Call Veri5 from your server; pass dangerouslyAllowBrowser: true only if you really mean it.',
    );
  }
  const baseURL = veri5BaseURL(options.baseURL, environment);
  const routes = { ...VERI5_DEFAULT_ROUTES, ...options.routes };
  // Every call brings its row to the signer (its hash sequence), so an overridden route is still
  // hashed with the right one.
  const stan = options.generateStan ?? nextStan;
  const signer = veri5Signer({
    clientCode,
    apiKey,
    salt,
    beforeHash: (body, input) => stampEnvelope(body, input, stan),
  });
  return { clientCode, environment, baseURL, routes, signer };
}

/**
 * Sets the call's own id (`request_id`, `uniqueRequestNo`: the row's `echo`) on the error it ended with:
 * after `outcomeUnknown`, it is what Veri5 knows the call by.
 */
function withEcho(err: unknown, name: string, value: unknown): unknown {
  if (err instanceof VistarkriyaError) Object.defineProperty(err, name, { value, enumerable: true });
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
   * card image. `subCode` (in the input or the options) picks one; by default DOCUMENT when a document
   * is given, DATA when name and dob are, otherwise NUMBER. Billable: retried only when Veri5 provably
   * did nothing.
   */
  verifyPan(input: VerifyPanInput, options: VerifyPanOptions = {}): Promise<PanVerificationResult> {
    return this._run(VERI5.verifyPan, input, options);
  }

  /**
   * Verifies an Aadhaar number with UIDAI (`verifyUserIdDoc`, `VERIFY_AADHAAR` / `DATA`). A valid
   * number answers with age band, gender, state and masked mobile in `verified_data`. The number is
   * checked (12 digits, Verhoeff) before sending and never appears in errors or logs.
   */
  verifyAadhaar(input: VerifyAadhaarInput, options: RequestOptions = {}): Promise<AadhaarVerificationResult> {
    return this._run(VERI5.verifyAadhaar, input, options);
  }

  /**
   * Fetches the PAN details of an earlier `verifyPan` (`fetchPanDetails`, hashed as
   * `client_code|txn_id|api_key|salt`). A lookup of a stored result, so it is retried like a read.
   */
  fetchPanDetails(input: FetchPanDetailsInput, options: RequestOptions = {}): Promise<PanDetailsResult> {
    return this._run(VERI5.fetchPanDetails, input, options);
  }

  /**
   * Verifies a GSTIN and returns GSTN's taxpayer record (`verifyGSTIN`, hashed as
   * `client_code|request_id|api_key|salt|gstin`). `requestId` is generated when absent and kept
   * across retries; it is returned as `request_id`.
   */
  verifyGstin(input: VerifyGstinInput, options: RequestOptions = {}): Promise<GstinVerificationResult> {
    return this._run(VERI5.verifyGstin, input, options);
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
  verifyBankAccount(
    input: VerifyBankAccountInput,
    options: RequestOptions = {},
  ): Promise<BankVerificationResult> {
    return this._run(VERI5.verifyBankAccount, input, options);
  }

  /**
   * @internal The one executor of every Veri5 row: the row's input rules (strict), the PAN card
   * image's size (this client's `maxDocumentBytes`), the body from the row's template, the envelope
   * with the row's function codes, and the pipeline, whose signer hashes by the row's sequence.
   * `checked`: `input` is already what `parseInput(op, ...)` returned (bulk checks every row before
   * it keys it), so it is not checked twice (for a PAN card image, a scan of megabytes).
   */
  async _run<I, O>(
    op: Veri5Operation<I, O>,
    input: I,
    options: RequestOptions & { subCode?: string } = {},
    checked = false,
  ): Promise<O> {
    checkCallOptions(options, VERI5_CALL_OPTIONS);
    const given = options.subCode === undefined ? input : { ...(input as object), subCode: options.subCode };
    const params = (checked ? (given as Record<string, unknown>) : parseInput(op, given)) ?? {};
    if (typeof params.document === 'string') this.checkDocumentSize(params.document);
    const request = renderBody(op.body, params, this.clientCode);
    const json = op.functionCode
      ? {
          headers: buildEnvelopeHeaders(
            this.clientCode,
            this.envelopeDefaults,
            op.functionCode,
            subCodeOf(op, params)!,
          ),
          request,
        }
      : request;
    const echoed = op.echo === undefined ? undefined : request[op.echo];
    const answer = veri5Interpreter(op.answer, op.echo === undefined ? {} : { [op.echo]: echoed });
    try {
      return (await this._execute({
        method: 'POST',
        target: this.routes[op.route],
        // The Veri5 signer renders `json` on every attempt (a fresh stan, then the hash): a body
        // serialised here would be thrown away (for a PAN card image, megabytes per call).
        body: '',
        retry: op.retry,
        interpret: op.sendOnce ? neverResentOnceAnswered(answer) : answer,
        signal: options.signal,
        timeout: options.timeout,
        maxRetries: options.maxRetries,
        headers: options.headers,
        op,
        json,
      })) as O;
    } catch (err) {
      throw op.echo === undefined ? err : withEcho(err, op.echo, echoed);
    }
  }

  /** The PAN card image's size against this client's limit; a warning above Veri5's recommendation. */
  private checkDocumentSize(base64: string): void {
    const bytes = base64Bytes(base64);
    if (bytes > this.maxDocumentBytes) {
      throw new InputValidationError([tooLarge(bytes, this.maxDocumentBytes)]);
    }
    if (bytes > RECOMMENDED_DOCUMENT_BYTES) {
      this.pipeline.log.warn(
        `verifyPan: the PAN card image is ${Math.round(bytes / 1024)} KB; Veri5 recommends < 500 KB for better results.`,
      );
    }
  }
}
