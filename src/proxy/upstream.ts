import { type ClientOptions, VistarkriyaClient } from '../client.js';
import { APIError } from '../core/errors.js';
import { interpretPlatform } from '../core/interpret.js';
import { type CallSpec, type Interpreter, execute } from '../core/pipeline.js';
import { type Redactor, createScrubber } from '../core/redact.js';
import type { Signer } from '../signers/types.js';
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
 * The proxy's server-side client: an ordinary VistarkriyaClient (same signer, retries, clock-skew
 * correction, timeouts), plus `forward`, which keeps the raw upstream answer so the proxy can pass
 * the platform's envelope and status through unchanged.
 */
export class UpstreamClient extends VistarkriyaClient {
  constructor(options: ClientOptions) {
    super(options);
  }

  /**
   * What the proxy scrubs from an answer before the browser sees it: the signer's secrets (the API
   * secret, the admin code), its keys down to a prefix, and the given signatures, in any case.
   */
  scrubberFor(signatures: readonly string[]): Redactor {
    const { secrets = [], keys = [] } = this.pipeline.signer;
    return createScrubber([...secrets, ...signatures], keys);
  }

  async forward(spec: Omit<CallSpec, 'interpret'>): Promise<Forwarded> {
    const signatures: string[] = [];
    let last: TransportResponse | undefined;
    const base = this.pipeline.signer;
    // Wraps the signer for this call only: records the signatures it produces, and forgets the
    // previous attempt's answer so a later transport failure is never paired with a stale body.
    const recording: Signer = {
      ...base,
      sign: async (input) => {
        last = undefined;
        const result = await base.sign(input);
        for (const [name, value] of Object.entries(result.headers)) {
          if (name.toLowerCase() === 'x-signature' || name.toLowerCase() === 'authorization')
            signatures.push(value);
        }
        return result;
      },
    };
    const interpret: Interpreter = (response) => {
      last = response;
      const verdict = interpretPlatform(response);
      return verdict.ok ? { ok: true, value: undefined } : verdict;
    };
    try {
      await execute({ ...this.pipeline, signer: recording }, { ...spec, interpret });
      return { response: last, error: undefined, signatures };
    } catch (error) {
      return { response: error instanceof APIError ? last : undefined, error, signatures };
    }
  }
}
