import '../runtime/io-bound.js';
import { runCli } from './program.js';

/** The command-line tool: the action's engine, driven by flags instead of inputs (see `ideogram-upscale --help`). */
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr
});
// Requests cut off by a Ctrl-C would otherwise keep the process waiting for their answers.
process.stdout.write('', () => process.exit());
