import { createHash } from 'node:crypto';
import { copyFile, constants, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Manifest } from '../state/manifest.js';
import { parseManifest, type ManifestDocument } from '../state/manifest-document.js';
import { canonical } from '../text/canonical-json.js';

/**
 * The results and the manifest travel between runs in the Actions cache, staged in this folder of the workspace.
 * A path relative to the workspace: the cache matches entries by the paths they were saved with, and the
 * workspace's absolute path differs from runner to runner.
 */
export const CACHE_FOLDER = '.ideogram-upscale-cache';
const STAGED_MANIFEST = 'manifest.json';
const STAGED_FILES = 'files';

export interface CacheKeys {
  /** This run's entry, written once. */
  readonly key: string;
  /** Prefixes a lookup falls back to, newest entry first. */
  readonly restoreKeys: readonly string[];
}

/**
 * Keys for the results made with one set of settings: every run with the same settings (a re-run, a later push,
 * a scheduled scan) finds the newest entry by prefix; other settings have another prefix, so their results are
 * never even restored (the manifest's per-source check would refuse them anyway).
 */
export function cacheKeys(settings: unknown, env: NodeJS.ProcessEnv): CacheKeys {
  const scope = createHash('sha256').update(canonical(settings)).digest('hex').slice(0, 16);
  const prefix = `ideogram-upscale-${scope}-`;
  return { key: `${prefix}${env.GITHUB_RUN_ID ?? 'run'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`, restoreKeys: [prefix] };
}

export interface CacheRequest {
  readonly workspace: string;
  readonly keys: CacheKeys;
}

export type CacheOutcome =
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'missed' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'restored'; readonly key: string; readonly sources: number; readonly files: number }
  | { readonly kind: 'saved'; readonly key: string; readonly files: number };

/** Whether the runner offers the cache to this step; `undefined` when it does, else why not. */
async function unavailable(workspace: string): Promise<string | undefined> {
  const none = 'the runner offers no Actions cache to this step';
  // The client needs one of these services' URLs: without both, it is not loaded (2 MB of code) just to say so.
  if (!process.env.ACTIONS_CACHE_URL && !process.env.ACTIONS_RESULTS_URL) return none;
  const { isFeatureAvailable } = await import('@actions/cache');
  if (!isFeatureAvailable()) return none;
  // The cache client finds the paths to save from the working directory.
  if (resolve(process.cwd()) !== resolve(workspace)) return 'the step does not run in the workspace';
  return undefined;
}

/** A hard link (nothing copied), or a copy across file systems; never over an existing file. */
async function place(from: string, to: string): Promise<boolean> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await link(from, to).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      await copyFile(from, to, constants.COPYFILE_EXCL);
    });
    return true;
  } catch (error) {
    // Already there (never ours to overwrite), or not in the staged files.
    if (['EEXIST', 'ENOENT'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Restores the newest cached results made with these settings: the entries the workspace's manifest (as loaded
 * for the run) lacks are taken over, and their results placed where they were written (never over an existing
 * file); the manifest is saved. The cache client reports its own failures as warnings; nothing here throws.
 */
export async function restoreResults(request: CacheRequest, manifest: Manifest): Promise<CacheOutcome> {
  const why = await unavailable(request.workspace);
  if (why) return { kind: 'unavailable', reason: why };
  const staging = join(request.workspace, CACHE_FOLDER);
  try {
    await rm(staging, { recursive: true, force: true });
    const { restoreCache } = await import('@actions/cache');
    const key = await restoreCache([CACHE_FOLDER], request.keys.key, [...request.keys.restoreKeys]);
    if (key === undefined) return { kind: 'missed' };
    const cached = parseManifest(
      await readFile(join(staging, STAGED_MANIFEST), 'utf8'),
      `${CACHE_FOLDER}/${STAGED_MANIFEST}`
    );
    manifest.assertRead();
    let files = 0;
    for (const entry of manifest.lacking(cached).values()) {
      for (const output of entry.outputs) {
        if (await place(join(staging, STAGED_FILES, output.path), join(request.workspace, output.path))) files++;
      }
    }
    // Taken in once their results are in place: a restore that fails part-way leaves the run's manifest as it was.
    const adopted = manifest.adopt(cached);
    if (manifest.hasChanges) await manifest.save();
    return { kind: 'restored', key, sources: adopted.size, files };
  } catch (error) {
    return { kind: 'failed', reason: reason(error) };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Saves the manifest's document and every result it names that is on disk as this run's cache entry. Never throws. */
export async function saveResults(request: CacheRequest, document: ManifestDocument): Promise<CacheOutcome> {
  const why = await unavailable(request.workspace);
  if (why) return { kind: 'unavailable', reason: why };
  const staging = join(request.workspace, CACHE_FOLDER);
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, STAGED_MANIFEST), JSON.stringify(document));
    let files = 0;
    for (const entry of Object.values(document.sources)) {
      for (const output of entry.outputs) {
        if (await place(join(request.workspace, output.path), join(staging, STAGED_FILES, output.path))) files++;
      }
    }
    const { saveCache } = await import('@actions/cache');
    const id = await saveCache([CACHE_FOLDER], request.keys.key);
    return id > 0
      ? { kind: 'saved', key: request.keys.key, files }
      : { kind: 'failed', reason: 'see the warning above' };
  } catch (error) {
    return { kind: 'failed', reason: reason(error) };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
