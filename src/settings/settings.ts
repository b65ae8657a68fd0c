import { posix, resolve } from 'node:path';
import type { Branded } from '../text/brand.js';
import { boolean, integer, oneOf, quote } from '../inputs/parsers.js';
import { Input, InputError, type InputReader } from '../inputs/inputs.js';
import { MAX_CONCURRENCY, type Concurrency, type TransportSettings } from '../net/transport.js';
import {
  maxUploadMegabytes,
  PROVIDER_DEFAULTS,
  readProviderSettings,
  resultsPerSource,
  splitsSources,
  type ProviderSettings
} from '../providers/index.js';
import { OutputTemplate } from './output-path.js';
import { readPublishing, type PublishingSettings } from './publishing.js';
import { SOURCE_EXTENSIONS } from '../imaging/image-format.js';
import {
  LOSSY_FORMATS,
  MAX_OUTPUT_SIDE,
  OUTPUT_FORMAT_INFO,
  OUTPUT_FORMATS,
  type Conversion
} from '../imaging/output-format.js';

/** A positive number of images, at least one request's worth. */
export type ImageBudget = Branded<number, 'ImageBudget'>;

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
  [Input.FailOnError]: 'true',
  [Input.DryRun]: 'false',
  ...PROVIDER_DEFAULTS
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
  const dryRun = boolean(Input.DryRun, input(Input.DryRun));
  const provider = readProviderSettings(input, dryRun);
  const imagesPerSource = resultsPerSource(provider);
  const publishing = readPublishing(input);
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
      maxFileBytes: integer(Input.MaxFileSize, input(Input.MaxFileSize), 1, maxUploadMegabytes(provider)) * MEGABYTE
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
    publishing,
    transport: {
      concurrency: parseConcurrency(input(Input.Concurrency), imagesPerSource, splitsSources(provider)),
      maxRetries: integer(Input.MaxRetries, input(Input.MaxRetries), 0, 10),
      requestTimeoutMs: integer(Input.RequestTimeout, input(Input.RequestTimeout), 1, 3600) * 1000,
      rateLimitWaitMs: integer(Input.RateLimitWait, input(Input.RateLimitWait), 0, 3600) * 1000,
      retryTimeouts: boolean(Input.RetryTimeouts, input(Input.RetryTimeouts))
    },
    failOnError: boolean(Input.FailOnError, input(Input.FailOnError)),
    dryRun
  };
}
