export const id = 45;
export const ids = [45];
export const modules = {

/***/ 68045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentMarker: () => (/* binding */ commentMarker),
  commentOnPullRequest: () => (/* binding */ commentOnPullRequest),
  upsertComment: () => (/* binding */ upsertComment)
});

// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(46472);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/imaging/image-file.ts
var image_file = __webpack_require__(64002);
// EXTERNAL MODULE: ./src/inputs/inputs.ts
var inputs = __webpack_require__(18028);
// EXTERNAL MODULE: ./src/github/commit.ts
var commit = __webpack_require__(89238);
// EXTERNAL MODULE: ./src/async/retry.ts
var async_retry = __webpack_require__(32890);
// EXTERNAL MODULE: ./src/text/money.ts
var money = __webpack_require__(83059);
// EXTERNAL MODULE: ./src/report/presentation.ts
var presentation = __webpack_require__(5760);
;// CONCATENATED MODULE: ./src/report/comment-body.ts


/** GitHub refuses a comment body longer than this many characters. */
const COMMENT_LIMIT = 65_536;
/** Rows the table shows at most, however short: past this a comment is scrolled, not read. */
const COMMENT_ROWS = 200;
/** Rows with before/after thumbnails: each loads two full-size images in the reader's browser. */
const THUMBNAIL_ROWS = 20;
function resolution(dimensions) {
    return dimensions ? `${dimensions.width}×${dimensions.height}` : '—';
}
function change(before, after) {
    return after === undefined ? before : `${before} → ${after}`;
}
/** A file at the commit, each path segment percent-encoded: `blob` is its page, `raw` its bytes. */
function atCommit(links, kind, path) {
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return `${links.repository}/${kind}/${links.commit?.sha ?? ''}/${encoded}`;
}
function thumbnail(links, path, alt) {
    return `<a href="${atCommit(links, 'blob', path)}"><img src="${atCommit(links, 'raw', path)}" height="64" alt="${alt}"></a>`;
}
function formatOf(path, facts) {
    const dot = path.lastIndexOf('.');
    return (facts?.format ?? (dot < 0 ? '—' : path.slice(dot + 1))).toUpperCase();
}
/** What this run paid for the source as Ideogram billed it, else what it was quoted; nothing when neither is known. */
function cost({ spentUsdMicros, quote }) {
    if (spentUsdMicros !== undefined)
        return (0,money/* formatUsd */.UK)(spentUsdMicros);
    if (!quote)
        return '—';
    return `${quote.qualifier === 'exact' ? '' : 'about '}${(0,money/* formatUsd */.UK)(quote.usdMicros)} quoted`;
}
const costKnown = (result) => result.spentUsdMicros !== undefined || result.quote !== undefined;
function row(result, facts, links, { thumbnails, costs }) {
    const output = result.outputs[0];
    const more = result.outputs.length > 1 ? ` (+${result.outputs.length - 1})` : '';
    const why = result.error && result.status !== 'upscaled' ? `<br>${(0,presentation/* markdownCode */.D9)(result.error.slice(0, 200))}` : '';
    const cells = [
        (0,presentation/* markdownCode */.D9)(result.source),
        `${presentation/* STATUS_LABEL */._P[result.status]}${why}`,
        change(resolution(facts.before?.dimensions), output && resolution(facts.after?.dimensions) + more),
        change((0,presentation/* formatBytes */.z3)(facts.before?.bytes), output && (0,presentation/* formatBytes */.z3)(facts.after?.bytes)),
        output ? formatOf(output.path, facts.after) : '—',
        ...(costs ? [cost(result)] : [])
    ];
    if (links.commit) {
        const pictures = [
            thumbnail(links, result.source, 'before'),
            ...(output ? [thumbnail(links, output.path, 'after')] : [])
        ];
        cells.unshift(thumbnails ? pictures.join(' ') : '');
    }
    return `| ${cells.join(' | ')} |`;
}
function where(links) {
    const lines = [];
    if (links.commit)
        lines.push(`Committed to ${(0,presentation/* markdownCode */.D9)(links.commit.branch)} as ${links.commit.sha.slice(0, 7)}.`);
    if (links.artifact) {
        const name = (0,presentation/* markdownCode */.D9)(links.artifact.name);
        const artifact = links.artifact.url ? `[artifact ${name}](${links.artifact.url})` : `artifact ${name}`;
        lines.push(`Results: ${artifact}; open \`gallery/index.html\` in it to compare each original with its result.`);
    }
    return lines.join(' ');
}
function restLine(rest, links) {
    const summary = links.run ? `[job summary](${links.run})` : 'job summary';
    const gallery = links.artifact ? " and the artifact's gallery" : '';
    return `…and ${rest.length} more (${(0,presentation/* presentCounts */.AH)(rest)}), left out to keep this comment within GitHub's limit: every source is in the ${summary}${gallery}.`;
}
/**
 * The pull request comment: counts, cost, where the results are, and a table of sources (failures first) with
 * resolution and size before → after, the format and the cost when known, thumbnails when the results were
 * committed. Never longer
 * than GitHub's limit: past a budget, the rest are counted in one line pointing to the summary and the artifact.
 */
async function renderComment(request) {
    const { results, links } = request;
    const sorted = (0,presentation/* byAttention */._p)(results);
    const head = [request.marker, '### Ideogram upscale', '', (0,presentation/* countsLine */.J7)(results)];
    const money = (0,presentation/* costLine */.EK)(results);
    if (money)
        head.push('', money);
    const pointer = where(links);
    if (pointer)
        head.push('', pointer);
    // A cost column only when Ideogram told a price: the local provider and the legacy endpoint report none.
    const costs = results.some(costKnown);
    const columns = ['Source', 'Status', 'Resolution', 'Size', 'Format', ...(costs ? ['Cost'] : [])];
    if (links.commit)
        columns.unshift('Before → after');
    const table = ['', `| ${columns.join(' | ')} |`, `|${' --- |'.repeat(columns.length)}`];
    const foot = links.run ? ['', `<sub>Updated by [this run](${links.run}).</sub>`] : [];
    const candidates = sorted.slice(0, COMMENT_ROWS);
    const rows = [];
    for (const [i, result] of candidates.entries()) {
        rows.push(row(result, await request.facts(result), links, { thumbnails: i < THUMBNAIL_ROWS, costs }));
    }
    // Room for everything but the rows, including the longest line that can count the rest.
    const fixed = [...head, ...table, ...foot, '', restLine(sorted, links)].join('\n').length;
    const shown = (0,presentation/* countFitting */.NJ)(rows, (request.limit ?? COMMENT_LIMIT) - fixed, line => line.length + 1);
    const rest = sorted.slice(shown);
    return [
        ...head,
        ...(shown > 0 ? [...table, ...rows.slice(0, shown)] : []),
        ...(rest.length > 0 ? ['', restLine(rest, links)] : []),
        ...foot
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/github/comment.ts







/**
 * The hidden first line that finds our comment again, one per workflow job, so two jobs using the action keep a
 * comment each. Only characters that cannot end an HTML comment.
 */
function commentMarker(env) {
    const job = `${env.GITHUB_WORKFLOW ?? ''}/${env.GITHUB_JOB ?? ''}`.replace(/[^\w ./-]/g, '_');
    return `<!-- ideogram-upscale-action comment: ${job} -->`;
}
/** Whether a run's results are worth a comment under `auto`: anything but sources already done. */
function worthReporting(results) {
    return results.some(result => result.status !== 'skipped');
}
/** Finds the comment carrying `marker` (paging through all of them) and updates it, or creates one. */
async function upsertComment(github, where, marker, body, retry) {
    const call = (fn) => (0,async_retry/* withRetries */.LH)(fn, retry, commit/* githubRule */.E);
    const { owner, repo, issue } = where;
    const comments = await call(() => github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 }));
    const ours = comments.find(comment => comment.body?.startsWith(marker));
    if (ours) {
        const { data } = await call(() => github.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body }));
        return { kind: 'updated', url: data.html_url };
    }
    const { data } = await call(() => github.rest.issues.createComment({ owner, repo, issue_number: issue, body }));
    return { kind: 'created', url: data.html_url };
}
/** The event names whose runs have a pull request to comment on. */
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
/**
 * Reports the run in its pull request: one comment, found again by its marker and updated in place. A comment is
 * never worth failing the run for: when GitHub refuses (a fork's read-only token, no `pull-requests: write`) or
 * cannot be reached, one warning says why and the run goes on.
 */
async function commentOnPullRequest(settings, outcome, github, env) {
    if (settings.publishing.comment === 'never' || !PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? ''))
        return;
    if (settings.publishing.comment === 'auto' && !worthReporting(outcome.results)) {
        log/* log */.R.info(`No pull request comment: nothing new to report ('${inputs/* Input */.p.Comment}: always' comments anyway).`);
        return;
    }
    if (!settings.publishing.commit.token) {
        log/* log */.R.info(`No pull request comment: there is no '${inputs/* Input */.p.GithubToken}'.`);
        return;
    }
    const { client, context } = await github();
    if (context.event.kind !== 'pull_request')
        return;
    const issue = context.event.number;
    const repository = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${context.owner}/${context.repo}`;
    const links = {
        repository,
        run: env.GITHUB_RUN_ID ? `${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
        ...(outcome.commit ? { commit: outcome.commit } : {}),
        ...(outcome.artifact ? { artifact: { name: settings.publishing.artifactName, url: outcome.artifact.url } } : {})
    };
    const marker = commentMarker(env);
    const body = await renderComment({
        marker,
        results: outcome.results,
        links,
        facts: async (result) => ({
            before: await (0,image_file/* probeImageFile */.k)((0,external_node_path_.join)(settings.workspace, result.source)),
            after: result.outputs[0] && (await (0,image_file/* probeImageFile */.k)((0,external_node_path_.join)(settings.workspace, result.outputs[0].path)))
        })
    });
    try {
        const where = { owner: context.owner, repo: context.repo, issue };
        const posted = await upsertComment(client, where, marker, body, (0,async_retry/* defaultRetryPolicy */.ur)({ maxRetries: settings.transport.maxRetries }));
        log/* log */.R.info(`${posted.kind === 'created' ? 'Commented on' : 'Updated the comment on'} pull request #${issue}: ${posted.url}`);
    }
    catch (error) {
        const http = error;
        const why = http.status ? `GitHub answered HTTP ${http.status}: ${http.message ?? ''}` : error.message;
        const hint = http.status === 403 || http.status === 404
            ? " A pull request from a fork gets a read-only token; otherwise give the job 'permissions: pull-requests: write'."
            : '';
        log/* log */.R.warning(`Not commenting on pull request #${issue} (${why}).${hint}`);
    }
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


/***/ })

};
