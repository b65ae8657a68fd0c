import { isTransientRead } from '../download.js';
import type { RetryDecision, RetryPolicy } from '../retry.js';
import { ConnectionError, RateLimitError, ResponseLostError, ServerError } from './errors.js';

/**
 * When to send an upscale again. Retried: 429 (never billed), 5xx (failed generations are not billed) and
 * connection failures before the request left. Not retried: 400/401/402/403/422, which would fail the same way,
 * and a response lost after sending, which may already be billed — unless the user allows it. Result links are
 * plain GETs: fetched again after server errors and dropped connections.
 */
export function ideogramRule(error: unknown, policy: RetryPolicy): RetryDecision | undefined {
  if (error instanceof RateLimitError) return { budget: 'rate-limit', retryAfterMs: error.retryAfterMs };
  if (error instanceof ServerError) return { budget: 'errors', retryAfterMs: error.retryAfterMs };
  if (error instanceof ConnectionError) return { budget: 'errors' };
  if (isTransientRead(error)) return { budget: 'errors' };
  if (error instanceof ResponseLostError && policy.retryLostResponses) return { budget: 'errors' };
  return undefined;
}
