// Node build of `#platform/call-abort` (package.json `imports`; the web build takes
// call-abort-web.ts): the abort state of one call, shaped for undici, and the one listener per
// caller signal that Node's EventTarget leak warning asks for.

/**
 * The abort state of one call: its deadline timer and the caller's `AbortSignal` both end it.
 *
 * Why not an `AbortController` per call: in Node, attaching a listener to a fresh `AbortSignal`
 * (undici attaches one per request) costs about 10 µs of CPU, a quarter of a whole keep-alive
 * round trip. undici also accepts an EventEmitter-shaped `signal` (`on`/`once`/`removeListener`,
 * `aborted`, `reason`), which this is. A real `AbortSignal` is made only when something asks for
 * {@link CallAbort.signal} (the fetch transport, a custom transport), and it follows this state.
 * @internal
 */
export class CallAbort {
  aborted = false;
  reason: unknown = undefined;
  private listeners: (() => void)[] | undefined;
  private controller: AbortController | undefined;

  /** A standard `AbortSignal` that aborts with this call (created on first use). */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  /** Ends the call; listeners run once, in the order they were added. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
    const listeners = this.listeners;
    this.listeners = undefined;
    if (listeners) for (const listener of listeners) listener();
  }

  /** EventEmitter shape (what undici calls). Only `'abort'` exists; it fires at most once. */
  on(_event: 'abort', listener: () => void): this {
    if (!this.listeners) this.listeners = [listener];
    else this.listeners.push(listener);
    return this;
  }

  once(event: 'abort', listener: () => void): this {
    return this.on(event, listener);
  }

  removeListener(_event: 'abort', listener: () => void): this {
    const i = this.listeners ? this.listeners.indexOf(listener) : -1;
    if (i !== -1) this.listeners!.splice(i, 1);
    return this;
  }
}

/** The calls that share one caller `AbortSignal`, and the one listener that ends them all. */
interface SignalFollowers {
  calls: Set<CallAbort>;
  onAbort: () => void;
}
const followersBySignal = new WeakMap<AbortSignal, SignalFollowers>();

/**
 * Ends `call` when the caller's signal aborts; returns the "stop following" function. One
 * listener per signal however many calls share it: Node warns of a "possible EventTarget memory
 * leak" past 10 listeners on one AbortSignal (an app-wide shutdown signal, a request's signal
 * shared by a fan-out of calls), although every listener is removed when its call ends.
 */
export function followSignal(signal: AbortSignal, call: CallAbort): () => void {
  let followers = followersBySignal.get(signal);
  if (!followers) {
    const calls = new Set<CallAbort>();
    const onAbort = () => {
      followersBySignal.delete(signal);
      for (const c of calls) c.abort(signal.reason);
    };
    followers = { calls, onAbort };
    followersBySignal.set(signal, followers);
    signal.addEventListener('abort', onAbort, { once: true });
  }
  const { calls, onAbort } = followers;
  calls.add(call);
  return () => {
    calls.delete(call);
    if (calls.size === 0 && followersBySignal.get(signal)?.calls === calls) {
      followersBySignal.delete(signal);
      signal.removeEventListener('abort', onAbort);
    }
  };
}
