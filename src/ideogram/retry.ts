import { ConnectionError, DownloadError, RateLimitError, ResponseLostError, ServerError } from './errors.js';

/**
 * When to send an upscale again, in one place. Retried: 429 (never billed), 5xx (failed generations are not
 * billed) and connection failures before the request left. Not retried: 400/401/402/403/422, which would fail
 * the same way, and a response lost after sending, which may already be billed — unless the user allows it.
 * Result downloads are plain GETs: those are retried after server errors and dropped connections.
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
  const ms = Number(first('retry-after-ms'));
  if (first('retry-after-ms') !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = first('retry-after');
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

type Budget = 'rate-limit' | 'errors';

function budgetFor(error: unknown, policy: RetryPolicy): Budget | undefined {
  if (error instanceof RateLimitError) return 'rate-limit';
  if (error instanceof ServerError || error instanceof ConnectionError) return 'errors';
  if (error instanceof DownloadError && error.transient) return 'errors';
  if (error instanceof ResponseLostError && policy.retryLostResponses) return 'errors';
  return undefined;
}

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

/** Runs `attempt` until it succeeds or the policy says stop; the last error is thrown. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (event: RetryEvent) => void
): Promise<T> {
  const used: Record<Budget, number> = { 'rate-limit': 0, errors: 0 };
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const budget = budgetFor(error, policy);
      const limit = budget === 'rate-limit' ? policy.maxRateLimitRetries : policy.maxRetries;
      if (budget === undefined || used[budget] >= limit) throw error;
      const retryAfter = error instanceof RateLimitError || error instanceof ServerError ? error.retryAfterMs : undefined;
      const delayMs = Math.min(retryAfter ?? backoffMs(used[budget], policy.random), policy.maxDelayMs);
      used[budget] += 1;
      onRetry?.({ error, delayMs, retry: used['rate-limit'] + used.errors });
      await policy.sleep(delayMs);
    }
  }
}
