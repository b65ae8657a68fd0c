export interface PoolOptions<T, R> {
  /** Called as each call finishes, in finishing order; `done` counts the finished calls. */
  readonly onEach?: (result: R, done: number, total: number) => void;
  /** Once `signal` is aborted no further call starts; each item left gets `notStarted(item)`, without `onEach`. */
  readonly stop?: { readonly signal: AbortSignal; readonly notStarted: (item: T) => R };
}

/**
 * Runs `fn` over the items as `source` hands them over, at most `limit` calls at once, each worker taking the next
 * item as it frees up: the one worker pool. The source may still be producing (an async generator) while the
 * first items are worked on. Once `stop` is aborted no further item is taken. A failing call fails the whole run.
 */
export async function forEachLimited<T>(
  source: AsyncIterable<T> | Iterable<T>,
  limit: number,
  fn: (item: T) => Promise<void>,
  stop?: AbortSignal
): Promise<void> {
  const items: AsyncIterator<T> | Iterator<T> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  async function worker(): Promise<void> {
    // Several workers may wait on an async generator at once: it answers them in turn, and each once it is done.
    const stopped = (): boolean => stop?.aborted === true;
    while (!stopped()) {
      const next = await items.next();
      // Taken after a stop: not started, and left for the caller to report so.
      if (next.done === true || stopped()) return;
      await fn(next.value);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}

/**
 * Maps `items` through `fn` with at most `limit` calls under way at once; results keep the items' order. The
 * manifest's hashes, the dry run's quotes and the commit's blobs go through it.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
  options: PoolOptions<T, R> = {}
): Promise<R[]> {
  const out = new Array<R>(items.length);
  const finished = new Array<boolean>(items.length).fill(false);
  let done = 0;
  await forEachLimited(
    items.entries(),
    Math.min(limit, items.length),
    async ([i, item]) => {
      const result = await fn(item);
      out[i] = result;
      finished[i] = true;
      options.onEach?.(result, ++done, items.length);
    },
    options.stop?.signal
  );
  const { stop } = options;
  if (stop) {
    for (const [i, item] of items.entries()) if (!finished[i]) out[i] = stop.notStarted(item);
  }
  return out;
}

/**
 * Maps `items` through `fn`, up to `limit` calls ahead of the consumer, and yields the results in the items' order:
 * a pipeline stage that keeps working while what it produced is being used. It starts with one call and adds up
 * to two more as each finishes, rather than `limit` at once: calls started together queue their file reads in the
 * thread pool ahead of the first call's next ones, so the first result would wait for all of them. A call that
 * fails fails the iteration when its turn comes.
 */
export async function* mapAhead<T, R>(
  items: Iterable<T>,
  limit: number,
  fn: (item: T) => Promise<R>
): AsyncGenerator<R> {
  const source = items[Symbol.iterator]();
  const started: Promise<R>[] = [];
  let ahead = 1;
  let exhausted = false;
  const startMore = (): void => {
    while (!exhausted && started.length < ahead) {
      const next = source.next();
      if (next.done === true) {
        exhausted = true;
        return;
      }
      const call = fn(next.value).finally(() => {
        ahead = Math.min(Math.max(1, limit), ahead + 2);
        startMore();
      });
      // Handled when its turn comes; until then it must not count as an unhandled rejection.
      call.catch(() => undefined);
      started.push(call);
    }
  };
  startMore();
  while (started.length > 0) {
    const result = await (started.shift() as Promise<R>);
    startMore();
    yield result;
  }
}
