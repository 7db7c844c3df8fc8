import type { SignInput } from '../signers/types.js';

/**
 * The `headers` object of every Veri5 envelope (the Veri5 API document, "Appendix A: Request Header Field
 * Details"). All values are strings.
 */
export interface Veri5EnvelopeHeaders {
  client_code: string;
  sub_client_code: string;
  channel_code: string;
  channel_version: string;
  stan: string;
  client_ip: string;
  transmission_datetime: string;
  operation_mode: string;
  run_mode: string;
  actor_type: string;
  user_handle_type: string;
  user_handle_value: string;
  location: string;
  function_code: string;
  function_sub_code: string;
}

/** Envelope fields a client (or a single call) may set; the rest are the SDK's to fill in. */
export type Veri5EnvelopeDefaults = Partial<
  Omit<
    Veri5EnvelopeHeaders,
    'client_code' | 'stan' | 'transmission_datetime' | 'function_code' | 'function_sub_code'
  >
>;

/**
 * Defaults: the Veri5 API document's sample payloads (`operation_mode: SELF`, `location: NA`, empty channel
 * and client IP), with `DEFAULT` for the mandatory fields whose Appendix A row allows it (actor_type,
 * user_handle_type, user_handle_value, run_mode) instead of the samples' empty strings.
 */
export const ENVELOPE_DEFAULTS: Required<Veri5EnvelopeDefaults> = {
  sub_client_code: '',
  channel_code: '',
  channel_version: '',
  client_ip: '',
  operation_mode: 'SELF',
  run_mode: 'DEFAULT',
  actor_type: 'DEFAULT',
  user_handle_type: 'DEFAULT',
  user_handle_value: 'DEFAULT',
  location: 'NA',
};

/** Smallest `stan`: every value has 16 digits, none a leading zero. */
export const STAN_MIN = 1e15;
/** One past the largest `stan`: 2^53, so every value is exact even when parsed as a double. */
export const STAN_MAX = 2 ** 53;
const STAN_SPAN = STAN_MAX - STAN_MIN;

/**
 * A `stan` source: counts up from `randomStart()` (in [0, span)), wrapping inside
 * [STAN_MIN, STAN_MAX). @internal Exported for tests; `nextStan` is the one the client uses.
 */
export function createStanSource(randomStart: () => number): () => string {
  let next = -1;
  return () => {
    if (next < 0) next = randomStart();
    const value = STAN_MIN + next;
    next = next + 1 === STAN_SPAN ? 0 : next + 1;
    return String(value);
  };
}

/**
 * A uniform random integer in [0, STAN_SPAN) from the platform's CSPRNG: 53 random bits, drawn
 * again when they land past the span (one draw in nine).
 */
function randomStanStart(): number {
  const words = new Uint32Array(2);
  for (;;) {
    globalThis.crypto.getRandomValues(words);
    const r = (words[0]! & 0x1fffff) * 2 ** 32 + words[1]!;
    if (r < STAN_SPAN) return r;
  }
}

/**
 * The System Trace Number of the Veri5 API document, "Appendix A: Request Header Field Details": "A unique
 * number generated per request by the client" (the samples write `"<a_unique_integer>"`, the example is
 * `98321892319`). Every value is a 16-digit decimal integer in [10^15, 2^53), so any server holds it exactly:
 * as a Java long, a SQL BIGINT, or even a double (JavaScript, PHP's float).
 *
 * Each process starts at a random point of that range, drawn once from the CSPRNG (so every value
 * carries that random offset), and counts up from it. Within a process values never repeat before
 * 2^53 - 10^15 ≈ 8.0 × 10^15 calls. Two processes (or hosts, or restarts) collide only if their
 * runs of values overlap: for processes that make n_a and n_b calls the chance is
 * (n_a + n_b) / 8.0 × 10^15, so for K processes of n calls each it is below K² · n / 8.0 × 10^15.
 * 100 instances × 1 million calls each: < 1.3 × 10^-6; 1,000 instances × 1 million: < 1.3 × 10^-4.
 * Fresh random bits in every value would be far worse at this length (the birthday bound: 10^8
 * values in all would collide with probability ~0.5), and a clock-based value is shared by every
 * process started in the same millisecond.
 */
export const nextStan: () => string = /* @__PURE__ */ createStanSource(randomStanStart);

/** Builds the envelope `headers` for one operation; `stan` and time are stamped per attempt. */
export function buildEnvelopeHeaders(
  clientCode: string,
  defaults: Veri5EnvelopeDefaults,
  functionCode: string,
  functionSubCode: string,
): Veri5EnvelopeHeaders {
  return {
    client_code: clientCode,
    sub_client_code: defaults.sub_client_code ?? ENVELOPE_DEFAULTS.sub_client_code,
    channel_code: defaults.channel_code ?? ENVELOPE_DEFAULTS.channel_code,
    channel_version: defaults.channel_version ?? ENVELOPE_DEFAULTS.channel_version,
    stan: '',
    client_ip: defaults.client_ip ?? ENVELOPE_DEFAULTS.client_ip,
    transmission_datetime: '',
    operation_mode: defaults.operation_mode ?? ENVELOPE_DEFAULTS.operation_mode,
    run_mode: defaults.run_mode ?? ENVELOPE_DEFAULTS.run_mode,
    actor_type: defaults.actor_type ?? ENVELOPE_DEFAULTS.actor_type,
    user_handle_type: defaults.user_handle_type ?? ENVELOPE_DEFAULTS.user_handle_type,
    user_handle_value: defaults.user_handle_value ?? ENVELOPE_DEFAULTS.user_handle_value,
    location: defaults.location ?? ENVELOPE_DEFAULTS.location,
    function_code: functionCode,
    function_sub_code: functionSubCode,
  };
}

/**
 * Stamps `stan` and `transmission_datetime` into an envelope on every attempt (the signer's
 * `beforeHash` hook).
 *
 * Why per attempt and not once per call: Appendix A defines `stan` as "a unique number generated
 * per request", used to trace one request, and `transmission_datetime` as the time the request was
 * sent. Each retry is a new HTTP request that Veri5 logs on its own, so it gets its own `stan` and
 * time, just as the pipeline re-signs every attempt with a fresh timestamp. What identifies the
 * logical call across retries is the payload's own id, which is built once and never changes:
 * `request_id` (verifyGSTIN), `txn_id` (fetchPanDetails) and `uniqueRequestNo` (penny drop).
 *
 * The time is the local clock in milliseconds plus the clock offset the pipeline learned (the
 * difference between `input.timestamp`, skew-corrected seconds, and the local second). A difference
 * of one second is a second boundary passing between signing and stamping, not skew (the offset
 * is only learned after a TIMESTAMP_EXPIRED, i.e. minutes), so it is ignored.
 */
export function stampEnvelope(
  body: Record<string, unknown>,
  input: SignInput,
  stan: () => string = nextStan,
): void {
  const headers = body.headers;
  if (!headers || typeof headers !== 'object') return; // bankVerification has no envelope
  const now = Date.now();
  const offsetSeconds = input.timestamp - Math.floor(now / 1000);
  const offsetMs = Math.abs(offsetSeconds) <= 1 ? 0 : offsetSeconds * 1000;
  const h = headers as Record<string, unknown>;
  h.stan = stan();
  h.transmission_datetime = String(now + offsetMs);
}
