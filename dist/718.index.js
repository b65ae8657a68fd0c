export const id = 718;
export const ids = [718,392];
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

/***/ 27718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishWhatWasLeft: () => (/* binding */ publishWhatWasLeft)
/* harmony export */ });
/* harmony import */ var _report_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46472);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33838);
/* harmony import */ var _handover_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7083);
/* harmony import */ var _github_cache_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42865);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96584);
/* harmony import */ var _cache_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(68884);
/* harmony import */ var _state_manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(14166);
/* harmony import */ var _github_publish_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(35392);
/* harmony import */ var _settings_settings_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(83227);









/** The sources the manifest says were finished since `since`, as results to publish. */
function finishedSince(document, since) {
    return Object.entries(document.sources)
        .filter(([, entry]) => Date.parse(entry.upscaledAt) >= since.getTime())
        .map(([source, entry]) => ({
        source,
        status: entry.status,
        outputs: entry.outputs.map(output => ({ ...output, prompt: null }))
    }));
}
/**
 * The post step: when the main step stopped before publishing (cancelled, timed out, crashed), publishes what it
 * finished (the results its manifest records since it started, and the manifest) as the main step would have:
 * into the cache, and as the artifact or the commit. After a main step that published, it does nothing.
 */
async function publishWhatWasLeft() {
    const since = (0,_handover_js__WEBPACK_IMPORTED_MODULE_2__/* .unpublishedSince */ .SV)();
    if (!since)
        return;
    try {
        const settings = (0,_settings_settings_js__WEBPACK_IMPORTED_MODULE_8__/* .readSettings */ .sb)(name => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4(name), process.env.GITHUB_WORKSPACE ?? process.cwd());
        const { manifest: manifestPath } = settings.selection;
        if (!manifestPath || settings.dryRun) {
            _report_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.warning('The upscale step stopped before publishing, and no manifest records what it finished.');
            return;
        }
        const manifest = await _state_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .Manifest */ ._.load(settings.workspace, manifestPath);
        if (manifest.hasChanges)
            await manifest.save();
        const { document } = manifest;
        const results = finishedSince(document, since);
        _report_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.info(`The upscale step stopped before publishing: publishing the ${results.length} source(s) it finished.`);
        if (results.length === 0)
            return;
        const cache = (0,_cache_js__WEBPACK_IMPORTED_MODULE_5__/* .cacheRequest */ .Q)(settings);
        if (cache)
            (0,_cache_js__WEBPACK_IMPORTED_MODULE_5__/* .reportCache */ .N)(await (0,_github_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .saveResults */ .Iq)(cache, document));
        const { failures } = await (0,_github_publish_js__WEBPACK_IMPORTED_MODULE_7__.publishResults)(settings, results, manifestPath, (0,_github_client_js__WEBPACK_IMPORTED_MODULE_4__/* .lazyGitHub */ .e)(settings.publishing.commit.token, process.env));
        if (failures?.length)
            _report_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.fail((0,_github_publish_js__WEBPACK_IMPORTED_MODULE_7__.publishingFailed)(failures));
    }
    catch (error) {
        _report_log_js__WEBPACK_IMPORTED_MODULE_0__/* .log */ .R.fail(`Publishing what the upscale step finished failed: ${error instanceof Error ? error.message : String(error)}`);
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

/***/ 89238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ githubRule),
/* harmony export */   z: () => (/* binding */ commitFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _async_map_limited_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9657);
/* harmony import */ var _async_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32890);
/* harmony import */ var _text_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99690);





/** Blobs created at once: GitHub's secondary rate limits punish bursts of content-creating requests. */
const BLOB_PARALLELISM = 4;
/** Times to rebuild the commit on a branch that moved meanwhile. */
const MAX_RACES = 5;
function isSecondaryRateLimit(error) {
    return error.status === 429 || (error.status === 403 && /rate limit/i.test(error.message ?? ''));
}
/** GitHub's rule: wait out rate limits as told (`retry-after`), resend on server errors. */
function githubRule(error) {
    const http = error;
    if (isSecondaryRateLimit(http)) {
        return { budget: 'rate-limit', retryAfterMs: (0,_async_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .mu)(http.response?.headers ?? {}) ?? 60_000 };
    }
    if (http.status !== undefined && http.status >= 500)
        return { budget: 'errors' };
    return undefined;
}
function refusal(error) {
    const http = error;
    if ((http.status === 403 && !isSecondaryRateLimit(http)) || http.status === 401 || http.status === 404) {
        return `GitHub refused the write (HTTP ${http.status}: ${(0,_text_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(http.message ?? 'no message')})`;
    }
    return undefined;
}
/**
 * Commits the files to the branch through the Git Data API — blobs, one tree on the head's tree, one commit —
 * and moves the branch without force. No git binary or checkout needed. With no author given, GitHub authors
 * the commit and signs it when the token is the workflow's. If the branch moves meanwhile, the commit is rebuilt
 * on the new head; it never forces.
 */
async function commitFiles(github, request, retry) {
    const { owner, repo, branch } = request;
    const call = (fn) => (0,_async_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetries */ .LH)(fn, retry, githubRule);
    try {
        const blobs = await (0,_async_map_limited_js__WEBPACK_IMPORTED_MODULE_4__/* .mapLimited */ .bB)(request.files, BLOB_PARALLELISM, async (path) => {
            const content = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(request.workspace, path))).toString('base64');
            const { data } = await call(() => github.rest.git.createBlob({ owner, repo, content, encoding: 'base64' }));
            return { path, mode: '100644', type: 'blob', sha: data.sha };
        });
        const identity = request.author ? { author: request.author, committer: request.author } : {};
        for (let race = 0;; race++) {
            const head = await call(() => github.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }));
            const parent = head.data.object.sha;
            const base = await call(() => github.rest.git.getCommit({ owner, repo, commit_sha: parent }));
            const tree = await call(() => github.rest.git.createTree({ owner, repo, base_tree: base.data.tree.sha, tree: blobs }));
            const commit = await call(() => github.rest.git.createCommit({
                owner,
                repo,
                message: request.message,
                tree: tree.data.sha,
                parents: [parent],
                ...identity
            }));
            try {
                await github.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.data.sha, force: false });
                return { kind: 'committed', sha: commit.data.sha, branch };
            }
            catch (error) {
                // 422 "not a fast forward": someone pushed meanwhile; build again on their commit.
                if (error.status !== 422 || race + 1 >= MAX_RACES)
                    throw error;
            }
        }
    }
    catch (error) {
        const reason = refusal(error);
        if (reason)
            return { kind: 'refused', reason };
        throw error;
    }
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

/***/ 35392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commitMessage: () => (/* binding */ commitMessage),
  commitTarget: () => (/* binding */ commitTarget),
  publishResults: () => (/* binding */ publishResults),
  publishingFailed: () => (/* binding */ publishingFailed)
});

// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(46472);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(85015);
// EXTERNAL MODULE: ./src/async/retry.ts
var retry = __webpack_require__(32890);
// EXTERNAL MODULE: ./src/inputs/inputs.ts
var inputs = __webpack_require__(18028);
// EXTERNAL MODULE: ./src/text/secrets.ts
var secrets = __webpack_require__(99690);
// EXTERNAL MODULE: ./src/state/results.ts
var state_results = __webpack_require__(22639);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/report/gallery/index.ts + 2 modules
var gallery = __webpack_require__(21685);
// EXTERNAL MODULE: ./src/report/results-file.ts
var results_file = __webpack_require__(89047);
// EXTERNAL MODULE: ./src/fs/stored-names.ts
var stored_names = __webpack_require__(9261);
;// CONCATENATED MODULE: ./src/github/artifact.ts






/**
 * Characters the artifact service refuses in a file's path: @actions/artifact checks for them before it uploads
 * anything (validateFilePath), and one such path fails the whole artifact.
 */
const REFUSED = /[":<>|*?\r\n]/;
/**
 * The path a file has inside the artifact: its workspace path, or, when the artifact service would refuse that,
 * the same with each refused character and each `%` percent-encoded (`a:b.png` → `a%3Ab.png`), so that decoding it
 * (`decodeURIComponent`) gives back the path the manifest and the results record.
 */
function artifactPath(path) {
    if (!REFUSED.test(path))
        return path;
    return path.replace(/[":<>|*?\r\n%]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
/**
 * Puts each file in the staging folder at its artifact path. One that cannot go in (it vanished, or its encoded
 * name is another file's) is left out with its reason, never failing the rest. Returns where each file went in.
 */
async function stage(workspace, staging, files) {
    const names = new stored_names/* StoredNames */.y(artifactPath);
    const leftOut = [];
    for (const path of files) {
        try {
            const placing = await names.place(path, storedAs => place((0,external_node_path_.join)(workspace, path), (0,external_node_path_.join)(staging, storedAs)));
            if (placing.taken) {
                leftOut.push({ path, reason: `its name in the artifact, ${placing.storedAs}, is another file's` });
            }
        }
        catch (error) {
            leftOut.push({ path, reason: `it could not be read (${error.message})` });
        }
    }
    return { placed: names.placed, leftOut };
}
/** A hard link costs nothing; across file systems, a copy. */
async function place(from, to) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(to), { recursive: true });
    await (0,promises_.link)(from, to).catch(() => (0,promises_.copyFile)(from, to));
}
async function listFiles(dir) {
    const entries = await (0,promises_.readdir)(dir, { recursive: true, withFileTypes: true });
    return entries.filter(entry => entry.isFile()).map(entry => (0,external_node_path_.join)(entry.parentPath, entry.name));
}
/**
 * Uploads the results, with a before/after gallery (`gallery/index.html` and copies of the originals), as one
 * workflow artifact. The artifact is assembled in a staging folder, so the gallery never lands in the workspace
 * (where it could overwrite a folder of the user's or be committed). The artifact client is loaded only when
 * used: it is a large part of the bundle and of its start-up cost.
 */
async function uploadArtifact(request, env) {
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)(env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'upscaled-artifact-'));
    try {
        const { placed, leftOut } = await stage(request.workspace, staging, request.files);
        // The gallery links what went in, where it went: never a left-out file's name that another file holds.
        await (0,gallery/* writeGallery */.Q)((0,external_node_path_.join)(staging, 'gallery'), request.workspace, request.results, {
            resultsRoot: staging,
            storedAs: path => placed.get(path),
            originalAs: artifactPath
        });
        if (request.resultsFile && !request.files.includes(results_file/* RESULTS_FILE_NAME */.G)) {
            await place(request.resultsFile, (0,external_node_path_.join)(staging, results_file/* RESULTS_FILE_NAME */.G));
        }
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(30), __webpack_require__.e(351), __webpack_require__.e(935)]).then(__webpack_require__.bind(__webpack_require__, 77935));
        const { id } = await new DefaultArtifactClient().uploadArtifact(request.name, await listFiles(staging), staging, 
        // Images are already compressed: zipping them again costs time and saves nothing.
        { compressionLevel: 0, ...(request.retentionDays === undefined ? {} : { retentionDays: request.retentionDays }) });
        if (id === undefined)
            throw new Error(`The artifact service did not return an id for '${request.name}'`);
        const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
        const url = repo && run ? `${server}/${repo}/actions/runs/${run}/artifacts/${id}` : undefined;
        const renamed = [...placed]
            .filter(([path, storedAs]) => storedAs !== path)
            .map(([path, storedAs]) => ({ path, storedAs }));
        return { id, url, renamed, leftOut };
    }
    finally {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/report/presentation.ts
var presentation = __webpack_require__(5760);
// EXTERNAL MODULE: ./src/fs/regular-file.ts
var regular_file = __webpack_require__(65650);
;// CONCATENATED MODULE: ./src/github/gitattributes.ts


/** git's wildmatch for one pattern, as a regular expression over a path relative to the file's folder. */
function patternRegExp(pattern) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (pattern.startsWith('**/', i)) {
            source += '(?:.*/)?';
            i += 2;
        }
        else if (pattern.startsWith('/**', i) && i + 3 === pattern.length) {
            source += '/.*';
            i += 2;
        }
        else if (c === '*')
            source += '[^/]*';
        else if (c === '?')
            source += '[^/]';
        else if (c === '[') {
            const end = pattern.indexOf(']', i + 2);
            if (end < 0)
                source += '\\[';
            else {
                source += `[${pattern
                    .slice(i + 1, end)
                    .replace(/^!/, '^')
                    .replace(/\\/g, '\\\\')}]`;
                i = end;
            }
        }
        else if (c === '\\' && i + 1 < pattern.length)
            source += `\\${pattern[++i]}`;
        else
            source += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}
/** An attribute as git reads one: set, `-unset`, `!unspecified` or `name=value`. */
const ATTRIBUTE = /^[-!]?[A-Za-z0-9_.][-A-Za-z0-9_.]*(=\S*)?$/;
/** The rules of one .gitattributes text that say anything about `filter`; `dir` is its folder ('' at the root). */
function parseGitAttributes(text, dir) {
    const rules = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('[attr]'))
            continue;
        const [pattern = '', ...attributes] = line.split(/\s+/);
        // git drops a whole line that names an attribute it cannot parse.
        if (!attributes.every(attribute => ATTRIBUTE.test(attribute)))
            continue;
        const filter = attributes.filter(a => /^[-!]?filter(=|$)/.test(a)).at(-1);
        if (filter === undefined)
            continue;
        // A pattern without a slash matches a name at any depth below its folder; with one, the path from its folder.
        const anchored = pattern.replace(/\/$/, '').includes('/');
        const expression = patternRegExp(anchored ? pattern.replace(/^\//, '') : pattern);
        rules.push({
            lfs: filter === 'filter=lfs',
            matches: path => {
                if (dir !== '' && !path.startsWith(`${dir}/`))
                    return false;
                const relative = dir === '' ? path : path.slice(dir.length + 1);
                return expression.test(anchored ? relative : external_node_path_.posix.basename(relative));
            }
        });
    }
    return rules;
}
/** The folders from the root down to a path's own: where the .gitattributes files that govern it live. */
function foldersOf(path) {
    const parts = path.split('/').slice(0, -1);
    return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}
/**
 * The paths (workspace-relative, `/`) that the workspace's .gitattributes files route to Git LFS: the last rule
 * that mentions `filter` wins, deeper files over shallower ones, as in git.
 */
async function lfsPaths(workspace, paths) {
    const cache = new Map();
    const rulesIn = (dir) => {
        let rules = cache.get(dir);
        if (!rules) {
            // Only a file: a .gitattributes link to /dev/zero would never end the read.
            rules = (0,regular_file/* readRegularFile */.XF)((0,external_node_path_.join)(workspace, dir, '.gitattributes')).then(bytes => parseGitAttributes(bytes.toString('utf8'), dir), () => []);
            cache.set(dir, rules);
        }
        return rules;
    };
    const routed = new Set();
    for (const path of paths) {
        const rules = (await Promise.all(foldersOf(path).map(rulesIn))).flat();
        const last = rules.filter(rule => rule.matches(path)).at(-1);
        if (last?.lfs)
            routed.add(path);
    }
    return routed;
}

;// CONCATENATED MODULE: ./src/github/commit-guards.ts





/** GitHub refuses a file over 100 MiB in a repository ... */
const BLOB_LIMIT = 100 * 1024 * 1024;
/** ... and warns about one over 50 MiB. */
const BLOB_WARNING = 50 * 1024 * 1024;
/**
 * Sorts the files of a commit into those GitHub and the repository will take and those they will not: a file over
 * GitHub's 100 MiB limit, or one that .gitattributes routes to Git LFS (the API would store its raw bytes where
 * git expects a pointer, breaking checkouts) unless `acceptLfs`.
 */
async function selectCommittable(workspace, files, acceptLfs) {
    const routed = acceptLfs ? new Set() : await lfsPaths(workspace, files);
    const commit = [];
    const held = [];
    const warnings = [];
    for (const path of files) {
        const { size } = await (0,promises_.stat)((0,external_node_path_.join)(workspace, path));
        if (size > BLOB_LIMIT) {
            held.push({ path, reason: `it is ${(0,presentation/* formatBytes */.z3)(size)}, over GitHub's 100 MB limit for a file in a repository` });
        }
        else if (routed.has(path)) {
            held.push({
                path,
                reason: `.gitattributes routes it to Git LFS, and committing its bytes through GitHub's API would break the repository's LFS setup ('${inputs/* Input */.p.CommitLfsPaths}: true' commits it anyway)`
            });
        }
        else {
            if (size > BLOB_WARNING)
                warnings.push(`${path} is ${(0,presentation/* formatBytes */.z3)(size)}; GitHub warns about files over 50 MB in a repository.`);
            commit.push(path);
        }
    }
    return { commit, held, warnings };
}

// EXTERNAL MODULE: ./src/github/commit.ts
var github_commit = __webpack_require__(89238);
;// CONCATENATED MODULE: ./src/github/publish.ts









/** The step's failure when publishing failed in part: what failed, and where the results still are. */
function publishingFailed(failures) {
    return `Publishing failed: ${failures.join('; ')}. The results are in the workspace, the outputs and the summary.`;
}
/** Names shown in one warning at most; the log's group lists them all. */
const NAMES_IN_A_WARNING = 5;
/** What the artifact holds under other names, and what it lacks, told in the log. */
function reportArtifactNames(name, artifact) {
    const { renamed, leftOut } = artifact;
    if (renamed.length > 0) {
        const lines = renamed.map(({ path, storedAs }) => `${path} → ${storedAs}`);
        const more = renamed.length > NAMES_IN_A_WARNING ? `, and ${renamed.length - NAMES_IN_A_WARNING} more` : '';
        log/* log */.R.warning(`${renamed.length} file(s) are in the artifact '${name}' under a percent-encoded name, because the artifact service refuses " : < > | * ? and line breaks in names (decoding the name gives the path; the gallery and the summary show both): ${lines.slice(0, NAMES_IN_A_WARNING).join(', ')}${more}.`);
        log/* log */.R.group(`Stored under another name in the artifact (${renamed.length})`, lines);
    }
    for (const { path, reason } of leftOut)
        log/* log */.R.warning(`Left out of the artifact '${name}': ${path}: ${reason}.`);
}
/** The commit message: the user's subject, then how many images it adds and from which sources. */
function commitMessage(subject, results, manifest) {
    const upscaled = results.filter(result => result.status === 'upscaled');
    const images = upscaled.reduce((sum, result) => sum + result.outputs.length, 0);
    const lines = upscaled
        .slice(0, 50)
        .map(result => `- ${result.source} → ${result.outputs.map(o => o.path).join(', ')}`);
    if (upscaled.length > 50)
        lines.push(`- … and ${upscaled.length - 50} more`);
    const tail = manifest ? `\n\nManifest: ${manifest}` : '';
    return `${subject}\n\nAdds ${images} upscaled image(s) from ${upscaled.length} source(s):\n${lines.join('\n')}${tail}`;
}
/** The branch to commit to on this run, or why results cannot be committed at all, before trying. */
function commitTarget(settings, context) {
    const { event } = context;
    if (event.kind === 'pull_request' && event.headRepo !== `${context.owner}/${context.repo}`) {
        return {
            refused: `the pull request comes from the fork ${event.headRepo || '(deleted)'}, which this workflow's token cannot push to`
        };
    }
    const branch = settings.publishing.commit.branch ?? (0,github_event/* defaultBranch */.O)(event);
    if (!branch) {
        return {
            refused: `this ${event.kind === 'other' ? event.name || 'manual' : event.kind} run is not on a branch; set '${inputs/* Input */.p.Branch}'`
        };
    }
    return { branch };
}
/**
 * Hands the results over as the user asked: a commit on the branch, an artifact, or both. A commit that cannot
 * be made (a fork's pull request, a read-only token) is not a failure: the results go to the artifact instead,
 * with a warning saying why.
 */
async function publishResults(settings, results, manifest, github, 
/** The whole results document, added to the artifact. */
resultsFile) {
    if (settings.dryRun || settings.publishing.mode === 'none')
        return {};
    let wantArtifact = settings.publishing.mode === 'artifact' || settings.publishing.mode === 'both';
    const withManifest = (files) => (manifest ? [...files, manifest] : files);
    // A commit adds what this run wrote; an artifact holds every result of the run's sources, also those done
    // before (restored from the cache), so that a re-run that pays nothing still hands over everything.
    // A manifest that only took in what the branch or the cache already had is not worth a commit of its own.
    const produced = results.some(result => result.status === 'upscaled' || result.status === 'unsafe');
    const written = produced ? withManifest((0,state_results/* writtenFiles */.$m)(results)) : [];
    const everything = withManifest(results.flatMap(result => result.outputs.map(output => output.path)));
    if (written.length === 0 && !(wantArtifact && everything.length > 0)) {
        log/* log */.R.info('Nothing new to publish.');
        return {};
    }
    let commit;
    const failures = [];
    // What a commit must not take (over GitHub's file limit, routed to LFS) goes to the artifact instead.
    let held = [];
    if ((settings.publishing.mode === 'commit' || settings.publishing.mode === 'both') && written.length > 0) {
        const selection = await selectCommittable(settings.workspace, written, settings.publishing.commit.acceptLfs);
        for (const warning of selection.warnings)
            log/* log */.R.warning(warning);
        for (const { path, reason } of selection.held) {
            log/* log */.R.warning(`Not committing ${path}: ${reason}. It goes to the artifact '${settings.publishing.artifactName}' instead.`);
        }
        held = selection.held.map(({ path }) => path);
        let outcome;
        try {
            const { client, context } = await github();
            const target = commitTarget(settings, context);
            outcome =
                selection.commit.length === 0
                    ? { kind: 'refused', reason: 'none of the files can be committed' }
                    : 'branch' in target
                        ? await (0,github_commit/* commitFiles */.z)(client, {
                            owner: context.owner,
                            repo: context.repo,
                            branch: target.branch,
                            workspace: settings.workspace,
                            files: selection.commit,
                            message: commitMessage(settings.publishing.commit.message, results, manifest),
                            author: settings.publishing.commit.author
                        }, (0,retry/* defaultRetryPolicy */.ur)({ maxRetries: settings.transport.maxRetries }))
                        : { kind: 'refused', reason: target.refused };
        }
        catch (error) {
            // Paid work is never lost to a failed commit: it goes to the artifact, and the step fails at the end.
            failures.push(`the commit failed: ${(0,secrets/* redact */.E$)(error.message)}`);
            outcome = { kind: 'refused', reason: `the commit failed (${error.message})` };
        }
        if (outcome.kind === 'committed') {
            commit = { sha: outcome.sha, branch: outcome.branch, files: selection.commit.length };
            log/* log */.R.info(`Committed ${selection.commit.length} file(s) to ${outcome.branch} as ${outcome.sha}.`);
        }
        else {
            log/* log */.R.warning(`Not committing the results: ${outcome.reason}. Uploading them as an artifact instead.`);
            wantArtifact = true;
        }
    }
    const artifactFiles = wantArtifact ? everything : held;
    let artifact;
    if (artifactFiles.length > 0) {
        const inArtifact = new Set(artifactFiles);
        const name = settings.publishing.artifactName;
        artifact = await uploadArtifact({
            name: settings.publishing.artifactName,
            workspace: settings.workspace,
            files: artifactFiles,
            results: results.filter(result => wantArtifact
                ? result.outputs.length > 0 || result.status !== 'skipped'
                : result.outputs.some(output => inArtifact.has(output.path))),
            resultsFile,
            retentionDays: settings.publishing.retentionDays
        }, process.env).catch((error) => {
            failures.push(`the artifact '${name}' could not be uploaded: ${(0,secrets/* redact */.E$)(error.message)}`);
            return undefined;
        });
        if (artifact) {
            reportArtifactNames(name, artifact);
            const files = artifactFiles.length - artifact.leftOut.length;
            log/* log */.R.info(`Uploaded ${files} file(s)${resultsFile ? ', the results document (results.json)' : ''} and a before/after gallery (gallery/index.html) as artifact '${name}' (id ${artifact.id}).`);
        }
    }
    return { artifact, commit, failures };
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
