// Random signing inputs for the tests that compare signers with PHP: bodies with every whitespace
// class, astral and Indic text, JSON escapes and long strings; targets with encoded queries; secrets
// empty, short, long and non-ASCII.
import fc from 'fast-check';
import { buildTarget } from '../../src/core/target.js';
import { WHITESPACE_CHARACTERS } from './vectors.js';

/** Every whitespace class (what PCRE's \s strips and the Unicode spaces it must keep), then look-alikes it keeps. */
export const WHITESPACE = [...WHITESPACE_CHARACTERS, '\u200b', '\x1c', '\x1d', '\x1e', '\x1f'];
const whitespace = fc.constantFrom(...WHITESPACE);
const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
const indic = fc.constantFrom(
  'राम',
  'कुमार',
  'क्षि',
  'முருகன்',
  'রবীন্দ্র',
  'ગાંધી',
  'محمد',
  'שלום',
  'e\u0301',
  '👨‍👩‍👧',
  '🇮🇳',
);
const escapes = fc.constantFrom(
  '\\n',
  '\\t',
  '\\"',
  '\\\\',
  '\\/',
  '\\u00e9',
  '\\ud83d\\ude00',
  '\\u2028',
  '\\b',
  '\\f',
  '\\r',
);
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const fragment = fc.oneof(
  whitespace,
  astral,
  indic,
  escapes,
  anyText,
  fc.constantFrom('{', '}', '"', ':', ',', '[', ']'),
);
export const fragments = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));
const jsonBody = fc
  .tuple(
    fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 }),
    fc.constantFrom(undefined, 0, 1, 2, '\t', ' \u00a0'),
  )
  .map(([value, indent]) => JSON.stringify(value, null, indent as string | number | undefined) ?? '');
const longText = fc.string({ unit: 'binary', minLength: 2000, maxLength: 20000 });

/** Bodies: random fragments (weighted), JSON values pretty and compact, long strings, empty. */
const body = fc.oneof(
  { weight: 5, arbitrary: fragments },
  { weight: 3, arbitrary: jsonBody },
  { weight: 1, arbitrary: longText },
  { weight: 1, arbitrary: fc.constant('') },
);

const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH');
const segment = fc.oneof(
  fc.constantFrom('api', 'v1', 'wallet', 'core', 'balance.php', 'verify', 'pan'),
  fc.string({ unit: 'binary', maxLength: 8 }).map(encodeURIComponent),
);
const queryValue = fc.oneof(
  fragments,
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 3 }),
);
const target = fc
  .tuple(
    fc.array(segment, { minLength: 1, maxLength: 5 }),
    fc.option(
      fc.dictionary(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), queryValue, { maxKeys: 4 }),
    ),
  )
  .map(([segments, query]) => buildTarget(`/${segments.join('/')}`, query ?? undefined));
const secret = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'binary', minLength: 65, maxLength: 200 }),
  fc.constantFrom('sandbox_secret', 'your_api_secret_here', 'गुप्त🔑', ''),
);
const timestamp = fc.integer({ min: 0, max: 9_999_999_999 });

export const request = fc.record({ secret, method, target, body, timestamp });
export type Req = typeof request extends fc.Arbitrary<infer T> ? T : never;
