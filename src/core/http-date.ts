/**
 * HTTP-date parsing, strictly as RFC 9110 §5.6.7 defines it: IMF-fixdate and the two obsolete
 * forms (RFC 850, asctime). `Date.parse` is not used: it accepts almost anything (`-5`, `2, 2`
 * and `+5` are all dates in 2001 to V8), which would turn a garbage `Retry-After` into "now".
 */
import { dayExists } from './calendar.js';

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const TIME = '(\\d\\d):(\\d\\d):(\\d\\d)';
// The three forms as alternatives: Sun, 06 Nov 1994 08:49:37 GMT (IMF-fixdate) | Sunday,
// 06-Nov-94 08:49:37 GMT (RFC 850) | Sun Nov  6 08:49:37 1994 (asctime). The groups that take
// part are, in order, day, month, year, hour, minute, second; asctime's are month, day (space-
// padded), hour, minute, second, year.
const HTTP_DATE = RegExp(
  `^(?:${DAY}, (\\d\\d) (\\w{3}) (\\d{4})|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d\\d)-(\\w{3})-(\\d\\d)) ${TIME} GMT|^${DAY} (\\w{3}) ( \\d|\\d\\d) ${TIME} (\\d{4})`,
);
const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/** Reads one HTTP-date at the very start of `text`: its instant (ms) and length, or `undefined`. */
export function matchHttpDate(text: string, nowMs = Date.now()): { ms: number; length: number } | undefined {
  const m = HTTP_DATE.exec(text);
  if (!m) return undefined;
  // Every group that took part is non-empty, so these are the six of whichever form matched.
  let [day, month, year, hour, minute, second] = m.slice(1).filter(Boolean) as string[];
  if (!m[0].endsWith('GMT'))
    [month, day, hour, minute, second, year] = [day, month, year, hour, minute, second];
  let y = +year!;
  // RFC 850's two-digit year: more than 50 years ahead means the previous century.
  if (y < 100) {
    const now = new Date(nowMs).getUTCFullYear();
    y += now - (now % 100);
    if (y > now + 50) y -= 100;
  }
  const mo = MONTHS.indexOf(month!) / 3;
  const d = +day!;
  // A real time (60 is a leap second, which RFC 9110 allows) and a real date (no 30 February).
  if (!Number.isInteger(mo) || +hour! > 23 || +minute! > 59 || +second! > 60) return undefined;
  if (!dayExists(y, mo + 1, d)) return undefined;
  return { ms: Date.UTC(y, mo, d, +hour!, +minute!, +second!), length: m[0].length };
}

/** The instant an HTTP-date names (ms since the epoch), or `undefined` if `text` is not exactly one. */
export function parseHttpDate(text: string, nowMs = Date.now()): number | undefined {
  const trimmed = text.trim();
  const match = matchHttpDate(trimmed, nowMs);
  return match && match.length === trimmed.length ? match.ms : undefined;
}
