import { BaseClient } from './core/base-client.js';
import { InputValidationError } from './core/errors.js';
import { interpretJson, interpretPlatform } from './core/interpret.js';
import { type RequestOptions, checkCallOptions, encodeInput, serializeBody } from './core/request.js';
import type { RetryClass } from './core/retry.js';
import { type Query, buildTarget } from './core/target.js';
import { type PlatformNamespaces, buildNamespaces } from './model/namespaces.js';
import type { Operation } from './model/operation.js';
import { parseInput, wireInput } from '#platform/input-check';
import { type PlatformOptions, platformPipeline, routeResolver } from './platform-api.js';

/** Options of `new VistarkriyaClient(...)`. */
export interface ClientOptions extends PlatformOptions {}

export interface RawRequest extends RequestOptions {
  method: string;
  /** Absolute path, e.g. `/api/v1/wallet/core/balance`. */
  path: string;
  query?: Query;
  /** An object is serialised once with `JSON.stringify`; a string is sent (and signed) verbatim. */
  body?: unknown;
  /** Default: `read` for GET/HEAD, `billable` for everything else. */
  retry?: RetryClass;
  /**
   * Return `data` of the platform's `{ success, data }` envelope (true), or the whole JSON answer
   * (false). Default: true, unless the client's signer talks to an API without that envelope
   * (`openLegacySigner`). Errors are read the same way either way.
   */
  unwrap?: boolean;
}

// What a raw request may carry besides the per-call options.
const RAW_REQUEST_KEYS = ['method', 'path', 'query', 'body', 'retry', 'unwrap'];

/**
 * Client for the Vistarkriya platform API. Namespaces mirror the platform's paths
 * (`vk.wallet.core.balance()` is `GET /api/v1/wallet/core/balance`).
 */
export class VistarkriyaClient extends BaseClient {
  readonly #route: (op: Operation) => string;

  // The namespaces are made from the platform's rows (model/platform.ts), one method per row.
  /** Wallets: `vk.wallet.core.balance()`, `vk.wallet.core.transactions()`, `vk.wallet.pipeline.balance()`, `vk.wallet.license.balance()`. */
  declare readonly wallet: PlatformNamespaces['wallet'];
  /** Credit reports: `reports()`, `fetch()`, `status()`. */
  declare readonly cibil: PlatformNamespaces['cibil'];
  /** Verification: `services()`, `pan()`, `aadhaar()`, `bank()`, `gst()`. */
  declare readonly verify: PlatformNamespaces['verify'];
  /** Marketplace: `services()`, `products()`, `order()`. */
  declare readonly marketplace: PlatformNamespaces['marketplace'];
  /** Commissions: `earnings()`, `payouts()`, `reports()`. */
  declare readonly kamao: PlatformNamespaces['kamao'];
  /** Customers: `customers()`, `createCustomer()`, `orders()`. */
  declare readonly b2c: PlatformNamespaces['b2c'];

  constructor(options: ClientOptions = {}) {
    super(platformPipeline(options, 'VistarkriyaClient'));
    this.#route = routeResolver(options.routes);
    Object.assign(this, buildNamespaces(this));
  }

  /** The route an operation is sent to (after `routes` overrides). */
  routeOf(op: Operation): string {
    return this.#route(op);
  }

  /** A raw signed call for anything the namespaces do not wrap. Bad input rejects: nothing is sent. */
  async request<T = unknown>(req: RawRequest): Promise<T> {
    checkCallOptions(req, RAW_REQUEST_KEYS);
    const method = req.method.toUpperCase();
    if (!req.path.startsWith('/')) {
      throw new InputValidationError([{ field: 'path', rule: 'format', message: 'must start with "/".' }]);
    }
    const body = serializeBody(req.body);
    const target = buildTarget(req.path, req.query);
    // fetch and undici send what the WHATWG URL parser makes of the target (spaces, `..`,
    // non-ASCII in the path are rewritten); the signature must cover exactly those bytes.
    const parsed = new URL(target, 'http://h');
    if (parsed.pathname + parsed.search !== target) {
      throw new InputValidationError([
        {
          field: 'path',
          rule: 'format',
          message: 'must be percent-encoded, without dot segments (see encodeURIComponent).',
        },
      ]);
    }
    return this._execute({
      method,
      target,
      body,
      retry: req.retry ?? (method === 'GET' || method === 'HEAD' ? 'read' : 'billable'),
      interpret:
        (req.unwrap ?? this.pipeline.signer.platformEnvelope !== false) ? interpretPlatform : interpretJson,
      signal: req.signal,
      timeout: req.timeout,
      maxRetries: req.maxRetries,
      headers: req.headers,
    }) as Promise<T>;
  }

  /**
   * @internal The one executor every namespace method goes through: the row's input rules (strict:
   * nothing is sent for a typo), then the route, the query or body, and the pipeline. `checked`:
   * `input` is already what `parseInput(op, ...)` returned (bulk checks every row before it keys
   * it), so it is not checked twice.
   */
  async _run<I, O>(
    op: Operation<I, O>,
    input: I | undefined,
    options: RequestOptions = {},
    checked = false,
  ): Promise<O> {
    checkCallOptions(options);
    const params = checked ? (input as Record<string, unknown> | undefined) : parseInput(op, input);
    const { target, body } = encodeInput(op.method, this.#route(op), wireInput(params));
    return this._execute({
      method: op.method,
      target,
      body,
      retry: op.retry,
      interpret: interpretPlatform,
      signal: options.signal,
      timeout: options.timeout,
      maxRetries: options.maxRetries,
      headers: options.headers,
      op,
    }) as Promise<O>;
  }
}
