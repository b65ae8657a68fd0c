import { Agent } from 'undici';
import { openDownload, type TrustedHosts } from '../download.js';
import { NotStartedError } from '../cancellation.js';
import type { ProducedImage, Provider } from '../provider.js';
import { withRetries, type RetryEvent, type RetryPolicy } from '../retry.js';
import type { SourceImage } from '../validation.js';
import type { EndpointImage, UpscaleEndpoint } from './endpoint.js';
import { RateLimitError } from './errors.js';
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
    const { endpoint, limiter, retry, onRetry } = this.options;
    const answer = await withRetries(
      async () => {
        const lease = await limiter.acquire(endpoint.places);
        try {
          // Waiting for a place can outlast a cancellation: then this image is not sent, nor sent again.
          if (stopped?.aborted) throw new NotStartedError();
          const images = await endpoint.upscale(image);
          lease.succeeded();
          return images;
        } catch (error) {
          if (error instanceof RateLimitError) lease.rateLimited(error.maxInflight);
          throw error;
        } finally {
          lease.release();
        }
      },
      retry,
      ideogramRule,
      event => onRetry?.(image.relativePath, event)
    );
    return answer.map(item => this.handOver(image, item));
  }

  private handOver(image: SourceImage, item: EndpointImage): ProducedImage {
    const link = item.url;
    if (!link) return { kind: 'withheld' };
    const { hosts, maxResultBytes } = this.options;
    return {
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
