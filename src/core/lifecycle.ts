import type { CallAbort } from '#platform/call-abort';

/** The reason a call's abort state carries when its client was closed. */
export const CLOSED = Symbol('closed');

/**
 * Open or closed, for one client and all its calls. `close()` is final: calls waiting to retry
 * end at once (their abort state fires with {@link CLOSED}), and the pipeline starts no attempt
 * afterwards. A call in flight is let finish (the transport closes gracefully), but not retried.
 * @internal
 */
export class Lifecycle {
  closed = false;
  private readonly waiting = new Set<CallAbort>();

  close(): void {
    this.closed = true;
    for (const call of this.waiting) call.abort(CLOSED);
    this.waiting.clear();
  }

  /** While `call` waits to retry, closing ends it; returns the "done waiting" function. */
  wait(call: CallAbort): () => void {
    if (this.closed) call.abort(CLOSED);
    else this.waiting.add(call);
    return () => this.waiting.delete(call);
  }
}
