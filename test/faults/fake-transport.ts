import type { Transport, TransportRequest, TransportResponse } from '../../src/transport/types.js';

/** One scripted step: an answer, or something thrown by the transport. */
export type Step = TransportResponse | { throws: unknown };

/**
 * A transport that plays a script (the last step repeats) and records what it was asked to send.
 * For tests that need exact answers without sockets.
 */
export class ScriptedTransport implements Transport {
  readonly requests: TransportRequest[] = [];
  constructor(private readonly steps: readonly Step[]) {}
  async send(req: TransportRequest): Promise<TransportResponse> {
    this.requests.push(req);
    const step = this.steps[Math.min(this.requests.length, this.steps.length) - 1]!;
    if ('throws' in step) throw step.throws;
    return step;
  }
  async close(): Promise<void> {}
}

/** A JSON answer with lower-case headers. */
export function jsonAnswer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): TransportResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** The platform's error envelope (seed 000). */
export function platformError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) {
  return jsonAnswer(status, { success: false, error: { code, message, http_status: status } }, headers);
}
