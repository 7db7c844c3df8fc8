import { describe, expect, it } from 'vitest';
import { INTERNAL_PROPS } from '../scripts/build-constants.mjs';
import * as sdk from '../src/index.js';
import { openApiDocument } from '../src/model/openapi.js';
import { PLATFORM } from '../src/model/platform.js';
import { VERI5 } from '../src/model/veri5.js';

// The web build renames every property called one of INTERNAL_PROPS, on whatever object. A name
// that is also a route segment, an operation, an input or output field, or a member users read
// would break the browser client only (the Node build and the unit tests keep the long names).

/** Every object key in a JSON-like value (the OpenAPI document, the rows). */
function keysOf(value: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  for (const [key, child] of Object.entries(value)) {
    if (!Array.isArray(value)) out.add(key);
    keysOf(child, out, seen);
  }
  return out;
}

const shortened = (names: Iterable<string>) => [...names].filter((n) => INTERNAL_PROPS.test(n));

describe('the names the web build shortens are internal', () => {
  it('the pattern is anchored: a public name that contains one is left alone', () => {
    expect(INTERNAL_PROPS.test('retryability')).toBe(true);
    expect(INTERNAL_PROPS.test('maxRetries')).toBe(false);
    expect(INTERNAL_PROPS.test('clockOffsetSeconds')).toBe(false);
  });

  it('no route segment, operation, input field or wire key (the OpenAPI document, the rows)', () => {
    const names = new Set([...keysOf(openApiDocument()), ...keysOf(PLATFORM), ...keysOf(VERI5)]);
    // The walk sees the rows' own members too (method, retry, input, paged, …).
    expect(names).toContain('pipeline');
    expect(names).toContain('per_page');
    expect(shortened(names)).toEqual([]);
  });

  it('no member of an error, a client or a namespace', () => {
    const vk = new sdk.VistarkriyaClient({ baseURL: '/api', signer: sdk.proxySigner({ headers: {} }) });
    const errors = [
      new sdk.APIError({ status: 500, message: 'x', retryAfter: 1, outcomeUnknown: true }),
      new sdk.APIConnectionError({ cause: new Error('x') }),
      new sdk.UserAbortError(),
      new sdk.ClientClosedError(),
      new sdk.InputValidationError([{ field: 'f', rule: 'r', message: 'm' }]),
    ];
    const clientClass = Object.getPrototypeOf(vk);
    const names = new Set([
      // The client's own members (its internal `pipeline` config is internal throughout).
      ...Object.keys(vk),
      ...keysOf({ wallet: vk.wallet, cibil: vk.cibil, verify: vk.verify, b2c: vk.b2c }),
      ...Object.getOwnPropertyNames(clientClass),
      ...Object.getOwnPropertyNames(Object.getPrototypeOf(clientClass)),
      ...errors.flatMap((e) => Object.getOwnPropertyNames(e)),
    ]);
    expect(names).toContain('wallet');
    expect(names).toContain('outcomeUnknown');
    expect(shortened(names)).toEqual([]);
  });
});
