import { BaseClient } from './core/base-client.js';
import { ConfigurationError, InputValidationError } from './core/errors.js';
import { interpretJson, interpretPlatform } from './core/interpret.js';
import { type CoreOptions, requireCredentials } from './core/options.js';
import type { RetryClass } from './core/retry.js';
import { type Query, buildTarget } from './core/target.js';
import { isBrowser, readEnv } from './platform/runtime.js';
import { B2C } from './resources/b2c.js';
import { Cibil } from './resources/cibil.js';
import { Kamao } from './resources/kamao.js';
import { Marketplace } from './resources/marketplace.js';
import { loadInputParser } from './resources/load-schemas.js';
import type { Operation } from './resources/operation.js';
import { Verify } from './resources/verify.js';
import { Wallet } from './resources/wallet.js';
import { type Signer, vistarkriyaSigner } from './signers/index.js';

export interface ClientOptions extends CoreOptions {
  /** Default: env `VISTARKRIYA_API_KEY`. */
  apiKey?: string;
  /** Default: env `VISTARKRIYA_API_SECRET`. Never use in a browser (see `createProxyHandler`). */
  apiSecret?: string;
  /** Your 6-digit admin code. Default: env `VISTARKRIYA_ADMIN_CODE`. */
  adminCode?: string;
  /** `X-Admin-Code` (default) or `X-Tenant-Code`: the platform's pages disagree. */
  adminCodeHeader?: 'X-Admin-Code' | 'X-Tenant-Code';
  /** A custom signer (e.g. `openLegacySigner`, `proxySigner`); then no credentials are needed. */
  signer?: Signer;
  /** Route overrides by operation id, e.g. `{ 'wallet.core.balance': '/api/v1/wallet/core/balance.php' }`. */
  routes?: Record<string, string>;
  /** Allow `apiSecret` in a browser page. Almost always wrong: the secret becomes public. */
  dangerouslyAllowBrowser?: boolean;
}

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Deadline for this call in ms (retries included). */
  timeout?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
}

export interface RawRequest extends RequestOptions {
  method: string;
  /** Absolute path, e.g. `/api/v1/wallet/core/balance`. */
  path: string;
  query?: Query;
  /** An object is serialised once with `JSON.stringify`; a string is sent (and signed) verbatim. */
  body?: unknown;
  /** Default: `read` for GET/HEAD, `billable` for everything else. */
  retry?: RetryClass;
  /** Default true: unwrap the platform's `{ success, data }` envelope. */
  unwrap?: boolean;
}

/** The platform's production base URL, used when neither `baseURL` nor `VISTARKRIYA_BASE_URL` is set. */
export const DEFAULT_BASE_URL = 'https://vistarkriya.com';

// Lone UTF-16 surrogates cannot be encoded as UTF-8, so the bytes sent could not equal
// the bytes signed by any reference implementation: refuse them up front.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Serialises a body once; these exact bytes are signed and sent. */
export function serializeBody(body: unknown): string {
  if (body === undefined || body === null) return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (LONE_SURROGATE.test(text)) {
    throw new InputValidationError([
      {
        field: 'body',
        rule: 'utf8',
        message: 'contains a lone UTF-16 surrogate, which has no UTF-8 encoding.',
      },
    ]);
  }
  return text;
}

function resolveSigner(options: ClientOptions): Signer {
  if (options.signer) return options.signer;
  const { apiKey, apiSecret, adminCode } = requireCredentials(
    'VistarkriyaClient',
    {
      apiKey: [options.apiKey, 'VISTARKRIYA_API_KEY'],
      apiSecret: [options.apiSecret, 'VISTARKRIYA_API_SECRET'],
      adminCode: [options.adminCode, 'VISTARKRIYA_ADMIN_CODE'],
    },
    'Pass them as options, set the environment variables, or pass a `signer`.',
  );
  if (isBrowser() && !options.dangerouslyAllowBrowser) {
    throw new ConfigurationError(
      'An apiSecret in a browser page is public to every visitor. Sign on your server with createProxyHandler() and use proxySigner() here; pass dangerouslyAllowBrowser: true only if you really mean it.',
    );
  }
  return vistarkriyaSigner({
    apiKey,
    apiSecret,
    adminCode,
    adminCodeHeader: options.adminCodeHeader,
  });
}

/**
 * Client for the Vistarkriya platform API. Namespaces mirror the platform's paths
 * (`vk.wallet.core.balance()` is `GET /api/v1/wallet/core/balance`).
 */
export class VistarkriyaClient extends BaseClient {
  private readonly routes: Record<string, string>;

  /** Wallets: `vk.wallet.core.balance()`, `vk.wallet.core.transactions()`, `vk.wallet.pipeline.balance()`, `vk.wallet.license.balance()`. */
  readonly wallet: Wallet = new Wallet(this);
  /** Credit reports: `reports()`, `fetch()`, `status()`. */
  readonly cibil: Cibil = new Cibil(this);
  /** Verification: `services()`, `pan()`, `aadhaar()`, `bank()`, `gst()`. */
  readonly verify: Verify = new Verify(this);
  /** Marketplace: `services()`, `products()`, `order()`. */
  readonly marketplace: Marketplace = new Marketplace(this);
  /** Commissions: `earnings()`, `payouts()`, `reports()`. */
  readonly kamao: Kamao = new Kamao(this);
  /** Customers: `customers()`, `createCustomer()`, `orders()`. */
  readonly b2c: B2C = new B2C(this);

  constructor(options: ClientOptions = {}) {
    super(options, resolveSigner(options), readEnv('VISTARKRIYA_BASE_URL') ?? DEFAULT_BASE_URL);
    this.routes = { ...options.routes };
  }

  /** A raw signed call for anything the namespaces do not wrap. */
  request<T = unknown>(req: RawRequest): Promise<T> {
    const method = req.method.toUpperCase();
    if (!req.path.startsWith('/')) {
      return Promise.reject(
        new InputValidationError([{ field: 'path', rule: 'format', message: 'must start with "/".' }]),
      );
    }
    let body: string;
    let target: string;
    try {
      body = serializeBody(req.body);
      target = buildTarget(req.path, req.query);
    } catch (err) {
      return Promise.reject(err);
    }
    // fetch and undici send what the WHATWG URL parser makes of the target (spaces, `..`,
    // non-ASCII in the path are rewritten); the signature must cover exactly those bytes.
    const parsed = new URL(target, 'http://h');
    if (parsed.pathname + parsed.search !== target) {
      return Promise.reject(
        new InputValidationError([
          {
            field: 'path',
            rule: 'format',
            message: 'must be percent-encoded, without dot segments (see encodeURIComponent).',
          },
        ]),
      );
    }
    return this._execute({
      method,
      target,
      body,
      retry: req.retry ?? (method === 'GET' || method === 'HEAD' ? 'read' : 'billable'),
      interpret: req.unwrap === false ? interpretJson : interpretPlatform,
      signal: req.signal,
      timeout: req.timeout,
      maxRetries: req.maxRetries,
      headers: req.headers,
    }) as Promise<T>;
  }

  /** The route an operation is sent to (after `routes` overrides). */
  routeOf(op: Operation): string {
    return this.routes[op.id] ?? op.path;
  }

  /** @internal The one executor every namespace method goes through. */
  async _run<I, O>(op: Operation<I, O>, input: I | undefined, options: RequestOptions = {}): Promise<O> {
    const params = op.schema ? await validateInput(op.schema, input) : input;
    const path = this.routeOf(op);
    const isQuery = op.method === 'GET';
    return this._execute({
      method: op.method,
      target: isQuery ? buildTarget(path, params as Query | undefined) : path,
      body: isQuery ? '' : serializeBody(params ?? {}),
      retry: op.retry,
      interpret: interpretPlatform,
      signal: options.signal,
      timeout: options.timeout,
      maxRetries: options.maxRetries,
      headers: options.headers,
      operation: op.id,
    }) as Promise<O>;
  }
}

async function validateInput(key: string, input: unknown): Promise<unknown> {
  const loaded = loadInputParser();
  const parse = typeof loaded === 'function' ? loaded : await loaded;
  return parse(key, input);
}
