import type { Branded } from '../../text/brand.js';

/** Integer 1-100 (`resemblance`, `detail`). */
export type Percent = Branded<number, 'Percent'>;
/** Integer 1-8 (`num_images`). */
export type ImageCount = Branded<number, 'ImageCount'>;
/** Integer 0-2147483647 (`seed`). */
export type Seed = Branded<number, 'Seed'>;

export const MAGIC_PROMPT_OPTIONS = ['AUTO', 'ON', 'OFF'] as const;
export type MagicPromptOption = (typeof MAGIC_PROMPT_OPTIONS)[number];

export const MAGIC_PROMPT_VERSIONS = [
  'V_0',
  'V_0_1',
  'V_0_2',
  'V_0_3',
  'V_0_4',
  'V_0_5',
  'V_0_6',
  'V_0_7',
  'V_0_8'
] as const;
export type MagicPromptVersion = (typeof MAGIC_PROMPT_VERSIONS)[number];

/**
 * The `image_request` part of `POST /upscale`, in the API's own field names. Absent fields are not sent, so the
 * API's defaults apply (resemblance 50, detail 50, one image).
 */
export interface ImageRequest {
  readonly prompt?: string;
  readonly resemblance?: Percent;
  readonly detail?: Percent;
  readonly magic_prompt_option?: MagicPromptOption;
  readonly magic_prompt_version?: MagicPromptVersion;
  readonly num_images?: ImageCount;
  readonly seed?: Seed;
}

/** How many images one request asks for: what it costs in the organisation's in-flight places. */
export function imagesPerRequest(request: ImageRequest): number {
  return request.num_images ?? 1;
}

/**
 * Whether a request's images may come from several smaller requests. Without a seed each image is drawn on its own:
 * two requests for 2 give what one request for 4 gives. With one, a request's images are one reproducible set from
 * it, which smaller requests would not add up to.
 */
export function splitsRequests(request: ImageRequest): boolean {
  return imagesPerRequest(request) > 1 && request.seed === undefined;
}

/** One entry of the 200 response's `data`. */
export interface ImageObject {
  /** A short-lived signed link; null or empty when the image was withheld as unsafe. */
  readonly url: string | null;
  readonly prompt: string;
  readonly resolution: string;
  readonly upscaled_resolution?: string;
  readonly is_image_safe: boolean;
  readonly seed: number;
  readonly style_type?: string | null;
}

export interface UpscaleResponse {
  readonly created: string;
  readonly data: readonly ImageObject[];
}
