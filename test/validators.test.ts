import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputValidationError } from '../src/core/errors.js';
import {
  aadhaarSchema,
  consentSchema,
  dateSchema,
  gstinCheckCharacter,
  gstinSchema,
  ifscSchema,
  isValidAadhaar,
  isValidDate,
  isValidGstin,
  isValidIfsc,
  isValidIndianMobile,
  isValidIsoDate,
  isValidPan,
  isValidVerhoeff,
  panHolderType,
  maskAadhaar,
  mobileSchema,
  normalizeAadhaar,
  normalizeIndianMobile,
  panSchema,
  parseInput,
  verhoeffCheckDigit,
} from '../src/validators/index.js';
import { makeAadhaar, referenceCheckDigit } from './helpers/aadhaar.js';

/** Known-valid GSTINs published by their holders (the first is the one in seed 003). */
const PUBLIC_GSTINS = [
  '29AAECK9415C1ZJ',
  '27AAPFU0939F1ZV',
  '29AAGCB7383J1Z4',
  '24AAACC1206D1ZM',
  '09AAACH7409R1ZZ',
];

function issuesOf(fn: () => unknown): InputValidationError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputValidationError);
    return err as InputValidationError;
  }
  throw new Error('expected InputValidationError');
}

describe('Verhoeff', () => {
  it('matches the textbook vector (236 → 3) and the independent reference', () => {
    expect(verhoeffCheckDigit('236')).toBe('3');
    expect(referenceCheckDigit('236')).toBe(3);
    expect(isValidVerhoeff('2363')).toBe(true);
    expect(isValidVerhoeff('2364')).toBe(false);
  });

  it('agrees with the algebraic reference on random digit strings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/), (digits) => {
        expect(verhoeffCheckDigit(digits)).toBe(String(referenceCheckDigit(digits)));
        expect(isValidVerhoeff(digits + referenceCheckDigit(digits))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('catches every single-digit error and every adjacent transposition', () => {
    const a = makeAadhaar(7);
    for (let i = 0; i < 12; i++) {
      for (let d = 0; d < 10; d++) {
        if (String(d) === a[i]) continue;
        expect(isValidVerhoeff(a.slice(0, i) + d + a.slice(i + 1))).toBe(false);
      }
      if (i < 11 && a[i] !== a[i + 1]) {
        expect(isValidVerhoeff(a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2))).toBe(false);
      }
    }
  });
});

describe('Aadhaar', () => {
  it('accepts generated numbers, with spaces or hyphens', () => {
    for (let seed = 1; seed < 50; seed++) {
      const a = makeAadhaar(seed);
      expect(isValidAadhaar(a)).toBe(true);
      expect(isValidAadhaar(`${a.slice(0, 4)} ${a.slice(4, 8)} ${a.slice(8)}`)).toBe(true);
      expect(isValidAadhaar(`${a.slice(0, 4)}-${a.slice(4, 8)}-${a.slice(8)}`)).toBe(true);
    }
    expect(normalizeAadhaar('2345 6789-0124')).toBe('234567890124');
  });

  it('rejects a wrong check digit, a leading 0 or 1, wrong lengths and non-strings', () => {
    const a = makeAadhaar(3);
    const wrong = a.slice(0, 11) + ((Number(a[11]) + 1) % 10);
    expect(isValidAadhaar(wrong)).toBe(false);
    const zero = `0${a.slice(1, 11)}`;
    expect(isValidAadhaar(zero + referenceCheckDigit(zero))).toBe(false);
    const one = `1${a.slice(1, 11)}`;
    expect(isValidAadhaar(one + referenceCheckDigit(one))).toBe(false);
    expect(isValidAadhaar(a.slice(0, 11))).toBe(false);
    expect(isValidAadhaar(`${a}0`)).toBe(false);
    expect(isValidAadhaar(Number(a))).toBe(false);
  });

  it('masks to the last four digits', () => {
    expect(maskAadhaar('2345 6789 0124')).toBe('XXXXXXXX0124');
  });

  it('schema: rule verhoeff / format, never echoing the number', () => {
    const a = makeAadhaar(11);
    const wrong = a.slice(0, 11) + ((Number(a[11]) + 3) % 10);
    const err = issuesOf(() => parseInput(aadhaarSchema, wrong, { field: 'aadhaar' }));
    expect(err.issues).toEqual([{ field: 'aadhaar', rule: 'verhoeff', message: expect.any(String) }]);
    const everything = `${err.message} ${err.stack} ${JSON.stringify(err)} ${JSON.stringify(err.issues)}`;
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(wrong.slice(0, 8));
    expect(issuesOf(() => parseInput(aadhaarSchema, '1234')).rule).toBe('format');
    expect(parseInput(aadhaarSchema, `${a.slice(0, 4)} ${a.slice(4, 8)} ${a.slice(8)}`)).toBe(a);
  });
});

describe('PAN', () => {
  it('accepts every holder type in Table 1 and normalises case', () => {
    for (const t of 'PCHABGJLFT') expect(isValidPan(`ABC${t}E1234F`)).toBe(true);
    expect(isValidPan(' abcpe1234f ')).toBe(true);
    expect(parseInput(panSchema, 'abcpe1234f')).toBe('ABCPE1234F');
  });

  it('the holder type is information: any 4th letter passes, unless strict mode is asked for', () => {
    // Seed 000 signs {"pan":"ABCDE1234F"}: D is in no holder-type table, and the PAN must pass.
    expect(isValidPan('ABCDE1234F')).toBe(true);
    expect(parseInput(panSchema, 'abcde1234f')).toBe('ABCDE1234F');
    for (const t of 'DEIKMNOQRSUVWXYZ') {
      expect(isValidPan(`ABC${t}E1234F`)).toBe(true);
      expect(isValidPan(`ABC${t}E1234F`, { strict: true })).toBe(false);
      expect(panHolderType(`ABC${t}E1234F`)).toBeUndefined();
    }
    const table1 = {
      P: 'IND',
      C: 'COM',
      H: 'HUF',
      A: 'AOP',
      B: 'BOI',
      G: 'GOV',
      J: 'AJP',
      L: 'LOA',
      F: 'FIR',
      T: 'TST',
    };
    for (const [letter, type] of Object.entries(table1)) {
      expect(panHolderType(`abc${letter.toLowerCase()}e1234f`)).toBe(type);
      expect(isValidPan(`ABC${letter}E1234F`, { strict: true })).toBe(true);
    }
    expect(panHolderType('ABCPE1234')).toBeUndefined();
    expect(panHolderType(42)).toBeUndefined();
  });

  it('the format is the hard rule: 5 letters, 4 digits, 1 letter, ASCII only', () => {
    for (const bad of ['ABCDE１２３４F', 'ABCDE١٢٣٤F', 'ABCDÉ1234F', 'ΑBCDE1234F', 'ABCDE1234F\u200b']) {
      expect(isValidPan(JSON.parse(`"${bad}"`))).toBe(false);
      expect(isValidPan(JSON.parse(`"${bad}"`), { strict: true })).toBe(false);
    }
  });

  it('rejects bad shapes (rule format)', () => {
    for (const bad of ['ABCPE1234', 'ABCPE12345', 'ABCP51234F', 'ABCPE1234F1', '', 'ABCPE12A4F']) {
      expect(isValidPan(bad)).toBe(false);
      expect(issuesOf(() => parseInput(panSchema, bad)).rule).toBe('format');
    }
    expect(issuesOf(() => parseInput(panSchema, 12345)).rule).toBe('type');
  });
});

describe('GSTIN', () => {
  it('accepts known-valid public GSTINs; the check character is recomputed exactly', () => {
    for (const g of PUBLIC_GSTINS) {
      expect(isValidGstin(g)).toBe(true);
      expect(gstinCheckCharacter(g.slice(0, 14))).toBe(g[14]);
      expect(isValidGstin(g.toLowerCase())).toBe(true);
    }
  });

  it('every other 15th character fails with rule check_character', () => {
    const g = PUBLIC_GSTINS[0]!;
    for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      if (c === g[14]) continue;
      expect(isValidGstin(g.slice(0, 14) + c)).toBe(false);
      const err = issuesOf(() => parseInput(gstinSchema, g.slice(0, 14) + c, { field: 'gstin' }));
      expect(err.issues[0]).toMatchObject({ field: 'gstin', rule: 'check_character' });
    }
  });

  it('a single substituted character anywhere is caught', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PUBLIC_GSTINS),
        fc.integer({ min: 0, max: 13 }),
        fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        (g, i, c) => {
          fc.pre(g[i] !== c);
          expect(isValidGstin(g.slice(0, i) + c + g.slice(i + 1))).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('checks the state code, the embedded PAN and the entity code; the 14th character is free', () => {
    const with14 = (s: string) => s + gstinCheckCharacter(s);
    expect(isValidGstin(with14('29AAECK9415C1A'))).toBe(true); // 14th not 'Z'
    expect(isValidGstin(with14('97AAECK9415C1Z'))).toBe(true);
    expect(isValidGstin(with14('99AAECK9415C1Z'))).toBe(true);
    expect(issuesOf(() => parseInput(gstinSchema, with14('39AAECK9415C1Z'))).rule).toBe('state_code');
    expect(issuesOf(() => parseInput(gstinSchema, with14('00AAECK9415C1Z'))).rule).toBe('state_code');
    // The embedded PAN's 4th letter is information, like a PAN's (see panHolderType).
    expect(isValidGstin(with14('29AAEXK9415C1Z'))).toBe(true);
    expect(issuesOf(() => parseInput(gstinSchema, with14('29AAEC19415C1Z'))).rule).toBe('pan');
    expect(issuesOf(() => parseInput(gstinSchema, with14('29AAECK9415C0Z'))).rule).toBe('format');
    expect(issuesOf(() => parseInput(gstinSchema, '29AAECK9415C1Z')).rule).toBe('format');
  });
});

describe('IFSC', () => {
  it('accepts 4 letters, 0, 6 alphanumerics (any case)', () => {
    expect(isValidIfsc('SBIN0001234')).toBe(true);
    expect(isValidIfsc('hdfc0abc123')).toBe(true);
    expect(parseInput(ifscSchema, 'hdfc0abc123')).toBe('HDFC0ABC123');
  });
  it('rejects a 5th character that is not 0 (rule fifth_character) and other shapes (format)', () => {
    expect(isValidIfsc('SBIN1001234')).toBe(false);
    expect(issuesOf(() => parseInput(ifscSchema, 'SBINO001234')).rule).toBe('fifth_character');
    for (const bad of ['SBI00001234', 'SBIN000123', 'SBIN00012345', 'SBIN0-01234']) {
      expect(isValidIfsc(bad)).toBe(false);
      expect(issuesOf(() => parseInput(ifscSchema, bad)).rule).toBe('format');
    }
  });
});

describe('Indian mobile', () => {
  it('normalises +91 / 91 / 0 prefixes, spaces and hyphens to 10 digits', () => {
    for (const m of ['9876543210', '+919876543210', '919876543210', '09876543210', '+91 98765-43210']) {
      expect(isValidIndianMobile(m)).toBe(true);
      expect(normalizeIndianMobile(m)).toBe('9876543210');
      expect(parseInput(mobileSchema, m)).toBe('9876543210');
    }
  });
  it('rejects numbers not starting 6-9 and wrong lengths', () => {
    for (const m of [
      '5876543210',
      '987654321',
      '98765432101',
      '+929876543210',
      'abcdefghij',
      '+91 5876543210',
    ]) {
      expect(isValidIndianMobile(m)).toBe(false);
    }
    expect(issuesOf(() => parseInput(mobileSchema, '12345')).rule).toBe('format');
  });
});

describe('dates', () => {
  it('dd/mm/yyyy must exist (leap years included)', () => {
    for (const d of ['29/02/2024', '29/02/2000', '31/12/1999', '01/01/1970', '30/04/2024'])
      expect(isValidDate(d)).toBe(true);
    for (const d of ['29/02/2023', '29/02/1900', '31/04/2024', '00/01/2024', '01/13/2024', '32/01/2024']) {
      expect(isValidDate(d)).toBe(false);
      expect(issuesOf(() => parseInput(dateSchema, d)).rule).toBe('date');
    }
    for (const d of ['2024-02-29', '1/2/2024', '01/02/24', '01-02-2024']) {
      expect(isValidDate(d)).toBe(false);
      expect(issuesOf(() => parseInput(dateSchema, d)).rule).toBe('format');
    }
  });
  it('yyyy-mm-dd filters must exist too', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('29/02/2024')).toBe(false);
  });
  it('the first century and year 0 follow the same calendar (Date.UTC reads years 0-99 as 19xx)', () => {
    for (const d of ['0004-02-29', '0001-01-01', '0099-12-31', '0400-02-29', '9999-12-31'])
      expect(isValidIsoDate(d)).toBe(true);
    for (const d of ['0000-01-01', '0003-02-29', '0100-02-29', '0001-00-10', '0001-13-01'])
      expect(isValidIsoDate(d)).toBe(false);
    expect(isValidDate('29/02/0096')).toBe(true);
    expect(isValidDate('29/02/0097')).toBe(false);
  });
});

describe('consent', () => {
  it('only the literal true passes; anything else is rule consent', () => {
    expect(parseInput(consentSchema, true)).toBe(true);
    for (const bad of ['true', 1, false, undefined, 'yes']) {
      expect(issuesOf(() => parseInput(consentSchema, bad, { field: 'consent' })).issues[0]).toMatchObject({
        field: 'consent',
        rule: 'consent',
      });
    }
  });
});

describe('plain functions and schemas agree', () => {
  const pairs = [
    ['pan', isValidPan, panSchema, fc.stringMatching(/^ ?[A-Za-z]{5}\d{4}[A-Za-z] ?$/)],
    ['aadhaar', isValidAadhaar, aadhaarSchema, fc.stringMatching(/^\d{4}[ -]?\d{4}[ -]?\d{4}$/)],
    [
      'gstin',
      isValidGstin,
      gstinSchema,
      fc.stringMatching(/^\d{2}[A-Z]{3}[PCHX][A-Z]\d{4}[A-Z][1-9A][Z0-9][0-9A-Z]$/),
    ],
    ['ifsc', isValidIfsc, ifscSchema, fc.stringMatching(/^[A-Za-z]{4}[0O1][A-Za-z0-9]{6}$/)],
    ['mobile', isValidIndianMobile, mobileSchema, fc.stringMatching(/^(\+91|91|0)?[ -]?\d{5}[ -]?\d{5}$/)],
    ['date', isValidDate, dateSchema, fc.stringMatching(/^[0-3]\d\/[01]\d\/(19|20)\d\d$/)],
  ] as const;
  it.each(pairs)('%s: isValid(v) === schema accepts v', (_name, fn, schema, arb) => {
    fc.assert(
      fc.property(fc.oneof(arb, fc.string(), fc.integer()), (v) => {
        let accepted = true;
        try {
          parseInput(schema as never, v);
        } catch (err) {
          expect(err).toBeInstanceOf(InputValidationError);
          accepted = false;
        }
        expect(fn(v)).toBe(accepted);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseInput wording for any zod schema', () => {
  it('says "greater than" for an exclusive minimum and "at least" for an inclusive one', async () => {
    const z = await import('zod/mini');
    const issue = (schema: Parameters<typeof parseInput>[0], value: unknown) => {
      try {
        parseInput(schema, value, { field: 'n' });
      } catch (err) {
        return (err as InputValidationError).issues[0];
      }
      return undefined;
    };
    // It used to read "must be at least more than 0."
    expect(issue(z.number().check(z.positive()), 0)).toEqual({
      field: 'n',
      rule: 'min',
      message: 'must be greater than 0.',
    });
    expect(issue(z.number().check(z.gte(1)), 0)).toEqual({
      field: 'n',
      rule: 'min',
      message: 'must be at least 1.',
    });
    expect(issue(z.string().check(z.minLength(2)), 'a')).toMatchObject({
      message: 'must be at least 2 characters.',
    });
  });
});
