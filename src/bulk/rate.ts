// One rate budget for a whole run: a token bucket (evenly spaced sends at `ratePerSecond`), a
// run-wide pause when the server answers 429, and adaptive backoff: each 429 for a call sent
// after the previous cut halves the rate, which then grows back by a tenth of the rate before the
// cut every second without a 429 (additive increase, multiplicative decrease, as TCP does).

/** Never slower than this after cuts (rows/s). */
const MIN_RATE = 0.2;
/** A 429 without `Retry-After` pauses for 1 s, 2 s, 4 s ... (consecutive 429s) up to this. */
const MAX_PAUSE_MS = 30_000;

/** How long a 429 pauses a run (or a queue): its Retry-After, else 1 s, 2 s, 4 s, … per strike, at most 30 s. */
export function rateLimitPauseMs(retryAfterMs: number | undefined, strikes: number): number {
  return retryAfterMs ?? Math.min(MAX_PAUSE_MS, 1000 * 2 ** Math.max(0, strikes - 1));
}
/** Sends may bunch up by this much after a timer fires late (keeps high rates accurate). */
const BURST_MS = 20;

export interface RateGovernorOptions {
  /** Target rate, rows per second; undefined for none (then only 429s slow the run down). */
  ratePerSecond?: number;
  now?: () => number;
}

export class RateGovernor {
  private readonly target: number;
  private readonly now: () => number;
  /** The rate in force (≤ target); Infinity when unlimited. */
  private limit: number;
  /** Earliest time of the next send under `limit`. */
  private nextAt = 0;
  private pausedUntil = 0;
  /** When the rate was last cut, and the rate before that cut (the reference for regrowth). */
  private cutAt = Number.NEGATIVE_INFINITY;
  private beforeCut = 0;
  private grownAt = 0;
  /** Consecutive 429s without a success in between. */
  private strikes = 0;
  // Sends in the current and the previous second, to know the real rate when none is configured.
  private bucketStart = 0;
  private thisSecond = 0;
  private lastSecond = 0;

  constructor(options: RateGovernorOptions = {}) {
    this.target = options.ratePerSecond ?? Number.POSITIVE_INFINITY;
    this.limit = this.target;
    this.now = options.now ?? (() => performance.now());
  }

  /** The rate in force now (rows/s). */
  get rate(): number {
    this.grow(this.now());
    return this.limit;
  }

  /** True while the run waits out a 429. */
  get paused(): boolean {
    return this.now() < this.pausedUntil;
  }

  /** Takes a token if one is free now (no pause, the rate allows it): the common case, without a promise. */
  tryAcquire(): boolean {
    const now = this.now();
    if (now < this.pausedUntil) return false;
    this.grow(now);
    if (Number.isFinite(this.limit)) {
      if (this.nextAt > now) return false;
      this.nextAt = Math.max(this.nextAt, now - BURST_MS) + 1000 / this.limit;
    }
    this.countSend(now);
    return true;
  }

  /** Resolves when the run may send one more call (its token is taken); rejects when `signal` aborts. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.now();
      this.grow(now);
      const at = Math.max(this.pausedUntil, Number.isFinite(this.limit) ? this.nextAt : 0);
      if (at <= now) {
        if (Number.isFinite(this.limit))
          this.nextAt = Math.max(this.nextAt, now - BURST_MS) + 1000 / this.limit;
        this.countSend(now);
        return;
      }
      await delay(at - now, signal);
    }
  }

  /** Resolves when no 429 pause is in force. */
  async whenUnpaused(signal?: AbortSignal): Promise<void> {
    for (let wait = this.pausedUntil - this.now(); wait > 0; wait = this.pausedUntil - this.now())
      await delay(wait, signal);
  }

  /** A call succeeded. */
  succeeded(): void {
    this.strikes = 0;
  }

  /**
   * A call sent at `sentAt` was answered 429: pause the whole run for `retryAfterMs` (or a growing
   * backoff), and halve the rate unless the rate was already cut after that call was sent.
   */
  rateLimited(sentAt: number, retryAfterMs: number | undefined): void {
    const now = this.now();
    this.strikes++;
    const pause = rateLimitPauseMs(retryAfterMs, this.strikes);
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
    if (sentAt <= this.cutAt) return;
    this.grow(now);
    const current = Number.isFinite(this.limit) ? this.limit : Math.max(this.observedRate(now), 1);
    this.beforeCut = current;
    this.limit = Math.max(MIN_RATE, current / 2);
    this.cutAt = now;
    this.nextAt = Math.max(this.nextAt, this.pausedUntil);
  }

  /** Additive increase: back towards the target after a cut, starting when the pause ends. */
  private grow(now: number): void {
    if (this.limit >= this.target) return;
    const from = Math.max(this.grownAt, this.cutAt, this.pausedUntil);
    if (now <= from) return;
    this.limit += (this.beforeCut / 10) * ((now - from) / 1000);
    this.grownAt = now;
    // Unlimited runs go back to unlimited once well past the rate that drew the 429.
    if (this.limit >= this.target || (!Number.isFinite(this.target) && this.limit >= this.beforeCut * 2))
      this.limit = this.target;
  }

  private countSend(now: number): void {
    if (now - this.bucketStart >= 1000) {
      this.lastSecond = now - this.bucketStart >= 2000 ? 0 : this.thisSecond;
      this.thisSecond = 0;
      this.bucketStart = now;
    }
    this.thisSecond++;
  }

  private observedRate(now: number): number {
    const into = Math.min(1, (now - this.bucketStart) / 1000);
    return this.thisSecond + this.lastSecond * (1 - into);
  }
}

/** Resolves after `ms`; rejects with the signal's reason when `signal` aborts first. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
