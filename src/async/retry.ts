/**
 * How often and how long to try again; which failures are worth it is a `RetryRule`, passed in by each service
 * (Ideogram's lives in ideogram/, GitHub's in publish/), so this module knows none of them.
 */
export interface RetryPolicy {
  /** Resends after server errors and connection failures. */
  readonly maxRetries: number;
  /** Resends after 429, counted apart: others using the same key share the limit, so these must not run out fast. */
  readonly maxRateLimitRetries: number;
  /** Also resend when the request was sent but its answer was lost (timeout, dropped connection). */
  readonly retryLostResponses: boolean;
  /** Longest wait between two tries, whatever `Retry-After` says. */
  readonly maxDelayMs: number;
  /** Longest time one call may spend waiting on 429s in all: past it, the last 429 is thrown. */
  readonly maxRateLimitWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
}

export const DEFAULT_RATE_LIMIT_RETRIES = 50;

export function defaultRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    maxRetries: 4,
    maxRateLimitRetries: DEFAULT_RATE_LIMIT_RETRIES,
    retryLostResponses: false,
    maxDelayMs: 60_000,
    maxRateLimitWaitMs: 600_000,
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    random: Math.random,
    ...overrides
  };
}

/** Reads `retry-after-ms`, then `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfter(
  headers: Record<string, string | string[] | undefined>,
  now: number = Date.now()
): number | undefined {
  const first = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const rawMs = first('retry-after-ms')?.trim();
  const ms = Number(rawMs);
  // Number('') is 0: an empty header must not mean "no wait".
  if (rawMs !== undefined && rawMs !== '' && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = first('retry-after');
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Which budget a failure draws on, and how long the server asked us to wait. */
export interface RetryDecision {
  readonly budget: 'rate-limit' | 'errors';
  readonly retryAfterMs?: number;
}

/** Classifies a failure: a decision to try again, or undefined to give up at once. */
export type RetryRule = (error: unknown, policy: RetryPolicy) => RetryDecision | undefined;

/** Exponential backoff, 0.5 s doubling up to 8 s, with up to 25% jitter off so clients spread out. */
export function backoffMs(retry: number, random: () => number): number {
  const base = Math.min(500 * 2 ** retry, 8000);
  return base * (1 - 0.25 * random());
}

export interface RetryEvent {
  readonly error: unknown;
  readonly delayMs: number;
  /** 1 for the first resend. */
  readonly retry: number;
}

/** Runs `attempt` until it succeeds or the policy says stop; `rule` classifies failures; the last error is thrown. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  rule: RetryRule,
  onRetry?: (event: RetryEvent) => void
): Promise<T> {
  const used: Record<RetryDecision['budget'], number> = { 'rate-limit': 0, errors: 0 };
  let rateLimitWaitLeft = policy.maxRateLimitWaitMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const decision = rule(error, policy);
      if (decision === undefined) throw error;
      const { budget, retryAfterMs } = decision;
      if (used[budget] >= (budget === 'rate-limit' ? policy.maxRateLimitRetries : policy.maxRetries)) throw error;
      let delayMs = Math.min(retryAfterMs ?? backoffMs(used[budget], policy.random), policy.maxDelayMs);
      if (budget === 'rate-limit') {
        // `Retry-After: 3600` on every 429 must not hold one image for an hour: the waits share one bound.
        if (rateLimitWaitLeft <= 0) throw error;
        delayMs = Math.min(delayMs, rateLimitWaitLeft);
        rateLimitWaitLeft -= delayMs;
      }
      used[budget] += 1;
      onRetry?.({ error, delayMs, retry: used['rate-limit'] + used.errors });
      await policy.sleep(delayMs);
    }
  }
}
