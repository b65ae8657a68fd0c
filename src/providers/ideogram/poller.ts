import type { Generation } from './client.js';
import { GenerationPendingError, RateLimitError, ServerError, TransportError } from './errors.js';

export interface PollOptions {
  /** First wait after acceptance, then each wait grows by `growth` up to `maxDelayMs`. */
  readonly initialDelayMs: number;
  readonly growth: number;
  readonly maxDelayMs: number;
  /** How long one job is waited for in all. */
  readonly maxWaitMs: number;
  /** The most polls, across all jobs, per `windowMs` (Ideogram allows 1,000 per 10 s per organisation). */
  readonly pollsPerWindow: number;
  readonly windowMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
}

/** A few seconds, growing, capped; well inside Ideogram's organisation-wide polling limit. */
export function defaultPollOptions(overrides: Partial<PollOptions> = {}): PollOptions {
  return {
    initialDelayMs: 2000,
    growth: 1.5,
    maxDelayMs: 30_000,
    maxWaitMs: 30 * 60_000,
    pollsPerWindow: 200,
    windowMs: 10_000,
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    now: Date.now,
    ...overrides
  };
}

/** Longest `Retry-After` honoured on a poll; a longer one is waited in steps of this, within `maxWaitMs`. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Waits for v2 generations to finish. One poller serves every job of a run, so they share one polling budget:
 * a window's allowance, and a pause that a 429 imposes on all of them. Polls are free and never re-run a job, so
 * a failed poll is simply made again later; only the overall wait is bounded.
 */
export class Poller {
  private windowStart = 0;
  private pollsInWindow = 0;
  private pausedUntil = 0;

  constructor(private readonly options: PollOptions) {}

  /** Polls until the generation is completed or failed. @throws GenerationPendingError when the wait runs out */
  async wait(file: string, generationId: string, poll: () => Promise<Generation>): Promise<Generation> {
    const { initialDelayMs, growth, maxDelayMs, maxWaitMs, sleep, now } = this.options;
    const deadline = now() + maxWaitMs;
    let delay = initialDelayMs;
    let lastProblem = 'it was still pending';
    for (;;) {
      await sleep(Math.max(0, Math.min(delay, deadline - now())));
      await this.turn(deadline);
      if (now() >= deadline) {
        throw new GenerationPendingError(file, generationId, `${lastProblem} after ${Math.round(maxWaitMs / 1000)} s`);
      }
      delay = Math.min(delay * growth, maxDelayMs);
      try {
        const generation = await poll();
        if (generation.status !== 'pending') return generation;
        lastProblem = 'it was still pending';
      } catch (error) {
        if (error instanceof RateLimitError) {
          this.pausedUntil = Math.max(
            this.pausedUntil,
            now() + Math.min(error.retryAfterMs ?? delay, MAX_RETRY_AFTER_MS)
          );
          lastProblem = 'polling was rate-limited';
        } else if (error instanceof ServerError || error instanceof TransportError) {
          lastProblem = `polling failed (${error.message})`;
        } else {
          throw new GenerationPendingError(file, generationId, `polling failed: ${(error as Error).message}`);
        }
      }
    }
  }

  /** Waits out a shared pause and the window's allowance, then counts one poll. */
  private async turn(deadline: number): Promise<void> {
    const { sleep, now, windowMs, pollsPerWindow } = this.options;
    for (;;) {
      const at = now();
      if (at >= deadline) return;
      if (at < this.pausedUntil) {
        await sleep(Math.min(this.pausedUntil, deadline) - at);
        continue;
      }
      if (at - this.windowStart >= windowMs) {
        this.windowStart = at;
        this.pollsInWindow = 0;
      }
      if (this.pollsInWindow < pollsPerWindow) {
        this.pollsInWindow += 1;
        return;
      }
      await sleep(Math.min(this.windowStart + windowMs, deadline) - at);
    }
  }
}
