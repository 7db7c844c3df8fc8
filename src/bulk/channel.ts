/**
 * A bounded queue between producers and one async-iterating consumer: `push` waits while
 * `highWater` items are unread, so a slow consumer slows the producers down instead of letting
 * results pile up in memory. After `detach` (the consumer left) pushes are dropped at once.
 */
export class Channel<T> {
  private items: T[] = [];
  private head = 0;
  private ended = false;
  private failure: { error: unknown } | undefined;
  private detached = false;
  private wakeConsumer: (() => void) | undefined;
  private spaceWaiters: Array<() => void> = [];

  constructor(private readonly highWater: number) {}

  /** Unread items. */
  get size(): number {
    return this.items.length - this.head;
  }

  async push(item: T): Promise<void> {
    if (this.detached) return;
    this.items.push(item);
    this.wake();
    while (this.size > this.highWater && !this.detached)
      await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
  }

  /** No more items: the consumer ends after the unread ones. */
  end(): void {
    this.ended = true;
    this.wake();
  }

  /** The consumer throws `error` after the unread items. */
  fail(error: unknown): void {
    this.failure = { error };
    this.end();
  }

  /** The consumer is gone: drop what is queued and never block a producer again. */
  detach(): void {
    this.detached = true;
    this.items = [];
    this.head = 0;
    this.releaseSpace();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.size > 0) {
        const item = this.items[this.head]!;
        this.items[this.head++] = undefined as T;
        if (this.head > 1024 && this.head * 2 > this.items.length) {
          this.items = this.items.slice(this.head);
          this.head = 0;
        }
        this.releaseSpace();
        yield item;
        continue;
      }
      if (this.failure) throw this.failure.error;
      if (this.ended) return;
      await new Promise<void>((resolve) => {
        this.wakeConsumer = resolve;
      });
    }
  }

  private wake(): void {
    const wake = this.wakeConsumer;
    this.wakeConsumer = undefined;
    wake?.();
  }

  private releaseSpace(): void {
    const waiters = this.spaceWaiters;
    this.spaceWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
