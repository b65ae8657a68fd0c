import { Agent } from 'undici';
import { openDownload, type TrustedHosts } from '../../net/download.js';
import type { CostCap } from './cost-cap.js';
import { NotSentError, type Billing, type ProducedImage, type Provider } from '../provider.js';
import type { RetryEvent, RetryPolicy } from '../../async/retry.js';
import type { QuoteRecord } from '../../text/money.js';
import type { SourceImage } from '../../imaging/source-image.js';
import type { PriceQuote } from './client.js';
import type { EndpointAnswer, EndpointImage, UpscaleEndpoint } from './endpoint.js';
import { BatchStop } from './batch-stop.js';
import { GenerationFailedError, InflightLimitError, RateLimitError } from './errors.js';
import type { InflightLimiter, Lease } from './inflight-limiter.js';

export interface IdeogramUpscalerOptions {
  readonly endpoint: UpscaleEndpoint;
  readonly limiter: InflightLimiter;
  readonly retry: RetryPolicy;
  /** Where result links may point. */
  readonly hosts: TrustedHosts;
  /** Cap on one downloaded result. */
  readonly maxResultBytes: number;
  /** How long one download of a result may take, from the request to its last byte ('request-timeout'). */
  readonly downloadTimeoutMs: number;
  readonly onRetry?: (file: string, event: RetryEvent) => void;
  /** Jobs accepted by an earlier run and never collected, by source: polled, never sent again. */
  readonly pending?: ReadonlyMap<string, string>;
  /** As soon as a job is accepted: record its id where a crash cannot lose it (waited for before polling). */
  readonly onAccepted?: (file: string, generationId: string) => Promise<void>;
  /** A job ended with nothing to collect (its generation failed, which is not billed): forget its id. */
  readonly onAbandoned?: (file: string) => void;
  /** With a cap, each source is quoted before it is sent, and not sent past the cap. */
  readonly costCap?: CostCap;
  /** Once, when Ideogram refuses the account (401, 402, 403) and the rest of the batch is not sent. */
  readonly onBatchStopped?: (why: string) => void;
}

/**
 * Upscales through one of Ideogram's endpoints: takes places under the in-flight limit only while the API works
 * on the request, and hands the result links back to be downloaded outside it, so a slow download never holds a
 * place.
 */
export class IdeogramUpscaler implements Provider {
  private readonly downloads: Agent;
  /** Every request to Ideogram (upscale, quote, collect) goes through it: none once the batch is stopped. */
  private readonly batch: BatchStop;

  constructor(private readonly options: IdeogramUpscalerOptions) {
    const timeout = options.downloadTimeoutMs;
    this.downloads = new Agent({ connect: { timeout: 30_000 }, headersTimeout: timeout, bodyTimeout: timeout });
    this.batch = new BatchStop(options.onBatchStopped);
  }

  async produce(image: SourceImage, stopped?: AbortSignal): Promise<ProducedImage[]> {
    const { endpoint, pending } = this.options;
    const file = image.relativePath;
    this.batch.check();
    const earlier = pending?.get(file);
    // Without a cap nothing is awaited here, so a burst of sources reaches the limiter together.
    const quoted = earlier === undefined && this.options.costCap ? await this.withinCap(image) : undefined;
    if (endpoint.divisible && earlier === undefined) {
      const produced = await this.packed(image, endpoint.places, stopped);
      const failures = produced.flatMap(item => (item.kind === 'failed' ? [item.error] : []));
      // Nothing made at all: the source failed as a whole, for the first reason.
      if (failures[0] && failures.length === produced.length) throw failures[0];
      return quoted
        ? produced.map((item, i) =>
            i === 0 && item.kind !== 'failed' ? { ...item, billing: { quote: quoted } } : item
          )
        : produced;
    }
    const answer = await this.whole(image, earlier, stopped);
    const billing: Billing = { quote: quoted, spentUsdMicros: answer.costUsdMicros };
    return answer.images.map((item, i) => this.handOver(image, item, i === 0 ? billing : undefined));
  }

  /** All of the source's images in one request (or an earlier run's job collected), sent again by Ideogram's rule. */
  private whole(
    image: SourceImage,
    earlier: string | undefined,
    stopped: AbortSignal | undefined
  ): Promise<EndpointAnswer> {
    const { endpoint, limiter, onAccepted, onAbandoned } = this.options;
    const file = image.relativePath;
    // Each job holds its places until it completes: Ideogram counts it in flight until then.
    return this.retrying(file, async (): Promise<EndpointAnswer> =>
      this.attempt(image, await limiter.acquire(endpoint.places), stopped, () =>
        earlier !== undefined && endpoint.resume
          ? endpoint.resume(file, earlier)
          : endpoint.upscale(image, async id => onAccepted?.(file, id))
      )
    ).catch((error: unknown) => {
      if (error instanceof GenerationFailedError) onAbandoned?.(file);
      throw error;
    });
  }

  /**
   * `count` of the source's images, which may come from several requests: one for as many as there are free
   * places, the rest in further requests queued for the next places. With 10 places and 4 images a source,
   * three requests run at once (4 + 4 + 2) where whole requests would leave two places idle. Each image is asked
   * for once; a request that fails for good leaves its images `failed` while the others' are kept.
   */
  private async packed(image: SourceImage, count: number, stopped: AbortSignal | undefined): Promise<ProducedImage[]> {
    const { endpoint, limiter } = this.options;
    const more: Promise<ProducedImage[]>[] = [];
    let size = count;
    let mine: ProducedImage[];
    try {
      const answer = await this.retrying(image.relativePath, async () => {
        const lease = await limiter.acquireUpTo(size);
        if (lease.places < size) {
          more.push(this.packed(image, size - lease.places, stopped));
          size = lease.places;
        }
        return this.attempt(image, lease, stopped, () => endpoint.upscale(image, async () => {}, lease.places));
      });
      mine = answer.images.map(item => this.handOver(image, item, undefined));
    } catch (error) {
      mine = Array.from({ length: size }, (): ProducedImage => ({ kind: 'failed', error: error as Error }));
    }
    return [...mine, ...(await Promise.all(more)).flat()];
  }

  /** One try under a lease: the request, and what its answer teaches the limiter. */
  private async attempt(
    image: SourceImage,
    lease: Lease,
    stopped: AbortSignal | undefined,
    send: () => Promise<EndpointAnswer>
  ): Promise<EndpointAnswer> {
    const { endpoint, limiter } = this.options;
    try {
      // Waiting for a place can outlast a cancellation: then this image is not sent, nor sent again.
      if (stopped?.aborted) throw NotSentError.cancelled();
      // Nor is a request the API has said it will never admit.
      if (!endpoint.divisible) this.refuseIfTooFew(image, limiter.statedLimit);
      // Checked before the place is given back, so the next image waiting for it is not sent.
      const done = await this.batch.guard(image.relativePath, send);
      lease.succeeded();
      return done;
    } catch (error) {
      if (error instanceof RateLimitError) {
        lease.rateLimited(error.maxInflight);
        if (!endpoint.divisible) this.refuseIfTooFew(image, error.maxInflight);
      }
      throw error;
    } finally {
      lease.release();
    }
  }

  /** Resent by Ideogram's rule, each retry told to `onRetry`. */
  private retrying<T>(file: string, attempt: () => Promise<T>): Promise<T> {
    const { retry, onRetry } = this.options;
    return this.batch.retrying(file, attempt, retry, event => onRetry?.(file, event));
  }

  /**
   * A request that cannot be split and that the organisation's stated limit can never admit: resending it would
   * only collect 429s until the retries ran out (2 sources × 4 images against a limit of 3 took 329 s and 102
   * requests), so it fails at once, saying why.
   */
  private refuseIfTooFew(image: SourceImage, stated: number | undefined): void {
    const { places } = this.options.endpoint;
    if (stated !== undefined && stated < places) throw new InflightLimitError(image.relativePath, stated, places);
  }

  /** The source's price as it would be sent, asked like any request: through the batch stop and the retries. */
  async quote(image: SourceImage): Promise<QuoteRecord> {
    const file = image.relativePath;
    const { endpoint } = this.options;
    return quoteRecord(await this.retrying(file, () => this.batch.guard(file, () => endpoint.quote(image))));
  }

  /** With a cost cap: the source's quote, taken from the cap. @throws NotSentError past the cap */
  private async withinCap(image: SourceImage): Promise<QuoteRecord | undefined> {
    const { costCap } = this.options;
    if (!costCap) return undefined;
    const record = await this.quote(image);
    // An estimate may cost up to its upper bound: the cap counts the most it can cost.
    const refused = costCap.take(record.upperBoundUsdMicros ?? record.usdMicros);
    if (refused !== undefined) throw new NotSentError('capped', `not sent: ${refused}`, record);
    return record;
  }

  private handOver(image: SourceImage, item: EndpointImage, billing: Billing | undefined): ProducedImage {
    const link = item.url;
    const bill = billing ? { billing } : {};
    if (!link) return { kind: 'withheld', reason: 'Ideogram withheld the result as unsafe', ...bill };
    const { hosts, maxResultBytes } = this.options;
    return {
      ...bill,
      kind: 'image',
      bytes: () =>
        openDownload(image.relativePath, link, {
          hosts,
          maxBytes: maxResultBytes,
          dispatcher: this.downloads,
          timeoutMs: this.options.downloadTimeoutMs
        }),
      resolution: item.resolution,
      seed: item.seed,
      prompt: item.prompt
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.options.endpoint.close(), this.downloads.close()]);
  }
}

/** A quote as the results report it. */
export function quoteRecord(quote: PriceQuote): QuoteRecord {
  const { usdMicros, qualifier, upperBoundUsdMicros, creditMillis } = quote;
  return upperBoundUsdMicros === undefined
    ? { usdMicros, qualifier, creditMillis }
    : { usdMicros, qualifier, upperBoundUsdMicros, creditMillis };
}
