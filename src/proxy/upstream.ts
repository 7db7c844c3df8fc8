import { closePipeline } from '../core/base-client.js';
import { APIError } from '../core/errors.js';
import { interpretPlatform } from '../core/interpret.js';
import type { InternalLogger } from '../core/logger.js';
import { type CallSpec, execute } from '../core/pipeline.js';
import { type Redactor, createScrubber } from '../core/redact.js';
import { type PlatformOptions, platformPipeline, routeResolver } from '../platform-api.js';
import type { Operation } from '../model/operation.js';
import type { TransportResponse } from '../transport/types.js';

/** What one forwarded call produced. */
export interface Forwarded {
  /** The last upstream answer, when one arrived (success or a platform error). */
  response: TransportResponse | undefined;
  /** The failure when the call did not succeed (an APIError, a connection error, an abort). */
  error: unknown;
  /** Every signature sent for this call (one per attempt), to scrub from anything returned. */
  signatures: string[];
}

/**
 * The proxy's side of the platform: the same pipeline a VistarkriyaClient runs (signer, retries,
 * clock-skew correction, timeouts, logger, redaction), built from the same options, composed with
 * the pipeline's request and response hooks so the raw answer can be passed through unchanged.
 */
export interface Upstream {
  readonly log: InternalLogger;
  /** The route an operation is sent to (after `routes` overrides). */
  routeOf(op: Operation): string;
  /** Runs one call; never throws (the outcome is in `Forwarded`). */
  forward(spec: Omit<CallSpec, 'interpret' | 'onRequest' | 'onResponse'>): Promise<Forwarded>;
  /**
   * What the proxy scrubs from an answer before the browser sees it: the signer's secrets (the API
   * secret, the admin code), its keys down to a prefix, and the given signatures, in any case.
   */
  scrubberFor(signatures: readonly string[]): Redactor;
  close(): Promise<void>;
}

export function createUpstream(options: PlatformOptions): Upstream {
  const pipeline = platformPipeline(options, 'createProxyHandler');
  const { signer } = pipeline;
  return {
    log: pipeline.log,
    routeOf: routeResolver(options.routes),
    scrubberFor: (signatures) =>
      createScrubber([...(signer.secrets ?? []), ...signatures], signer.keys ?? []),
    close: () => closePipeline(pipeline),
    async forward(spec) {
      const signatures: string[] = [];
      let last: TransportResponse | undefined;
      const call: CallSpec = {
        ...spec,
        interpret: interpretPlatform,
        // A new attempt forgets the previous answer, so a later transport failure is never
        // paired with a stale body.
        onRequest: (request) => {
          last = undefined;
          for (const name in request.headers) {
            const lower = name.toLowerCase();
            if (lower === 'x-signature' || lower === 'authorization') signatures.push(request.headers[name]!);
          }
        },
        onResponse: (response) => {
          last = response;
        },
      };
      try {
        await execute(pipeline, call);
        return { response: last, error: undefined, signatures };
      } catch (error) {
        return { response: error instanceof APIError ? last : undefined, error, signatures };
      }
    },
  };
}
