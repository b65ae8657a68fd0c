import type { RetryEvent } from '../async/retry.js';
import type { QuoteRecord, UsdMicros } from '../text/money.js';
import type { SourceImage } from '../imaging/source-image.js';

/**
 * A result's bytes as a provider hands them over: in memory, or a way to open them as a stream (opened again when
 * a read fails part-way with a transient `DownloadError`).
 */
export type ResultBytes = Uint8Array | (() => Promise<AsyncIterable<Uint8Array>>);

/** What a request cost, as far as the provider knows; carried by the first image of the request. */
export interface Billing {
  /** The price quoted before sending. */
  readonly quote?: QuoteRecord;
  /** What the provider reports was billed. */
  readonly spentUsdMicros?: UsdMicros;
}

/** One image a provider made for a source, in the order it made them (result 1, 2, …). */
export type ProducedImage =
  | {
      readonly kind: 'image';
      /** The bytes; the engine's result sink writes them to the planned path. */
      readonly bytes: ResultBytes;
      readonly resolution: string | null;
      readonly seed: number | null;
      readonly prompt: string | null;
      readonly billing?: Billing;
    }
  /** Made (and maybe billed) but not handed over: `reason` is the provider's words (a safety check). */
  | { readonly kind: 'withheld'; readonly reason: string; readonly billing?: Billing }
  /** Not made: its request failed for good while others for the same source did not. */
  | { readonly kind: 'failed'; readonly error: Error };

/**
 * Why nothing was sent for a source, so nothing was paid: the run was cancelled before it went, a cap (`max-cost`,
 * `max-images`) was reached, or the batch was stopped for an earlier source (the account refused, the host gone).
 */
export type NotSentReason = 'cancelled' | 'capped' | 'stopped';

/** A source nothing was sent for, and why; the one way every stage says so. */
export class NotSentError extends Error {
  override name = 'NotSentError';
  constructor(
    readonly reason: NotSentReason,
    message: string,
    /** Its price, when it was quoted before a cap stopped it. */
    readonly quote?: QuoteRecord
  ) {
    super(message);
  }

  static cancelled(): NotSentError {
    return new NotSentError('cancelled', 'not started: the run was cancelled');
  }

  /**
   * What the source's result says: a cancelled or capped source is the next run's first (`deferred`); one of a
   * stopped batch `failed`, since its cause needs fixing before anything can be sent.
   */
  get status(): 'deferred' | 'failed' {
    return this.reason === 'stopped' ? 'failed' : 'deferred';
  }
}

/** What a provider tells the run as it works. */
export interface ProviderHooks {
  /** Before an upscale or a download is tried again. */
  readonly onRetry?: (file: string, event: RetryEvent) => void;
  /** Something worth telling once (a newer endpoint, a deprecation, a batch stopped, a job id not recorded). */
  readonly onNotice?: (message: string) => void;
}

/**
 * Jobs a provider had accepted and collects later (an asynchronous API): those earlier runs left, by source, and
 * how this run records its own the moment they are accepted, so a crash cannot lose what was paid for.
 */
export interface PendingJobs {
  readonly pending: ReadonlyMap<string, string>;
  /** Waited for before the job is polled. */
  readonly onAccepted: (file: string, jobId: string) => Promise<void>;
  /** The job ended with nothing to collect (not billed): forget it. */
  readonly onAbandoned: (file: string) => void;
}

/**
 * Something that upscales one checked source and hands the results back; it never touches the file system. A
 * failure of the whole request is thrown.
 */
export interface Provider {
  /** Once `stopped` aborts, nothing more is sent for the image (`NotSentError.cancelled()` if nothing was). */
  produce(image: SourceImage, stopped?: AbortSignal): Promise<ProducedImage[]>;
  /** What sending `image` would cost, asked of a provider that quotes (a dry run); nothing is made. */
  quote?(image: SourceImage): Promise<QuoteRecord>;
  close(): Promise<void>;
}
