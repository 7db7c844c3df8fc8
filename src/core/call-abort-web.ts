// Web build of `#platform/call-abort` (package.json `imports`; Node takes call-abort-node.ts).
// A `fetch` transport needs a real AbortSignal on every request, so the call's abort state is an
// AbortController, with the EventEmitter-shaped methods the pipeline uses. The Node build's
// reasons for something else (undici's cost per AbortSignal listener, Node's EventTarget leak
// warning past 10 listeners on one signal) do not apply in browsers, workers or Deno.

import { MAX_TIMER_MS, TIMED_OUT } from './deadline.js';

export { TIMED_OUT };

/** @internal The abort state of one call: its deadline timer and the caller's `AbortSignal` both end it. */
export class CallAbort extends AbortController {
  /** The deadline's timer (see setDeadline). */
  declare timer: ReturnType<typeof setTimeout> | undefined;

  get aborted(): boolean {
    return this.signal.aborted;
  }

  get reason(): unknown {
    return this.signal.reason;
  }

  on(_event: 'abort', listener: () => void): this {
    this.signal.addEventListener('abort', listener);
    return this;
  }

  once(_event: 'abort', listener: () => void): this {
    this.signal.addEventListener('abort', listener, { once: true });
    return this;
  }

  removeListener(_event: 'abort', listener: () => void): this {
    this.signal.removeEventListener('abort', listener);
    return this;
  }
}

/** Ends `call` when the caller's signal aborts; returns the "stop following" function. */
export function followSignal(signal: AbortSignal, call: CallAbort): () => void {
  const onAbort = () => call.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/** Aborts `call` with {@link TIMED_OUT} at `at` (a `performance.now()` instant), unless {@link clearDeadline} comes first. */
export function setDeadline(call: CallAbort, at: number): void {
  call.timer = setTimeout(() => call.abort(TIMED_OUT), Math.min(at - performance.now(), MAX_TIMER_MS));
}

export function clearDeadline(call: CallAbort): void {
  clearTimeout(call.timer);
}
