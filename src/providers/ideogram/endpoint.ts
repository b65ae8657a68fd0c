import { openRegularFile } from '../../fs/regular-file.js';
import type { Dimensions } from '../../imaging/dimensions.js';
import { probeOpened } from '../../imaging/image-file.js';
import { ImageProblem, type SourceImage } from '../../imaging/source-image.js';
import type { Generation, IdeogramClient, PriceQuote } from './client.js';
import { GenerationFailedError } from './errors.js';
import { MAX_OUTPUT_SIDE, RESOLUTION_TIERS, V2_MAX_UPLOAD_BYTES, factorValue } from './models.js';
import type { Poller } from './poller.js';
import type { V2Settings } from './settings.js';
import { imagesPerRequest, splitsRequests, type ImageCount, type ImageRequest } from './types.js';

/** One result as an endpoint reports it: where to fetch it, and what Ideogram says about it. */
export interface EndpointImage {
  /** A short-lived link; null when the image was withheld as unsafe. */
  readonly url: string | null;
  readonly resolution: string | null;
  readonly seed: number | null;
  readonly prompt: string | null;
}

/** What one request produced, and what it cost when Ideogram says. */
export interface EndpointAnswer {
  readonly images: readonly EndpointImage[];
  readonly costUsdMicros?: number;
}

/**
 * One of Ideogram's upscale endpoints. The upscaler holds `places` in-flight places while `upscale` runs, retries
 * it by Ideogram's rule, and downloads what it reports; the endpoint only speaks its own request and answer.
 */
export interface UpscaleEndpoint {
  /** Images one source gets: the in-flight places a request for all of them takes (Ideogram counts images). */
  readonly places: number;
  /**
   * Whether a source's images may come from several smaller requests: the same as one request for all of them
   * (several images without a seed), so the upscaler may split them to fill the places it has.
   */
  readonly divisible: boolean;
  /**
   * Runs one upscale of `image` to completion, for `count` of its images (all `places` unless divisible). An
   * endpoint with asynchronous jobs calls `onAccepted` with the job's id as soon as it has one, before waiting for
   * it. @throws IdeogramError
   */
  upscale(
    image: SourceImage,
    onAccepted: (generationId: string) => Promise<void>,
    count?: number
  ): Promise<EndpointAnswer>;
  /** Collects a job accepted earlier (by a run that did not live to collect it); never sends the image again. */
  resume?(file: string, generationId: string): Promise<EndpointAnswer>;
  /** The price of exactly the request `upscale` would send, for free. @throws Error where the endpoint gives none */
  quote(image: SourceImage): Promise<PriceQuote>;
  close(): Promise<void>;
}

/** `POST /upscale`: up to 2×, `image_request` as JSON, `num_images` results per request. */
export class LegacyEndpoint implements UpscaleEndpoint {
  readonly places: number;
  readonly divisible: boolean;

  constructor(
    private readonly client: IdeogramClient,
    private readonly request: ImageRequest
  ) {
    this.places = imagesPerRequest(request);
    this.divisible = splitsRequests(request);
  }

  /** Settings allow quotes (dry-run prices, max-cost) with v2 models only; `dry_run` must never reach /upscale. */
  quote(): Promise<PriceQuote> {
    return Promise.reject(new Error('the legacy endpoint gives no price quotes'));
  }

  async upscale(image: SourceImage, _onAccepted: unknown, count = this.places): Promise<EndpointAnswer> {
    const request = count === this.places ? this.request : { ...this.request, num_images: count as ImageCount };
    const response = await this.client.upscale(image, request);
    return {
      images: response.data.map(item => ({
        url: item.is_image_safe && item.url ? item.url : null,
        resolution: item.upscaled_resolution ?? item.resolution ?? null,
        seed: item.seed ?? null,
        prompt: item.prompt ?? null
      }))
    };
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

async function sourceDimensions(image: SourceImage): Promise<Dimensions | undefined> {
  // Only a regular file: a named pipe swapped in since the check would block. Gone or swapped, the upload's own
  // check of the file says so in words.
  const opened = await openRegularFile(image.path).catch(() => undefined);
  if (!opened) return undefined;
  try {
    // The upload is bounded (50 MB), so a header past the first bytes is worth the whole read.
    return (await probeOpened(opened, { wholeIfNeeded: true })).dimensions;
  } finally {
    await opened.handle.close();
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * `POST /v2/image/upscale/{model}`: one image per request, sent with `async=true` so the generation id comes back
 * at once, then polled to completion. Before anything is sent, the source is checked against the model's
 * limits (50 MB upload, the 8192-px output rule, Nano Banana Pro's tiers), so no request goes out that must fail.
 */
export class V2Endpoint implements UpscaleEndpoint {
  readonly places = 1;
  readonly divisible = false;

  constructor(
    private readonly client: IdeogramClient,
    private readonly settings: V2Settings,
    private readonly poller: Poller
  ) {}

  /** @throws ImageProblem naming the limit, and what would fit */
  private async check(image: SourceImage): Promise<void> {
    const { model, size } = this.settings;
    if (image.bytes > V2_MAX_UPLOAD_BYTES) {
      throw new ImageProblem(
        image.relativePath,
        `is ${megabytes(image.bytes)}; model '${model.id}' accepts at most ${megabytes(V2_MAX_UPLOAD_BYTES)}`
      );
    }
    const dimensions = await sourceDimensions(image);
    // An unreadable header is left to Ideogram, which answers 400 for free.
    if (!dimensions) return;
    const { width, height } = dimensions;
    const side = Math.max(width, height);
    const control = model.size;
    if (control.kind === 'factor' && size.kind === 'factor') {
      const factor = factorValue(size.factor);
      if (side * factor <= control.maxSide) return;
      const fits = control.factors.filter(option => side * factorValue(option) <= control.maxSide).at(-1);
      throw new ImageProblem(
        image.relativePath,
        `is ${width}x${height}; at ${size.factor} the result would be ${width * factor}x${height * factor}, over the ${MAX_OUTPUT_SIDE}-px limit of model '${model.id}'; ${fits ? `the largest factor that fits is ${fits}` : `no factor fits (x2 takes at most ${control.maxSide / 2} px a side)`}`
      );
    }
    if (control.kind === 'tier' && size.kind === 'tier') {
      const tiers = control.tiers;
      if (side < tiers[size.tier]) return;
      const fits = RESOLUTION_TIERS.filter(tier => side < tiers[tier]).at(-1);
      throw new ImageProblem(
        image.relativePath,
        `is ${width}x${height}, already at or above the ${size.tier} tier of model '${model.id}'; ${fits ? `the largest tier above it is ${fits}` : 'no tier is above it'}`
      );
    }
  }

  async quote(image: SourceImage): Promise<PriceQuote> {
    await this.check(image);
    return this.client.quote(image, this.settings.model.id, this.settings.fields);
  }

  async upscale(image: SourceImage, onAccepted: (generationId: string) => Promise<void>): Promise<EndpointAnswer> {
    await this.check(image);
    const { generationId } = await this.client.submit(image, this.settings.model.id, this.settings.fields);
    await onAccepted(generationId);
    return this.resume(image.relativePath, generationId);
  }

  async resume(file: string, generationId: string): Promise<EndpointAnswer> {
    const generation: Generation = await this.poller.wait(file, generationId, () =>
      this.client.generation(file, generationId)
    );
    if (generation.status === 'failed') throw new GenerationFailedError(file, generationId, generation.reason);
    if (generation.status === 'pending') throw new Error('unreachable: the poller returns finished generations');
    return {
      images: generation.images.map(item => ({
        url: item.isSafe && item.url ? item.url : null,
        resolution: item.resolution,
        seed: item.seed,
        prompt: null
      })),
      costUsdMicros: generation.costUsdMicros
    };
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
