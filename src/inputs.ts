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
  OutputPath = 'output-path',
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
  Concurrency = 'concurrency',
  MaxRetries = 'max-retries',
  RequestTimeout = 'request-timeout',
  RetryTimeouts = 'retry-timeouts',
  MaxFileSize = 'max-file-size',
  ApiUrl = 'api-url',
  Provider = 'provider',
  FailOnError = 'fail-on-error',
  DryRun = 'dry-run'
}

/** Reads one raw input; the action reads them from the runner, the CLI from its flags. */
export type InputReader = (name: Input) => string;

/** A setting that cannot be used as given: names the input, the value and what is allowed. */
export class InputError extends Error {
  override name = 'InputError';
}
