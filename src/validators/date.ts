import { dayExists } from '../core/calendar.js';

/** @internal The rule a `dd/mm/yyyy` string breaks, or undefined when it is a real date. */
export function dateProblem(value: string): 'format' | 'date' | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!m) return 'format';
  return dayExists(Number(m[3]), Number(m[2]), Number(m[1])) ? undefined : 'date';
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
  return dayExists(Number(m[1]), Number(m[2]), Number(m[3])) ? undefined : 'date';
}

/** True for a `yyyy-mm-dd` date that exists (the format of the list filters `from` and `to`). */
export function isValidIsoDate(value: unknown): boolean {
  return typeof value === 'string' && isoDateProblem(value) === undefined;
}
