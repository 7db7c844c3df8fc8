import type { ValidationIssue } from '../core/errors.js';
import type { RetryClass } from '../core/retry.js';
import type { Rule } from './rules.js';

/** An input field: its rule, required unless wrapped in `optional()`. */
export type Field = Rule | Optional;
/** An optional input field (see {@link optional}). */
export interface Optional<R extends Rule = Rule> {
  readonly optional: R;
}
/** The input fields of an operation, in the order they are checked (and reported). */
export type Fields = Readonly<Record<string, Field>>;

/** Marks a field optional: it may be left out (or `undefined`); when present, its rule applies. */
export function optional<R extends Rule>(rule: R): Optional<R> {
  return { optional: rule };
}

/** The rule of a field, and whether it may be left out. */
export function ruleOf(field: Field): [rule: Rule, optional: boolean] {
  return 'optional' in field ? [field.optional, true] : [field, false];
}

/**
 * An operation is data: one row per endpoint, run by one executor per client
 * (`VistarkriyaClient._run`, `Veri5Client._run`). Adding an endpoint is adding a row. The platform's
 * rows are in model/platform.ts, Veri5's in model/veri5.ts; their docs and provenance in
 * model/docs.ts. `I`/`O` are phantom input/output types.
 */
export interface Operation<I = unknown, O = unknown> {
  /** Public id (`verify.pan`, `veri5.verifyPan`): the key of `routes` overrides, the proxy's `allow`, bulk and the CLI. */
  readonly id: string;
  /** Which API it belongs to: the platform (VistarkriyaClient) or Khosla Labs Veri5 (Veri5Client). */
  readonly api: 'platform' | 'veri5';
  readonly method: 'GET' | 'POST';
  /** Default route. A GET's input is its query string, a POST's its JSON body. */
  readonly path: string;
  /** `billable` calls are never re-sent after an ambiguous failure; `read` calls may be. */
  readonly retry: RetryClass;
  /** The input fields and their rules; an operation without them takes no input. */
  readonly input?: Fields;
  /** True when the answer is a page that `for await` can walk. */
  readonly paged?: boolean;
  /**
   * Veri5's hash sequence (the Veri5 API document, "Appendix E: Hash Generation"), by field name:
   * `client_code`, `api_key` and `salt` are the signer's own, the others are read from the request.
   */
  readonly hash?: readonly string[];
  /** Cross-field rules (Veri5's sub-codes), checked once every field passed: the issues, if any. */
  readonly refine?: (input: Record<string, unknown>) => ValidationIssue[];
  /** @internal phantom types */
  readonly __types?: { input: I; output: O };
}

/** What a non-text query field holds once read back from a query string. */
export type QueryFieldType = 'integer';

/** The TypeScript type a field's caller passes. */
type RuleInput<F> = F extends Optional<infer R> ? RuleInput<R> : F extends Rule<infer T> ? T : never;
type RequiredKeys<F> = { [K in keyof F]: F[K] extends Optional ? never : K }[keyof F];
type OptionalKeys<F> = { [K in keyof F]: F[K] extends Optional ? K : never }[keyof F];
type Flatten<T> = { [K in keyof T]: T[K] };

/** The input type of a set of fields: required and optional members, nothing else. */
export type InputOf<F> = Flatten<
  { [K in RequiredKeys<F>]: RuleInput<F[K]> } & { [K in OptionalKeys<F>]?: RuleInput<F[K]> | undefined }
>;

/**
 * The input type of a platform operation: its fields, plus `extra`, the documented escape hatch for
 * fields the platform adds later (sent as they are, unchecked; a declared field may not be repeated there).
 */
export type PlatformInputOf<F> = Flatten<InputOf<F> & { extra?: Record<string, unknown> | undefined }>;
