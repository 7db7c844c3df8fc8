/** Upper-cases ASCII letters only; every other character is kept as it is. */
export function asciiUpperCase(value: string): string {
  return value.replace(/[a-z]+/g, (s) => s.toUpperCase());
}

/**
 * Normalises a code typed by a person (PAN, GSTIN, IFSC): trims ASCII whitespace and upper-cases
 * ASCII letters, nothing else. A non-ASCII character is left as it is, so the code's ASCII-only
 * shape check refuses it: `String.prototype.toUpperCase` would first turn `ß` into `SS`, `ſ`
 * (long s) into `S` and `ı` (dotless i) into `I`, making a different, valid code that is then sent.
 */
export function normalizeAsciiCode(value: string): string {
  return asciiUpperCase(value.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, ''));
}
