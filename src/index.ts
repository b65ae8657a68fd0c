import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The bundle's one entry (dist/index.js), so the action and the command line share its chunks and codecs. The
 * runner runs this file for the action's main and post steps; the command line's bin (dist/cli/index.js, written by
 * scripts/build.ts) imports it and calls `runCommandLine`. Each face is loaded only when it is the one run.
 */

/** The command line: loading its module runs it. */
export async function runCommandLine(): Promise<void> {
  await import('./cli/index.js');
}

/** Whether Node was started on this very file (`node dist/index.js`, as the runner does), not on a bin importing it. */
function startedOnThisFile(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(resolve(script)) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (startedOnThisFile()) await import('./action/index.js');
