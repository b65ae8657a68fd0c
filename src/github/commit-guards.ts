import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Input } from '../inputs/inputs.js';
import { formatBytes } from '../report/presentation.js';
import { lfsPaths } from './gitattributes.js';

/** GitHub refuses a file over 100 MiB in a repository ... */
export const BLOB_LIMIT = 100 * 1024 * 1024;
/** ... and warns about one over 50 MiB. */
export const BLOB_WARNING = 50 * 1024 * 1024;

export interface CommitSelection {
  /** What may be committed. */
  readonly commit: readonly string[];
  /** What must not be, each with the reason; it goes to the artifact instead. */
  readonly held: readonly { readonly path: string; readonly reason: string }[];
  /** Committed, but worth a word (large files). */
  readonly warnings: readonly string[];
}

/**
 * Sorts the files of a commit into those GitHub and the repository will take and those they will not: a file over
 * GitHub's 100 MiB limit, or one that .gitattributes routes to Git LFS (the API would store its raw bytes where
 * git expects a pointer, breaking checkouts) unless `acceptLfs`.
 */
export async function selectCommittable(
  workspace: string,
  files: readonly string[],
  acceptLfs: boolean
): Promise<CommitSelection> {
  const routed = acceptLfs ? new Set<string>() : await lfsPaths(workspace, files);
  const commit: string[] = [];
  const held: { path: string; reason: string }[] = [];
  const warnings: string[] = [];
  for (const path of files) {
    const { size } = await stat(join(workspace, path));
    if (size > BLOB_LIMIT) {
      held.push({ path, reason: `it is ${formatBytes(size)}, over GitHub's 100 MB limit for a file in a repository` });
    } else if (routed.has(path)) {
      held.push({
        path,
        reason: `.gitattributes routes it to Git LFS, and committing its bytes through GitHub's API would break the repository's LFS setup ('${Input.CommitLfsPaths}: true' commits it anyway)`
      });
    } else {
      if (size > BLOB_WARNING)
        warnings.push(`${path} is ${formatBytes(size)}; GitHub warns about files over 50 MB in a repository.`);
      commit.push(path);
    }
  }
  return { commit, held, warnings };
}
