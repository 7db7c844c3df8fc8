import type { RequestOptions } from '../core/request.js';
import type { Operation } from './operation.js';
import { type Page, PagePromise } from './paging.js';

/** @internal What a namespace needs from the client: the one operation executor. */
export interface Runner {
  _run<I, O>(op: Operation<I, O>, input: I | undefined, options?: RequestOptions): Promise<O>;
}

/** @internal Base of every namespace: holds the client, nothing else. */
export abstract class APIResource {
  /** @internal */
  protected readonly _client: Runner;
  /** @internal */
  constructor(client: Runner) {
    this._client = client;
  }
}

/** @internal Runs a paged list operation; later pages repeat the caller's params with `page` replaced. */
export function runList<T, Q extends object>(
  client: Runner,
  op: Operation<Q, Page<T>>,
  params: Q | undefined,
  options: RequestOptions | undefined,
): PagePromise<T> {
  return new PagePromise<T>((page) =>
    client._run(op, page === undefined ? params : ({ ...params, page } as Q), options),
  );
}
