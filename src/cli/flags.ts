import { Input } from '../inputs/inputs.js';
import { OUTPUT_FORMAT_INFO, OUTPUT_FORMATS } from '../imaging/output-format.js';
import { PROVIDER_CHOICES } from '../providers/index.js';

/** The command line's manifest, in the folder the results go to. */
export const CLI_MANIFEST = '.ideogram-upscale.json';

/** How the command line gives one of the action's inputs. */
export type FlagSpec =
  /**
   * `--name <arg>`, passed through as the input's raw text. Its default is the action's (`DEFAULTS`) unless
   * `default` says otherwise; null: none is filled in (the help text tells what happens).
   */
  | {
      readonly kind: 'value';
      readonly arg: string;
      readonly help: string;
      readonly choices?: readonly string[];
      readonly default?: string | null;
      /** `--no-name` too, which gives the input `none`. */
      readonly negatable?: boolean;
    }
  /** `--name` for true; `--no-name` too where the input is true by default. */
  | { readonly kind: 'switch'; readonly help: string; readonly negatable?: boolean }
  /** Not a flag: the command line always gives this raw value (action-only inputs, and the key). */
  | { readonly kind: 'fixed'; readonly value: string };

/**
 * Every input of the action, and how the command line gives it. A `Record` over `Input`, so a new input does not
 * compile until someone decides whether it is a flag. Flags keep the inputs' names; empty values fall back to
 * `DEFAULTS`, exactly as in the action.
 */
export function flagSpecs(apiKey: string): Record<Input, FlagSpec> {
  return {
    [Input.ApiKey]: { kind: 'fixed', value: apiKey },
    [Input.Files]: {
      kind: 'value',
      arg: '<patterns>',
      help: "glob patterns, one a line, '!' excludes; patterns given as arguments are added (default: PNG, JPEG and WebP files outside node_modules)",
      default: null
    },
    [Input.Prompt]: { kind: 'value', arg: '<text>', help: 'Ideogram: prompt that guides the upscale' },
    [Input.Resemblance]: { kind: 'value', arg: '<1-100>', help: 'Ideogram: how closely the result follows the source' },
    [Input.Detail]: { kind: 'value', arg: '<1-100>', help: 'Ideogram: how much detail it adds' },
    [Input.MagicPromptOption]: {
      kind: 'value',
      arg: '<option>',
      help: 'Ideogram: magic prompt',
      choices: PROVIDER_CHOICES[Input.MagicPromptOption]
    },
    [Input.MagicPromptVersion]: {
      kind: 'value',
      arg: '<version>',
      help: 'Ideogram: magic prompt version',
      choices: PROVIDER_CHOICES[Input.MagicPromptVersion]
    },
    [Input.NumImages]: {
      kind: 'value',
      arg: '<1-8>',
      help: 'Ideogram: results per source (the local provider makes one)'
    },
    [Input.Seed]: { kind: 'value', arg: '<n>', help: 'Ideogram: seed, for repeatable results' },
    [Input.Model]: {
      kind: 'value',
      arg: '<model>',
      help: 'Ideogram: legacy (POST /upscale, up to 2×) or a v2 upscaler; see docs/models.md (default: legacy)',
      choices: PROVIDER_CHOICES[Input.Model]
    },
    [Input.UpscaleFactor]: {
      kind: 'value',
      arg: '<factor>',
      help: 'Ideogram v2: x2, x4 or x8 (default x2; topaz-wonder-4: x2 or x4)',
      choices: PROVIDER_CHOICES[Input.UpscaleFactor]
    },
    [Input.Creativity]: { kind: 'value', arg: '<1-9>', help: 'Ideogram v2 (bloom-2, redefine): how freely it invents' },
    [Input.EnhancementStrength]: {
      kind: 'value',
      arg: '<strength>',
      help: 'Ideogram v2 (wonder-3-5): how much detail it reconstructs',
      choices: PROVIDER_CHOICES[Input.EnhancementStrength]
    },
    [Input.ResolutionTier]: {
      kind: 'value',
      arg: '<tier>',
      help: 'Ideogram v2 (nano-banana-pro): output tier (default 2K)',
      choices: PROVIDER_CHOICES[Input.ResolutionTier]
    },
    [Input.ModelOptions]: {
      kind: 'value',
      arg: '<yaml>',
      help: "Ideogram v2: the model's other fields as a YAML or JSON map, e.g. '{denoise: 0.3}'"
    },
    [Input.MaxCost]: {
      kind: 'value',
      arg: '<usd>',
      help: 'Ideogram v2: quote each image first and stop before the total would pass this many USD'
    },
    [Input.OutputPath]: {
      kind: 'value',
      arg: '<template>',
      help: 'where results go, relative to the current folder; {dir} {name} {ext} {index}'
    },
    [Input.OutputFormat]: {
      kind: 'value',
      arg: '<format>',
      help: 'format results are written in (default: as Ideogram returns them, PNG)',
      choices: OUTPUT_FORMATS
    },
    [Input.Quality]: {
      kind: 'value',
      arg: '<1-100>',
      help: `quality of lossy results (default: ${OUTPUT_FORMATS.flatMap(format => {
        const { quality } = OUTPUT_FORMAT_INFO[format];
        return quality === undefined ? [] : [`${format} ${quality}`];
      }).join(', ')})`
    },
    [Input.MaxWidth]: { kind: 'value', arg: '<px>', help: 'fit results within this width (Lanczos3; never enlarged)' },
    [Input.MaxHeight]: {
      kind: 'value',
      arg: '<px>',
      help: 'fit results within this height (Lanczos3; never enlarged)'
    },
    [Input.Publish]: { kind: 'fixed', value: 'none' },
    [Input.ArtifactName]: { kind: 'fixed', value: '' },
    [Input.RetentionDays]: { kind: 'fixed', value: '' },
    [Input.GithubToken]: { kind: 'fixed', value: '' },
    [Input.CommitMessage]: { kind: 'fixed', value: '' },
    [Input.Branch]: { kind: 'fixed', value: '' },
    [Input.CommitAuthor]: { kind: 'fixed', value: '' },
    // There is no event to take changes from: every match counts.
    [Input.ChangedOnly]: { kind: 'fixed', value: 'false' },
    [Input.Manifest]: {
      kind: 'value',
      arg: '<path>',
      help: `manifest that makes a second run free: images upscaled before with the same settings are skipped (default: ${CLI_MANIFEST} beside the results; --no-manifest: none)`,
      // Worked out from --output-path: beside the results, not the action's .github/.
      default: null,
      negatable: true
    },
    // The Actions cache is the runner's; on the command line the manifest beside the results does its work.
    [Input.Cache]: { kind: 'fixed', value: 'false' },
    // The command line has no pull request to comment on and commits nothing.
    [Input.Comment]: { kind: 'fixed', value: 'never' },
    [Input.CommitLfsPaths]: { kind: 'fixed', value: '' },
    [Input.Force]: { kind: 'switch', help: 'upscale again even what the manifest says is done' },
    [Input.MaxImages]: {
      kind: 'value',
      arg: '<n>',
      help: 'ask for at most this many images in this run (counting num-images); the rest are deferred to the next'
    },
    [Input.Overwrite]: {
      kind: 'switch',
      help: 'let results replace existing files that are not earlier results (never a source, nor anything in .git)'
    },
    [Input.Concurrency]: { kind: 'value', arg: '<n|auto>', help: 'Ideogram: images in flight at once' },
    [Input.MaxRetries]: { kind: 'value', arg: '<n>', help: 'Ideogram: resends after server and connection errors' },
    [Input.RequestTimeout]: {
      kind: 'value',
      arg: '<seconds>',
      help: 'Ideogram: time allowed for one request, and for one download of a result'
    },
    [Input.RateLimitWait]: {
      kind: 'value',
      arg: '<seconds>',
      help: 'Ideogram: the most one image waits on 429 answers in all before it fails'
    },
    [Input.RetryTimeouts]: {
      kind: 'switch',
      help: 'Ideogram: resend when an answer is lost after sending (may be billed twice)'
    },
    [Input.MaxFileSize]: { kind: 'value', arg: '<MB>', help: 'largest source taken, in megabytes' },
    [Input.ApiUrl]: { kind: 'value', arg: '<url>', help: "Ideogram's API base URL" },
    [Input.Provider]: {
      kind: 'value',
      arg: '<name>',
      help: 'who upscales: Ideogram, or a 2× Lanczos resampling on this machine (default: ideogram when IDEOGRAM_API_KEY is set, else local)',
      choices: PROVIDER_CHOICES[Input.Provider],
      default: null
    },
    [Input.FailOnError]: {
      kind: 'switch',
      help: 'exit with 1 when an image fails (--no-fail-on-error: exit 0)',
      negatable: true
    },
    [Input.DryRun]: { kind: 'switch', help: 'list what would be upscaled; send and write nothing' }
  };
}

/** Commander's attribute name for a flag (`num-images` → `numImages`). */
export function attributeName(input: Input): string {
  return input.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Inputs only Ideogram uses: the local provider ignores them, and the command line says so when they are given. */
export const IDEOGRAM_ONLY: readonly Input[] = [
  Input.Prompt,
  Input.Resemblance,
  Input.Detail,
  Input.MagicPromptOption,
  Input.MagicPromptVersion,
  Input.NumImages,
  Input.Seed,
  Input.Model,
  Input.UpscaleFactor,
  Input.Creativity,
  Input.EnhancementStrength,
  Input.ResolutionTier,
  Input.ModelOptions,
  Input.MaxCost,
  Input.Concurrency,
  Input.MaxRetries,
  Input.RequestTimeout,
  Input.RateLimitWait,
  Input.RetryTimeouts,
  Input.ApiUrl
];
