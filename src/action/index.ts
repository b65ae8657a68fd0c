import '../runtime/io-bound.js';
import { isPostStep, markMainStep } from './handover.js';

// action.yml runs this file for both steps; each loads only its own module, so a post step (which runs after a
// cancel too) loads none of the pipeline.
if (isPostStep()) {
  const { publishWhatWasLeft } = await import('./post.js');
  await publishWhatWasLeft();
} else {
  markMainStep();
  const { run } = await import('./main.js');
  await run();
}
// Leave as soon as the output is out: undici's HTTP parser is WebAssembly, and Node would otherwise wait at exit
// for V8 to finish optimising it in the background (a few hundred milliseconds for nothing).
process.stdout.write('', () => process.exit());
