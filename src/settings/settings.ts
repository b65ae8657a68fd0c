import { posix, resolve } from 'node:path';
import type { Branded } from '../text/brand.js';
import { readIdeogramSettings, readImageRequest, resultsPerSource } from '../providers/ideogram/settings.js';
import { splitsRequests } from '../providers/ideogram/types.js';
import { boolean, integer, oneOf, quote, secret } from '../inputs/parsers.js';
import { Input, InputError, type InputReader } from '../inputs/inputs.js';
import type { ProviderSettings } from '../providers/index.js';
import { OutputTemplate } from './output-path.js';
import { SOURCE_EXTENSIONS } from '../imaging/image-format.js';
import {
  LOSSY_FORMATS,
  MAX_OUTPUT_SIDE,
  OUTPUT_FORMAT_INFO,
  OUTPUT_FORMATS,
  type Conversion
} from '../imaging/output-format.js';

export const PUBLISH_MODES = ['artifact', 'commit', 'both', 'none'] as const;
export type PublishMode = (typeof PUBLISH_MODES)[number];

export const COMMENT_MODES = ['auto', 'always', 'never'] as const;
/** `auto`: on pull requests when there is something to report; `always`: on every pull request run; `never`. */
export type CommentMode = (typeof COMMENT_MODES)[number];

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
  /** Commit results that .gitattributes routes to Git LFS anyway, as plain blobs. */
  readonly acceptLfs: boolean;
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

/** Which files are sources. */
export interface DiscoverySettings {
  /** Glob patterns relative to the workspace; `!` excludes. */
  readonly patterns: readonly string[];
  /** On push and pull_request events, only images the event added or changed. */
  readonly changedOnly: boolean;
  /** Larger sources are refused before anything is sent. */
  readonly maxFileBytes: number;
}

/** Where results go. */
export interface OutputSettings {
  readonly template: OutputTemplate;
  /** Results per source (`num_images` on the legacy endpoint, else 1). */
  readonly imagesPerSource: number;
  /** Results may replace files that are not earlier results of ours (never a source, nor anything in `.git`). */
  readonly overwrite: boolean;
  /** The format, quality and box results are written in. */
  readonly conversion: Conversion;
}

/** What the manifest lets a run skip. */
export interface SelectionSettings {
  /** Workspace-relative path of the manifest that makes re-runs free; undefined when turned off. */
  readonly manifest: string | undefined;
  /** Upscale even what the manifest says is done. */
  readonly force: boolean;
  /** Keep the manifest and the results in the Actions cache, so a re-run in any mode pays nothing again. */
  readonly cache: boolean;
  /** The most images (requests × `num_images`) one run may ask for; undefined: no cap. */
  readonly maxImages: ImageBudget | undefined;
}

/** How results are handed back: a workflow artifact, a commit, both or neither. */
export interface PublishingSettings {
  readonly mode: PublishMode;
  readonly artifactName: string;
  /** Unset: the repository's default retention. */
  readonly retentionDays: RetentionDays | undefined;
  /** How results are committed, for `publish: commit` or `both`. */
  readonly commit: CommitSettings;
  /** Whether the pull request gets a comment reporting the run. */
  readonly comment: CommentMode;
}

/** How requests travel: places in flight, resends, time-outs. */
export interface TransportSettings {
  /** Images in flight at Ideogram at once (a request counts `num_images`). */
  readonly concurrency: Concurrency;
  /** Resends after server errors and connection failures (429s have their own budget). */
  readonly maxRetries: number;
  readonly requestTimeoutMs: number;
  /** The most one image may spend waiting on 429s in all before it fails. */
  readonly rateLimitWaitMs: number;
  /** Resend when an answer was lost after sending, at the risk of paying twice. */
  readonly retryTimeouts: boolean;
}

/** Every input, checked, typed and grouped per concern. Built only by `readSettings`, which fails on the first bad input. */
export interface Settings {
  /** Absolute path of the workspace: sources are found and results written inside it only. */
  readonly workspace: string;
  readonly provider: ProviderSettings;
  readonly discovery: DiscoverySettings;
  readonly output: OutputSettings;
  readonly selection: SelectionSettings;
  readonly publishing: PublishingSettings;
  readonly transport: TransportSettings;
  readonly failOnError: boolean;
  readonly dryRun: boolean;
}

export const DEFAULT_FILES = [
  ...SOURCE_EXTENSIONS.flatMap(extension => [`**/*.${extension}`, `**/*.${extension.toUpperCase()}`]),
  '!**/node_modules/**'
].join('\n');

/** Defaults for inputs left empty; action.yml states the same values for users to read. */
export const DEFAULTS: Partial<Record<Input, string>> = {
  [Input.Files]: DEFAULT_FILES,
  [Input.OutputPath]: 'upscaled/{dir}/{name}.{ext}',
  [Input.OutputFormat]: '',
  [Input.Quality]: '',
  [Input.MaxWidth]: '',
  [Input.MaxHeight]: '',
  [Input.Publish]: 'artifact',
  [Input.Model]: 'legacy',
  [Input.CommitMessage]: 'Upscale images with Ideogram',
  [Input.ChangedOnly]: 'true',
  [Input.Manifest]: '.github/upscaled-images.json',
  [Input.Force]: 'false',
  [Input.Comment]: 'auto',
  [Input.CommitLfsPaths]: 'false',
  [Input.MaxImages]: '',
  [Input.Cache]: 'true',
  [Input.Overwrite]: 'false',
  [Input.ArtifactName]: 'upscaled-images',
  [Input.Concurrency]: 'auto',
  [Input.MaxRetries]: '4',
  [Input.RequestTimeout]: '180',
  [Input.RateLimitWait]: '600',
  [Input.RetryTimeouts]: 'false',
  [Input.MaxFileSize]: '10',
  [Input.ApiUrl]: 'https://api.ideogram.ai',
  [Input.Provider]: 'ideogram',
  [Input.FailOnError]: 'true',
  [Input.DryRun]: 'false'
};

const MEGABYTE = 1024 * 1024;

/**
 * `splittable`: a source's images may come from several requests (no seed), so a fixed number of places below
 * `num-images` still works, a request for as many as fit at a time; with a seed it never could.
 */
function parseConcurrency(raw: string, imagesPerSource: number, splittable: boolean): Concurrency {
  if (raw.toLowerCase() === 'auto') return { kind: 'auto' };
  if (!/^\d+$/.test(raw)) {
    throw new InputError(
      Input.Concurrency,
      `must be 'auto' or a whole number from 1 to ${MAX_CONCURRENCY}; got ${quote(raw)}.`
    );
  }
  const places = integer<Branded<number, 'Places'>>(Input.Concurrency, raw, 1, MAX_CONCURRENCY);
  if (places < imagesPerSource && !splittable) {
    throw new InputError(
      Input.Concurrency,
      name =>
        `(${places}) must be at least ${name(Input.NumImages)} (${imagesPerSource}) when ${name(Input.Seed)} is set: a seed makes a source's images one request, which takes that many places.`
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

// The characters @actions/artifact refuses in a name.
const BAD_ARTIFACT_NAME = /[":<>|*?\r\n\\/]/;

function artifactName(raw: string): string {
  if (BAD_ARTIFACT_NAME.test(raw)) {
    throw new InputError(
      Input.ArtifactName,
      `must not contain any of " : < > | * ? \\ / or a line break; got ${quote(raw)}.`
    );
  }
  return raw;
}

function commitMessage(raw: string): string {
  if (raw === '') throw new InputError(Input.CommitMessage, `must not be empty.`);
  return raw;
}

// git's rules for a ref name, the parts a user can get wrong.
const BAD_BRANCH = /(^[/.]|\.\.|[\s~^:?*[\\]|@\{|\/\/|[/.]$|\.lock$)/;

function branch(raw: string): string | undefined {
  if (raw === '') return undefined;
  const name = raw.replace(/^refs\/heads\//, '');
  if (BAD_BRANCH.test(name)) throw new InputError(Input.Branch, `is not a valid branch name; got ${quote(raw)}.`);
  return name;
}

function commitAuthor(raw: string): CommitAuthor | undefined {
  if (raw === '') return undefined;
  const match = /^([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(raw);
  if (!match) throw new InputError(Input.CommitAuthor, `must look like 'Name <email>'; got ${quote(raw)}.`);
  return { name: match[1] as string, email: match[2] as string };
}

function manifestPath(raw: string): string | undefined {
  if (raw.toLowerCase() === 'none') return undefined;
  const path = posix.normalize(raw.replace(/\\/g, '/'));
  if (posix.isAbsolute(path) || path === '..' || path.startsWith('../')) {
    throw new InputError(Input.Manifest, `must be a path inside the workspace, or 'none'; got ${quote(raw)}.`);
  }
  return path;
}

/** Deferred sources are only picked up first next time if the manifest remembers what this run did. */
function maxImages(raw: string, imagesPerSource: number, manifest: string | undefined): ImageBudget | undefined {
  if (raw === '') return undefined;
  const cap = integer<ImageBudget>(Input.MaxImages, raw, 1, 1_000_000);
  if (cap < imagesPerSource) {
    throw new InputError(
      Input.MaxImages,
      name =>
        `(${cap}) must be at least ${name(Input.NumImages)} (${imagesPerSource}): one request asks for that many images.`
    );
  }
  if (manifest === undefined) {
    throw new InputError(
      Input.MaxImages,
      name =>
        `needs a manifest (${name(Input.Manifest)} is 'none'): without one every run would ask for the same images again.`
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
    throw new InputError(Input.Files, `must have at least one pattern that is not an exclusion ('!').`);
  }
  return lines;
}

function conversion(input: (name: Input) => string): Conversion {
  const rawFormat = input(Input.OutputFormat);
  const format = rawFormat === '' ? undefined : oneOf(Input.OutputFormat, rawFormat, OUTPUT_FORMATS);
  const rawQuality = input(Input.Quality);
  const defaultQuality = format && OUTPUT_FORMAT_INFO[format].quality;
  if (rawQuality !== '' && defaultQuality === undefined) {
    throw new InputError(
      Input.Quality,
      name =>
        `applies to the lossy formats (${LOSSY_FORMATS.join(', ')}); ${name(Input.OutputFormat)} is ${format ?? 'not set'}; got ${quote(rawQuality)}.`
    );
  }
  const side = (name: Input): number | undefined => {
    const raw = input(name);
    return raw === '' ? undefined : integer(name, raw, 1, MAX_OUTPUT_SIDE);
  };
  return {
    format,
    quality: rawQuality === '' ? defaultQuality : integer(Input.Quality, rawQuality, 1, 100),
    maxWidth: side(Input.MaxWidth),
    maxHeight: side(Input.MaxHeight)
  };
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
  const request = readImageRequest(input);
  const dryRun = boolean(Input.DryRun, input(Input.DryRun));
  const provider: ProviderSettings =
    oneOf(Input.Provider, input(Input.Provider), PROVIDERS) === 'local'
      ? { kind: 'local' }
      : readIdeogramSettings(input, request, dryRun);
  // The local provider makes one result per source, whatever num-images says.
  const imagesPerSource = provider.kind === 'local' ? 1 : resultsPerSource(provider);
  const retention = input(Input.RetentionDays);
  const publish = oneOf(Input.Publish, input(Input.Publish), PUBLISH_MODES);
  const token = secret(Input.GithubToken, input(Input.GithubToken));
  if ((publish === 'commit' || publish === 'both') && token === '') {
    throw new InputError(Input.GithubToken, `is required to publish with '${publish}'.`);
  }
  let template: OutputTemplate;
  try {
    template = OutputTemplate.parse(input(Input.OutputPath), imagesPerSource);
  } catch (error) {
    throw new InputError(Input.OutputPath, `${(error as Error).message}; got ${quote(input(Input.OutputPath))}.`);
  }
  const manifest = manifestPath(input(Input.Manifest));
  return {
    workspace: resolve(workspace),
    provider,
    discovery: {
      patterns: patterns(input(Input.Files)),
      changedOnly: boolean(Input.ChangedOnly, input(Input.ChangedOnly)),
      // The v2 models take uploads up to 50 MB, the legacy endpoint 25 at most.
      maxFileBytes: integer(Input.MaxFileSize, input(Input.MaxFileSize), 1, provider.kind === 'v2' ? 50 : 25) * MEGABYTE
    },
    output: {
      template,
      imagesPerSource,
      overwrite: boolean(Input.Overwrite, input(Input.Overwrite)),
      conversion: conversion(input)
    },
    selection: {
      manifest,
      force: boolean(Input.Force, input(Input.Force)),
      maxImages: maxImages(input(Input.MaxImages), imagesPerSource, manifest),
      cache: boolean(Input.Cache, input(Input.Cache))
    },
    publishing: {
      mode: publish,
      artifactName: artifactName(input(Input.ArtifactName)),
      retentionDays: retention === '' ? undefined : integer<RetentionDays>(Input.RetentionDays, retention, 1, 90),
      commit: {
        token,
        message: commitMessage(input(Input.CommitMessage)),
        branch: branch(input(Input.Branch)),
        author: commitAuthor(input(Input.CommitAuthor)),
        acceptLfs: boolean(Input.CommitLfsPaths, input(Input.CommitLfsPaths))
      },
      comment: oneOf(Input.Comment, input(Input.Comment), COMMENT_MODES)
    },
    transport: {
      concurrency: parseConcurrency(
        input(Input.Concurrency),
        imagesPerSource,
        provider.kind === 'legacy' && splitsRequests(provider.request)
      ),
      maxRetries: integer(Input.MaxRetries, input(Input.MaxRetries), 0, 10),
      requestTimeoutMs: integer(Input.RequestTimeout, input(Input.RequestTimeout), 1, 3600) * 1000,
      rateLimitWaitMs: integer(Input.RateLimitWait, input(Input.RateLimitWait), 0, 3600) * 1000,
      retryTimeouts: boolean(Input.RetryTimeouts, input(Input.RetryTimeouts))
    },
    failOnError: boolean(Input.FailOnError, input(Input.FailOnError)),
    dryRun
  };
}
