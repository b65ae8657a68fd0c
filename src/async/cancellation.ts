/**
 * Stopping a batch part-way, in two stages: first no new work starts (what is in flight may still finish), then,
 * after a grace period or on demand, what is in flight is cut. Knows nothing of what the work is.
 */
export class Cancellation {
  private readonly stopping = new AbortController();
  private readonly cutting = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  /** Aborted once nothing new may start. */
  get stopped(): AbortSignal {
    return this.stopping.signal;
  }

  /** Aborted once what is in flight must be cut. */
  get cut(): AbortSignal {
    return this.cutting.signal;
  }

  /** Starts nothing new from now on, and cuts what is in flight after `graceMs`. A second call cuts at once. */
  stop(graceMs: number): void {
    if (this.stopping.signal.aborted) return this.cutNow();
    this.stopping.abort();
    this.timer = setTimeout(() => this.cutNow(), graceMs);
    // Work that ends within the grace period must not wait for it.
    this.timer.unref();
  }

  cutNow(): void {
    clearTimeout(this.timer);
    this.stopping.abort();
    this.cutting.abort();
  }
}

/** Work cut off in flight by a cancellation. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('cut off in flight by the cancellation');
  }
}

/** `work`, or a `CancelledError` as soon as `signal` aborts (the work itself goes on unobserved). */
export function unlessCut<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * SIGINT and SIGTERM stop the cancellation: the runner cancels a job with SIGINT, then SIGTERM 7.5 s later, then
 * kills it 2.5 s after that; a person presses Ctrl-C, and again to hurry. In-flight work gets `graceMs` after a
 * first SIGINT, a second or two after SIGTERM (the kill is near), nothing after a second signal.
 */
export function cancelOnSignals(
  cancellation: Cancellation,
  graceMs: number,
  onSignal: (signal: NodeJS.Signals, first: boolean) => void
): () => void {
  let first = true;
  const handler = (signal: NodeJS.Signals): void => {
    onSignal(signal, first);
    if (!first) cancellation.cutNow();
    else cancellation.stop(signal === 'SIGTERM' ? Math.min(graceMs, TERM_GRACE_MS) : graceMs);
    first = false;
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

const TERM_GRACE_MS = 1000;
