import './runtime/io-bound.js';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPostStep, markMainStep } from './action/handover.js';

/*
 * The bundle's one entry (dist/index.js), so the action and the command line share its chunks and codecs. The
 * runner runs this file for the action's main and post steps; the command line's bin (dist/cli/index.js, written by
 * scripts/build.ts) imports it and calls `runCommandLine`. Each face is a chunk loaded only when it is the one run:
 * a post step (which runs after a cancel too) loads none of the pipeline.
 */

/** The command line: loading its module runs it. */
export async function runCommandLine(): Promise<void> {
  await import('./cli/index.js');
}

/** action.yml's main and post: the post step finds the state the main step saved first thing. */
async function runAction(): Promise<void> {
  if (isPostStep()) {
    const { publishWhatWasLeft } = await import('./action/post.js');
    await publishWhatWasLeft();
  } else {
    markMainStep();
    const { run } = await import('./action/main.js');
    await run();
  }
  // Leave as soon as the output is out: undici's HTTP parser is WebAssembly, and Node would otherwise wait at exit
  // for V8 to finish optimising it in the background (a few hundred milliseconds for nothing).
  process.stdout.write('', () => process.exit());
}

/** Whether Node was started on this very file (`node dist/index.js`, as the runner does), not on a bin importing it. */
function startedOnThisFile(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(resolve(script)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (startedOnThisFile()) await runAction();
