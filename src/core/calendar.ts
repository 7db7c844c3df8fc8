/**
 * Whether the calendar has that day (`month` 1-12): a date that does not exist (31 April,
 * 29 February 2023, month 13, day 0) rolls over into another month. `Date.UTC` reads years 0-99 as
 * 1900-1999, whose leap years fall on the same remainders (year 0 is refused), so the answer holds
 * for every year. Input dates (validators/date.ts) and HTTP-dates (http-date.ts) both ask it.
 */
export function dayExists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
