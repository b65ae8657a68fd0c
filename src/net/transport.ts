import type { Branded } from '../text/brand.js';
import { defaultRetryPolicy, type RetryPolicy } from '../async/retry.js';

/** The most places `concurrency` may name, and where `auto` may probe up to. */
export const MAX_CONCURRENCY = 64;

/**
 * Images in flight at once. `auto` starts at the provider's documented limit and follows what the API answers;
 * a number is a hard bound that adaptation only ever lowers.
 */
export type Concurrency =
  { readonly kind: 'auto' } | { readonly kind: 'fixed'; readonly places: Branded<number, 'Places'> };

/** How requests travel: places in flight, resends, time-outs. */
export interface TransportSettings {
  /** Images in flight at Ideogram at once (a request counts `num_images`). */
  readonly concurrency: Concurrency;
  /** Resends after server errors and connection failures (429s have their own budget). */
  readonly maxRetries: number;
  readonly requestTimeoutMs: number;
  /** The most one image may spend waiting on 429s in all before it fails. */
  readonly rateLimitWaitMs: number;
  /** Resend when an answer was lost after sending, at the risk of paying twice. */
  readonly retryTimeouts: boolean;
}

/** When a request or a download is tried again, as the transport settings say. */
export function retryPolicy(transport: TransportSettings): RetryPolicy {
  return defaultRetryPolicy({
    maxRetries: transport.maxRetries,
    retryLostResponses: transport.retryTimeouts,
    maxRateLimitWaitMs: transport.rateLimitWaitMs
  });
}
