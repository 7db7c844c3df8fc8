// The browser build's input rules (package.json `imports`, `#platform/rules`, condition
// `browser`): the same names and types as rules.ts, but no rule checks anything here.
// A page sends its calls through your server, where `createProxyHandler` runs the real rules
// (model/rules.ts) before it signs; its refusal comes back as the same `InputValidationError`
// (core/interpret.ts). So the page does not carry the validators twice over the wire: that is
// what keeps the browser bundle within 10 kB gzip. Every other build (Node, workers, edge, Deno,
// `vistarkriya/web`) gets rules.ts. test/browser-build.test.ts keeps the two export lists equal.
import type * as Real from './rules.js';
import type { Checked, Rule, RuleType } from './rules.js';

export type { Checked, Rule, RuleType } from './rules.js';

export const ok = (value: unknown): Checked => ({ ok: true, value });
export const bad = (rule: string, message: string): Checked => ({ ok: false, rule, message });

// Checked by the proxy: here a rule keeps its JSON type and passes every present value on as it is.
const at = (type: RuleType): Rule<never> => ({ type, check: ok });
const STRING_AT_PROXY = at('string');

export const PAN: typeof Real.PAN = STRING_AT_PROXY;
export const AADHAAR: typeof Real.AADHAAR = STRING_AT_PROXY;
export const GSTIN: typeof Real.GSTIN = STRING_AT_PROXY;
export const IFSC: typeof Real.IFSC = STRING_AT_PROXY;
export const ACCOUNT_NUMBER: typeof Real.ACCOUNT_NUMBER = STRING_AT_PROXY;
export const MOBILE: typeof Real.MOBILE = STRING_AT_PROXY;
export const EMAIL: typeof Real.EMAIL = STRING_AT_PROXY;
export const DATE: typeof Real.DATE = STRING_AT_PROXY;
export const ISO_DATE: typeof Real.ISO_DATE = STRING_AT_PROXY;
export const STRING: typeof Real.STRING = STRING_AT_PROXY;
export const TEXT: typeof Real.TEXT = STRING_AT_PROXY;
export const POSITIVE_INT: typeof Real.POSITIVE_INT = at('integer');
export const PLATFORM_ID: typeof Real.PLATFORM_ID = at('id');
export const CONSENT: typeof Real.CONSENT = at('true');
export const oneOf: typeof Real.oneOf = (values) => ({ ...STRING_AT_PROXY, values });
export const extraRule: typeof Real.extraRule = () => at('object');
