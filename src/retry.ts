import { ConnectionError, DownloadError, RateLimitError, ResponseLostError, ServerError } from './ideogram/errors.js';

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

/** Which budget a failure draws on, and how long the server asked us to wait; undefined: not retried. */
export interface RetryRule {
  readonly budget: 'rate-limit' | 'errors';
  readonly retryAfterMs?: number;
}

/** The rule for Ideogram's API and its result links. */
export function ideogramRule(error: unknown, policy: RetryPolicy): RetryRule | undefined {
  if (error instanceof RateLimitError) return { budget: 'rate-limit', retryAfterMs: error.retryAfterMs };
  if (error instanceof ServerError) return { budget: 'errors', retryAfterMs: error.retryAfterMs };
  if (error instanceof ConnectionError) return { budget: 'errors' };
  if (error instanceof DownloadError && error.transient) return { budget: 'errors' };
  if (error instanceof ResponseLostError && policy.retryLostResponses) return { budget: 'errors' };
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

/**
 * Runs `attempt` until it succeeds or the policy says stop; the last error is thrown. `rule` classifies
 * failures (Ideogram's by default; GitHub's API has its own).
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (event: RetryEvent) => void,
  rule: (error: unknown, policy: RetryPolicy) => RetryRule | undefined = ideogramRule
): Promise<T> {
  const used: Record<RetryRule['budget'], number> = { 'rate-limit': 0, errors: 0 };
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const decision = rule(error, policy);
      if (decision === undefined) throw error;
      const { budget, retryAfterMs } = decision;
      if (used[budget] >= (budget === 'rate-limit' ? policy.maxRateLimitRetries : policy.maxRetries)) throw error;
      const delayMs = Math.min(retryAfterMs ?? backoffMs(used[budget], policy.random), policy.maxDelayMs);
      used[budget] += 1;
      onRetry?.({ error, delayMs, retry: used['rate-limit'] + used.errors });
      await policy.sleep(delayMs);
    }
  }
}
