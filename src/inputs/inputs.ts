/** The action's input names, as in action.yml; the CLI's flags mirror them. */
export enum Input {
  ApiKey = 'api-key',
  Files = 'files',
  Prompt = 'prompt',
  Resemblance = 'resemblance',
  Detail = 'detail',
  MagicPromptOption = 'magic-prompt-option',
  MagicPromptVersion = 'magic-prompt-version',
  NumImages = 'num-images',
  Seed = 'seed',
  Model = 'model',
  UpscaleFactor = 'upscale-factor',
  Creativity = 'creativity',
  EnhancementStrength = 'enhancement-strength',
  ResolutionTier = 'resolution-tier',
  ModelOptions = 'model-options',
  MaxCost = 'max-cost',
  OutputPath = 'output-path',
  OutputFormat = 'output-format',
  Quality = 'quality',
  MaxWidth = 'max-width',
  MaxHeight = 'max-height',
  Publish = 'publish',
  ArtifactName = 'artifact-name',
  RetentionDays = 'retention-days',
  GithubToken = 'github-token',
  CommitMessage = 'commit-message',
  Branch = 'branch',
  CommitAuthor = 'commit-author',
  ChangedOnly = 'changed-only',
  Manifest = 'manifest',
  Force = 'force',
  Comment = 'comment',
  CommitLfsPaths = 'commit-lfs-paths',
  MaxImages = 'max-images',
  Cache = 'cache',
  Overwrite = 'overwrite',
  Concurrency = 'concurrency',
  MaxRetries = 'max-retries',
  RequestTimeout = 'request-timeout',
  RateLimitWait = 'rate-limit-wait',
  RetryTimeouts = 'retry-timeouts',
  MaxFileSize = 'max-file-size',
  ApiUrl = 'api-url',
  Provider = 'provider',
  FailOnError = 'fail-on-error',
  DryRun = 'dry-run'
}

/** Reads one raw input; the action reads them from the runner, the CLI from its flags. */
export type InputReader = (name: Input) => string;

/** How a message names an input: the action quotes its action.yml name (`'num-images'`), the CLI gives its flag. */
export type InputNamer = (input: Input) => string;

const quoted: InputNamer = input => `'${input}'`;

/** What is wrong with an input's value and what is allowed; other inputs it mentions are named through the namer. */
export type InputProblem = string | ((name: InputNamer) => string);

/**
 * A setting that cannot be used as given. It carries the input, so each caller names it its own way (the action
 * `Input 'detail' …`, the CLI `--detail …`) from the same words.
 */
export class InputError extends Error {
  override name = 'InputError';

  constructor(
    readonly input: Input,
    private readonly problem: InputProblem
  ) {
    super(`Input ${InputError.describe(input, problem, quoted)}`);
  }

  /** The message with every input named by `name`, e.g. `--concurrency (2) must be at least --num-images (4): …`. */
  describe(name: InputNamer): string {
    return InputError.describe(this.input, this.problem, name);
  }

  private static describe(input: Input, problem: InputProblem, name: InputNamer): string {
    return `${name(input)} ${typeof problem === 'string' ? problem : problem(name)}`;
  }
}
