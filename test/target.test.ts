import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputValidationError } from '../src/core/errors.js';
import { buildTarget } from '../src/core/target.js';

/** What fetch/undici put on the wire for a target: the WHATWG URL parser's path + query. */
const onTheWire = (target: string) => {
  const url = new URL(target, 'http://127.0.0.1');
  return url.pathname + url.search;
};

describe('buildTarget', () => {
  it('returns the path alone without a query, or when every value is skipped', () => {
    expect(buildTarget('/api/v1/wallet/core/balance')).toBe('/api/v1/wallet/core/balance');
    expect(buildTarget('/p', {})).toBe('/p');
    expect(buildTarget('/p', { a: undefined, b: null })).toBe('/p');
  });

  it('encodes spaces as %20, never +', () => {
    expect(buildTarget('/p', { search: 'ravi kumar+singh' })).toBe('/p?search=ravi%20kumar%2Bsingh');
  });

  it('repeats the key for arrays, skips undefined and null, keeps the order given', () => {
    expect(buildTarget('/p', { z: 1, tag: ['a b', 'c', 3, true], skip: undefined, none: null, a: 'x' })).toBe(
      '/p?z=1&tag=a%20b&tag=c&tag=3&tag=true&a=x',
    );
    expect(buildTarget('/p', { tag: [] })).toBe('/p');
  });

  it('writes a Date as its ISO string', () => {
    expect(buildTarget('/p', { from: new Date(Date.UTC(2024, 1, 20, 10, 30)) })).toBe(
      '/p?from=2024-02-20T10%3A30%3A00.000Z',
    );
  });

  it('percent-encodes UTF-8 (Devanagari, emoji) with upper-case hex', () => {
    expect(buildTarget('/p', { q: 'राम', e: '😀' })).toBe('/p?q=%E0%A4%B0%E0%A4%BE%E0%A4%AE&e=%F0%9F%98%80');
  });

  it("encodes !'()* so that the URL parser cannot rewrite the signed target", () => {
    const target = buildTarget('/p', { name: "D'Souza (HUF)!*", "k'": '~._-' });
    expect(target).toBe('/p?name=D%27Souza%20%28HUF%29%21%2A&k%27=~._-');
    expect(onTheWire(target)).toBe(target);
  });

  it('appends to a path that already has a query', () => {
    expect(buildTarget('/p?x=1', { y: 2 })).toBe('/p?x=1&y=2');
  });

  it('rejects a lone surrogate with InputValidationError (not a URIError)', () => {
    expect(() => buildTarget('/p', { q: 'a\ud800' })).toThrow(InputValidationError);
    expect(() => buildTarget('/p', { '\udc00': 'v' })).toThrow(InputValidationError);
  });

  it('is left unchanged by the WHATWG URL parser for any query (what is signed is what is sent)', () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.integer(),
      fc.boolean(),
      fc.array(fc.string({ unit: 'binary' }), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary', minLength: 1 }), value), (query) => {
        const target = buildTarget('/api/v1/b2c/customers', query);
        expect(onTheWire(target)).toBe(target);
      }),
      { numRuns: 2000 },
    );
  });
});
