import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../fs/atomic-file.js';
import { resultsDocument, type SourceResult } from '../state/results.js';

/** The name the results document has in the artifact. */
export const RESULTS_FILE_NAME = 'results.json';

/**
 * Writes the whole results document, whatever its size, into a folder of its own under `directory` (the runner's
 * RUNNER_TEMP, which later steps of the job can read and which is cleaned after it). Returns the file's path.
 */
export async function writeResultsFile(results: readonly SourceResult[], directory: string): Promise<string> {
  const path = join(await mkdtemp(join(directory, 'ideogram-upscale-')), RESULTS_FILE_NAME);
  await writeFileAtomically(path, JSON.stringify(resultsDocument(results)));
  return path;
}
