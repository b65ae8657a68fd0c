import { dirname, join } from 'node:path';
import { removeAbandonedTemporaries } from '../fs/atomic-file.js';
import { toPosixRelative } from '../fs/paths.js';
import type { PlannedOutput } from '../settings/output-path.js';

/**
 * Removes what a killed run (SIGKILL, a lost runner) left half-written where this run writes: the temporary files
 * beside its results and its manifest. Nothing else is touched, nor a temporary file a live run may be writing.
 * @returns the workspace-relative paths removed
 */
export async function removeLeftovers(
  workspace: string,
  outputs: readonly PlannedOutput[],
  manifest: string | undefined
): Promise<string[]> {
  const folders = outputs.flatMap(output => Object.values(output.paths).map(path => join(workspace, dirname(path))));
  if (manifest !== undefined) folders.push(join(workspace, dirname(manifest)));
  const removed = await removeAbandonedTemporaries(folders);
  return removed.map(path => toPosixRelative(workspace, path));
}
