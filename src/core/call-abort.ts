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
