// What both builds of `#platform/call-abort` (call-abort-node.ts, call-abort-web.ts) share.

/** @internal The reason a call's abort state has when its deadline passed. */
export const TIMED_OUT = Symbol('timeout');
/** setTimeout fires at once for delays above 2^31-1 ms (~24.8 days): clamp, never overflow. */
export const MAX_TIMER_MS = 2_147_483_647;
