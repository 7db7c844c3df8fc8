import type { RetryClass } from '../core/retry.js';

/**
 * An operation is data: one row per endpoint. One executor (`VistarkriyaClient._run`) runs
 * every row, so adding an endpoint is adding a row. `I`/`O` are phantom input/output types.
 */
export interface Operation<I = unknown, O = unknown> {
  /** Public id, also the key of the `routes` override option and of the proxy's `allow` list. */
  readonly id: string;
  readonly method: 'GET' | 'POST';
  /** Default route, under `/api/v1`. */
  readonly path: string;
  readonly retry: RetryClass;
  /** Key into the lazily loaded zod input schemas (resources/schemas.ts), when input is validated. */
  readonly schema?: string;
  /** True when the answer is a page that `for await` can walk. */
  readonly paged?: boolean;
  /**
   * The query fields (GET) that are not text, and what they are: a query arrives as text, so a
   * proxy reads `page=2` back as the number the client encoded. Fields not listed stay text.
   */
  readonly query?: Readonly<Record<string, QueryFieldType>>;
  /** @internal phantom types */
  readonly __types?: { input: I; output: O };
}

/** What a non-text query field holds: `integer` (`page=2`) or `boolean` (`true` / `false`). */
export type QueryFieldType = 'integer' | 'boolean';

/** The paging fields every list operation takes. */
export const PAGING_QUERY = { page: 'integer', per_page: 'integer' } as const satisfies Record<
  string,
  QueryFieldType
>;

/** Validates and normalises an operation's input by its `schema` key; throws `InputValidationError`. */
export type InputParser = (schemaKey: string, input: unknown) => unknown;

export function defineOperation<I, O>(op: Omit<Operation<I, O>, '__types'>): Operation<I, O> {
  return op as Operation<I, O>;
}
