import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { FilePatterns, toGlobPath } from '../fs/glob.js';
import { isInside, toPosixRelative } from '../fs/paths.js';

export interface Discovery {
  /** Workspace-relative paths with `/` separators, sorted. */
  readonly sources: readonly string[];
  /** Matches that were not taken, with why: outside the workspace, or one of our own results. */
  readonly passedOver: readonly PassedOver[];
}

export interface PassedOver {
  readonly path: string;
  readonly why: 'outside' | 'result';
  readonly reason: string;
}

/** Folders read at once: enough to keep the file system's threads busy while matching runs on the main one. */
const PARALLEL_READS = 16;

/** A folder being walked: its path as reached (glob form), where it really is, and the folder it was reached from. */
interface Folder {
  readonly path: string;
  readonly real: string;
  readonly up: Folder | undefined;
}

/** A selected file: its path as reached, and where it really is (after symbolic links). */
interface Found {
  readonly path: string;
  readonly real: string;
}

const childOf = (folder: string, name: string): string => (folder.endsWith('/') ? folder + name : `${folder}/${name}`);

/** Codes that mean "nothing there to find": gone, a broken or looping link, a file where a folder was expected. */
const NOTHING_THERE = new Set(['ENOENT', 'ENOTDIR', 'ELOOP']);

async function statIfThere(path: string): Promise<Awaited<ReturnType<typeof stat>> | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (NOTHING_THERE.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

/** Whether the folder at `real` is one the branch was reached through (a link made a loop: walked forever). */
function isCycle(from: Folder | undefined, real: string): boolean {
  for (let folder = from; folder; folder = folder.up) if (folder.real === real) return true;
  return false;
}

/**
 * Reads folders `PARALLEL_READS` at a time, each read queueing the subfolders it finds. A directory listing
 * already says which entries are files and which are folders, so only symbolic links cost a `stat`.
 */
async function walk(roots: readonly Folder[], read: (folder: Folder) => Promise<Folder[]>): Promise<void> {
  const queue = [...roots];
  let running = 0;
  let failed = false;
  await new Promise<void>((resolve, reject) => {
    const next = (): void => {
      while (!failed && running < PARALLEL_READS && queue.length > 0) {
        running++;
        read(queue.pop() as Folder).then(
          subfolders => {
            running--;
            for (const folder of subfolders) queue.push(folder);
            next();
          },
          (error: Error) => {
            failed = true;
            reject(error);
          }
        );
      }
      if (running === 0 && queue.length === 0) resolve();
    };
    next();
  });
}

/** Every file the patterns select, following symbolic links (each real folder at most once per branch). */
async function findFiles(patterns: FilePatterns): Promise<Found[]> {
  const found: Found[] = [];
  const roots: Folder[] = [];
  for (const path of patterns.searchPaths) {
    const info = await statIfThere(path);
    if (info?.isDirectory() && patterns.mayHoldSelected(path)) {
      roots.push({ path, real: toGlobPath(await realpath(path)), up: undefined });
    } else if (info && !info.isDirectory() && patterns.selects(path)) {
      found.push({ path, real: toGlobPath(await realpath(path)) });
    }
  }

  const entryOf = async (folder: Folder, entry: Dirent): Promise<Folder | undefined> => {
    const path = childOf(folder.path, entry.name);
    if (!entry.isSymbolicLink()) {
      const real = childOf(folder.real, entry.name);
      if (entry.isDirectory()) {
        // Below a linked folder, a plain folder can be one this branch already went through.
        return patterns.mayHoldSelected(path) && !isCycle(folder, real) ? { path, real, up: folder } : undefined;
      }
      // A FIFO, socket or device the patterns select is taken too, never opened here: the check refuses it with
      // its reason, rather than the run passing over it without a word.
      if (patterns.selects(path)) found.push({ path, real });
      return undefined;
    }
    // A broken link is left out quietly, as @actions/glob does.
    const target = await statIfThere(path);
    if (target?.isDirectory()) {
      if (!patterns.mayHoldSelected(path)) return undefined;
      const real = toGlobPath(await realpath(path));
      return isCycle(folder, real) ? undefined : { path, real, up: folder };
    }
    if (target && patterns.selects(path)) found.push({ path, real: toGlobPath(await realpath(path)) });
    return undefined;
  };

  await walk(roots, async folder => {
    const subfolders: Folder[] = [];
    for (const entry of await readdir(folder.path, { withFileTypes: true })) {
      const subfolder = await entryOf(folder, entry);
      if (subfolder) subfolders.push(subfolder);
    }
    return subfolders;
  });
  return found;
}

/**
 * Finds the source images: files the patterns select (see `FilePatterns`) whose real location (after symbolic
 * links) is inside the workspace, leaving out anything that looks like a result of ours so a run never feeds on
 * its own output.
 */
export async function discoverSources(
  workspace: string,
  patterns: readonly string[],
  isResult: (relativePath: string) => boolean
): Promise<Discovery> {
  const [realWorkspace, found] = await Promise.all([
    realpath(workspace),
    findFiles(FilePatterns.parse(patterns, workspace))
  ]);
  const sources = new Set<string>();
  const passedOver: PassedOver[] = [];
  for (const { path, real } of found) {
    const relativePath = toPosixRelative(workspace, path);
    if (!isInside(workspace, path) || !isInside(realWorkspace, real)) {
      passedOver.push({ path, why: 'outside', reason: 'outside the workspace (directly or through a symbolic link)' });
    } else if (isResult(relativePath)) {
      passedOver.push({ path: relativePath, why: 'result', reason: 'an upscaled result (matches output-path)' });
    } else {
      sources.add(relativePath);
    }
  }
  passedOver.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { sources: [...sources].sort(), passedOver };
}
