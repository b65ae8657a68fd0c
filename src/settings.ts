import { posix, resolve } from 'node:path';
import type { Branded } from './brand.js';
import {
  MAGIC_PROMPT_OPTIONS,
  MAGIC_PROMPT_VERSIONS,
  type ImageCount,
  type ImageRequest,
  type Percent,
  type Seed
} from './ideogram/types.js';
import { Input, InputError, type InputReader } from './inputs.js';
import { OutputTemplate } from './output-path.js';

export const PUBLISH_MODES = ['artifact', 'commit', 'both', 'none'] as const;
export type PublishMode = (typeof PUBLISH_MODES)[number];

export const PROVIDERS = ['ideogram', 'local'] as const;
/** Who upscales: Ideogram's API, or a 2× resampling on this machine that needs no key and no network. */
export type ProviderName = (typeof PROVIDERS)[number];

export interface CommitAuthor {
  readonly name: string;
  readonly email: string;
}

export interface CommitSettings {
  /** Token for GitHub's API; never printed. */
  readonly token: string;
  readonly message: string;
  /** Branch to commit to; undefined: the pushed branch or the pull request's head branch. */
  readonly branch: string | undefined;
  /** Undefined: GitHub's own identity, so it signs the commit when the token is the workflow's. */
  readonly author: CommitAuthor | undefined;
}

export type RetentionDays = Branded<number, 'RetentionDays'>;
/** A positive number of images, at least one request's worth. */
export type ImageBudget = Branded<number, 'ImageBudget'>;

/** Ideogram's documented default in-flight limit per organisation, in images. */
export const DOCUMENTED_INFLIGHT_LIMIT = 10;
/** The most places `concurrency` may name, and where `auto` may probe up to. */
export const MAX_CONCURRENCY = 64;

/**
 * Images in flight at once. `auto` starts at Ideogram's documented limit and follows what the API answers;
 * a number is a hard bound that adaptation only ever lowers.
 */
export type Concurrency =
  { readonly kind: 'auto' } | { readonly kind: 'fixed'; readonly places: Branded<number, 'Places'> };

/** Every input, checked and typed. Built only by `readSettings`, which fails on the first bad input. */
export interface Settings {
  readonly provider: ProviderName;
  /** Ideogram API key; sent only to `apiUrl`, never printed. Empty in a dry run or with the local provider. */
  readonly apiKey: string;
  /** Absolute path of the workspace: sources are found and results written inside it only. */
  readonly workspace: string;
  /** Glob patterns relative to the workspace; `!` excludes. */
  readonly patterns: readonly string[];
  /** The API request fields; absent ones are left to the API's defaults. */
  readonly imageRequest: ImageRequest;
  /** Results per source (`num_images`, 1 when unset). */
  readonly imagesPerSource: number;
  readonly output: OutputTemplate;
  readonly publish: PublishMode;
  readonly artifactName: string;
  /** How results are committed, for `publish: commit` or `both`. */
  readonly commit: CommitSettings;
  /** On push and pull_request events, only images the event added or changed. */
  readonly changedOnly: boolean;
  /** Workspace-relative path of the manifest that makes re-runs free; undefined when turned off. */
  readonly manifest: string | undefined;
  /** Upscale even what the manifest says is done. */
  readonly force: boolean;
  /** Keep the manifest and the results in the Actions cache, so a re-run in any mode pays nothing again. */
  readonly cache: boolean;
  /** The most images (requests × `num_images`) one run may ask for; undefined: no cap. */
  readonly maxImages: ImageBudget | undefined;
  /** Unset: the repository's default retention. */
  readonly retentionDays: RetentionDays | undefined;
  /** Images in flight at Ideogram at once (a request counts `num_images`). */
  readonly concurrency: Concurrency;
  /** Resends after server errors and connection failures (429s have their own budget). */
  readonly maxRetries: number;
  readonly requestTimeoutMs: number;
  /** Resend when an answer was lost after sending, at the risk of paying twice. */
  readonly retryTimeouts: boolean;
  readonly maxFileBytes: number;
  readonly apiUrl: URL;
  readonly failOnError: boolean;
  readonly dryRun: boolean;
}

export const DEFAULT_FILES = [
  '**/*.png',
  '**/*.PNG',
  '**/*.jpg',
  '**/*.JPG',
  '**/*.jpeg',
  '**/*.JPEG',
  '**/*.webp',
  '**/*.WEBP',
  '!**/node_modules/**'
].join('\n');

/** Defaults for inputs left empty; action.yml states the same values for users to read. */
export const DEFAULTS: Partial<Record<Input, string>> = {
  [Input.Files]: DEFAULT_FILES,
  [Input.OutputPath]: 'upscaled/{dir}/{name}.{ext}',
  [Input.Publish]: 'artifact',
  [Input.CommitMessage]: 'Upscale images with Ideogram',
  [Input.ChangedOnly]: 'true',
  [Input.Manifest]: '.github/upscaled-images.json',
  [Input.Force]: 'false',
  [Input.MaxImages]: '',
  [Input.Cache]: 'true',
  [Input.ArtifactName]: 'upscaled-images',
  [Input.Concurrency]: 'auto',
  [Input.MaxRetries]: '4',
  [Input.RequestTimeout]: '180',
  [Input.RetryTimeouts]: 'false',
  [Input.MaxFileSize]: '10',
  [Input.ApiUrl]: 'https://api.ideogram.ai',
  [Input.Provider]: 'ideogram',
  [Input.FailOnError]: 'true',
  [Input.DryRun]: 'false'
};

const MEGABYTE = 1024 * 1024;

function quote(value: string): string {
  return `'${value}'`;
}

function integer<T extends number>(name: Input, raw: string, min: number, max: number): T {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InputError(`Input '${name}' must be a whole number from ${min} to ${max}; got ${quote(raw)}.`);
  }
  return value as T;
}

function oneOf<T extends string>(name: Input, raw: string, allowed: readonly T[]): T {
  const value = allowed.find(option => option.toLowerCase() === raw.toLowerCase());
  if (value === undefined) {
    throw new InputError(`Input '${name}' must be one of ${allowed.join(', ')}; got ${quote(raw)}.`);
  }
  return value;
}

function boolean(name: Input, raw: string): boolean {
  return oneOf(name, raw, ['true', 'false']) === 'true';
}

function parseConcurrency(raw: string, imagesPerSource: number): Concurrency {
  if (raw.toLowerCase() === 'auto') return { kind: 'auto' };
  if (!/^\d+$/.test(raw)) {
    throw new InputError(
      `Input '${Input.Concurrency}' must be 'auto' or a whole number from 1 to ${MAX_CONCURRENCY}; got ${quote(raw)}.`
    );
  }
  const places = integer<Branded<number, 'Places'>>(Input.Concurrency, raw, 1, MAX_CONCURRENCY);
  if (places < imagesPerSource) {
    throw new InputError(
      `Input '${Input.Concurrency}' (${places}) must be at least '${Input.NumImages}' (${imagesPerSource}): one request takes that many places.`
    );
  }
  return { kind: 'fixed', places };
}

/** The limiter's start and bound for a concurrency setting. */
export function inflightBounds(concurrency: Concurrency): { initial: number; ceiling: number } {
  return concurrency.kind === 'auto'
    ? { initial: DOCUMENTED_INFLIGHT_LIMIT, ceiling: MAX_CONCURRENCY }
    : { initial: concurrency.places, ceiling: concurrency.places };
}

function apiUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(`Input '${Input.ApiUrl}' must be an http(s) URL; got ${quote(raw)}.`);
  }
  const loopback = ['localhost', '[::1]'].includes(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    // The key travels in a header: plain http only where it cannot leave the machine.
    throw new InputError(`Input '${Input.ApiUrl}' must use https (http only for localhost); got ${quote(raw)}.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InputError(`Input '${Input.ApiUrl}' must be a plain base URL without credentials, query or fragment.`);
  }
  return url;
}

// The characters @actions/artifact refuses in a name.
const BAD_ARTIFACT_NAME = /[":<>|*?\r\n\\/]/;

function artifactName(raw: string): string {
  if (BAD_ARTIFACT_NAME.test(raw)) {
    throw new InputError(
      `Input '${Input.ArtifactName}' must not contain any of " : < > | * ? \\ / or a line break; got ${quote(raw)}.`
    );
  }
  return raw;
}

function commitMessage(raw: string): string {
  if (raw === '') throw new InputError(`Input '${Input.CommitMessage}' must not be empty.`);
  return raw;
}

// git's rules for a ref name, the parts a user can get wrong.
const BAD_BRANCH = /(^[/.]|\.\.|[\s~^:?*[\\]|@\{|\/\/|[/.]$|\.lock$)/;

function branch(raw: string): string | undefined {
  if (raw === '') return undefined;
  const name = raw.replace(/^refs\/heads\//, '');
  if (BAD_BRANCH.test(name))
    throw new InputError(`Input '${Input.Branch}' is not a valid branch name; got ${quote(raw)}.`);
  return name;
}

function commitAuthor(raw: string): CommitAuthor | undefined {
  if (raw === '') return undefined;
  const match = /^([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(raw);
  if (!match) throw new InputError(`Input '${Input.CommitAuthor}' must look like 'Name <email>'; got ${quote(raw)}.`);
  return { name: match[1] as string, email: match[2] as string };
}

function manifestPath(raw: string): string | undefined {
  if (raw.toLowerCase() === 'none') return undefined;
  const path = posix.normalize(raw.replace(/\\/g, '/'));
  if (posix.isAbsolute(path) || path === '..' || path.startsWith('../')) {
    throw new InputError(
      `Input '${Input.Manifest}' must be a path inside the workspace, or 'none'; got ${quote(raw)}.`
    );
  }
  return path;
}

/** Deferred sources are only picked up first next time if the manifest remembers what this run did. */
function maxImages(raw: string, imagesPerSource: number, manifest: string | undefined): ImageBudget | undefined {
  if (raw === '') return undefined;
  const cap = integer<ImageBudget>(Input.MaxImages, raw, 1, 1_000_000);
  if (cap < imagesPerSource) {
    throw new InputError(
      `Input '${Input.MaxImages}' (${cap}) must be at least '${Input.NumImages}' (${imagesPerSource}): one request asks for that many images.`
    );
  }
  if (manifest === undefined) {
    throw new InputError(
      `Input '${Input.MaxImages}' needs a manifest ('${Input.Manifest}' is 'none'): without one every run would ask for the same images again.`
    );
  }
  return cap;
}

function patterns(raw: string): string[] {
  const lines = raw
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'));
  if (!lines.some(line => !line.startsWith('!'))) {
    throw new InputError(`Input '${Input.Files}' must have at least one pattern that is not an exclusion ('!').`);
  }
  return lines;
}

function imageRequest(input: (name: Input) => string): ImageRequest {
  const optional = <T>(name: Input, parse: (raw: string) => T): T | undefined => {
    const raw = input(name);
    return raw === '' ? undefined : parse(raw);
  };
  const request: ImageRequest = {
    prompt: optional(Input.Prompt, raw => raw),
    resemblance: optional(Input.Resemblance, raw => integer<Percent>(Input.Resemblance, raw, 1, 100)),
    detail: optional(Input.Detail, raw => integer<Percent>(Input.Detail, raw, 1, 100)),
    magic_prompt_option: optional(Input.MagicPromptOption, raw =>
      oneOf(Input.MagicPromptOption, raw, MAGIC_PROMPT_OPTIONS)
    ),
    magic_prompt_version: optional(Input.MagicPromptVersion, raw =>
      oneOf(Input.MagicPromptVersion, raw, MAGIC_PROMPT_VERSIONS)
    ),
    num_images: optional(Input.NumImages, raw => integer<ImageCount>(Input.NumImages, raw, 1, 8)),
    seed: optional(Input.Seed, raw => integer<Seed>(Input.Seed, raw, 0, 2147483647))
  };
  // Only set fields go into the JSON, so the API applies its own defaults to the rest.
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
}

/**
 * Turns the raw inputs into `Settings`. Every input is checked here, before anything touches the network.
 * @throws InputError naming the input, the value and what is allowed.
 */
export function readSettings(read: InputReader, workspace: string): Settings {
  const input = (name: Input): string => {
    const raw = read(name).trim();
    return raw === '' ? (DEFAULTS[name] ?? '') : raw;
  };
  const request = imageRequest(input);
  const imagesPerSource = request.num_images ?? 1;
  const dryRun = boolean(Input.DryRun, input(Input.DryRun));
  const provider = oneOf(Input.Provider, input(Input.Provider), PROVIDERS);
  const apiKey = input(Input.ApiKey);
  if (apiKey === '' && !dryRun && provider === 'ideogram') {
    throw new InputError(`Input '${Input.ApiKey}' is required: pass your Ideogram API key from a secret.`);
  }
  const retention = input(Input.RetentionDays);
  const publish = oneOf(Input.Publish, input(Input.Publish), PUBLISH_MODES);
  const token = input(Input.GithubToken);
  if ((publish === 'commit' || publish === 'both') && token === '') {
    throw new InputError(`Input '${Input.GithubToken}' is required to publish with '${publish}'.`);
  }
  let output: OutputTemplate;
  try {
    output = OutputTemplate.parse(input(Input.OutputPath), imagesPerSource);
  } catch (error) {
    throw new InputError(
      `Input '${Input.OutputPath}' ${(error as Error).message}; got ${quote(input(Input.OutputPath))}.`
    );
  }
  const concurrency = parseConcurrency(input(Input.Concurrency), imagesPerSource);
  const manifest = manifestPath(input(Input.Manifest));
  return {
    provider,
    apiKey,
    workspace: resolve(workspace),
    patterns: patterns(input(Input.Files)),
    imageRequest: request,
    imagesPerSource,
    output,
    publish,
    artifactName: artifactName(input(Input.ArtifactName)),
    commit: {
      token,
      message: commitMessage(input(Input.CommitMessage)),
      branch: branch(input(Input.Branch)),
      author: commitAuthor(input(Input.CommitAuthor))
    },
    changedOnly: boolean(Input.ChangedOnly, input(Input.ChangedOnly)),
    manifest,
    force: boolean(Input.Force, input(Input.Force)),
    maxImages: maxImages(input(Input.MaxImages), imagesPerSource, manifest),
    cache: boolean(Input.Cache, input(Input.Cache)),
    retentionDays: retention === '' ? undefined : integer<RetentionDays>(Input.RetentionDays, retention, 1, 90),
    concurrency,
    maxRetries: integer(Input.MaxRetries, input(Input.MaxRetries), 0, 10),
    requestTimeoutMs: integer(Input.RequestTimeout, input(Input.RequestTimeout), 1, 3600) * 1000,
    retryTimeouts: boolean(Input.RetryTimeouts, input(Input.RetryTimeouts)),
    maxFileBytes: integer(Input.MaxFileSize, input(Input.MaxFileSize), 1, 25) * MEGABYTE,
    apiUrl: apiUrl(input(Input.ApiUrl)),
    failOnError: boolean(Input.FailOnError, input(Input.FailOnError)),
    dryRun
  };
}
