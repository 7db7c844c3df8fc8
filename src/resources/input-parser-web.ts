// Web build of `#platform/input-parser` (package.json `imports`): the zod-free parser is small, so
// it is imported statically. A dynamic import here would make a consumer's bundler wrap the SDK's
// shared modules in lazy initialisers, which defeats scope hoisting and costs ~0.8 kB gzip of the
// browser bundle.
import type { InputParser } from './operation.js';
import { parseOperationInput } from './schemas-web.js';

/** The input parser (always available synchronously in the web build). */
export function loadInputParser(): InputParser {
  return parseOperationInput;
}
