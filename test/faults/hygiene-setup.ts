/**
 * Vitest setup file (vitest.config.ts `setupFiles`): watches every line the SDK logs through
 * `console` in every test of the suite, and fails the test that produced a line containing a
 * known test secret, a signature-like hex string, or an unmasked Aadhaar/account-length number.
 * (test/hygiene.test.ts does the thorough check with a capturing logger and every error.)
 */
import { afterEach, expect } from 'vitest';

// The secrets, salts and keys the suite's fixtures use (CONTRACTS.md, sandbox defaults, helpers).
const KNOWN_SECRETS = [
  'sandbox_secret',
  'veri5_test_salt',
  'open_test_secret',
  'fault_secret_Zq81xw',
  'test_secret',
  'wrong_secret',
];
// A redacted SDK line has none of these: the redactor replaces 64-hex runs and masks 9–18 digit runs.
const SIGNATURE = /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/i;
const LONG_NUMBER = /(?<!\d)\d{9,18}(?!\d)/;
const GROUPED_AADHAAR = /(?<!\d)\d{4}(?:[ .-]|%20|\+)\d{4}(?:[ .-]|%20|\+)\d{4}(?!\d)/;
const SDK_PREFIX = '[vistarkriya]';

const violations: string[] = [];

function inspectLine(args: unknown[]): void {
  const first = args[0];
  if (typeof first !== 'string' || !first.startsWith(SDK_PREFIX)) return;
  const line = args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ');
  const secret = KNOWN_SECRETS.find((s) => line.includes(s));
  if (secret) violations.push(`secret "${secret}" in: ${line}`);
  if (SIGNATURE.test(line)) violations.push(`signature-like hex in: ${line}`);
  if (LONG_NUMBER.test(line) || GROUPED_AADHAAR.test(line)) violations.push(`unmasked number in: ${line}`);
}

for (const level of ['debug', 'info', 'log', 'warn', 'error'] as const) {
  const original = console[level];
  console[level] = function (this: Console, ...args: unknown[]) {
    inspectLine(args);
    return original.apply(this, args);
  } as Console[typeof level];
}

afterEach(() => {
  const found = violations.splice(0);
  expect(found, 'the SDK logged something it must not').toEqual([]);
});
