export const id = 486;
export const ids = [486];
export const modules = {

/***/ 70486:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _runtime_io_bound_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24655);
/* harmony import */ var _program_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32651);


/** The command-line tool: the action's engine, driven by flags instead of inputs (see `ideogram-upscale --help`). */
process.exitCode = await (0,_program_js__WEBPACK_IMPORTED_MODULE_1__/* .runCli */ .ak)(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr
});
// Requests cut off by a Ctrl-C would otherwise keep the process waiting for their answers.
process.stdout.write('', () => process.exit());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 32651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT, NAME

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(48179);
// EXTERNAL MODULE: ./src/report/gallery/index.ts + 2 modules
var gallery = __webpack_require__(21685);
// EXTERNAL MODULE: ./src/fs/paths.ts
var paths = __webpack_require__(31283);
// EXTERNAL MODULE: ./src/inputs/inputs.ts
var inputs = __webpack_require__(18028);
// EXTERNAL MODULE: ./src/text/printable.ts
var printable = __webpack_require__(38572);
// EXTERNAL MODULE: ./src/text/secrets.ts
var secrets = __webpack_require__(99690);
// EXTERNAL MODULE: ./src/async/cancellation.ts
var async_cancellation = __webpack_require__(60329);
// EXTERNAL MODULE: ./src/pipeline/run-job.ts + 14 modules
var run_job = __webpack_require__(64743);
// EXTERNAL MODULE: ./src/report/presentation.ts
var presentation = __webpack_require__(5760);
// EXTERNAL MODULE: ./src/state/results.ts
var state_results = __webpack_require__(22639);
// EXTERNAL MODULE: ./src/settings/settings.ts + 1 modules
var settings_settings = __webpack_require__(83227);
// EXTERNAL MODULE: ./src/imaging/output-format.ts
var output_format = __webpack_require__(28733);
// EXTERNAL MODULE: ./src/providers/index.ts + 1 modules
var providers = __webpack_require__(57515);
;// CONCATENATED MODULE: ./src/cli/flags.ts



/** The command line's manifest, in the folder the results go to. */
const CLI_MANIFEST = '.ideogram-upscale.json';
/**
 * Every input of the action, and how the command line gives it. A `Record` over `Input`, so a new input does not
 * compile until someone decides whether it is a flag. Flags keep the inputs' names; empty values fall back to
 * `DEFAULTS`, exactly as in the action.
 */
function flagSpecs(apiKey) {
    return {
        [inputs/* Input */.p.ApiKey]: { kind: 'fixed', value: apiKey },
        [inputs/* Input */.p.Files]: {
            kind: 'value',
            arg: '<patterns>',
            help: "glob patterns, one a line, '!' excludes; patterns given as arguments are added (default: PNG, JPEG and WebP files outside node_modules)",
            default: null
        },
        [inputs/* Input */.p.Prompt]: { kind: 'value', arg: '<text>', help: 'Ideogram: prompt that guides the upscale' },
        [inputs/* Input */.p.Resemblance]: { kind: 'value', arg: '<1-100>', help: 'Ideogram: how closely the result follows the source' },
        [inputs/* Input */.p.Detail]: { kind: 'value', arg: '<1-100>', help: 'Ideogram: how much detail it adds' },
        [inputs/* Input */.p.MagicPromptOption]: {
            kind: 'value',
            arg: '<option>',
            help: 'Ideogram: magic prompt',
            choices: providers/* PROVIDER_CHOICES */.Vt[inputs/* Input */.p.MagicPromptOption]
        },
        [inputs/* Input */.p.MagicPromptVersion]: {
            kind: 'value',
            arg: '<version>',
            help: 'Ideogram: magic prompt version',
            choices: providers/* PROVIDER_CHOICES */.Vt[inputs/* Input */.p.MagicPromptVersion]
        },
        [inputs/* Input */.p.NumImages]: {
            kind: 'value',
            arg: '<1-8>',
            help: 'Ideogram: results per source (the local provider makes one)'
        },
        [inputs/* Input */.p.Seed]: { kind: 'value', arg: '<n>', help: 'Ideogram: seed, for repeatable results' },
        [inputs/* Input */.p.Model]: {
            kind: 'value',
            arg: '<model>',
            help: 'Ideogram: legacy (POST /upscale, up to 2×) or a v2 upscaler; see docs/models.md (default: legacy)',
            choices: providers/* PROVIDER_CHOICES */.Vt[inputs/* Input */.p.Model]
        },
        [inputs/* Input */.p.UpscaleFactor]: {
            kind: 'value',
            arg: '<factor>',
            help: 'Ideogram v2: x2, x4 or x8 (default x2; topaz-wonder-4: x2 or x4)',
            choices: providers/* PROVIDER_CHOICES */.Vt[inputs/* Input */.p.UpscaleFactor]
        },
        [inputs/* Input */.p.Creativity]: { kind: 'value', arg: '<1-9>', help: 'Ideogram v2 (bloom-2, redefine): how freely it invents' },
        [inputs/* Input */.p.EnhancementStrength]: {
            kind: 'value',
            arg: '<strength>',
            help: 'Ideogram v2 (wonder-3-5): how much detail it reconstructs',
            choices: providers/* PROVIDER_CHOICES */.Vt[inputs/* Input */.p.EnhancementStrength]
        },
        [inputs/* Input */.p.ResolutionTier]: {
            kind: 'value',
            arg: '<tier>',
            help: 'Ideogram v2 (nano-banana-pro): output tier (default 2K)',
            choices: providers/* PROVIDER_CHOICES */.Vt[inputs/* Input */.p.ResolutionTier]
        },
        [inputs/* Input */.p.ModelOptions]: {
            kind: 'value',
            arg: '<yaml>',
            help: "Ideogram v2: the model's other fields as a YAML or JSON map, e.g. '{denoise: 0.3}'"
        },
        [inputs/* Input */.p.MaxCost]: {
            kind: 'value',
            arg: '<usd>',
            help: 'Ideogram v2: quote each image first and stop before the total would pass this many USD'
        },
        [inputs/* Input */.p.OutputPath]: {
            kind: 'value',
            arg: '<template>',
            help: 'where results go, relative to the current folder; {dir} {name} {ext} {index}'
        },
        [inputs/* Input */.p.OutputFormat]: {
            kind: 'value',
            arg: '<format>',
            help: 'format results are written in (default: as Ideogram returns them, PNG)',
            choices: output_format/* OUTPUT_FORMATS */.DS
        },
        [inputs/* Input */.p.Quality]: {
            kind: 'value',
            arg: '<1-100>',
            help: `quality of lossy results (default: ${output_format/* OUTPUT_FORMATS */.DS.flatMap(format => {
                const { quality } = output_format/* OUTPUT_FORMAT_INFO */.fy[format];
                return quality === undefined ? [] : [`${format} ${quality}`];
            }).join(', ')})`
        },
        [inputs/* Input */.p.MaxWidth]: { kind: 'value', arg: '<px>', help: 'fit results within this width (Lanczos3; never enlarged)' },
        [inputs/* Input */.p.MaxHeight]: {
            kind: 'value',
            arg: '<px>',
            help: 'fit results within this height (Lanczos3; never enlarged)'
        },
        [inputs/* Input */.p.Publish]: { kind: 'fixed', value: 'none' },
        [inputs/* Input */.p.ArtifactName]: { kind: 'fixed', value: '' },
        [inputs/* Input */.p.RetentionDays]: { kind: 'fixed', value: '' },
        [inputs/* Input */.p.GithubToken]: { kind: 'fixed', value: '' },
        [inputs/* Input */.p.CommitMessage]: { kind: 'fixed', value: '' },
        [inputs/* Input */.p.Branch]: { kind: 'fixed', value: '' },
        [inputs/* Input */.p.CommitAuthor]: { kind: 'fixed', value: '' },
        // There is no event to take changes from: every match counts.
        [inputs/* Input */.p.ChangedOnly]: { kind: 'fixed', value: 'false' },
        [inputs/* Input */.p.Manifest]: {
            kind: 'value',
            arg: '<path>',
            help: `manifest that makes a second run free: images upscaled before with the same settings are skipped (default: ${CLI_MANIFEST} beside the results; --no-manifest: none)`,
            // Worked out from --output-path: beside the results, not the action's .github/.
            default: null,
            negatable: true
        },
        // The Actions cache is the runner's; on the command line the manifest beside the results does its work.
        [inputs/* Input */.p.Cache]: { kind: 'fixed', value: 'false' },
        // The command line has no pull request to comment on and commits nothing.
        [inputs/* Input */.p.Comment]: { kind: 'fixed', value: 'never' },
        [inputs/* Input */.p.CommitLfsPaths]: { kind: 'fixed', value: '' },
        [inputs/* Input */.p.Force]: { kind: 'switch', help: 'upscale again even what the manifest says is done' },
        [inputs/* Input */.p.MaxImages]: {
            kind: 'value',
            arg: '<n>',
            help: 'ask for at most this many images in this run (counting num-images); the rest are deferred to the next'
        },
        [inputs/* Input */.p.Overwrite]: {
            kind: 'switch',
            help: 'let results replace existing files that are not earlier results (never a source, nor anything in .git)'
        },
        [inputs/* Input */.p.Concurrency]: { kind: 'value', arg: '<n|auto>', help: 'Ideogram: images in flight at once' },
        [inputs/* Input */.p.MaxRetries]: { kind: 'value', arg: '<n>', help: 'Ideogram: resends after server and connection errors' },
        [inputs/* Input */.p.RequestTimeout]: {
            kind: 'value',
            arg: '<seconds>',
            help: 'Ideogram: time allowed for one request, and for one download of a result'
        },
        [inputs/* Input */.p.RateLimitWait]: {
            kind: 'value',
            arg: '<seconds>',
            help: 'Ideogram: the most one image waits on 429 answers in all before it fails'
        },
        [inputs/* Input */.p.RetryTimeouts]: {
            kind: 'switch',
            help: 'Ideogram: resend when an answer is lost after sending (may be billed twice)'
        },
        [inputs/* Input */.p.MaxFileSize]: { kind: 'value', arg: '<MB>', help: 'largest source taken, in megabytes' },
        [inputs/* Input */.p.ApiUrl]: { kind: 'value', arg: '<url>', help: "Ideogram's API base URL" },
        [inputs/* Input */.p.Provider]: {
            kind: 'value',
            arg: '<name>',
            help: 'who upscales: Ideogram, or a 2× Lanczos resampling on this machine (default: ideogram when IDEOGRAM_API_KEY is set, else local)',
            choices: providers/* PROVIDER_CHOICES */.Vt[inputs/* Input */.p.Provider],
            default: null
        },
        [inputs/* Input */.p.FailOnError]: {
            kind: 'switch',
            help: 'exit with 1 when an image fails (--no-fail-on-error: exit 0)',
            negatable: true
        },
        [inputs/* Input */.p.DryRun]: { kind: 'switch', help: 'list what would be upscaled; send and write nothing' }
    };
}
/** Commander's attribute name for a flag (`num-images` → `numImages`). */
function attributeName(input) {
    return input.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
}
/** Inputs only Ideogram uses: the local provider ignores them, and the command line says so when they are given. */
const IDEOGRAM_ONLY = [
    inputs/* Input */.p.Prompt,
    inputs/* Input */.p.Resemblance,
    inputs/* Input */.p.Detail,
    inputs/* Input */.p.MagicPromptOption,
    inputs/* Input */.p.MagicPromptVersion,
    inputs/* Input */.p.NumImages,
    inputs/* Input */.p.Seed,
    inputs/* Input */.p.Model,
    inputs/* Input */.p.UpscaleFactor,
    inputs/* Input */.p.Creativity,
    inputs/* Input */.p.EnhancementStrength,
    inputs/* Input */.p.ResolutionTier,
    inputs/* Input */.p.ModelOptions,
    inputs/* Input */.p.MaxCost,
    inputs/* Input */.p.Concurrency,
    inputs/* Input */.p.MaxRetries,
    inputs/* Input */.p.RequestTimeout,
    inputs/* Input */.p.RateLimitWait,
    inputs/* Input */.p.RetryTimeouts,
    inputs/* Input */.p.ApiUrl
];

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/runtime/version.ts

/** This package's version, as package.json says (the bundles carry it). */
const VERSION = package_namespaceObject.rE;

;// CONCATENATED MODULE: ./src/cli/progress.ts


/** The action's result line; a note on an upscaled source (the action's separate warning) goes on the same line. */
function describe(result, done, total) {
    const note = result.status === 'upscaled' && result.error ? `; ${result.error}` : '';
    return (0,printable/* printable */.g)(`${(0,presentation/* resultLine */.ow)(result, done, total)}${note}`);
}
function clock(seconds) {
    const whole = Math.max(0, Math.round(seconds));
    const minutes = Math.floor(whole / 60);
    const hours = Math.floor(minutes / 60);
    const ss = String(whole % 60).padStart(2, '0');
    return hours > 0 ? `${hours}:${String(minutes % 60).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}
/** One line per finished image: for pipes, logs and CI. */
function lineProgress(stream) {
    return {
        discovered: discovery => stream.write(`Found ${discovery.sources.length} image(s).\n`),
        result: (result, done, total) => stream.write(`${describe(result, done, total)}\n`),
        retry: (file, event) => stream.write(`${(0,printable/* printable */.g)((0,presentation/* retryLine */.Rn)(file, event))}\n`),
        finish: () => undefined
    };
}
const BAR_WIDTH = 24;
/**
 * A bar redrawn in place on a terminal: done/total, failures and the time left, judged from the pace so far.
 * Failures and retries are printed above it, so they stay on screen.
 */
function barProgress(stream, now = () => performance.now()) {
    const started = now();
    let total = 0;
    let done = 0;
    let failed = 0;
    let shown = false;
    const bar = () => {
        const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
        const elapsed = (now() - started) / 1000;
        const eta = done === 0 ? '…' : clock((elapsed / done) * (total - done));
        const failures = failed > 0 ? ` · ${failed} failed` : '';
        const line = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${done}/${total}${failures} · ETA ${eta}`;
        return stream.columns ? line.slice(0, Math.max(0, stream.columns - 1)) : line;
    };
    const clear = () => {
        if (shown)
            stream.write('\r\x1b[2K');
        shown = false;
    };
    const draw = () => {
        stream.write(`\r\x1b[2K${bar()}`);
        shown = true;
    };
    const above = (line) => {
        clear();
        stream.write(`${line}\n`);
        draw();
    };
    return {
        discovered: discovery => {
            total = discovery.sources.length;
            stream.write(`Found ${total} image(s).\n`);
            if (total > 0)
                draw();
        },
        result: (result, doneNow, totalNow) => {
            done = doneNow;
            total = totalNow;
            if (result.status === 'failed')
                failed += 1;
            if (result.status === 'failed' || result.status === 'unsafe')
                above(describe(result, doneNow, totalNow));
            else
                draw();
        },
        retry: (file, event) => above((0,printable/* printable */.g)((0,presentation/* retryLine */.Rn)(file, event))),
        finish: clear
    };
}

;// CONCATENATED MODULE: ./src/cli/program.ts















const NAME = 'ideogram-upscale';
/** 0: every image done; 1: some failed (or the run broke); 2: bad usage or settings, nothing was sent. */
const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 };
/** After a first Ctrl-C, what is in flight gets this long to finish; a second Ctrl-C cuts it at once. */
const INTERRUPT_GRACE_MS = 5_000;
function addInputOption(program, input, spec) {
    if (spec.kind === 'fixed')
        return;
    if (spec.kind === 'switch') {
        program.addOption(new esm/* Option */.c$(`--${input}`, spec.help));
        if (spec.negatable)
            program.addOption(new esm/* Option */.c$(`--no-${input}`).hideHelp());
        return;
    }
    const option = new esm/* Option */.c$(`--${input} ${spec.arg}`, spec.help);
    if (spec.choices)
        option.choices(spec.choices);
    const fallback = spec.default === undefined ? settings_settings/* DEFAULTS */.zY[input] : spec.default;
    if (fallback !== null && fallback !== undefined)
        option.default(fallback);
    program.addOption(option);
    if (spec.negatable)
        program.addOption(new esm/* Option */.c$(`--no-${input}`).hideHelp());
}
/** The folder every result goes under: the template's part before its first placeholder (`upscaled/` of `upscaled/{dir}/…`). */
function resultsFolder(template) {
    const fixed = template.replace(/\\/g, '/').split('{')[0] ?? '';
    return fixed.slice(0, fixed.lastIndexOf('/') + 1);
}
function buildProgram(context, specs) {
    const program = new esm/* Command */.uB(NAME)
        .description('Upscale images with Ideogram, or 2× on this machine with no key (Lanczos3), and write a before/after gallery.')
        .version(VERSION, '--version', 'print the version and exit')
        .usage('[options] [patterns...]')
        .argument('[patterns...]', 'glob patterns of images, relative to the current folder (quote them)')
        .exitOverride()
        .configureOutput({ writeOut: text => context.stdout.write(text), writeErr: text => context.stderr.write(text) })
        .showHelpAfterError(`(${NAME} --help lists the options)`);
    for (const input of Object.values(inputs/* Input */.p))
        addInputOption(program, input, specs[input]);
    program
        .addOption(new esm/* Option */.c$('--json', "print the results document (as the action's results output) on stdout"))
        .addOption(new esm/* Option */.c$('--gallery <dir>', 'folder for the before/after page').default('gallery'))
        .addOption(new esm/* Option */.c$('--no-gallery', 'write no gallery'))
        .addHelpText('after', `
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
  ${NAME} --dry-run --json`);
    return program;
}
/** Settings errors name inputs as the command line has them: flags, and the key's environment variable. */
function flagName(specs) {
    return input => {
        if (input === inputs/* Input */.p.ApiKey)
            return 'IDEOGRAM_API_KEY';
        return specs[input].kind === 'fixed' ? `'${input}'` : `--${input}`;
    };
}
/**
 * @actions/glob reports through @actions/core, which writes workflow commands (`::debug::…`) straight to the
 * process's stdout for a runner to read. Outside a runner they are noise, and they would break `--json`.
 */
function silenceWorkflowDebug() {
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = function (chunk, ...rest) {
        if (typeof chunk === 'string' && chunk.startsWith('::debug::'))
            return true;
        return write(chunk, ...rest);
    };
    return () => {
        process.stdout.write = write;
    };
}
/** Parses the arguments, runs the job, writes the gallery and reports. Returns the exit status; never exits. */
async function runCli(argv, context) {
    const restore = silenceWorkflowDebug();
    try {
        return await run(argv, context);
    }
    catch (error) {
        // A setting that cannot work, found before anything was sent (an output path two sources would share too).
        if (error instanceof inputs/* InputError */.d) {
            context.stderr.write(`${NAME}: ${(0,printable/* printable */.g)(error.describe(flagName(flagSpecs(''))))}\n`);
            return EXIT.usage;
        }
        context.stderr.write(`${NAME}: ${(0,printable/* printable */.g)(error instanceof Error ? error.message : String(error))}\n`);
        return EXIT.failed;
    }
    finally {
        restore();
    }
}
async function run(argv, context) {
    const { stderr, stdout, env } = context;
    const apiKey = env.IDEOGRAM_API_KEY?.trim() ?? '';
    (0,secrets/* registerSecret */.cl)(apiKey);
    const specs = flagSpecs(apiKey);
    const program = buildProgram(context, specs);
    try {
        program.parse([...argv], { from: 'user' });
    }
    catch (error) {
        if (error instanceof esm/* CommanderError */.b7) {
            return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
        }
        throw error;
    }
    const options = program.opts();
    const given = (input) => program.getOptionValueSource(attributeName(input)) === 'cli';
    const usage = (message) => {
        stderr.write(`${NAME}: ${(0,printable/* printable */.g)(message)}\n`);
        return EXIT.usage;
    };
    const galleryDir = options.gallery === false ? undefined : (0,external_node_path_.resolve)(context.cwd, options.gallery);
    const dryRun = options[attributeName(inputs/* Input */.p.DryRun)] === true;
    let provider = typeof options.provider === 'string' ? options.provider : '';
    if (provider === '') {
        provider = apiKey === '' ? 'local' : 'ideogram';
        if (apiKey === '') {
            stderr.write('IDEOGRAM_API_KEY is not set: upscaling 2× on this machine (--provider local, Lanczos3).\n');
        }
    }
    else if (provider === 'ideogram' && apiKey === '' && !dryRun) {
        return usage('IDEOGRAM_API_KEY is not set: export your Ideogram API key, or use --provider local.');
    }
    const patterns = [
        typeof options.files === 'string' ? options.files : '',
        ...program.processedArgs.flat()
    ]
        .map(pattern => String(pattern).trim())
        .filter(pattern => pattern !== '');
    // The gallery's copies of the sources are images too: never take them as sources next time.
    const galleryExclusion = galleryDir && (0,paths/* isInside */.FK)(context.cwd, galleryDir) ? [`!${(0,paths/* toPosixRelative */.T0)(context.cwd, galleryDir)}/**`] : [];
    const files = [...(patterns.length > 0 ? patterns : [settings_settings/* DEFAULT_FILES */.Yc]), ...galleryExclusion].join('\n');
    const read = input => {
        const spec = specs[input];
        if (spec.kind === 'fixed')
            return spec.value;
        if (input === inputs/* Input */.p.Files)
            return files;
        if (input === inputs/* Input */.p.Provider)
            return provider;
        const value = options[attributeName(input)];
        if (input === inputs/* Input */.p.Manifest && value === false)
            return 'none';
        if (input === inputs/* Input */.p.Manifest && value === undefined) {
            const template = options[attributeName(inputs/* Input */.p.OutputPath)];
            return `${resultsFolder(typeof template === 'string' ? template : '')}${CLI_MANIFEST}`;
        }
        if (spec.kind === 'switch')
            return value === true ? 'true' : value === false ? 'false' : '';
        return typeof value === 'string' ? value : '';
    };
    const settings = (0,settings_settings/* readSettings */.sb)(read, context.cwd);
    // Only once every flag is known to be valid, so this never precedes the rejection of one it names.
    if (settings.provider.kind === 'local') {
        const ignored = IDEOGRAM_ONLY.filter(given).map(input => `--${input}`);
        if (ignored.length > 0)
            stderr.write(`The local provider ignores ${ignored.join(', ')}.\n`);
    }
    const tty = stderr.isTTY === true && !env.CI;
    const progress = tty ? barProgress(stderr) : lineProgress(stderr);
    let results;
    let sent;
    let refused = 0;
    const reported = new Set();
    const cancellation = new async_cancellation/* Cancellation */.mT();
    const stopListening = (0,async_cancellation/* cancelOnSignals */.dJ)(cancellation, INTERRUPT_GRACE_MS, (signal, first) => stderr.write(first
        ? `\nStopping (${signal}): no new upscales; ${presentation/* IN_FLIGHT_GRACE */._d} (Ctrl-C again to stop at once).\n`
        : '\nStopping at once.\n'));
    try {
        ({ results, sent } = await (0,run_job/* runJob */.b)(settings, {
            onDiscovered: discovery => {
                // The command line's workspace is the current folder: nothing outside it is read or written.
                for (const { path, why } of discovery.passedOver) {
                    if (why !== 'outside')
                        continue;
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
            onNotice: message => stderr.write(`${(0,printable/* printable */.g)(message)}\n`)
        }, { cancellation }));
    }
    finally {
        stopListening();
        progress.finish();
    }
    const interrupted = cancellation.stopped.aborted;
    if (interrupted) {
        const lines = (0,presentation/* notDone */.Gj)(results);
        stderr.write(`Stopped. Not done (${lines.length}; the next run takes them):\n`);
        for (const line of lines)
            stderr.write(`  ${line}\n`);
    }
    // Skips decided before any work (the manifest, a legacy dry run) were never shown as lines; a tty showed a bar.
    const skipped = results.filter(result => result.status === 'skipped' && (tty || !reported.has(result.source)));
    if (tty || settings.dryRun)
        skipped.forEach((result, i) => stderr.write(`${describe(result, i + 1, skipped.length)}\n`));
    const counts = (0,state_results/* countByStatus */.x7)(results);
    if (results.length === 0 && refused > 0) {
        stderr.write(`No images to upscale: ${refused} match(es) refused, outside the current folder.\n`);
    }
    else if (results.length === 0) {
        stderr.write(`No images matched ${(0,printable/* printable */.g)(settings.discovery.patterns.filter(p => !p.startsWith('!')).join(', '))}.\n`);
    }
    else if (settings.dryRun) {
        stderr.write(`${(0,presentation/* dryRunLine */.jj)(settings, sent.length)}\n`);
    }
    else {
        stderr.write(`${(0,presentation/* countsLine */.J7)(results)}\n`);
    }
    const costs = (0,presentation/* costLine */.EK)(results);
    if (costs) {
        stderr.write(`${costs}\n`);
    }
    if (galleryDir && !settings.dryRun && results.length > 0) {
        try {
            // After an interruption, what was done.
            const shown = interrupted ? results.filter(result => result.status !== 'deferred') : results;
            const page = await (0,gallery/* writeGallery */.Q)(galleryDir, settings.workspace, shown);
            stderr.write(`Gallery: ${(0,external_node_path_.relative)(context.cwd, page) || page}\n`);
        }
        catch (error) {
            stderr.write(`${NAME}: the gallery could not be written: ${(0,printable/* printable */.g)(error.message)}\n`);
        }
    }
    if (options.json)
        stdout.write(`${JSON.stringify((0,state_results/* resultsDocument */.UL)(results), null, 2)}\n`);
    else {
        // What this run wrote: skipped sources list results of earlier runs.
        for (const result of results) {
            if (result.status !== 'skipped')
                for (const output of result.outputs)
                    stdout.write(`${output.path}\n`);
        }
    }
    if (interrupted)
        return EXIT.interrupted;
    return counts.failed > 0 && settings.failOnError ? EXIT.failed : EXIT.ok;
}


/***/ })

};
