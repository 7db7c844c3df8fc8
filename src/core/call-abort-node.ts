// Node build of `#platform/call-abort` (package.json `imports`; the web build takes
// call-abort-web.ts): the abort state of one call, shaped for undici, and the one listener per
// caller signal that Node's EventTarget leak warning asks for.

import { MAX_TIMER_MS, TIMED_OUT } from './deadline.js';

export { TIMED_OUT };

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
  /** While a deadline is set: when it is due, and the neighbours in the list of calls waiting (setDeadline). */
  deadline: number | undefined = undefined;
  prevDue: CallAbort | undefined = undefined;
  nextDue: CallAbort | undefined = undefined;

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

// Deadlines: one timer for every call in flight, set for the earliest deadline, instead of a timer
// per call. With one call at a time, Node's timer list for the duration empties and is made again
// on every call (a list, a priority-queue insert, libuv's timer restarted): ~0.5 µs and a Timeout
// object per call. Calls mostly share one timeout, so a new deadline is rarely the earliest and
// the timer is rarely moved; when it fires it aborts what is due and is set for the next. It keeps
// the process alive while a call is waiting on it, as a per-call timer did, and not after.
// The calls waiting are a list linked through the calls themselves (a Map keyed by each new call
// costs more than the timer it replaces); deadlines are on the monotonic clock (performance.now()),
// so a wall-clock change moves none.
let first: CallAbort | undefined;
let waiting = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Number.POSITIVE_INFINITY;

/**
 * Aborts `call` with {@link TIMED_OUT} at `at` (a `performance.now()` instant: the pipeline's own
 * deadline, so one clock reading serves both), unless {@link clearDeadline} comes first.
 */
export function setDeadline(call: CallAbort, at: number): void {
  call.deadline = at;
  call.nextDue = first;
  if (first) first.prevDue = call;
  first = call;
  if (++waiting === 1 && at >= timerAt) timer!.ref();
  if (at < timerAt) armFor(at);
}

export function clearDeadline(call: CallAbort): void {
  if (call.deadline === undefined) return;
  unlink(call);
  if (waiting === 0) timer?.unref();
}

function unlink(call: CallAbort): void {
  const { prevDue, nextDue } = call;
  if (prevDue) prevDue.nextDue = nextDue;
  else first = nextDue;
  if (nextDue) nextDue.prevDue = prevDue;
  call.prevDue = call.nextDue = call.deadline = undefined;
  waiting--;
}

function armFor(at: number): void {
  clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(expire, Math.min(Math.max(at - performance.now(), 1), MAX_TIMER_MS));
}

function expire(): void {
  timer = undefined;
  timerAt = Number.POSITIVE_INFINITY;
  const now = performance.now();
  let next = Number.POSITIVE_INFINITY;
  const due: CallAbort[] = [];
  for (let call = first; call; call = call.nextDue) {
    const at = call.deadline!;
    if (at <= now) due.push(call);
    else if (at < next) next = at;
  }
  for (const call of due) unlink(call);
  if (next !== Number.POSITIVE_INFINITY) armFor(next);
  // Last: an abort's listeners may set or clear other deadlines.
  for (const call of due) call.abort(TIMED_OUT);
}
