// The browser build's input check (package.json `imports`, `#platform/input-check`, condition
// `browser`): none in the page. The page's calls go through `createProxyHandler`, which
// checks each input with the operation's rules (model/parse.ts) before anything is signed, and
// answers a refusal the client throws as the same `InputValidationError`, "did you mean" included
// (core/interpret.ts). Every other build checks in the client: model/parse.ts.
import type { parseInput as check } from './parse.js';

export { wireInput } from './parse.js';

/** Passes the input on as it is: the proxy checks it (see above). */
export const parseInput: typeof check = (_op, input) => input as Record<string, unknown> | undefined;
