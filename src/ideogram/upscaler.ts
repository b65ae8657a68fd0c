import { Agent } from 'undici';
import { openDownload, type TrustedHosts } from '../download.js';
import { NotStartedError } from '../cancellation.js';
import type { CostCap } from '../cost-cap.js';
import { DeferredError, type Billing, type ProducedImage, type Provider } from '../provider.js';
import { withRetries, type RetryEvent, type RetryPolicy } from '../retry.js';
import type { QuoteRecord } from '../results.js';
import type { SourceImage } from '../validation.js';
import type { PriceQuote } from './client.js';
import type { EndpointAnswer, EndpointImage, UpscaleEndpoint } from './endpoint.js';
import { GenerationFailedError, RateLimitError } from './errors.js';
import type { InflightLimiter } from './inflight-limiter.js';
import { ideogramRule } from './retry-rule.js';

export interface IdeogramUpscalerOptions {
  readonly endpoint: UpscaleEndpoint;
  readonly limiter: InflightLimiter;
  readonly retry: RetryPolicy;
  /** Where result links may point. */
  readonly hosts: TrustedHosts;
  /** Cap on one downloaded result. */
  readonly maxResultBytes: number;
  readonly onRetry?: (file: string, event: RetryEvent) => void;
  /** Jobs accepted by an earlier run and never collected, by source: polled, never sent again. */
  readonly pending?: ReadonlyMap<string, string>;
  /** As soon as a job is accepted: record its id where a crash cannot lose it (waited for before polling). */
  readonly onAccepted?: (file: string, generationId: string) => Promise<void>;
  /** A job ended with nothing to collect (its generation failed, which is not billed): forget its id. */
  readonly onAbandoned?: (file: string) => void;
  /** With a cap, each source is quoted before it is sent, and not sent past the cap. */
  readonly costCap?: CostCap;
}

/**
 * Upscales through one of Ideogram's endpoints: takes places under the in-flight limit only while the API works
 * on the request, and hands the result links back to be downloaded outside it, so a slow download never holds a
 * place.
 */
export class IdeogramUpscaler implements Provider {
  private readonly downloads = new Agent({ connect: { timeout: 30_000 }, headersTimeout: 60_000, bodyTimeout: 60_000 });

  constructor(private readonly options: IdeogramUpscalerOptions) {}

  async produce(image: SourceImage, stopped?: AbortSignal): Promise<ProducedImage[]> {
    const { endpoint, limiter, retry, onRetry, pending, onAccepted, onAbandoned } = this.options;
    const file = image.relativePath;
    const earlier = pending?.get(file);
    const quoted = earlier === undefined ? await this.withinCap(image) : undefined;
    // Each job holds its places until it completes: Ideogram counts it in flight until then.
    const answer = await withRetries(
      async (): Promise<EndpointAnswer> => {
        const lease = await limiter.acquire(endpoint.places);
        try {
          // Waiting for a place can outlast a cancellation: then this image is not sent, nor sent again.
          if (stopped?.aborted) throw new NotStartedError();
          const done =
            earlier !== undefined && endpoint.resume
              ? await endpoint.resume(file, earlier)
              : await endpoint.upscale(image, async id => onAccepted?.(file, id));
          lease.succeeded();
          return done;
        } catch (error) {
          if (error instanceof RateLimitError) lease.rateLimited(error.maxInflight);
          throw error;
        } finally {
          lease.release();
        }
      },
      retry,
      ideogramRule,
      event => onRetry?.(file, event)
    ).catch((error: unknown) => {
      if (error instanceof GenerationFailedError) onAbandoned?.(file);
      throw error;
    });
    const billing: Billing = { quote: quoted, spentUsdMicros: answer.costUsdMicros };
    return answer.images.map((item, i) => this.handOver(image, item, i === 0 ? billing : undefined));
  }

  /** With a cost cap: the source's quote, taken from the cap. @throws DeferredError past the cap */
  private async withinCap(image: SourceImage): Promise<QuoteRecord | undefined> {
    const { endpoint, costCap, retry, onRetry } = this.options;
    if (!costCap) return undefined;
    const quote = await withRetries(
      () => endpoint.quote(image),
      retry,
      ideogramRule,
      event => onRetry?.(image.relativePath, event)
    );
    // An estimate may cost up to its upper bound: the cap counts the most it can cost.
    const most = quote.upperBoundUsdMicros ?? quote.usdMicros;
    const record = quoteRecord(quote);
    const refused = costCap.take(most);
    if (refused !== undefined) throw new DeferredError(`not sent: ${refused}`, record);
    return record;
  }

  private handOver(image: SourceImage, item: EndpointImage, billing: Billing | undefined): ProducedImage {
    const link = item.url;
    const bill = billing ? { billing } : {};
    if (!link) return { kind: 'withheld', ...bill };
    const { hosts, maxResultBytes } = this.options;
    return {
      ...bill,
      kind: 'image',
      bytes: () =>
        openDownload(image.relativePath, link, { hosts, maxBytes: maxResultBytes, dispatcher: this.downloads }),
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
