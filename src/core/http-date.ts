/**
 * HTTP-date parsing, strictly as RFC 9110 §5.6.7 defines it: IMF-fixdate and the two obsolete
 * forms (RFC 850, asctime). `Date.parse` is not used: it accepts almost anything (`-5`, `2, 2`
 * and `+5` are all dates in 2001 to V8), which would turn a garbage `Retry-After` into "now".
 */

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const TIME = '(\\d\\d):(\\d\\d):(\\d\\d)';
// Groups: day, month, year, hour, minute, second.
const IMF_FIXDATE = RegExp(`^${DAY}, (\\d\\d) (\\w{3}) (\\d{4}) ${TIME} GMT`); // Sun, 06 Nov 1994 08:49:37 GMT
const RFC850 = RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d\\d)-(\\w{3})-(\\d\\d) ${TIME} GMT`); // Sunday, 06-Nov-94 08:49:37 GMT
// Groups: month, day (space-padded), hour, minute, second, year.
const ASCTIME = RegExp(`^${DAY} (\\w{3}) ( \\d|\\d\\d) ${TIME} (\\d{4})`); // Sun Nov  6 08:49:37 1994
const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/** Reads one HTTP-date at the very start of `text`: its instant (ms) and length, or `undefined`. */
export function matchHttpDate(text: string, nowMs = Date.now()): { ms: number; length: number } | undefined {
  const m = IMF_FIXDATE.exec(text) ?? RFC850.exec(text);
  const a = m ? null : ASCTIME.exec(text);
  const parts = m ? m.slice(1) : a && [a[2]!, a[1]!, a[6]!, a[3]!, a[4]!, a[5]!];
  if (!parts) return undefined;
  const [day, , year, hour, minute, second] = parts.map(Number) as number[];
  let y = year!;
  // RFC 850's two-digit year: more than 50 years ahead means the previous century.
  if (y < 100) {
    const now = new Date(nowMs).getUTCFullYear();
    y += now - (now % 100);
    if (y > now + 50) y -= 100;
  }
  const month = MONTHS.indexOf(parts[1]!) / 3;
  // A real time (60 is a leap second, which RFC 9110 allows) and a real date (no 30 February).
  if (!Number.isInteger(month) || hour! > 23 || minute! > 59 || second! > 60 || day! < 1) return undefined;
  if (new Date(Date.UTC(y, month, day)).getUTCDate() !== day) return undefined;
  return { ms: Date.UTC(y, month, day, hour, minute, second), length: (m ?? a)![0].length };
}

/** The instant an HTTP-date names (ms since the epoch), or `undefined` if `text` is not exactly one. */
export function parseHttpDate(text: string, nowMs = Date.now()): number | undefined {
  const trimmed = text.trim();
  const match = matchHttpDate(trimmed, nowMs);
  return match && match.length === trimmed.length ? match.ms : undefined;
}
