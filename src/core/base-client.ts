import type { Signer } from '../signers/types.js';
import { USER_AGENT, defaultTransport } from '#platform/transport';
import { Clock } from './clock.js';
import type { Failure } from './failure.js';
import { mergeHeaders } from './headers.js';
import { Lifecycle } from './lifecycle.js';
import { createLogger } from './logger.js';
import { type CoreOptions, DEFAULTS, checkNumericOptions, splitBaseURL } from './options.js';
import { type CallSpec, type PipelineConfig, execute } from './pipeline.js';
import type { Redactor } from './redact.js';
import { createRedactor } from './redact.js';

/**
 * The SDK's own headers, spelled as the documents write them. `Content-Type: application/json`
 * goes on every request, GET included, because the platform's PHP example sends it on its GET and
 * a server written from it may expect it (the Open signing page: "All request bodies should
 * have a content type of application/json"). In a browser it would add a CORS preflight only
 * across origins; a page calls its `createProxyHandler` route on its own origin.
 */
function sdkHeaders(): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (USER_AGENT) headers['User-Agent'] = USER_AGENT;
  return headers;
}

/**
 * The pipeline configuration of one client, from its options: transport, clock, logger and
 * redaction are made here, once. `isClockSkew` is the API's own "your clock is off" answer, if it
 * has one (see PipelineConfig).
 */
export function createPipeline(
  options: CoreOptions,
  signer: Signer,
  defaultBaseURL: string,
  isClockSkew?: (failure: Failure) => boolean,
): PipelineConfig {
  checkNumericOptions(options);
  const { origin, basePath } = splitBaseURL(options.baseURL ?? defaultBaseURL);
  // A getter: a `proxySigner` with a headers function learns its tokens as it returns them.
  const redact: Redactor = createRedactor(() => signer.secrets ?? [], signer.keys ?? []);
  return {
    origin,
    basePath,
    signer,
    transport: options.transport ?? defaultTransport(options.fetch),
    clock: new Clock(),
    timeout: options.timeout ?? DEFAULTS.timeout,
    maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
    maxRetryAfterSeconds: options.maxRetryAfter ?? DEFAULTS.maxRetryAfter,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    log: createLogger(options, redact),
    redact,
    lifecycle: new Lifecycle(),
    // Merged once here (case-insensitively, yours win), not on every call.
    defaultHeaders: mergeHeaders(sdkHeaders(), options.defaultHeaders, {}),
    isClockSkew,
  };
}

/**
 * Closes a pipeline: calls made afterwards, and calls waiting to retry, fail at once with
 * `ClientClosedError`; calls in flight finish; then the keep-alive connections are closed.
 */
export async function closePipeline(pipeline: PipelineConfig): Promise<void> {
  pipeline.lifecycle.close();
  await pipeline.transport.close();
}

/**
 * What VistarkriyaClient and Veri5Client share: one pipeline, its redaction, its clock and its
 * lifecycle. Not public API; use the concrete clients.
 */
export abstract class BaseClient {
  /** @internal */
  declare protected readonly pipeline: PipelineConfig;
  /** Redacts this client's secrets, signatures and identity numbers from any text. */
  declare readonly redact: Redactor;

  protected constructor(pipeline: PipelineConfig) {
    this.pipeline = pipeline;
    this.redact = pipeline.redact;
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
  close(): Promise<void> {
    return closePipeline(this.pipeline);
  }
}
