import { describe, expect, it } from 'vitest';
import { InputValidationError } from '../src/core/errors.js';
import { parseInput as parseRow } from '../src/model/parse.js';
import { getOperation } from '../src/model/registry.js';
import { schemas } from '../src/zod/index.js';
import {
  gstinSchema,
  ifscSchema,
  isValidGstin,
  isValidIfsc,
  isValidPan,
  normalizePan,
  panSchema,
  parseInput,
} from '../src/validators/index.js';
import { Veri5Client } from '../src/veri5/client.js';

// Characters whose Unicode upper case is ASCII: `ß` → `SS`, `ſ` (long s) → `S`, `ı` (dotless i)
// → `I`, `ﬀ` → `FF`. Upper-casing first turned them into a different, valid identifier that was
// then sent.
const VALID = { pan: 'ABSPV1234D', gstin: '27ABCPS1234D1Z1', ifsc: 'SBIN0001234' };
const TRICKS = {
  pan: ['aßpv1234d', 'abſpv1234d', 'ABſPV1234D', '\u00a0ABSPV1234D', 'ABSPV1234D\u2003'],
  gstin: ['27abcpſ1234d1z1', '27ABCPſ1234D1Z1', '\u00a027ABCPS1234D1Z1'],
  ifsc: ['ſbin0001234', 'ſBIN0001234', 'sbın0001234', '\ufeffSBIN0001234'],
};

describe('PAN, GSTIN and IFSC: non-ASCII is refused before anything is normalised', () => {
  it('the valid forms pass (lower case and ASCII spaces are still fine)', () => {
    expect(isValidPan(VALID.pan)).toBe(true);
    expect(isValidPan(` ${VALID.pan.toLowerCase()}\t`)).toBe(true);
    expect(isValidGstin(VALID.gstin.toLowerCase())).toBe(true);
    expect(isValidIfsc(` ${VALID.ifsc.toLowerCase()} `)).toBe(true);
  });

  it.each(TRICKS.pan)('isValidPan(%j) is false', (value) => {
    expect(isValidPan(value)).toBe(false);
    expect(() => parseInput(panSchema, value)).toThrow(InputValidationError);
  });
  it.each(TRICKS.gstin)('isValidGstin(%j) is false', (value) => {
    expect(isValidGstin(value)).toBe(false);
    expect(() => parseInput(gstinSchema, value)).toThrow(InputValidationError);
  });
  it.each(TRICKS.ifsc)('isValidIfsc(%j) is false', (value) => {
    expect(isValidIfsc(value)).toBe(false);
    expect(() => parseInput(ifscSchema, value)).toThrow(InputValidationError);
  });

  it('normalisation never turns a non-ASCII character into ASCII', () => {
    expect(normalizePan('aßpv1234d')).toBe('AßPV1234D');
  });

  it('the operation rules (the client) and the zod schemas refuse them with the format rule', () => {
    const parseWeb = (key: string, input: unknown) => parseRow(getOperation(key)!, input);
    const parseZod = (key: string, input: unknown) => parseInput(schemas[key as 'verify.pan'], input);
    for (const parse of [parseZod, parseWeb]) {
      const cases: [string, unknown][] = [
        ['verify.pan', { pan: 'aßpv1234d' }],
        ['verify.gst', { gstin: '27abcpſ1234d1z1' }],
        ['verify.bank', { account_number: '12345678', ifsc: 'ſbin0001234' }],
      ];
      for (const [key, input] of cases) {
        let error: unknown;
        try {
          parse(key, input);
        } catch (err) {
          error = err;
        }
        expect(error, `${key} ${JSON.stringify(input)}`).toBeInstanceOf(InputValidationError);
        expect((error as InputValidationError).rule).toBe('format');
      }
    }
  });

  it('Veri5Client refuses them before sending', async () => {
    const sent: string[] = [];
    const veri5 = new Veri5Client({
      clientCode: 'C',
      apiKey: 'k',
      salt: 'veri5_test_salt',
      baseURL: 'http://127.0.0.1:9',
      fetch: async (url) => {
        sent.push(url);
        return new Response('{}');
      },
    });
    await expect(veri5.fetchPanDetails({ pan: 'aßpv1234d' } as never)).rejects.toBeInstanceOf(
      InputValidationError,
    );
    await expect(veri5.verifyGstin({ gstin: '27abcpſ1234d1z1' } as never)).rejects.toBeInstanceOf(
      InputValidationError,
    );
    expect(sent).toEqual([]);
  });
});

describe('gstinCheckCharacter', () => {
  it('refuses non-ASCII instead of upper-casing it into a code', async () => {
    const { gstinCheckCharacter } = await import('../src/validators/index.js');
    expect(gstinCheckCharacter('27abcps1234d1z')).toBe('1');
    expect(() => gstinCheckCharacter('27abcpſ1234d1z')).toThrow(TypeError);
  });
});
