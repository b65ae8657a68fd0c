import type { RetryEvent, RetryPolicy } from '../../async/retry.js';
import {
  AuthenticationError,
  ConnectionError,
  PaymentRequiredError,
  PermissionDeniedError,
  type APIError
} from './errors.js';
import { retryIdeogram } from './retry-rule.js';
import { NotSentError } from '../provider.js';

/**
 * Connection failures in a row, across the batch, before the host counts as unreachable: one ladder of retries per
 * image would otherwise print hundreds of lines for a DNS failure or a closed port.
 */
export const UNREACHABLE_AFTER = 3;

/** 401, 402 and 403 are about the key or the account, not the image: every further request would fail alike. */
function refusesAccount(error: unknown): error is APIError {
  return (
    error instanceof AuthenticationError ||
    error instanceof PaymentRequiredError ||
    error instanceof PermissionDeniedError
  );
}

/** What Ideogram said, with its reason code (402's `insufficient_funds`, `daily_limit`), for the reports. */
function accountRefusal(error: APIError): string {
  const reason = error.rejectReason ? ` (${error.rejectReason})` : '';
  return `Ideogram answered HTTP ${error.status}${reason}${error.apiMessage ? `: ${error.apiMessage}` : ''}`;
}

/**
 * Stops a batch's requests to Ideogram once they cannot succeed: after the account is refused (401, 402, 403), or
 * after the host could not be reached several times in a row. Said once, through `onStopped`; every request after
 * that fails as `NotSentError` without being sent. One per batch, shared by everything it sends (upscales,
 * quotes, polls).
 */
export class BatchStop {
  /** Why nothing more is sent; undefined while all is well. */
  private reason: string | undefined;
  /** Connection failures since the last request that reached Ideogram. */
  private unreachable = 0;

  constructor(private readonly onStopped?: (why: string) => void) {}

  /** @throws NotSentError once the batch has been stopped */
  check(): void {
    if (this.reason !== undefined) throw new NotSentError('stopped', `not sent: for an earlier image, ${this.reason}`);
  }

  /**
   * One request, not sent once the batch is stopped; its outcome tells whether to stop it (the account refused, the
   * host unreachable several times in a row).
   */
  async guard<T>(file: string, send: () => Promise<T>): Promise<T> {
    this.check();
    try {
      const done = await send();
      this.unreachable = 0;
      return done;
    } catch (error) {
      if (refusesAccount(error)) {
        this.stop(file, accountRefusal(error), 'The account, not the image, is the problem');
      } else if (error instanceof ConnectionError && ++this.unreachable >= UNREACHABLE_AFTER) {
        this.stop(
          file,
          `${error.message}, ${this.unreachable} times in a row`,
          'Check the API URL and the network of the runner'
        );
      } else if (!(error instanceof ConnectionError)) {
        this.unreachable = 0;
      }
      throw error;
    }
  }

  /** `attempt` for `file`, sent again by Ideogram's rule (each try guarded, or reaching a guarded request). */
  async retrying<T>(
    file: string,
    attempt: () => Promise<T>,
    policy: RetryPolicy,
    onRetry?: (event: RetryEvent) => void
  ): Promise<T> {
    let tried: unknown;
    try {
      return await retryIdeogram(file, attempt, policy, event => {
        tried = event.error;
        onRetry?.(event);
      });
    } catch (error) {
      // A resend the stopped batch held back: this source failed for its own last answer, not for another image.
      throw error instanceof NotSentError && tried !== undefined ? tried : error;
    }
  }

  private stop(file: string, reason: string, why: string): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.onStopped?.(`Stopping the batch: ${reason} (for ${file}). ${why}, so the remaining images are not sent.`);
  }
}
