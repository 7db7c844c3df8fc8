/**
 * Paging information of a list answer (`data.pagination`). Field names inferred: the platform's documents
 * show none of them.
 */
export interface Pagination {
  /** 1-based page number of this answer. */
  page: number;
  per_page: number;
  total: number;
  total_pages: number;
  [key: string]: unknown;
}

/**
 * One page of a list: `{ items, pagination }` plus any field the platform adds. The shape is
 * inferred (the platform's documents show no list); another shape is returned as it comes.
 */
export interface Page<T> {
  items: T[];
  pagination: Pagination;
  [key: string]: unknown;
}

/** Fetches one page; `page` undefined means "as the caller asked" (the first call). */
export type PageFetcher<P> = (page: number | undefined) => Promise<P>;

/**
 * What a list method returns: awaiting it gives the first page (`{ items, pagination }`);
 * `for await (const item of it)` walks every item across pages, requesting `page + 1` while
 * `pagination.page < pagination.total_pages`. The first page is requested at once and shared.
 */
export class PagePromise<T, P extends Page<T> = Page<T>> implements PromiseLike<P>, AsyncIterable<T> {
  readonly #fetch: PageFetcher<P>;
  readonly #first: Promise<P>;

  /** @internal */
  constructor(fetchPage: PageFetcher<P>) {
    this.#fetch = fetchPage;
    this.#first = fetchPage(undefined);
  }

  // biome-ignore lint/suspicious/noThenProperty: this object is deliberately a thenable.
  then<A = P, B = never>(
    onfulfilled?: ((value: P) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#first.then(onfulfilled, onrejected);
  }

  /** Like `Promise.prototype.catch`, for the first page. */
  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<P | B> {
    return this.#first.catch(onrejected);
  }

  /** Like `Promise.prototype.finally`, for the first page. */
  finally(onfinally?: (() => void) | null): Promise<P> {
    return this.#first.finally(onfinally);
  }

  /** Every page in turn, starting with the first; stops at `total_pages`. */
  async *pages(): AsyncGenerator<P, void, undefined> {
    let page = await this.#first;
    for (;;) {
      yield page;
      const at = page.pagination;
      if (!at || !(typeof at.page === 'number' && typeof at.total_pages === 'number')) return;
      if (at.page >= at.total_pages) return;
      const next = await this.#fetch(at.page + 1);
      // A server that ignores `page` would loop forever: stop unless the page advanced.
      if (!next.pagination) {
        yield next;
        return;
      }
      if (!(next.pagination.page > at.page)) return;
      page = next;
    }
  }

  /** Every item of every page, fetching pages on demand. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) {
      const items = Array.isArray(page) ? (page as unknown as T[]) : page.items;
      if (Array.isArray(items)) yield* items;
    }
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}
