// Node build: the zod input schemas load on the first validated call, so `require('vistarkriya')`
// stays cheap (zod alone costs ~45 ms to import). The web build swaps this module for
// load-schemas-web.ts (scripts/web-platform.mjs), which has no dynamic import at all.
import type { parseOperationInput } from './schemas.js';

/** Validates and normalises an operation's input; throws `InputValidationError`. */
export type InputParser = typeof parseOperationInput;

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
