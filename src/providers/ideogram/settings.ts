import { parse as parseYaml } from 'yaml';
import { integer, oneOf, optional, quote, secret } from '../../inputs/parsers.js';
import { Input, InputError, type InputProblem } from '../../inputs/inputs.js';
import { parseUsd, type UsdMicros } from '../../text/money.js';
import {
  ENHANCEMENT_STRENGTHS,
  MODELS,
  RESOLUTION_TIERS,
  UPSCALE_FACTORS,
  V2_MODELS,
  checkField,
  describeRule,
  type FieldValue,
  type ModelSpec,
  type ResolutionTier,
  type UpscaleFactor
} from './models.js';
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

/** How big a v2 result is asked to be. */
export type V2Size =
  | { readonly kind: 'factor'; readonly factor: UpscaleFactor }
  | { readonly kind: 'tier'; readonly tier: ResolutionTier };

/** One of Ideogram's current upscalers, `POST /v2/image/upscale/{model}`, with its form fields. */
export interface V2Settings extends IdeogramAccess {
  readonly kind: 'v2';
  readonly model: ModelSpec;
  readonly size: V2Size;
  /** Every form field sent with each image besides the image itself, in the API's names, size field included. */
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** Stop sending before the quotes' running total would pass this; undefined: no cap. */
  readonly maxCost: UsdMicros | undefined;
}

export type IdeogramSettings = LegacySettings | V2Settings;

/** Results one source gets from Ideogram: `num_images` on the legacy endpoint, one from a v2 model. */
export function resultsPerSource(settings: IdeogramSettings): number {
  return settings.kind === 'legacy' ? imagesPerRequest(settings.request) : 1;
}

export const LEGACY_MODEL = 'legacy';
const MODEL_CHOICES = [LEGACY_MODEL, ...V2_MODELS] as const;

/** Inputs only the legacy endpoint takes. */
const LEGACY_ONLY = [
  Input.Resemblance,
  Input.Detail,
  Input.MagicPromptOption,
  Input.MagicPromptVersion,
  Input.NumImages
] as const;

/** Inputs that set one v2 form field each; a model that lacks the field refuses the input. */
const FIELD_INPUTS = {
  [Input.Prompt]: 'prompt',
  [Input.Seed]: 'seed',
  [Input.Creativity]: 'creativity',
  [Input.EnhancementStrength]: 'enhancement_strength',
  [Input.UpscaleFactor]: 'upscale_factor',
  [Input.ResolutionTier]: 'resolution_tier'
} as const;

/** Inputs only the v2 models take. */
const V2_ONLY = [
  Input.UpscaleFactor,
  Input.Creativity,
  Input.EnhancementStrength,
  Input.ResolutionTier,
  Input.ModelOptions,
  Input.MaxCost
] as const;

function refuseGiven(input: (name: Input) => string, names: readonly Input[], why: InputProblem): void {
  const given = names.find(name => input(name) !== '');
  if (given !== undefined) throw new InputError(given, why);
}

/** `model-options`: a YAML (or JSON, which is YAML) map of field names to values. */
function parseModelOptions(raw: string): Record<string, unknown> {
  if (raw === '') return {};
  let parsed: unknown;
  try {
    parsed = parseYaml(raw);
  } catch (error) {
    throw new InputError(Input.ModelOptions, `is not valid YAML or JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError(
      Input.ModelOptions,
      `must be a map of field names to values, e.g. '{denoise: 0.3, sharpen: 0.5}'; got ${quote(raw)}.`
    );
  }
  return parsed as Record<string, unknown>;
}

function readV2Fields(input: (name: Input) => string, model: ModelSpec): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  const dedicated = new Map<string, Input>(Object.entries(FIELD_INPUTS).map(([name, field]) => [field, name as Input]));
  // Each input that sets a field, if the model takes that field.
  const parsers: Record<keyof typeof FIELD_INPUTS, (raw: string) => FieldValue> = {
    [Input.Prompt]: raw => raw,
    [Input.Seed]: raw => integer(Input.Seed, raw, 0, 2147483647),
    [Input.Creativity]: raw => integer(Input.Creativity, raw, 1, 9),
    [Input.EnhancementStrength]: raw => oneOf(Input.EnhancementStrength, raw, ENHANCEMENT_STRENGTHS),
    [Input.UpscaleFactor]: raw => oneOf(Input.UpscaleFactor, raw, UPSCALE_FACTORS),
    [Input.ResolutionTier]: raw => oneOf(Input.ResolutionTier, raw, RESOLUTION_TIERS)
  };
  for (const [name, field] of Object.entries(FIELD_INPUTS) as [keyof typeof FIELD_INPUTS, string][]) {
    const raw = input(name);
    if (raw === '') continue;
    const sizeField = model.size.kind === 'factor' ? 'upscale_factor' : 'resolution_tier';
    const rule = field === sizeField ? undefined : model.fields[field];
    if (field !== sizeField && rule === undefined) {
      throw new InputError(name, `is not taken by model '${model.id}'; leave it empty with this model.`);
    }
    const value = parsers[name](raw);
    if (rule?.type === 'text' && typeof value === 'string' && value.length > rule.maxLength) {
      throw new InputError(name, `may be at most ${rule.maxLength} characters with model '${model.id}'.`);
    }
    fields[field] = value;
  }
  if (model.size.kind === 'factor') {
    const factor = (fields.upscale_factor as UpscaleFactor | undefined) ?? 'x2';
    if (!model.size.factors.includes(factor)) {
      throw new InputError(
        Input.UpscaleFactor,
        `must be one of ${model.size.factors.join(', ')} with model '${model.id}'; got '${factor}'.`
      );
    }
    fields.upscale_factor = factor;
  } else {
    fields.resolution_tier = (fields.resolution_tier as ResolutionTier | undefined) ?? '2K';
  }

  const options = parseModelOptions(input(Input.ModelOptions));
  const open = Object.keys(model.fields).filter(field => !dedicated.has(field));
  const allowed = open.length > 0 ? open.join(', ') : 'none';
  for (const [field, value] of Object.entries(options)) {
    const own = dedicated.get(field);
    if (own !== undefined) {
      throw new InputError(Input.ModelOptions, name => `sets '${field}': use ${name(own)} for it.`);
    }
    const rule = model.fields[field];
    if (rule === undefined) {
      throw new InputError(
        Input.ModelOptions,
        `has '${field}', which model '${model.id}' does not take; its fields: ${allowed}.`
      );
    }
    const checked = checkField(rule, value);
    if (checked === undefined) {
      throw new InputError(
        Input.ModelOptions,
        `field '${field}' of model '${model.id}' must be ${describeRule(rule)}; got ${JSON.stringify(value)}.`
      );
    }
    fields[field] = checked;
  }
  for (const { field, needs } of model.requires ?? []) {
    const missing = needs.filter(need => fields[need] === undefined);
    if (fields[field] === true && missing.length > 0) {
      throw new InputError(
        Input.ModelOptions,
        `turns '${field}' on for model '${model.id}', which then needs ${missing.join(' and ')}.`
      );
    }
  }
  return fields;
}

function maxCost(raw: string): UsdMicros | undefined {
  if (raw === '') return undefined;
  const micros = parseUsd(raw);
  if (micros === undefined || micros === 0) {
    throw new InputError(
      Input.MaxCost,
      `must be an amount in USD above 0 with at most six decimals, e.g. '2.50'; got ${quote(raw)}.`
    );
  }
  return micros;
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
 * Ideogram's provider settings: the legacy endpoint (`model: legacy`, the default) or a v2 model. Inputs that
 * belong to the other endpoint, or that the chosen model does not take, are errors, never silently dropped.
 * @throws InputError naming the input, the value and what is allowed.
 */
export function readIdeogramSettings(
  input: (name: Input) => string,
  request: ImageRequest,
  dryRun: boolean
): IdeogramSettings {
  const modelId = oneOf(Input.Model, input(Input.Model) || LEGACY_MODEL, MODEL_CHOICES);
  const apiKey = secret(Input.ApiKey, input(Input.ApiKey));
  if (apiKey === '' && !dryRun) {
    throw new InputError(Input.ApiKey, `is required: pass your Ideogram API key from a secret.`);
  }
  if (apiKey === '' && modelId !== LEGACY_MODEL) {
    throw new InputError(
      Input.ApiKey,
      `is required for a dry run with model '${modelId}': it asks Ideogram for a free price quote of each image.`
    );
  }
  const access = { apiKey, apiUrl: apiUrl(input(Input.ApiUrl)) };
  if (modelId === LEGACY_MODEL) {
    refuseGiven(
      input,
      V2_ONLY,
      name =>
        `is for the v2 models; with ${name(Input.Model)} ${LEGACY_MODEL} it would be ignored. Choose a model (${V2_MODELS.join(', ')}) or leave it empty.`
    );
    return { kind: 'legacy', ...access, request };
  }
  refuseGiven(
    input,
    LEGACY_ONLY,
    name =>
      `is for the legacy endpoint only (${name(Input.Model)} ${LEGACY_MODEL}); model '${modelId}' does not take it.`
  );
  const model = MODELS[modelId];
  const fields = readV2Fields(input, model);
  const size: V2Size =
    model.size.kind === 'factor'
      ? { kind: 'factor', factor: fields.upscale_factor as UpscaleFactor }
      : { kind: 'tier', tier: fields.resolution_tier as ResolutionTier };
  return { kind: 'v2', ...access, model, size, fields, maxCost: maxCost(input(Input.MaxCost)) };
}
