import type { Signer } from '../signers/types.js';
import { defaultTransport } from '../transport/default.js';
import { Clock } from './clock.js';
import { Lifecycle } from './lifecycle.js';
import { createLogger } from './logger.js';
import { type CoreOptions, DEFAULTS, checkNumericOptions, splitBaseURL } from './options.js';
import { type CallSpec, type PipelineConfig, execute, mergeHeaders } from './pipeline.js';
import { type Redactor, createRedactor } from './redact.js';

const SDK_VERSION = '0.1.0';

/**
 * The SDK's own headers, spelled as the seeds write them. `Content-Type: application/json` goes on
 * every request, GET included, because seed 000's PHP client sends it on its GET example and a
 * server written from the seeds may expect it (seed 004: "All request bodies should have a
 * content type of application/json"). In a browser it would add a CORS preflight only across
 * origins; a page calls its `createProxyHandler` route on its own origin.
 */
function sdkHeaders(isNodeLike: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (isNodeLike) headers['User-Agent'] = `vistarkriya-node/${SDK_VERSION}`;
  return headers;
}

/**
 * What VistarkriyaClient and Veri5Client share: transport, clock, logger, redaction and the
 * pipeline configuration. Not public API; use the concrete clients.
 */
export abstract class BaseClient {
  /** @internal */
  protected readonly pipeline: PipelineConfig;
  /** Redacts this client's secrets, signatures and identity numbers from any text. */
  readonly redact: Redactor;

  protected constructor(options: CoreOptions, signer: Signer, defaultBaseURL: string) {
    checkNumericOptions(options);
    const { origin, basePath } = splitBaseURL(options.baseURL ?? defaultBaseURL);
    // A getter: a `proxySigner` with a headers function learns its tokens as it returns them.
    this.redact = createRedactor(() => signer.secrets ?? [], signer.keys ?? []);
    const isNodeLike =
      typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node ===
      'string';
    this.pipeline = {
      origin,
      basePath,
      signer,
      transport: options.transport ?? defaultTransport(options.fetch),
      clock: new Clock(),
      timeout: options.timeout ?? DEFAULTS.timeout,
      maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
      maxRetryAfterSeconds: options.maxRetryAfter ?? DEFAULTS.maxRetryAfter,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
      log: createLogger(options, this.redact),
      redact: this.redact,
      lifecycle: new Lifecycle(),
      // Merged once here (case-insensitively, yours win), not on every call.
      defaultHeaders: mergeHeaders(sdkHeaders(isNodeLike), options.defaultHeaders, {}),
    };
  }

  /** The clock offset (seconds) learned from the server after a `TIMESTAMP_EXPIRED`. */
  get clockOffsetSeconds(): number {
    return this.pipeline.clock.offsetSeconds;
  }

  /** @internal Runs one call through the pipeline. */
  protected _execute(spec: CallSpec): Promise<unknown> {
    return execute(this.pipeline, spec);
  }

  /**
   * Closes the client: calls made afterwards, and calls waiting to retry, fail at once with
   * `ClientClosedError`; calls in flight finish; then the keep-alive connections are closed.
   */
  async close(): Promise<void> {
    this.pipeline.lifecycle.close();
    await this.pipeline.transport.close();
  }
}
