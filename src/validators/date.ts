/**
 * Whether the calendar has that day: a date that does not exist (31 April, 29 February 2023, month
 * 13, day 0) rolls over into another month. `Date.UTC` reads years 0-99 as 1900-1999, whose leap
 * years fall on the same remainders (year 0 is refused), so the answer holds for every year.
 */
function exists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** @internal The rule a `dd/mm/yyyy` string breaks, or undefined when it is a real date. */
export function dateProblem(value: string): 'format' | 'date' | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!m) return 'format';
  return exists(Number(m[3]), Number(m[2]), Number(m[1])) ? undefined : 'date';
}

/**
 * True for a `dd/mm/yyyy` date that exists on the calendar (leap years included):
 * `29/02/2024` is valid, `29/02/2023` and `31/04/2024` are not.
 */
export function isValidDate(value: unknown): boolean {
  return typeof value === 'string' && dateProblem(value) === undefined;
}

/** @internal The rule a `yyyy-mm-dd` string breaks, or undefined when it is a real date. */
export function isoDateProblem(value: string): 'format' | 'date' | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'format';
  return exists(Number(m[1]), Number(m[2]), Number(m[3])) ? undefined : 'date';
}

/** True for a `yyyy-mm-dd` date that exists (the format of the list filters `from` and `to`). */
export function isValidIsoDate(value: unknown): boolean {
  return typeof value === 'string' && isoDateProblem(value) === undefined;
}
