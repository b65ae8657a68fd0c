export const id = 282;
export const ids = [282];
export const modules = {

/***/ 68884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ reportCache),
/* harmony export */   Q: () => (/* binding */ cacheRequest)
/* harmony export */ });
/* harmony import */ var _report_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46472);
/* harmony import */ var _github_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42865);
/* harmony import */ var _state_fingerprint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15917);



/**
 * The Actions cache request, when the cache is what carries results to the next run: in artifact (or no) publishing
 * with a manifest. Committed results and their manifest are on the branch already.
 */
function cacheRequest(settings) {
    const { manifest, cache } = settings.selection;
    if (!cache || settings.dryRun || !manifest)
        return undefined;
    if (settings.publishing.mode === 'commit' || settings.publishing.mode === 'both')
        return undefined;
    const scope = { settings: (0,_state_fingerprint_js__WEBPACK_IMPORTED_MODULE_2__/* .fingerprint */ .R)(settings), output: settings.output.template.pattern, manifest };
    return { workspace: settings.workspace, keys: (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .cacheKeys */ .Xr)(scope, process.env) };
}
/** One line on what the cache did; a miss or a failure is a notice, never a failure of the step. */
function reportCache(outcome) {
    switch (outcome.kind) {
        case 'unavailable':
            _report_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Not using the Actions cache: ${outcome.reason}.`);
            break;
        case 'missed':
            _report_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.notice('No earlier results in the Actions cache for these settings: upscaling what the manifest lacks.');
            break;
        case 'failed':
            _report_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.notice(`The Actions cache could not be used (${outcome.reason}); going on without it.`);
            break;
        case 'restored':
            _report_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Restored ${outcome.sources} source(s) done earlier (${outcome.files} result file(s)) from the Actions cache (${outcome.key}).`);
            break;
        case 'saved':
            _report_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`Saved the manifest and ${outcome.files} result file(s) to the Actions cache (${outcome.key}).`);
            break;
    }
}


/***/ }),

/***/ 37282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(46472);
// EXTERNAL MODULE: ./src/inputs/inputs.ts
var inputs = __webpack_require__(18028);
;// CONCATENATED MODULE: ./src/github/changes.ts


// GitHub lists at most this many files of a comparison, and of a pull request; a list that long may be cut.
const COMPARE_FILE_CAP = 300;
const PULL_FILE_CAP = 3000;
function changedPaths(files) {
    // Removed files have nothing to upscale; renamed and copied ones have new bytes at a new path.
    return new Set(files.filter(file => file.status !== 'removed').map(file => file.filename));
}
/**
 * The images a push or pull request added or modified. Other events, a new branch, a force push, or a list
 * GitHub may have cut short all fall back to every matching image, with the reason.
 */
async function findChangedFiles(github, context) {
    const { owner, repo, event } = context;
    if (event.kind === 'push') {
        if (event.noBase)
            return { kind: 'all', reason: 'a new branch or a force push has no earlier commit to compare with' };
        let files;
        try {
            const { data } = await github.rest.repos.compareCommitsWithBasehead({
                owner,
                repo,
                basehead: `${event.before}...${event.after}`
            });
            files = data.files ?? [];
        }
        catch (error) {
            if (error.status === 404) {
                return { kind: 'all', reason: `the pushed-over commit ${event.before.slice(0, 7)} is gone (force push?)` };
            }
            throw error;
        }
        if (files.length >= COMPARE_FILE_CAP)
            return { kind: 'all', reason: `the push changed ${files.length}+ files` };
        return {
            kind: 'changed',
            paths: changedPaths(files),
            description: `files changed by ${event.before.slice(0, 7)}..${event.after.slice(0, 7)}`
        };
    }
    if (event.kind === 'pull_request') {
        const files = await github.paginate(github.rest.pulls.listFiles, {
            owner,
            repo,
            pull_number: event.number,
            per_page: 100
        });
        if (files.length >= PULL_FILE_CAP)
            return { kind: 'all', reason: `the pull request changes ${files.length}+ files` };
        return {
            kind: 'changed',
            paths: changedPaths(files),
            description: `files changed by pull request #${event.number}`
        };
    }
    return { kind: 'all', reason: `a ${event.name || 'manual'} event has no list of changed files` };
}
/** With `changed-only`, the paths the push or pull request changed; undefined means every matching image. */
async function changedSources(settings, github, env) {
    const event = env.GITHUB_EVENT_NAME ?? '';
    if (!settings.changedOnly || !['push', 'pull_request', 'pull_request_target'].includes(event))
        return undefined;
    if (!settings.token) {
        log/* log */.R.info(`No '${inputs/* Input */.p.GithubToken}': taking every matching image, not only the changed ones.`);
        return undefined;
    }
    const { client, context } = await github();
    const changed = await findChangedFiles(client, context);
    if (changed.kind === 'all') {
        log/* log */.R.info(`Taking every matching image: ${changed.reason}.`);
        return undefined;
    }
    log/* log */.R.info(`Taking only the ${changed.description} (${changed.paths.size} file(s)); '${inputs/* Input */.p.ChangedOnly}: false' takes all.`);
    return new Set(changed.paths);
}

;// CONCATENATED MODULE: ./src/github/branch-manifest.ts
/**
 * A file's text at the head of a branch, read through the Git Data API (no checkout needed): undefined when the
 * branch or the file does not exist. Also the head commit it was read from.
 */
async function readAtBranchHead(github, { owner, repo, branch, path }) {
    let commit;
    try {
        commit = (await github.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha;
    }
    catch (error) {
        if (error.status === 404)
            return undefined;
        throw error;
    }
    let tree = (await github.rest.git.getCommit({ owner, repo, commit_sha: commit })).data.tree.sha;
    // Folder by folder: a recursive listing of a large repository is truncated.
    const parts = path.split('/');
    for (const [i, part] of parts.entries()) {
        const { data } = await github.rest.git.getTree({ owner, repo, tree_sha: tree });
        const entry = data.tree.find(item => item.path === part);
        const last = i === parts.length - 1;
        if (!entry?.sha || entry.type !== (last ? 'blob' : 'tree'))
            return undefined;
        if (last) {
            const blob = await github.rest.git.getBlob({ owner, repo, file_sha: entry.sha });
            return { text: Buffer.from(blob.data.content, 'base64').toString('utf8'), commit };
        }
        tree = entry.sha;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(96584);
// EXTERNAL MODULE: ./src/state/manifest-document.ts
var manifest_document = __webpack_require__(91552);
// EXTERNAL MODULE: ./src/action/handover.ts
var handover = __webpack_require__(7083);
// EXTERNAL MODULE: ./src/github/cache.ts
var github_cache = __webpack_require__(42865);
// EXTERNAL MODULE: ./src/action/cache.ts
var action_cache = __webpack_require__(68884);
// EXTERNAL MODULE: ./src/pipeline/run-job.ts + 14 modules
var run_job = __webpack_require__(64743);
// EXTERNAL MODULE: ./src/report/presentation.ts
var presentation = __webpack_require__(5760);
;// CONCATENATED MODULE: ./src/report/annotations.ts

const KINDS = ['error', 'warning', 'notice'];
/** GitHub shows at most this many annotations of each kind for a step, and drops the rest without a word. */
const ANNOTATIONS_SHOWN_PER_STEP = 10;
/**
 * Per-file annotations of each kind; the rest of GitHub's ten are kept for the run's own few lines: the count of
 * what went to the log only, the step's failure (`core.setFailed`), a warning such as "Not committing".
 */
const PER_FILE = ANNOTATIONS_SHOWN_PER_STEP - 4;
const PLURAL = { error: 'errors', warning: 'warnings', notice: 'notices' };
/**
 * Annotations within what GitHub shows: past the budget, a file's annotation is written as a plain log line
 * instead, and `summarise` adds one annotation per kind saying how many more the log holds. A thousand failed
 * images then give six annotations and one "994 more errors in the log", rather than ten and silence.
 */
class Annotations {
    shown = { error: 0, warning: 0, notice: 0 };
    logOnly = { error: 0, warning: 0, notice: 0 };
    /** About one file (or path): there can be thousands, so only the first few are annotations. */
    forFile(kind, message, properties) {
        if (this.shown[kind] < PER_FILE) {
            this.shown[kind] += 1;
            log/* log */.R[kind](message, properties?.file);
        }
        else {
            this.logOnly[kind] += 1;
            log/* log */.R.info(`${kind}: ${message}`);
        }
    }
    /** About the run as a whole: a handful at most, always shown. */
    forRun(kind, message) {
        log/* log */.R[kind](message);
    }
    /** One annotation per kind that overflowed: how many more the log holds. */
    summarise() {
        for (const kind of KINDS) {
            const more = this.logOnly[kind];
            if (more === 0)
                continue;
            log/* log */.R[kind](`${more} more ${more === 1 ? kind : PLURAL[kind]} in the log: GitHub shows ${ANNOTATIONS_SHOWN_PER_STEP} ${PLURAL[kind]} per step.`);
            this.logOnly[kind] = 0;
        }
    }
}

// EXTERNAL MODULE: ./src/report/results-file.ts
var results_file = __webpack_require__(89047);
// EXTERNAL MODULE: ./src/state/results.ts
var state_results = __webpack_require__(22639);
;// CONCATENATED MODULE: ./src/report/summary.ts






/** The step's annotations: one step is one process, so one budget (see `Annotations`). */
const annotations = new Annotations();
/**
 * The result line as each source finishes: failures are errors and withheld images warnings, tied to the file.
 * A skipped source gets a line only for its price (a dry run's quote): the discovery group lists the sources and a
 * count line follows, and a re-run of 10,000 unchanged images would spend a good part of its time writing 10,000
 * lines that say so.
 */
function logResult(result, done, total) {
    if (result.status === 'skipped' && result.quote === undefined)
        return;
    const line = (0,presentation/* resultLine */.ow)(result, done, total);
    if (result.status === 'failed') {
        annotations.forFile('error', line, { file: result.source });
    }
    else if (result.status === 'unsafe') {
        annotations.forFile('warning', line, { file: result.source });
    }
    else {
        log/* log */.R.info(line);
        if (result.status === 'upscaled' && result.error) {
            annotations.forFile('warning', `${result.source}: ${result.error}`, { file: result.source });
        }
    }
}
function logDiscovery(discovery) {
    log/* log */.R.group(`Found ${discovery.sources.length} image(s)`, [
        ...discovery.sources,
        ...discovery.passedOver.map(({ path, reason }) => `passed over ${path}: ${reason}`)
    ]);
    for (const { path, why, reason } of discovery.passedOver) {
        if (why === 'outside')
            annotations.forFile('warning', `Not upscaling ${path}: ${reason}`);
    }
}
/** GitHub refuses a step output over 1 MiB; a little less, for the file command's own framing. */
const OUTPUT_LIMIT_BYTES = 1024 * 1024 - 4096;
/** As many of `items` as fit in `OUTPUT_LIMIT_BYTES` once joined (and wrapped in `open`/`close`), in order. */
function fitOutput(items, separator, open = '', close = '') {
    let size = Buffer.byteLength(open + close);
    let kept = 0;
    for (const item of items) {
        size += Buffer.byteLength(item) + (kept > 0 ? Buffer.byteLength(separator) : 0);
        if (size > OUTPUT_LIMIT_BYTES)
            break;
        kept += 1;
    }
    return { text: `${open}${items.slice(0, kept).join(separator)}${close}`, kept };
}
/**
 * Sets the step outputs later steps read. `results` and `files` hold what fits under GitHub's 1 MiB: with
 * thousands of sources they would be refused (or the step fail), on exactly the runs where they matter most. Then
 * `results-truncated` is true, a warning says how much each holds, and `results-file` has everything.
 */
function setOutputs(outcome) {
    const counts = (0,state_results/* countByStatus */.x7)(outcome.results);
    const records = (0,state_results/* resultsDocument */.UL)(outcome.results).map(record => JSON.stringify(record));
    const paths = (0,state_results/* writtenFiles */.$m)(outcome.results);
    const results = fitOutput(records, ',', '[', ']');
    const files = fitOutput(paths, '\n');
    core/* setOutput */.uH('results', results.text);
    core/* setOutput */.uH('results-file', outcome.resultsFile ?? '');
    const truncated = results.kept < records.length || files.kept < paths.length;
    core/* setOutput */.uH('results-truncated', String(truncated));
    if (truncated) {
        const held = [
            ...(results.kept < records.length ? [`'results' holds ${results.kept} of ${records.length} sources`] : []),
            ...(files.kept < paths.length ? [`'files' holds ${files.kept} of ${paths.length} paths`] : [])
        ];
        const whole = outcome.resultsFile
            ? `the whole document is in 'results-file' (${outcome.resultsFile})${outcome.artifact ? ' and in the artifact' : ''}`
            : 'the results file could not be written';
        annotations.forRun('warning', `GitHub caps a step output at 1 MiB: ${held.join(' and ')}; ${whole}.`);
    }
    for (const status of state_results/* SOURCE_STATUSES */.n0)
        core/* setOutput */.uH(status, counts[status]);
    core/* setOutput */.uH('files', files.text);
    core/* setOutput */.uH('commit-sha', outcome.commit?.sha ?? '');
    core/* setOutput */.uH('artifact-id', outcome.artifact ? String(outcome.artifact.id) : '');
    core/* setOutput */.uH('artifact-url', outcome.artifact?.url ?? '');
    const totals = (0,presentation/* costTotals */.bC)(outcome.results);
    core/* setOutput */.uH('quoted-usd', totals.quoted > 0 ? (0,presentation/* usdOutput */.SZ)(totals.quotedUsdMicros) : '');
    core/* setOutput */.uH('spent-usd', totals.billed > 0 ? (0,presentation/* usdOutput */.SZ)(totals.spentUsdMicros) : '');
}
/** GitHub takes at most 1 MiB of summary from a step; the table stops well before, whatever the batch. */
const SUMMARY_TABLE_BYTES = 512 * 1024;
/** Files the summary names in one list (stored under another name, left out); the log lists them all. */
const SUMMARY_NAMES = 20;
/** Rows the summary's table shows at most: past this, a table is searched, not read. */
const SUMMARY_ROWS = 1000;
/** The first `SUMMARY_NAMES` of `items` as `show` writes each, then how many more the log has. */
function someOf(items, show, separator) {
    const shown = items.slice(0, SUMMARY_NAMES).map(show);
    if (items.length > SUMMARY_NAMES)
        shown.push(`and ${items.length - SUMMARY_NAMES} more (see the log)`);
    return shown.join(separator);
}
function cell(lines) {
    return lines.join('<br>') || '—';
}
/**
 * Where every source is, for the line that counts what the summary's table leaves out: the results file (the
 * `results` output may be cut short too), the artifact's copy of it and its gallery, else the step's log.
 */
function wholeRecord({ resultsFile, artifact }) {
    const places = [];
    if (resultsFile)
        places.push(`the results file (output <code>results-file</code>: <code>${(0,presentation/* escapeHtml */.ZD)(resultsFile)}</code>)`);
    if (artifact) {
        const name = `artifact ${artifact.id}`;
        const linked = artifact.url ? `<a href="${(0,presentation/* escapeHtml */.ZD)(artifact.url)}">${name}</a>` : name;
        const document = resultsFile ? `<code>${results_file/* RESULTS_FILE_NAME */.G}</code> and ` : '';
        places.push(`${linked}: its ${document}before/after gallery (<code>gallery/index.html</code>)`);
    }
    return places.length > 0 ? places.join(', and in ') : "this step's log, one line per source";
}
/** The job summary: counts, a link to the artifact, and a row per source. */
async function writeSummary(outcome) {
    const total = outcome.results.length;
    const summary = core/* summary */.z.addHeading(outcome.dryRun ? 'Ideogram upscale — dry run' : 'Ideogram upscale', 2);
    summary.addRaw(outcome.dryRun ?? (0,presentation/* countsLine */.J7)(outcome.results), true);
    const costs = (0,presentation/* costLine */.EK)(outcome.results);
    if (costs)
        summary.addRaw((0,presentation/* escapeHtml */.ZD)(costs), true);
    if (outcome.commit) {
        summary.addRaw(`Committed ${outcome.commit.files} file(s) to <code>${(0,presentation/* escapeHtml */.ZD)(outcome.commit.branch)}</code> as <code>${outcome.commit.sha.slice(0, 7)}</code>.`, true);
    }
    if (outcome.artifact?.url) {
        summary.addRaw('Results: ').addLink(`artifact ${outcome.artifact.id}`, outcome.artifact.url).addEOL();
    }
    for (const failure of outcome.failures ?? [])
        summary.addRaw(`❌ Not published: ${(0,presentation/* escapeHtml */.ZD)(failure)}.`, true);
    const renamed = outcome.artifact?.renamed ?? [];
    if (renamed.length > 0) {
        const names = someOf(renamed, ({ path, storedAs }) => `<code>${(0,presentation/* escapeHtml */.ZD)(path)}</code> as <code>${(0,presentation/* escapeHtml */.ZD)(storedAs)}</code>`, ', ');
        summary.addRaw(`In the artifact under a percent-encoded name (the artifact service refuses some characters in names): ${names}.`, true);
    }
    const leftOut = outcome.artifact?.leftOut ?? [];
    if (leftOut.length > 0) {
        const names = someOf(leftOut, ({ path, reason }) => `<code>${(0,presentation/* escapeHtml */.ZD)(path)}</code>: ${(0,presentation/* escapeHtml */.ZD)(reason)}`, '; ');
        summary.addRaw(`Left out of the artifact: ${names}.`, true);
    }
    if (total > 0) {
        const sorted = (0,presentation/* byAttention */._p)(outcome.results);
        const rows = sorted.slice(0, SUMMARY_ROWS).map(result => {
            const outputs = result.outputs;
            const detail = result.error ? `<br>${(0,presentation/* escapeHtml */.ZD)(result.error)}` : '';
            return [
                `<code>${(0,presentation/* escapeHtml */.ZD)(result.source)}</code>`,
                `${presentation/* STATUS_LABEL */._P[result.status]}${detail}`,
                cell(outputs.map(output => `<code>${(0,presentation/* escapeHtml */.ZD)(output.path)}</code>`)),
                cell(outputs.map(output => output.resolution ?? '')),
                cell(outputs.map(output => (output.seed === null ? '' : String(output.seed))))
            ];
        });
        // As the summary writes a row: each cell in <td></td>, the row in <tr></tr>.
        const shown = (0,presentation/* countFitting */.NJ)(rows.map(cells => cells.join('')), SUMMARY_TABLE_BYTES, row => Buffer.byteLength(row) + 9 * 5 + 9);
        summary.addTable([
            [
                { data: 'Source', header: true },
                { data: 'Status', header: true },
                { data: 'Output', header: true },
                { data: 'Resolution', header: true },
                { data: 'Seed', header: true }
            ],
            ...rows.slice(0, shown)
        ]);
        const rest = sorted.slice(shown);
        if (rest.length > 0) {
            summary.addRaw(`…and ${rest.length} more (${(0,presentation/* presentCounts */.AH)(rest)}), left out to keep this summary within GitHub's limit: every source is in ${wholeRecord(outcome)}.`, true);
        }
    }
    await summary.write();
}

// EXTERNAL MODULE: ./src/async/cancellation.ts
var async_cancellation = __webpack_require__(60329);
// EXTERNAL MODULE: ./src/text/secrets.ts
var secrets = __webpack_require__(99690);
// EXTERNAL MODULE: ./src/settings/settings.ts + 1 modules
var settings_settings = __webpack_require__(83227);
;// CONCATENATED MODULE: ./src/action/main.ts




















/**
 * In commit mode, the manifest at the head of the branch the results go to, when the branch has moved on from this
 * checkout: "Re-run jobs" checks out the original commit, which lacks what the first attempt committed.
 */
async function branchManifest(settings, github) {
    const { manifest } = settings.selection;
    const { mode, commit } = settings.publishing;
    if (!manifest || settings.dryRun || (mode !== 'commit' && mode !== 'both') || !commit.token)
        return undefined;
    try {
        const [{ client, context }, { commitTarget }] = await Promise.all([github(), Promise.all(/* import() */[__webpack_require__.e(685), __webpack_require__.e(392)]).then(__webpack_require__.bind(__webpack_require__, 35392))]);
        const target = commitTarget(settings, context);
        if (!('branch' in target))
            return undefined;
        const where = { owner: context.owner, repo: context.repo, branch: target.branch, path: manifest };
        const head = await readAtBranchHead(client, where);
        if (!head || head.commit === process.env.GITHUB_SHA)
            return undefined;
        log/* log */.R.info(`Taking what is done from ${manifest} at the head of ${target.branch} (${head.commit.slice(0, 7)}), which is ahead of this checkout.`);
        return (0,manifest_document/* parseManifest */.Ng)(head.text, manifest);
    }
    catch (error) {
        log/* log */.R.notice(`Could not read ${manifest} at the head of the branch (${error.message}); going by the checkout's.`);
        return undefined;
    }
}
/** In-flight work's time to finish after the runner's SIGINT; its SIGTERM follows 7.5 s after, the kill 2.5 s later. */
const CANCEL_GRACE_MS = 5_000;
/** On SIGINT or SIGTERM: start nothing new, let what is in flight finish briefly, then cut it. */
function cancelOnSignalsForTheRunner(cancellation) {
    return (0,async_cancellation/* cancelOnSignals */.dJ)(cancellation, CANCEL_GRACE_MS, (signal, first) => log/* log */.R.warning(first
        ? `Received ${signal}: starting no new upscale; ${presentation/* IN_FLIGHT_GRACE */._d}.`
        : `Received ${signal} again: cutting what is in flight.`));
}
/** What a cancelled run did and did not do; its results are published by the post step. */
function reportCancelled(results) {
    const finished = results.filter(result => result.status === 'upscaled' || result.status === 'unsafe');
    const lines = (0,presentation/* notDone */.Gj)(results);
    log/* log */.R.group(`Not done (${lines.length}): the next run takes these`, lines);
    log/* log */.R.fail(`Cancelled: ${(0,presentation/* countsLine */.J7)(results)} The manifest records the ${finished.length} finished source(s); the post step publishes them.`);
}
/** The action: settings → discovery → upscale (check, send, download) → publish → report. */
async function run() {
    const cancellation = new async_cancellation/* Cancellation */.mT();
    const stopListening = cancelOnSignalsForTheRunner(cancellation);
    try {
        // Masked before anything else can print them.
        for (const secret of [inputs/* Input */.p.ApiKey, inputs/* Input */.p.GithubToken]) {
            const value = core/* getInput */.V4(secret);
            if (value)
                core/* setSecret */.Pq(value);
            (0,secrets/* registerSecret */.cl)(value);
        }
        // The artifact service's token: its errors may echo it.
        (0,secrets/* registerSecret */.cl)(process.env.ACTIONS_RUNTIME_TOKEN ?? '');
        const settings = (0,settings_settings/* readSettings */.sb)(name => core/* getInput */.V4(name), process.env.GITHUB_WORKSPACE ?? process.cwd());
        (0,handover/* markStarted */.Fm)(new Date());
        const github = (0,client/* lazyGitHub */.e)(settings.publishing.commit.token, process.env);
        const cache = (0,action_cache/* cacheRequest */.Q)(settings);
        // Read once: the cache's entries are taken into it, then the job works on it and the cache saves it.
        const jobManifest = await (0,run_job/* loadManifest */.e)(settings);
        // Together: the restore's round trips overlap the changed-files lookup's. Both end before the job reads the
        // manifest, which the restore may add to (with the results it names), and neither is left running on a failure.
        const [restore, changes] = await Promise.allSettled([
            cache && jobManifest ? (0,github_cache/* restoreResults */.jR)(cache, jobManifest) : undefined,
            changedSources({ changedOnly: settings.discovery.changedOnly, token: settings.publishing.commit.token }, github, process.env)
        ]);
        if (changes.status === 'rejected')
            throw changes.reason;
        if (restore.status === 'rejected')
            throw restore.reason;
        const { value: only } = changes;
        const { value: restored } = restore;
        if (restored)
            (0,action_cache/* reportCache */.N)(restored);
        const { discovery, results, manifestWritten, sent } = await (0,run_job/* runJob */.b)(settings, {
            onDiscovered: logDiscovery,
            onResult: logResult,
            onRetry: (file, event) => log/* log */.R.info((0,presentation/* retryLine */.Rn)(file, event)),
            onNotice: message => log/* log */.R.notice(message),
            onWarning: message => annotations.forFile('warning', message)
        }, { only, cancellation, branchManifest: await branchManifest(settings, github), manifest: jobManifest });
        if (cancellation.stopped.aborted) {
            annotations.summarise();
            return reportCancelled(results);
        }
        if (discovery.sources.length === 0)
            log/* log */.R.warning(`No images matched '${inputs/* Input */.p.Files}'.`);
        const dryRun = settings.dryRun ? (0,presentation/* dryRunLine */.jj)(settings, sent.length) : undefined;
        if (dryRun)
            log/* log */.R.info(dryRun);
        const { skipped, deferred } = (0,state_results/* countByStatus */.x7)(results);
        if (skipped > 0 && !settings.dryRun) {
            log/* log */.R.info(`Skipped ${skipped} image(s) unchanged since their last upscale ('${inputs/* Input */.p.Force}: true' redoes them).`);
        }
        if (deferred > 0 && settings.selection.maxImages !== undefined) {
            log/* log */.R.notice(`Deferred ${deferred} image(s) past '${inputs/* Input */.p.MaxImages}' (${settings.selection.maxImages}); the next run takes them first.`);
        }
        const costs = (0,presentation/* costLine */.EK)(results);
        if (costs)
            log/* log */.R.info(costs);
        // Into the cache before publishing: if publishing fails, a re-run still pays nothing again.
        if (cache && jobManifest && manifestWritten)
            (0,action_cache/* reportCache */.N)(await (0,github_cache/* saveResults */.Iq)(cache, jobManifest.document));
        const manifest = manifestWritten ?? (restored?.kind === 'restored' ? settings.selection.manifest : undefined);
        const resultsFile = await (0,results_file/* writeResultsFile */.A)(results, process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)()).catch((error) => {
            log/* log */.R.warning(`Could not write the results file: ${error.message}`);
            return undefined;
        });
        // Publishing (artifact, gallery, commit) and the comment load only now: they are not on the way to the first upscale.
        const [{ publishingFailed, publishResults }, { commentOnPullRequest }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(685), __webpack_require__.e(392)]).then(__webpack_require__.bind(__webpack_require__, 35392)),
            __webpack_require__.e(/* import() */ 45).then(__webpack_require__.bind(__webpack_require__, 68045))
        ]);
        const published = await publishResults(settings, results, manifest, github, resultsFile);
        (0,handover/* markPublished */.Oj)();
        const outcome = {
            results,
            ...published,
            dryRun,
            resultsFile
        };
        setOutputs(outcome);
        if (process.env.GITHUB_STEP_SUMMARY)
            await writeSummary(outcome);
        await commentOnPullRequest(settings, outcome, github, process.env);
        annotations.summarise();
        const { failed } = (0,state_results/* countByStatus */.x7)(results);
        // Only now, with the outputs and the summary in place: a later step still finds every result.
        if (published.failures?.length)
            log/* log */.R.fail(publishingFailed(published.failures));
        if (failed > 0 && settings.failOnError) {
            log/* log */.R.fail(`${failed} of ${results.length} image(s) failed; see the log above.`);
        }
    }
    catch (error) {
        annotations.summarise();
        log/* log */.R.fail(error instanceof Error ? error.message : String(error));
    }
    finally {
        stopListening();
    }
}


/***/ }),

/***/ 42865:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iq: () => (/* binding */ saveResults),
/* harmony export */   Xr: () => (/* binding */ cacheKeys),
/* harmony export */   jR: () => (/* binding */ restoreResults)
/* harmony export */ });
/* unused harmony export CACHE_FOLDER */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _state_manifest_document_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91552);
/* harmony import */ var _text_canonical_json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(21024);





/**
 * The results and the manifest travel between runs in the Actions cache, staged in this folder of the workspace.
 * A path relative to the workspace: the cache matches entries by the paths they were saved with, and the
 * workspace's absolute path differs from runner to runner.
 */
const CACHE_FOLDER = '.ideogram-upscale-cache';
const STAGED_MANIFEST = 'manifest.json';
const STAGED_FILES = 'files';
/**
 * Keys for the results made with one set of settings: every run with the same settings (a re-run, a later push,
 * a scheduled scan) finds the newest entry by prefix; other settings have another prefix, so their results are
 * never even restored (the manifest's per-source check would refuse them anyway).
 */
function cacheKeys(settings, env) {
    const scope = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update((0,_text_canonical_json_js__WEBPACK_IMPORTED_MODULE_4__/* .canonical */ .$)(settings)).digest('hex').slice(0, 16);
    const prefix = `ideogram-upscale-${scope}-`;
    return { key: `${prefix}${env.GITHUB_RUN_ID ?? 'run'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`, restoreKeys: [prefix] };
}
/** Whether the runner offers the cache to this step; `undefined` when it does, else why not. */
async function unavailable(workspace) {
    const none = 'the runner offers no Actions cache to this step';
    // The client needs one of these services' URLs: without both, it is not loaded (2 MB of code) just to say so.
    if (!process.env.ACTIONS_CACHE_URL && !process.env.ACTIONS_RESULTS_URL)
        return none;
    const { isFeatureAvailable } = await Promise.all(/* import() */[__webpack_require__.e(581), __webpack_require__.e(30), __webpack_require__.e(693)]).then(__webpack_require__.bind(__webpack_require__, 1693));
    if (!isFeatureAvailable())
        return none;
    // The cache client finds the paths to save from the working directory.
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(process.cwd()) !== (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace))
        return 'the step does not run in the workspace';
    return undefined;
}
/** A hard link (nothing copied), or a copy across file systems; never over an existing file. */
async function place(from, to) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(to), { recursive: true });
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(from, to).catch(async (error) => {
            if (error.code !== 'EXDEV')
                throw error;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.copyFile)(from, to, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.COPYFILE_EXCL);
        });
        return true;
    }
    catch (error) {
        // Already there (never ours to overwrite), or not in the staged files.
        if (['EEXIST', 'ENOENT'].includes(error.code ?? ''))
            return false;
        throw error;
    }
}
function reason(error) {
    return error instanceof Error ? error.message : String(error);
}
/**
 * Restores the newest cached results made with these settings: the entries the workspace's manifest (as loaded
 * for the run) lacks are taken over, and their results placed where they were written (never over an existing
 * file); the manifest is saved. The cache client reports its own failures as warnings; nothing here throws.
 */
async function restoreResults(request, manifest) {
    const why = await unavailable(request.workspace);
    if (why)
        return { kind: 'unavailable', reason: why };
    const staging = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.workspace, CACHE_FOLDER);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(staging, { recursive: true, force: true });
        const { restoreCache } = await Promise.all(/* import() */[__webpack_require__.e(581), __webpack_require__.e(30), __webpack_require__.e(693)]).then(__webpack_require__.bind(__webpack_require__, 1693));
        const key = await restoreCache([CACHE_FOLDER], request.keys.key, [...request.keys.restoreKeys]);
        if (key === undefined)
            return { kind: 'missed' };
        const cached = (0,_state_manifest_document_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, STAGED_MANIFEST), 'utf8'), `${CACHE_FOLDER}/${STAGED_MANIFEST}`);
        manifest.assertRead();
        let files = 0;
        for (const entry of manifest.lacking(cached).values()) {
            for (const output of entry.outputs) {
                if (await place((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, STAGED_FILES, output.path), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.workspace, output.path)))
                    files++;
            }
        }
        // Taken in once their results are in place: a restore that fails part-way leaves the run's manifest as it was.
        const adopted = manifest.adopt(cached);
        if (manifest.hasChanges)
            await manifest.save();
        return { kind: 'restored', key, sources: adopted.size, files };
    }
    catch (error) {
        return { kind: 'failed', reason: reason(error) };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(staging, { recursive: true, force: true });
    }
}
/** Saves the manifest's document and every result it names that is on disk as this run's cache entry. Never throws. */
async function saveResults(request, document) {
    const why = await unavailable(request.workspace);
    if (why)
        return { kind: 'unavailable', reason: why };
    const staging = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.workspace, CACHE_FOLDER);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(staging, { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(staging, { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, STAGED_MANIFEST), JSON.stringify(document));
        let files = 0;
        for (const entry of Object.values(document.sources)) {
            for (const output of entry.outputs) {
                if (await place((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(request.workspace, output.path), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, STAGED_FILES, output.path)))
                    files++;
            }
        }
        const { saveCache } = await Promise.all(/* import() */[__webpack_require__.e(581), __webpack_require__.e(30), __webpack_require__.e(693)]).then(__webpack_require__.bind(__webpack_require__, 1693));
        const id = await saveCache([CACHE_FOLDER], request.keys.key);
        return id > 0
            ? { kind: 'saved', key: request.keys.key, files }
            : { kind: 'failed', reason: 'see the warning above' };
    }
    catch (error) {
        return { kind: 'failed', reason: reason(error) };
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(staging, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 96584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ lazyGitHub)
/* harmony export */ });
/* unused harmony export createGitHubClient */
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85015);

function lazyGitHub(token, env) {
    let made;
    return () => (made ??= (async () => ({ client: await createGitHubClient(token), context: await (0,_event_js__WEBPACK_IMPORTED_MODULE_0__/* .readRunContext */ .$)(env) }))());
}
/**
 * Octokit for the repository's API (GITHUB_API_URL, as on GitHub Enterprise). Loaded only when a run needs
 * GitHub, to keep start-up fast for the runs that don't.
 */
async function createGitHubClient(token) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    return getOctokit(token);
}


/***/ }),

/***/ 85015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext),
/* harmony export */   O: () => (/* binding */ defaultBranch)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);

const ZERO_SHA = /^0+$/;
function branchOf(ref) {
    return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
/** Reads the repository and the event the way the runner hands them over (environment and event file). */
async function readRunContext(env) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
        throw new Error('GITHUB_REPOSITORY is not set (owner/name); is this running in GitHub Actions?');
    const payload = env.GITHUB_EVENT_PATH
        ? JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(env.GITHUB_EVENT_PATH, 'utf8'))
        : {};
    const name = env.GITHUB_EVENT_NAME ?? '';
    const branch = branchOf(env.GITHUB_REF);
    if (name === 'push' && payload.before && payload.after) {
        const noBase = Boolean(payload.created || payload.forced) || ZERO_SHA.test(payload.before);
        return { owner, repo, event: { kind: 'push', branch, before: payload.before, after: payload.after, noBase } };
    }
    const pr = payload.pull_request;
    if ((name === 'pull_request' || name === 'pull_request_target') && pr?.number && pr.head?.ref) {
        const headRepo = pr.head.repo?.full_name ?? '';
        return { owner, repo, event: { kind: 'pull_request', number: pr.number, headRef: pr.head.ref, headRepo } };
    }
    return { owner, repo, event: { kind: 'other', name, branch } };
}
/** Where results are committed unless `branch` says otherwise: the pushed branch or the pull request's head. */
function defaultBranch(event) {
    return event.kind === 'pull_request' ? event.headRef : event.branch;
}


/***/ }),

/***/ 46472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ log)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _text_printable_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38572);
/* harmony import */ var _text_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99690);



/** One line as shown: no secret, nothing a runner would act on. */
function shown(line) {
    return (0,_text_printable_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g)((0,_text_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(line));
}
/**
 * The action's log. Every line goes through `printable`, so no file name or API message can become a workflow
 * command or split a line, and through `redact`, a last guard for secrets in library errors (network text is
 * redacted where it enters our errors). The rest of the code logs only through here (ESLint keeps it so).
 */
const log = {
    info(line) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(shown(line));
    },
    /** An annotation; `file` ties it to a source (the runner escapes properties itself). */
    warning(line, file) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(shown(line), file === undefined ? {} : { file });
    },
    notice(line, file) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(shown(line), file === undefined ? {} : { file });
    },
    error(line, file) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(shown(line), file === undefined ? {} : { file });
    },
    group(title, lines) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(shown(title));
        // One write for the whole list, redacted at once (NUL is in no name nor secret): 10,000 writes of a line,
        // each redacted on its own, cost more than the listing itself.
        if (lines.length > 0)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_text_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(lines.join('\0')).split('\0').map(_text_printable_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g).join('\n'));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    },
    /** Fails the step with one error line. */
    fail(line) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(shown(line));
    }
};


/***/ }),

/***/ 89047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ writeResultsFile),
/* harmony export */   G: () => (/* binding */ RESULTS_FILE_NAME)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _fs_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5105);
/* harmony import */ var _state_results_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22639);




/** The name the results document has in the artifact. */
const RESULTS_FILE_NAME = 'results.json';
/**
 * Writes the whole results document, whatever its size, into a folder of its own under `directory` (the runner's
 * RUNNER_TEMP, which later steps of the job can read and which is cleaned after it). Returns the file's path.
 */
async function writeResultsFile(results, directory) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(directory, 'ideogram-upscale-')), RESULTS_FILE_NAME);
    await (0,_fs_atomic_file_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomically */ .lo)(path, JSON.stringify((0,_state_results_js__WEBPACK_IMPORTED_MODULE_3__/* .resultsDocument */ .UL)(results)));
    return path;
}


/***/ })

};
