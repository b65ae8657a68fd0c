/**
 * The one file that knows every provider: how each is chosen and configured, what it can do, and how it is made.
 * Everything else speaks `Provider` (provider.ts) and the settings type below, never a provider's own modules.
 */
import { Input } from '../inputs/inputs.js';
import { oneOf } from '../inputs/parsers.js';
import type { TransportSettings } from '../net/transport.js';
import type { PendingJobs, Provider, ProviderHooks } from './provider.js';
import { inflightBounds } from './ideogram/inflight-limiter.js';
import { ENHANCEMENT_STRENGTHS, RESOLUTION_TIERS, UPSCALE_FACTORS, V2_MODELS } from './ideogram/models.js';
import {
  LEGACY_MODEL,
  readIdeogramSettings,
  readImageRequest,
  resultsPerSource as ideogramResultsPerSource,
  type IdeogramSettings
} from './ideogram/settings.js';
import { MAGIC_PROMPT_OPTIONS, MAGIC_PROMPT_VERSIONS, splitsRequests } from './ideogram/types.js';

/** Who upscales: Ideogram's API, or a 2× resampling on this machine that needs no key and no network. */
export const PROVIDERS = ['ideogram', 'local'] as const;

/** Who upscales, with what that provider needs: Ideogram (one of its endpoints) or this machine. */
export type ProviderSettings = IdeogramSettings | { readonly kind: 'local' };

/** Defaults of the inputs the providers own; action.yml states the same values for users to read. */
export const PROVIDER_DEFAULTS: Partial<Record<Input, string>> = {
  [Input.Provider]: 'ideogram',
  [Input.Model]: LEGACY_MODEL,
  [Input.ApiUrl]: 'https://api.ideogram.ai'
};

/** The values the providers' inputs take, for the command line's help. */
export const PROVIDER_CHOICES = {
  [Input.MagicPromptOption]: MAGIC_PROMPT_OPTIONS,
  [Input.MagicPromptVersion]: MAGIC_PROMPT_VERSIONS,
  [Input.Model]: [LEGACY_MODEL, ...V2_MODELS],
  [Input.UpscaleFactor]: UPSCALE_FACTORS,
  [Input.EnhancementStrength]: ENHANCEMENT_STRENGTHS,
  [Input.ResolutionTier]: RESOLUTION_TIERS,
  [Input.Provider]: PROVIDERS
} as const satisfies Partial<Record<Input, readonly string[]>>;

/**
 * The provider's settings from the raw inputs. The request's fields are checked whichever provider runs, so a typo
 * never waits for the day the other provider is chosen.
 * @throws InputError naming the input, the value and what is allowed.
 */
export function readProviderSettings(input: (name: Input) => string, dryRun: boolean): ProviderSettings {
  const request = readImageRequest(input);
  return oneOf(Input.Provider, input(Input.Provider), PROVIDERS) === 'local'
    ? { kind: 'local' }
    : readIdeogramSettings(input, request, dryRun);
}

/** Results each source gets: the local provider makes one, whatever num-images says. */
export function resultsPerSource(provider: ProviderSettings): number {
  return provider.kind === 'local' ? 1 : ideogramResultsPerSource(provider);
}

/**
 * Whether a source's images may come from several requests (no seed), so that fewer places in flight than images
 * per source still work, a request for as many as fit at a time.
 */
export function splitsSources(provider: ProviderSettings): boolean {
  return provider.kind === 'legacy' && splitsRequests(provider.request);
}

/** The largest source a provider takes, in MB: Ideogram's v2 models take uploads up to 50, the legacy endpoint 25. */
export function maxUploadMegabytes(provider: ProviderSettings): number {
  return provider.kind === 'v2' ? 50 : 25;
}

/** Whether a dry run can price each source (and so checks each as it would be sent): the v2 models quote. */
export function quotesPrices(provider: ProviderSettings): boolean {
  return provider.kind === 'v2';
}

/** Sources worked on at once: more than places in flight, so downloads overlap with uploads. */
export function sourcesAtOnce(transport: TransportSettings): number {
  return inflightBounds(transport.concurrency).ceiling * 2;
}

/** Room for an 8192×8192 result of a v2 model; bounds what a misbehaving link or provider can write. */
export const MAX_RESULT_BYTES = 400 * 1024 * 1024;

/** Why an earlier run's source has no result to convert: only Ideogram withholds results. */
export function withheldEarlier(at: string): string {
  return `Ideogram withheld its result as unsafe on ${at}; nothing to convert`;
}

/** What made the upscale: a change to any of these makes an unchanged image worth upscaling again. */
export function upscaleFingerprint(provider: ProviderSettings): Record<string, unknown> {
  // The shapes manifests have always recorded, so existing entries still match.
  if (provider.kind === 'local') return { provider: 'local', request: {} };
  if (provider.kind === 'legacy') return { provider: 'ideogram', request: provider.request };
  // A v2 model: every form field counts (the factor or tier, prompt, seed and each model option).
  return { provider: 'ideogram', model: provider.model.id, fields: provider.fields };
}

/**
 * The provider, made when the first source reaches it: a run that skips everything never loads the local provider's
 * codecs (WebAssembly) nor Ideogram's client, nor opens a connection.
 */
export function createProvider(
  provider: ProviderSettings,
  transport: TransportSettings,
  hooks: ProviderHooks,
  jobs: PendingJobs
): Provider {
  const create = async (): Promise<Provider> => {
    if (provider.kind === 'local') {
      const { LocalUpscaler } = await import('./local/upscaler.js');
      return new LocalUpscaler();
    }
    const { createIdeogramUpscaler } = await import('./ideogram/create.js');
    return createIdeogramUpscaler(provider, transport, hooks, jobs, MAX_RESULT_BYTES);
  };
  let made: Promise<Provider> | undefined;
  const instance = (): Promise<Provider> => (made ??= create());
  return {
    produce: async (image, stopped) => (await instance()).produce(image, stopped),
    quote: async image => {
      const upscaler = await instance();
      if (!upscaler.quote) throw new Error(`the ${provider.kind} provider does not quote`);
      return upscaler.quote(image);
    },
    close: async () => {
      if (made) await (await made).close();
    }
  };
}
