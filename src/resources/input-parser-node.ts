// Node build of `#platform/input-parser` (package.json `imports`): the zod input schemas load on
// the first validated call, so `require('vistarkriya')` stays cheap (zod alone costs ~45 ms to
// import). The web build's input-parser-web.ts has no dynamic import at all.
import type { InputParser } from './operation.js';

let parser: InputParser | undefined;
let loading: Promise<InputParser> | undefined;

/** The input parser: synchronously once loaded, a promise the first time. */
export function loadInputParser(): InputParser | Promise<InputParser> {
  if (parser) return parser;
  loading ??= import('./schemas.js').then((m) => {
    parser = m.parseOperationInput;
    return parser;
  });
  return loading;
}
