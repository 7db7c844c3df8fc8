// Deterministic, realistic-looking data: the same request always gets the same answer, so
// users' snapshot tests against the sandbox are stable.

/** A request's value as text (an id may be a number), or undefined when it is absent or null. */
export function optionalText(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** FNV-1a 32-bit hash of a string: the seed of every generated value. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A small seeded PRNG (mulberry32). */
export function rng(seed: string): () => number {
  let a = hash32(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

/** An INR amount between min and max, with paise. */
export function amount(r: () => number, min: number, max: number): number {
  return Math.round((min + r() * (max - min)) * 100) / 100;
}

const FIRST_NAMES = [
  'Aarav',
  'Priya',
  'Rohan',
  'Ananya',
  'Vikram',
  'Sneha',
  'Arjun',
  'Kavya',
  'Rahul',
  'Meera',
  'Aditya',
  'Isha',
  'Suresh',
  'Lakshmi',
  'Karthik',
  'Divya',
  'Manoj',
  'Pooja',
  'Imran',
  'Gurpreet',
] as const;
const LAST_NAMES = [
  'Sharma',
  'Patel',
  'Iyer',
  'Reddy',
  'Nair',
  'Gupta',
  'Singh',
  'Das',
  'Joshi',
  'Kulkarni',
  'Banerjee',
  'Menon',
  'Khan',
  'Chatterjee',
  'Rao',
] as const;

/** City, state and GST state code. */
export const CITIES = [
  { city: 'Mumbai', state: 'Maharashtra', code: '27' },
  { city: 'Pune', state: 'Maharashtra', code: '27' },
  { city: 'Bengaluru', state: 'Karnataka', code: '29' },
  { city: 'New Delhi', state: 'Delhi', code: '07' },
  { city: 'Chennai', state: 'Tamil Nadu', code: '33' },
  { city: 'Hyderabad', state: 'Telangana', code: '36' },
  { city: 'Kolkata', state: 'West Bengal', code: '19' },
  { city: 'Ahmedabad', state: 'Gujarat', code: '24' },
  { city: 'Jaipur', state: 'Rajasthan', code: '08' },
  { city: 'Lucknow', state: 'Uttar Pradesh', code: '09' },
  { city: 'Kochi', state: 'Kerala', code: '32' },
  { city: 'Indore', state: 'Madhya Pradesh', code: '23' },
] as const;

export type City = (typeof CITIES)[number];

export function personName(r: () => number): string {
  return `${pick(r, FIRST_NAMES)} ${pick(r, LAST_NAMES)}`;
}

export function cityFor(r: () => number): City {
  return pick(r, CITIES);
}

export function cityByGstCode(code: string): City | undefined {
  return CITIES.find((c) => c.code === code);
}

/** A 10-digit Indian mobile number. */
export function mobile(r: () => number): string {
  return `${pick(r, ['6', '7', '8', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
}

/** All generated timestamps count back from this fixed instant. */
export const ANCHOR_MS = Date.UTC(2026, 10, 20, 10, 30, 0);

export function isoAt(msBeforeAnchor: number): string {
  return new Date(ANCHOR_MS - msBeforeAnchor).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An id like `TXN20261120000042`. */
export function idOf(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(8, '0')}`;
}

/** Digits of an identifier kept visible (`XXXXXXXX1234`). */
export function maskAllButLast4(value: string): string {
  return 'X'.repeat(Math.max(0, value.length - 4)) + value.slice(-4);
}

const BUSINESS_WORDS = ['Shree', 'Ganesh', 'Sai', 'Lakshmi', 'Balaji', 'Om', 'Krishna', 'Surya'] as const;
const BUSINESS_KINDS = ['Traders', 'Enterprises', 'Textiles', 'Agencies', 'Electronics', 'Foods'] as const;

export function businessName(r: () => number): string {
  return `${pick(r, BUSINESS_WORDS)} ${pick(r, BUSINESS_KINDS)}`;
}
