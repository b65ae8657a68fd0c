import { relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { writeGallery } from '../report/gallery/index.js';
import { isInside, toPosixRelative } from '../fs/paths.js';
import { Input, InputError, type InputNamer, type InputReader } from '../inputs/inputs.js';
import { printable } from '../text/printable.js';
import { registerSecret } from '../text/secrets.js';
import { Cancellation, cancelOnSignals } from '../async/cancellation.js';
import { runJob } from '../pipeline/run-job.js';
import { costLine, countsLine, dryRunLine, IN_FLIGHT_GRACE, notDone } from '../report/presentation.js';
import { countByStatus, resultsDocument, type SourceResult } from '../state/results.js';
import { DEFAULTS, DEFAULT_FILES, readSettings } from '../settings/settings.js';
import { attributeName, CLI_MANIFEST, flagSpecs, IDEOGRAM_ONLY, type FlagSpec } from './flags.js';
import { VERSION } from '../runtime/version.js';
import { barProgress, describe, lineProgress, type ProgressStream } from './progress.js';

export const NAME = 'ideogram-upscale';

/** 0: every image done; 1: some failed (or the run broke); 2: bad usage or settings, nothing was sent. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** After a first Ctrl-C, what is in flight gets this long to finish; a second Ctrl-C cuts it at once. */
const INTERRUPT_GRACE_MS = 5_000;

/** The process as the command line sees it; tests pass their own. */
export interface CliContext {
  /** The workspace: patterns, outputs and the gallery are relative to it. */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: ProgressStream;
}

interface CliOptions {
  readonly json?: boolean;
  /** A folder, or false for --no-gallery. */
  readonly gallery: string | false;
  readonly [flag: string]: unknown;
}

function addInputOption(program: Command, input: Input, spec: FlagSpec): void {
  if (spec.kind === 'fixed') return;
  if (spec.kind === 'switch') {
    program.addOption(new Option(`--${input}`, spec.help));
    if (spec.negatable) program.addOption(new Option(`--no-${input}`).hideHelp());
    return;
  }
  const option = new Option(`--${input} ${spec.arg}`, spec.help);
  if (spec.choices) option.choices(spec.choices);
  const fallback = spec.default === undefined ? DEFAULTS[input] : spec.default;
  if (fallback !== null && fallback !== undefined) option.default(fallback);
  program.addOption(option);
  if (spec.negatable) program.addOption(new Option(`--no-${input}`).hideHelp());
}

/** The folder every result goes under: the template's part before its first placeholder (`upscaled/` of `upscaled/{dir}/…`). */
function resultsFolder(template: string): string {
  const fixed = template.replace(/\\/g, '/').split('{')[0] ?? '';
  return fixed.slice(0, fixed.lastIndexOf('/') + 1);
}

function buildProgram(context: CliContext, specs: Record<Input, FlagSpec>): Command {
  const program = new Command(NAME)
    .description(
      'Upscale images with Ideogram, or 2× on this machine with no key (Lanczos3), and write a before/after gallery.'
    )
    .version(VERSION, '--version', 'print the version and exit')
    .usage('[options] [patterns...]')
    .argument('[patterns...]', 'glob patterns of images, relative to the current folder (quote them)')
    .exitOverride()
    .configureOutput({ writeOut: text => context.stdout.write(text), writeErr: text => context.stderr.write(text) })
    .showHelpAfterError(`(${NAME} --help lists the options)`);
  for (const input of Object.values(Input)) addInputOption(program, input, specs[input]);
  program
    .addOption(new Option('--json', "print the results document (as the action's results output) on stdout"))
    .addOption(new Option('--gallery <dir>', 'folder for the before/after page').default('gallery'))
    .addOption(new Option('--no-gallery', 'write no gallery'))
    .addHelpText(
      'after',
      `
Environment:
  IDEOGRAM_API_KEY   your Ideogram API key; without it the local provider is used

Output:
  Progress goes to stderr; stdout gets the written files, one a line (or the JSON document with --json).
  Results land at --output-path, and the gallery at <gallery>/index.html (originals copied into <gallery>/originals).

Exit status:
  0 every image upscaled (or skipped), 1 some failed, 2 bad usage or settings, 130 stopped by Ctrl-C.

Manifest:
  ${CLI_MANIFEST} beside the results (under the --output-path folder) records what is done, so running the
  same command again pays for nothing twice; a Ctrl-C keeps everything finished. --no-manifest turns it off.

Examples:
  ${NAME} 'examples/**/*.png'
  IDEOGRAM_API_KEY=... ${NAME} --resemblance 80 'assets/**/*.jpg'
  ${NAME} --dry-run --json`
    );
  return program;
}

/** Settings errors name inputs as the command line has them: flags, and the key's environment variable. */
function flagName(specs: Record<Input, FlagSpec>): InputNamer {
  return input => {
    if (input === Input.ApiKey) return 'IDEOGRAM_API_KEY';
    return specs[input].kind === 'fixed' ? `'${input}'` : `--${input}`;
  };
}

/**
 * @actions/glob reports through @actions/core, which writes workflow commands (`::debug::…`) straight to the
 * process's stdout for a runner to read. Outside a runner they are noise, and they would break `--json`.
 */
function silenceWorkflowDebug(): () => void {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = function (chunk: unknown, ...rest: unknown[]): boolean {
    if (typeof chunk === 'string' && chunk.startsWith('::debug::')) return true;
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  };
  return () => {
    process.stdout.write = write;
  };
}

/** Parses the arguments, runs the job, writes the gallery and reports. Returns the exit status; never exits. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const restore = silenceWorkflowDebug();
  try {
    return await run(argv, context);
  } catch (error) {
    // A setting that cannot work, found before anything was sent (an output path two sources would share too).
    if (error instanceof InputError) {
      context.stderr.write(`${NAME}: ${printable(error.describe(flagName(flagSpecs(''))))}\n`);
      return EXIT.usage;
    }
    context.stderr.write(`${NAME}: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT.failed;
  } finally {
    restore();
  }
}

async function run(argv: readonly string[], context: CliContext): Promise<number> {
  const { stderr, stdout, env } = context;
  const apiKey = env.IDEOGRAM_API_KEY?.trim() ?? '';
  registerSecret(apiKey);
  const specs = flagSpecs(apiKey);
  const program = buildProgram(context, specs);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  const options = program.opts<CliOptions>();
  const given = (input: Input): boolean => program.getOptionValueSource(attributeName(input)) === 'cli';
  const usage = (message: string): number => {
    stderr.write(`${NAME}: ${printable(message)}\n`);
    return EXIT.usage;
  };

  const galleryDir = options.gallery === false ? undefined : resolve(context.cwd, options.gallery);
  const dryRun = options[attributeName(Input.DryRun)] === true;
  let provider = typeof options.provider === 'string' ? options.provider : '';
  if (provider === '') {
    provider = apiKey === '' ? 'local' : 'ideogram';
    if (apiKey === '') {
      stderr.write('IDEOGRAM_API_KEY is not set: upscaling 2× on this machine (--provider local, Lanczos3).\n');
    }
  } else if (provider === 'ideogram' && apiKey === '' && !dryRun) {
    return usage('IDEOGRAM_API_KEY is not set: export your Ideogram API key, or use --provider local.');
  }
  const patterns = [
    typeof options.files === 'string' ? options.files : '',
    ...(program.processedArgs as string[][]).flat()
  ]
    .map(pattern => String(pattern).trim())
    .filter(pattern => pattern !== '');
  // The gallery's copies of the sources are images too: never take them as sources next time.
  const galleryExclusion =
    galleryDir && isInside(context.cwd, galleryDir) ? [`!${toPosixRelative(context.cwd, galleryDir)}/**`] : [];
  const files = [...(patterns.length > 0 ? patterns : [DEFAULT_FILES]), ...galleryExclusion].join('\n');

  const read: InputReader = input => {
    const spec = specs[input];
    if (spec.kind === 'fixed') return spec.value;
    if (input === Input.Files) return files;
    if (input === Input.Provider) return provider;
    const value = options[attributeName(input)];
    if (input === Input.Manifest && value === false) return 'none';
    if (input === Input.Manifest && value === undefined) {
      const template = options[attributeName(Input.OutputPath)];
      return `${resultsFolder(typeof template === 'string' ? template : '')}${CLI_MANIFEST}`;
    }
    if (spec.kind === 'switch') return value === true ? 'true' : value === false ? 'false' : '';
    return typeof value === 'string' ? value : '';
  };

  const settings = readSettings(read, context.cwd);
  // Only once every flag is known to be valid, so this never precedes the rejection of one it names.
  if (settings.provider.kind === 'local') {
    const ignored = IDEOGRAM_ONLY.filter(given).map(input => `--${input}`);
    if (ignored.length > 0) stderr.write(`The local provider ignores ${ignored.join(', ')}.\n`);
  }

  const tty = stderr.isTTY === true && !env.CI;
  const progress = tty ? barProgress(stderr) : lineProgress(stderr);
  let results: readonly SourceResult[];
  let sent: readonly string[];
  let refused = 0;
  const reported = new Set<string>();
  const cancellation = new Cancellation();
  const stopListening = cancelOnSignals(cancellation, INTERRUPT_GRACE_MS, (signal, first) =>
    stderr.write(
      first
        ? `\nStopping (${signal}): no new upscales; ${IN_FLIGHT_GRACE} (Ctrl-C again to stop at once).\n`
        : '\nStopping at once.\n'
    )
  );
  try {
    ({ results, sent } = await runJob(
      settings,
      {
        onDiscovered: discovery => {
          // The command line's workspace is the current folder: nothing outside it is read or written.
          for (const { path, why } of discovery.passedOver) {
            if (why !== 'outside') continue;
            refused += 1;
            stderr.write(`Refused ${path}: outside the current folder (directly or through a symbolic link).\n`);
          }
          progress.discovered(discovery);
        },
        onResult: (result, done, total) => {
          reported.add(result.source);
          progress.result(result, done, total);
        },
        onRetry: (file, event) => progress.retry(file, event),
        onNotice: message => stderr.write(`${printable(message)}\n`)
      },
      { cancellation }
    ));
  } finally {
    stopListening();
    progress.finish();
  }
  const interrupted = cancellation.stopped.aborted;
  if (interrupted) {
    const lines = notDone(results);
    stderr.write(`Stopped. Not done (${lines.length}; the next run takes them):\n`);
    for (const line of lines) stderr.write(`  ${line}\n`);
  }

  // Skips decided before any work (the manifest, a legacy dry run) were never shown as lines; a tty showed a bar.
  const skipped = results.filter(result => result.status === 'skipped' && (tty || !reported.has(result.source)));
  if (tty || settings.dryRun)
    skipped.forEach((result, i) => stderr.write(`${describe(result, i + 1, skipped.length)}\n`));
  const counts = countByStatus(results);
  if (results.length === 0 && refused > 0) {
    stderr.write(`No images to upscale: ${refused} match(es) refused, outside the current folder.\n`);
  } else if (results.length === 0) {
    stderr.write(
      `No images matched ${printable(settings.discovery.patterns.filter(p => !p.startsWith('!')).join(', '))}.\n`
    );
  } else if (settings.dryRun) {
    stderr.write(`${dryRunLine(settings, sent.length)}\n`);
  } else {
    stderr.write(`${countsLine(results)}\n`);
  }
  const costs = costLine(results);
  if (costs) {
    stderr.write(`${costs}\n`);
  }

  if (galleryDir && !settings.dryRun && results.length > 0) {
    try {
      // After an interruption, what was done.
      const shown = interrupted ? results.filter(result => result.status !== 'deferred') : results;
      const page = await writeGallery(galleryDir, settings.workspace, shown);
      stderr.write(`Gallery: ${relative(context.cwd, page) || page}\n`);
    } catch (error) {
      stderr.write(`${NAME}: the gallery could not be written: ${printable((error as Error).message)}\n`);
    }
  }

  if (options.json) stdout.write(`${JSON.stringify(resultsDocument(results), null, 2)}\n`);
  else {
    // What this run wrote: skipped sources list results of earlier runs.
    for (const result of results) {
      if (result.status !== 'skipped') for (const output of result.outputs) stdout.write(`${output.path}\n`);
    }
  }

  if (interrupted) return EXIT.interrupted;
  return counts.failed > 0 && settings.failOnError ? EXIT.failed : EXIT.ok;
}
