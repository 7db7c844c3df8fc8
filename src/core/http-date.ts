/**
 * HTTP-date parsing, strictly as RFC 9110 §5.6.7 defines it: IMF-fixdate and the two obsolete
 * forms (RFC 850, asctime). `Date.parse` is not used: it accepts almost anything (`-5`, `2, 2`
 * and `+5` are all dates in 2001 to V8), which would turn a garbage `Retry-After` into "now".
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

// `Sun, 06 Nov 1994 08:49:37 GMT`
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT`);
// `Sunday, 06-Nov-94 08:49:37 GMT`
const RFC850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT`);
// `Sun Nov  6 08:49:37 1994` (the day is space-padded)
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ( \\d|\\d{2}) ${TIME} (\\d{4})`);

interface Match {
  /** Milliseconds since the epoch. */
  ms: number;
  /** Characters of the input the date used. */
  length: number;
}

/** Reads one HTTP-date at the very start of `text`; `undefined` when there is none. */
export function matchHttpDate(text: string, nowMs = Date.now()): Match | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m) return build(m[0].length, m[3]!, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  m = RFC850.exec(text);
  if (m) return build(m[0].length, fullYear(Number(m[3]), nowMs), m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  m = ASCTIME.exec(text);
  if (m) return build(m[0].length, m[6]!, m[1]!, m[2]!.trim(), m[3]!, m[4]!, m[5]!);
  return undefined;
}

/** The instant an HTTP-date names (ms since the epoch), or `undefined` if `text` is not exactly one. */
export function parseHttpDate(text: string, nowMs = Date.now()): number | undefined {
  const trimmed = text.trim();
  const match = matchHttpDate(trimmed, nowMs);
  return match && match.length === trimmed.length ? match.ms : undefined;
}

function build(
  length: number,
  year: string | number,
  month: string,
  day: string,
  hour: string,
  minute: string,
  second: string,
): Match | undefined {
  const y = Number(year);
  const mo = MONTHS.indexOf(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  // 60 is a leap second (RFC 9110 allows it); it is read as the next second.
  const s = Number(second);
  if (h > 23 || mi > 59 || s > 60 || d < 1) return undefined;
  const ms = Date.UTC(y, mo, d, h, mi, s);
  // Date.UTC rolls 30 Feb over to March: a date that does not exist is refused.
  if (new Date(Date.UTC(y, mo, d)).getUTCDate() !== d) return undefined;
  return { ms, length };
}

/**
 * RFC 9110: a two-digit year that would be more than 50 years in the future is the most recent
 * past year with those last two digits.
 */
function fullYear(twoDigits: number, nowMs: number): number {
  const thisYear = new Date(nowMs).getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + twoDigits;
  if (year > thisYear + 50) year -= 100;
  return year;
}
