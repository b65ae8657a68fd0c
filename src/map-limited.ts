export interface PoolOptions<T, R> {
  /** Called as each call finishes, in finishing order; `done` counts the finished calls. */
  readonly onEach?: (result: R, done: number, total: number) => void;
  /**
   * Start with one worker and let each call add up to two more when it calls `grow`, rather than starting `limit`
   * at once: a hundred calls started together queue their first file reads in the thread pool ahead of the first
   * call's next ones, so the first result waits for all of them.
   */
  readonly rampUp?: boolean;
  /** Once `signal` is aborted no further call starts; each item left gets `notStarted(item)`, without `onEach`. */
  readonly stop?: { readonly signal: AbortSignal; readonly notStarted: (item: T) => R };
}

/**
 * Maps `items` through `fn` with at most `limit` calls under way at once; results keep the items' order. The one
 * worker pool: the engine's sources, the manifest's hashes and the commit's blobs all go through it.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, grow: () => void) => Promise<R>,
  options: PoolOptions<T, R> = {}
): Promise<R[]> {
  const out = new Array<R>(items.length);
  const finished = new Array<boolean>(items.length).fill(false);
  const count = Math.max(1, Math.min(limit, items.length));
  const running: Promise<void>[] = [];
  let next = 0;
  let done = 0;
  let started = 0;
  const grow = (workers: number): void => {
    // Counted before the worker starts: its first call may already ask for more.
    for (let i = 0; i < workers && started < count; i++) {
      started += 1;
      running.push(worker());
    }
  };
  async function worker(): Promise<void> {
    for (let i = next++; i < items.length && !options.stop?.signal.aborted; i = next++) {
      const result = await fn(items[i] as T, () => grow(2));
      out[i] = result;
      finished[i] = true;
      options.onEach?.(result, ++done, items.length);
    }
  }
  grow(options.rampUp ? 1 : count);
  // Workers are added only by running ones: once all in the list have settled, none can follow. Each batch is
  // awaited whole, so a failure in any worker is heard.
  for (let seen = 0; seen < running.length;) {
    const batch = running.slice(seen);
    seen = running.length;
    await Promise.all(batch);
  }
  const { stop } = options;
  if (stop) {
    for (const [i, item] of items.entries()) if (!finished[i]) out[i] = stop.notStarted(item);
  }
  return out;
}
