import type { SourceImage } from '../validation.js';
import type { IdeogramClient } from './client.js';
import { imagesPerRequest, type ImageRequest } from './types.js';

/** One result as an endpoint reports it: where to fetch it, and what Ideogram says about it. */
export interface EndpointImage {
  /** A short-lived link; null when the image was withheld as unsafe. */
  readonly url: string | null;
  readonly resolution: string | null;
  readonly seed: number | null;
  readonly prompt: string | null;
}

/**
 * One of Ideogram's upscale endpoints. The upscaler holds `places` in-flight places while `upscale` runs, retries
 * it by Ideogram's rule, and downloads what it reports; the endpoint only speaks its own request and answer.
 */
export interface UpscaleEndpoint {
  /** In-flight places one request takes (Ideogram counts images, not requests). */
  readonly places: number;
  /** Runs one upscale of `image` to completion. @throws IdeogramError */
  upscale(image: SourceImage): Promise<readonly EndpointImage[]>;
  close(): Promise<void>;
}

/** `POST /upscale`: up to 2×, `image_request` as JSON, `num_images` results per request. */
export class LegacyEndpoint implements UpscaleEndpoint {
  readonly places: number;

  constructor(
    private readonly client: IdeogramClient,
    private readonly request: ImageRequest
  ) {
    this.places = imagesPerRequest(request);
  }

  async upscale(image: SourceImage): Promise<readonly EndpointImage[]> {
    const response = await this.client.upscale(image, this.request);
    return response.data.map(item => ({
      url: item.is_image_safe && item.url ? item.url : null,
      resolution: item.upscaled_resolution ?? item.resolution ?? null,
      seed: item.seed ?? null,
      prompt: item.prompt ?? null
    }));
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
