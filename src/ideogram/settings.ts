import { integer, oneOf, optional, quote } from '../input-parsers.js';
import { Input, InputError } from '../inputs.js';
import {
  MAGIC_PROMPT_OPTIONS,
  MAGIC_PROMPT_VERSIONS,
  imagesPerRequest,
  type ImageCount,
  type ImageRequest,
  type Percent,
  type Seed
} from './types.js';

/** How to reach Ideogram: the same for every endpoint. */
export interface IdeogramAccess {
  /** Ideogram API key; sent only to `apiUrl`, never printed. Empty in a dry run. */
  readonly apiKey: string;
  readonly apiUrl: URL;
}

/** Ideogram's legacy `POST /upscale`, with its `image_request` fields. */
export interface LegacySettings extends IdeogramAccess {
  readonly kind: 'legacy';
  /** The API request fields; absent ones are left to the API's defaults. */
  readonly request: ImageRequest;
}

export type IdeogramSettings = LegacySettings;

/** Results one source gets from Ideogram. */
export function resultsPerSource(settings: IdeogramSettings): number {
  return imagesPerRequest(settings.request);
}

function apiUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(Input.ApiUrl, `must be an http(s) URL; got ${quote(raw)}.`);
  }
  const loopback = ['localhost', '[::1]'].includes(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    // The key travels in a header: plain http only where it cannot leave the machine.
    throw new InputError(Input.ApiUrl, `must use https (http only for localhost); got ${quote(raw)}.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InputError(Input.ApiUrl, `must be a plain base URL without credentials, query or fragment.`);
  }
  return url;
}

/** The legacy request's fields, checked; every one is checked whichever provider runs, so typos never wait. */
export function readImageRequest(input: (name: Input) => string): ImageRequest {
  const request: ImageRequest = {
    prompt: optional(input, Input.Prompt, raw => raw),
    resemblance: optional(input, Input.Resemblance, raw => integer<Percent>(Input.Resemblance, raw, 1, 100)),
    detail: optional(input, Input.Detail, raw => integer<Percent>(Input.Detail, raw, 1, 100)),
    magic_prompt_option: optional(input, Input.MagicPromptOption, raw =>
      oneOf(Input.MagicPromptOption, raw, MAGIC_PROMPT_OPTIONS)
    ),
    magic_prompt_version: optional(input, Input.MagicPromptVersion, raw =>
      oneOf(Input.MagicPromptVersion, raw, MAGIC_PROMPT_VERSIONS)
    ),
    num_images: optional(input, Input.NumImages, raw => integer<ImageCount>(Input.NumImages, raw, 1, 8)),
    seed: optional(input, Input.Seed, raw => integer<Seed>(Input.Seed, raw, 0, 2147483647))
  };
  // Only set fields go into the JSON, so the API applies its own defaults to the rest.
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
}

/**
 * Ideogram's provider settings.
 * @throws InputError naming the input, the value and what is allowed.
 */
export function readIdeogramSettings(
  input: (name: Input) => string,
  request: ImageRequest,
  dryRun: boolean
): IdeogramSettings {
  const apiKey = input(Input.ApiKey);
  if (apiKey === '' && !dryRun) {
    throw new InputError(Input.ApiKey, `is required: pass your Ideogram API key from a secret.`);
  }
  return { kind: 'legacy', apiKey, apiUrl: apiUrl(input(Input.ApiUrl)), request };
}
