import { withheldEarlier } from '../providers/index.js';
import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { Destinations } from './destinations.js';
import { hashOpened } from '../fs/file-hash.js';
import type { Manifest } from '../state/manifest.js';
import type { ManifestEntry } from '../state/manifest-document.js';
import { canonical } from '../text/canonical-json.js';
import { recordedResults, type Recorded } from './reconvert.js';
import { mapAhead } from '../async/map-limited.js';
import { openRegularFile, type OpenedFile } from '../fs/regular-file.js';
import type { SourceResult } from '../state/results.js';
import { checkOpened, ImageProblem, unreadable, type SourceImage } from '../imaging/source-image.js';

/**
 * Sources read at once, ahead of the upscales they feed: enough to keep the file system's threads busy, few enough
 * that the first source's own reads are not queued behind many others.
 */
const LOOKAHEAD = 16;

/** What the selection made of one source. */
export type Selected =
  /** Settled without sending: skipped (the manifest vouches for it), or failed (unreadable, damaged, refused). */
  | { readonly kind: 'settled'; readonly result: SourceResult }
  /** To upscale: read, hashed (with a manifest) and checked through one handle. */
  | { readonly kind: 'checked'; readonly image: SourceImage }
  /** Would be sent, by the manifest and its destinations; its content was not checked (`checkContent` off). */
  | { readonly kind: 'listed'; readonly source: string }
  /**
   * Its earlier results, from these very bytes, only need converting again (see `ManifestLookup.reusable`); its
   * destinations were checked like an upscale's.
   */
  | { readonly kind: 'earlier'; readonly source: string; readonly sha256: string; readonly earlier: Recorded };

export interface ManifestLookup {
  readonly manifest: Manifest;
  /** The settings the manifest compares (see `fingerprint` in state/fingerprint.ts). */
  readonly fingerprint: Record<string, unknown>;
  /** Upscale even what the manifest vouches for (the hashes are still taken, for the manifest). */
  readonly force: boolean;
  /** Whether a result is there (see `resultPresence`). */
  readonly present: (path: string) => Promise<boolean>;
  /** Whether results of the same bytes made with other settings are what this run can convert instead. */
  readonly reusable: (earlier: Recorded) => boolean;
}

export interface SelectionOptions {
  readonly workspace: string;
  readonly maxFileBytes: number;
  /** With a manifest, each source is hashed and looked up in it. */
  readonly lookup?: ManifestLookup;
  readonly destinations: Destinations;
  /** Whether a source sharing a result path with another (see `Destinations.rivals`) is sent this run. */
  readonly sent: (rival: string) => boolean;
  /** Off for a dry run that sends nothing at all: it lists what it would send, as before, without reading it. */
  readonly checkContent?: boolean;
}

/** The `skipped` result of a source the manifest has an entry for, saying why. */
function skippedAs(source: string, entry: ManifestEntry, why: string, manifest: Manifest): SourceResult {
  return {
    source,
    status: 'skipped',
    outputs: entry.outputs.map(output => ({ ...output, prompt: null })),
    error: `${why} (${manifest.path})`
  };
}

/**
 * Whether a result is there, by its folder's listing, taken once a run: one read of a folder of 10,000 results
 * rather than a look at each. Good for one run's selection, where each source is looked up once.
 */
export function resultPresence(workspace: string): (path: string) => Promise<boolean> {
  const listings = new Map<string, Promise<ReadonlySet<string>>>();
  return async path => {
    const folder = posix.dirname(path);
    let names = listings.get(folder);
    if (names === undefined) {
      names = readdir(join(workspace, folder)).then(
        listed => new Set(listed),
        () => new Set<string>()
      );
      listings.set(folder, names);
    }
    return (await names).has(posix.basename(path));
  };
}

/**
 * The entry that makes `source` free to skip: same bytes, same settings, results still there or on the branch.
 * `present` answers whether a result is there, when the caller knows a cheaper way than a look per result.
 */
export async function unchangedEntry(
  manifest: Manifest,
  source: string,
  sha256: string,
  settings: Record<string, unknown>,
  present?: (path: string) => Promise<boolean>
): Promise<ManifestEntry | undefined> {
  const entry = manifest.entry(source);
  if (!entry || entry.sha256 !== sha256 || canonical(entry.settings) !== canonical(settings)) return undefined;
  if (manifest.fromBranch(source)) return entry;
  return (await manifest.inCheckout(entry.outputs, present)) ? entry : undefined;
}

/** The `skipped` result of a source whose bytes, settings and results the manifest still vouches for. */
async function unchanged(source: string, sha256: string, lookup: ManifestLookup): Promise<SourceResult | undefined> {
  const { manifest, fingerprint, present } = lookup;
  const entry = await unchangedEntry(manifest, source, sha256, fingerprint, present);
  return entry && skippedAs(source, entry, `unchanged since ${entry.upscaledAt}`, manifest);
}

/** The file opened for reading, or why it cannot be. */
function open(path: string): Promise<OpenedFile | Error> {
  return openRegularFile(path).catch((error: unknown) => error as Error);
}

/** What the manifest says of a source's bytes: done (its `skipped` result), or done otherwise (its entry). */
type Verdict = { readonly skipped: SourceResult } | { readonly earlier: Recorded } | undefined;

/** The source's hash (undefined when it cannot be read: the check then says why) and the manifest's verdict. */
async function lookUp(
  source: string,
  file: OpenedFile | Error,
  lookup: ManifestLookup
): Promise<{ sha256: string | undefined; verdict: Verdict }> {
  if (file instanceof Error) return { sha256: undefined, verdict: undefined };
  const sha256 = await hashOpened(file.handle).catch(() => undefined);
  if (sha256 === undefined || lookup.force) return { sha256, verdict: undefined };
  const skipped = await unchanged(source, sha256, lookup);
  if (skipped) return { sha256, verdict: { skipped } };
  const earlier = await recordedResults(lookup.manifest, source, sha256);
  if (!earlier || !lookup.reusable(earlier)) return { sha256, verdict: undefined };
  if (earlier.entry.status === 'unsafe') {
    // Billed and withheld: there is nothing to convert, and asking again would be billed again.
    const why = withheldEarlier(earlier.entry.upscaledAt);
    return { sha256, verdict: { skipped: skippedAs(source, earlier.entry, why, lookup.manifest) } };
  }
  return { sha256, verdict: { earlier } };
}

/** Whether the manifest skips a source (it writes nothing this run): for the few looked up before the run. */
export async function skippedByManifest(source: string, workspace: string, lookup: ManifestLookup): Promise<boolean> {
  const file = await open(join(workspace, source));
  try {
    const { verdict } = await lookUp(source, file, lookup);
    return verdict !== undefined && 'skipped' in verdict;
  } finally {
    if (!(file instanceof Error)) await file.handle.close();
  }
}

/**
 * One source, through one handle: hashed and looked up in the manifest, its destinations checked, its content
 * checked. What is checked is what gets hashed, and the version checked is the one the upload must find.
 */
async function select(source: string, options: SelectionOptions): Promise<Selected> {
  const path = join(options.workspace, source);
  const file = await open(path);
  const failed = (error: string): Selected => ({
    kind: 'settled',
    result: { source, status: 'failed', outputs: [], error }
  });
  try {
    const { sha256, verdict } = options.lookup
      ? await lookUp(source, file, options.lookup)
      : { sha256: undefined, verdict: undefined };
    if (verdict && 'skipped' in verdict) return { kind: 'settled', result: verdict.skipped };
    // A conversion writes too: the same rules.
    const refusal = await options.destinations.refusal(source, options.sent);
    if (refusal) return failed(refusal);
    if (verdict && sha256 !== undefined) return { kind: 'earlier', source, sha256, earlier: verdict.earlier };
    if (options.checkContent === false) return { kind: 'listed', source };
    if (file instanceof Error) throw new ImageProblem(source, unreadable(file));
    const image = await checkOpened(file, path, source, options.maxFileBytes);
    return { kind: 'checked', image: sha256 === undefined ? image : { ...image, sha256 } };
  } catch (error) {
    // Whatever went wrong, it is this source's: the others go on.
    return failed((error as Error).message);
  } finally {
    if (!(file instanceof Error)) await file.handle.close();
  }
}

/**
 * Reads, hashes, looks up and checks each source a few ahead of whoever takes the answers, which come in the
 * sources' order. A stage of the pipeline, not a step before it: the first source can be sent while the
 * ten-thousandth is still being read.
 */
export function selectSources(sources: Iterable<string>, options: SelectionOptions): AsyncGenerator<Selected> {
  return mapAhead(sources, LOOKAHEAD, source => select(source, options));
}
