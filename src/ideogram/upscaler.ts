import { Agent } from 'undici';
import { downloadResult } from '../download.js';
import type { Destination, ProducedImage, Provider } from '../provider.js';
import type { SourceImage } from '../validation.js';
import { IdeogramClient } from './client.js';
import { RateLimitError } from './errors.js';
import type { InflightLimiter } from './inflight-limiter.js';
import { withRetries, type RetryEvent, type RetryPolicy } from '../retry.js';
import { imagesPerRequest, type ImageObject, type ImageRequest } from './types.js';

export interface IdeogramUpscalerOptions {
  readonly apiUrl: URL;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly imageRequest: ImageRequest;
  readonly limiter: InflightLimiter;
  readonly retry: RetryPolicy;
  /** Cap on one downloaded result. */
  readonly maxResultBytes: number;
  readonly onRetry?: (file: string, event: RetryEvent) => void;
}

/**
 * Upscales through Ideogram: takes places under the in-flight limit only while the API works on the request,
 * then downloads the results outside it, so a slow download never holds a place.
 */
export class IdeogramUpscaler implements Provider {
  private readonly client: IdeogramClient;
  private readonly downloads = new Agent({ connect: { timeout: 30_000 }, headersTimeout: 60_000, bodyTimeout: 60_000 });

  constructor(private readonly options: IdeogramUpscalerOptions) {
    this.client = new IdeogramClient({ apiUrl: options.apiUrl, apiKey: options.apiKey, timeoutMs: options.timeoutMs });
  }

  async produce(image: SourceImage, destination: Destination): Promise<ProducedImage[]> {
    const { imageRequest, limiter, retry, onRetry } = this.options;
    const places = imagesPerRequest(imageRequest);
    const response = await withRetries(
      async () => {
        const lease = await limiter.acquire(places);
        try {
          const answer = await this.client.upscale(image, imageRequest);
          lease.succeeded();
          return answer;
        } catch (error) {
          if (error instanceof RateLimitError) lease.rateLimited(error.maxInflight);
          throw error;
        } finally {
          lease.release();
        }
      },
      retry,
      event => onRetry?.(image.relativePath, event)
    );
    return Promise.all(response.data.map((item, i) => this.save(image, item, i + 1, destination)));
  }

  private async save(
    image: SourceImage,
    item: ImageObject,
    index: number,
    destination: Destination
  ): Promise<ProducedImage> {
    if (!item.is_image_safe || !item.url) return { kind: 'withheld' };
    const link = item.url;
    try {
      const saved = await withRetries(
        () =>
          downloadResult(image.relativePath, link, format => destination(index, format), {
            apiUrl: this.options.apiUrl,
            maxBytes: this.options.maxResultBytes,
            dispatcher: this.downloads
          }),
        { ...this.options.retry, maxRetries: Math.min(this.options.retry.maxRetries, 2) }
      );
      return {
        kind: 'written',
        path: saved.path,
        resolution: item.upscaled_resolution ?? item.resolution ?? null,
        seed: item.seed ?? null,
        prompt: item.prompt ?? null
      };
    } catch (error) {
      return { kind: 'lost', error: error as Error };
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.client.close(), this.downloads.close()]);
  }
}
