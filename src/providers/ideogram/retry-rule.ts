import { isTransientRead } from '../../net/download.js';
import { withRetries, type RetryDecision, type RetryEvent, type RetryPolicy } from '../../async/retry.js';
import {
  ConnectionError,
  RateLimitError,
  RateLimitedTooLongError,
  ResponseLostError,
  ServerError,
  UploadInterruptedError
} from './errors.js';

/**
 * When to send an upscale again. Retried: 429 (never billed), 5xx (failed generations are not billed) and
 * connection failures before the whole request left. Not retried: 400/401/402/403/422, which would fail the same way,
 * and a response lost after sending, which may already be billed — unless the user allows it. Result links are
 * plain GETs: fetched again after server errors and dropped connections.
 */
export function ideogramRule(error: unknown, policy: RetryPolicy): RetryDecision | undefined {
  if (error instanceof RateLimitError) return { budget: 'rate-limit', retryAfterMs: error.retryAfterMs };
  if (error instanceof ServerError) return { budget: 'errors', retryAfterMs: error.retryAfterMs };
  if (error instanceof ConnectionError || error instanceof UploadInterruptedError) return { budget: 'errors' };
  if (isTransientRead(error)) return { budget: 'errors' };
  if (error instanceof ResponseLostError && policy.retryLostResponses) return { budget: 'errors' };
  return undefined;
}

/**
 * One call to Ideogram for `file`, sent again by `ideogramRule`. A 429 that outlasts the policy's bounds fails as
 * `RateLimitedTooLongError`, saying for how long Ideogram kept refusing.
 */
export async function retryIdeogram<T>(
  file: string,
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (event: RetryEvent) => void
): Promise<T> {
  let first429: number | undefined;
  let answers = 0;
  try {
    return await withRetries(attempt, policy, ideogramRule, event => {
      if (event.error instanceof RateLimitError) {
        first429 ??= Date.now();
        answers += 1;
      }
      onRetry?.(event);
    });
  } catch (error) {
    // The rule resends every 429: one that comes out here is one past the bounds.
    if (error instanceof RateLimitError) {
      throw new RateLimitedTooLongError(file, first429 === undefined ? 0 : Date.now() - first429, answers + 1, error);
    }
    throw error;
  }
}
