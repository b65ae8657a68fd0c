export const id = 743;
export const ids = [743];
export const modules = {

/***/ 60329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dz: () => (/* binding */ unlessCut),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dJ: () => (/* binding */ cancelOnSignals),
/* harmony export */   mT: () => (/* binding */ Cancellation)
/* harmony export */ });
/**
 * Stopping a batch part-way, in two stages: first no new work starts (what is in flight may still finish), then,
 * after a grace period or on demand, what is in flight is cut. Knows nothing of what the work is.
 */
class Cancellation {
    stopping = new AbortController();
    cutting = new AbortController();
    timer;
    /** Aborted once nothing new may start. */
    get stopped() {
        return this.stopping.signal;
    }
    /** Aborted once what is in flight must be cut. */
    get cut() {
        return this.cutting.signal;
    }
    /** Starts nothing new from now on, and cuts what is in flight after `graceMs`. A second call cuts at once. */
    stop(graceMs) {
        if (this.stopping.signal.aborted)
            return this.cutNow();
        this.stopping.abort();
        this.timer = setTimeout(() => this.cutNow(), graceMs);
        // Work that ends within the grace period must not wait for it.
        this.timer.unref();
    }
    cutNow() {
        clearTimeout(this.timer);
        this.stopping.abort();
        this.cutting.abort();
    }
}
/** Work cut off in flight by a cancellation. */
class CancelledError extends Error {
    name = 'CancelledError';
    constructor() {
        super('cut off in flight by the cancellation');
    }
}
/** `work`, or a `CancelledError` as soon as `signal` aborts (the work itself goes on unobserved). */
function unlessCut(work, signal) {
    if (!signal)
        return work;
    if (signal.aborted)
        return Promise.reject(new CancelledError());
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(new CancelledError());
        signal.addEventListener('abort', onAbort, { once: true });
        work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
}
/**
 * SIGINT and SIGTERM stop the cancellation: the runner cancels a job with SIGINT, then SIGTERM 7.5 s later, then
 * kills it 2.5 s after that; a person presses Ctrl-C, and again to hurry. In-flight work gets `graceMs` after a
 * first SIGINT, a second or two after SIGTERM (the kill is near), nothing after a second signal.
 */
function cancelOnSignals(cancellation, graceMs, onSignal) {
    let first = true;
    const handler = (signal) => {
        onSignal(signal, first);
        if (!first)
            cancellation.cutNow();
        else
            cancellation.stop(signal === 'SIGTERM' ? Math.min(graceMs, TERM_GRACE_MS) : graceMs);
        first = false;
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
    };
}
const TERM_GRACE_MS = 1000;


/***/ }),

/***/ 38633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dC: () => (/* binding */ ImageProblem),
  ep: () => (/* binding */ checkOpened),
  rH: () => (/* binding */ nameProblem),
  O$: () => (/* binding */ unreadable)
});

// UNUSED EXPORTS: checkImage

;// CONCATENATED MODULE: ./src/imaging/structure.ts
/** Headers read per chunk or segment; far more than any real image has, and a bound on a hostile one. */
const MAX_STEPS = 100_000;
function u16be(bytes, at) {
    return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}
function u32be(bytes, at) {
    return u16be(bytes, at) * 0x10000 + u16be(bytes, at + 2);
}
function u32le(bytes, at) {
    return (((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16)) + (bytes[at + 3] ?? 0) * 0x1000000);
}
function ascii(bytes, at, length) {
    return String.fromCharCode(...bytes.subarray(at, at + length));
}
/** PNG: IHDR first, then chunk after chunk, each within the file, until IEND. */
async function png(read, size) {
    for (let at = 8, step = 0; step < MAX_STEPS; step++) {
        if (at + 12 > size)
            return 'is cut short: it ends before its IEND chunk';
        const header = await read(at, 8);
        const length = u32be(header, 0);
        const type = ascii(header, 4, 4);
        if (step === 0 && (type !== 'IHDR' || length !== 13))
            return 'is a damaged PNG: it does not start with an IHDR header';
        if (!/^[A-Za-z]{4}$/.test(type))
            return `is a damaged PNG: the chunk at byte ${at} has no valid type`;
        if (at + 12 + length > size)
            return `is cut short: its ${type} chunk runs past the end of the file`;
        if (type === 'IEND')
            return undefined;
        at += 12 + length;
    }
    return 'is a damaged PNG: too many chunks to check';
}
// Start-of-frame markers: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
/** JPEG: segments from SOI to a frame header, each within the file, and the EOI marker at the end. */
async function jpeg(read, size) {
    let framed = false;
    for (let at = 2, step = 0; !framed; step++) {
        if (step >= MAX_STEPS || at + 4 > size)
            return 'is a damaged JPEG: it has no frame header (SOF)';
        const header = await read(at, 4);
        if (header[0] !== 0xff)
            return `is a damaged JPEG: no marker where one should be (byte ${at})`;
        const marker = header[1] ?? 0;
        if (marker === 0xff)
            at += 1; // fill byte
        else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8))
            at += 2; // markers without a length
        else if (marker === 0xd9 || marker === 0xda)
            return 'is a damaged JPEG: its image data comes before any frame header (SOF)';
        else {
            const length = u16be(header, 2);
            if (length < 2 || at + 2 + length > size)
                return 'is cut short: a JPEG segment runs past the end of the file';
            framed = SOF.has(marker);
            at += 2 + length;
        }
    }
    // Encoders may pad the end with zeros; the last marker before them must be EOI (FF D9).
    const tail = await read(Math.max(0, size - 1024), Math.min(size, 1024));
    let end = tail.length;
    while (end > 0 && tail[end - 1] === 0)
        end--;
    return tail[end - 2] === 0xff && tail[end - 1] === 0xd9
        ? undefined
        : 'is cut short: a JPEG must end with its end-of-image marker (EOI), and this one does not';
}
/** WebP: the RIFF header's size matches the file's, and the first chunk is an image chunk that fits in it. */
async function webp(read, size) {
    if (size < 20)
        return 'is cut short: a WebP file is longer than its header';
    const header = await read(0, 20);
    const riff = u32le(header, 4) + 8;
    if (riff !== size) {
        return riff > size
            ? `is cut short: its RIFF header says ${riff} bytes, the file has ${size}`
            : `is a damaged WebP: its RIFF header says ${riff} bytes, the file has ${size}`;
    }
    const chunk = ascii(header, 12, 4);
    if (!['VP8 ', 'VP8L', 'VP8X'].includes(chunk))
        return 'is a damaged WebP: it holds no VP8, VP8L or VP8X image chunk';
    if (20 + u32le(header, 16) > size)
        return `is cut short: its ${chunk.trim()} chunk runs past the end of the file`;
    return undefined;
}
/**
 * What is wrong with an image's structure, read from its headers and its tail (never the whole file), or
 * undefined when it holds together. `size` is the file's length; the format was judged by its first bytes.
 */
function structureProblem(format, read, size) {
    return format === 'png' ? png(read, size) : format === 'jpeg' ? jpeg(read, size) : webp(read, size);
}

// EXTERNAL MODULE: ./src/imaging/image-format.ts
var image_format = __webpack_require__(53939);
// EXTERNAL MODULE: ./src/text/printable.ts
var printable = __webpack_require__(38572);
// EXTERNAL MODULE: ./src/fs/regular-file.ts
var regular_file = __webpack_require__(65650);
;// CONCATENATED MODULE: ./src/imaging/source-image.ts




/** Why one source cannot be sent; the batch goes on without it. */
class ImageProblem extends Error {
    file;
    name = 'ImageProblem';
    constructor(file, reason) {
        super(`The file ${reason}`);
        this.file = file;
    }
}
function megabytes(bytes) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
/** Why a source could not be opened, in words: the error's code alone means nothing to most users. */
function unreadable(error) {
    if (error instanceof regular_file/* NotRegularFileError */.iZ)
        return error.message;
    const code = error.code;
    if (code === 'ENOENT')
        return 'disappeared after it was found';
    if (code === 'EACCES' || code === 'EPERM')
        return 'cannot be read (permission denied)';
    return `cannot be read (${code ?? String(error)})`;
}
const BLOCK = 4096;
/** Positioned reads through one cached block: walking a PNG's chunk headers costs one read per block, not per header. */
function blockReader(handle) {
    let block = { at: -1, bytes: new Uint8Array(0) };
    return async (at, length) => {
        if (at < block.at || at + length > block.at + block.bytes.length) {
            const buffer = Buffer.alloc(Math.max(length, BLOCK));
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
            block = { at, bytes: buffer.subarray(0, bytesRead) };
        }
        return block.bytes.subarray(at - block.at, at - block.at + length);
    };
}
/** Why a source's path cannot be carried by logs and outputs (a control character), or undefined. */
function nameProblem(relativePath) {
    const control = (0,printable/* controlCharacterIn */.k)(relativePath);
    return control && `has a control character (${control}) in its path; rename it to upscale it`;
}
/** @throws ImageProblem when the path holds a control character: a log line could not carry it. */
function checkName(relativePath) {
    const problem = nameProblem(relativePath);
    if (problem)
        throw new ImageProblem(relativePath, problem);
}
/**
 * Checks a source before it is sent: a name that logs can carry, a regular file (never opened otherwise, so a FIFO
 * cannot block), not empty, within the size limit, a JPEG, PNG or WebP by its bytes whatever its name, and whole:
 * its structure read from headers and tail, never the whole file.
 */
async function checkImage(path, relativePath, maxBytes) {
    checkName(relativePath);
    let opened;
    try {
        opened = await openRegularFile(path);
    }
    catch (error) {
        throw new ImageProblem(relativePath, unreadable(error));
    }
    try {
        return await checkOpened(opened, path, relativePath, maxBytes);
    }
    finally {
        await opened.handle.close();
    }
}
/** `checkImage`'s checks of the content, on a file already open (the selection hashes it through the same handle). */
async function checkOpened({ handle, stats }, path, relativePath, maxBytes) {
    if (stats.size === 0)
        throw new ImageProblem(relativePath, 'is empty');
    if (stats.size > maxBytes) {
        // Just over the limit both round alike ("10.0 MB … at most 10.0 MB"): then give the bytes.
        const [size, max] = megabytes(stats.size) === megabytes(maxBytes)
            ? [`${stats.size} bytes`, `${maxBytes} bytes`]
            : [megabytes(stats.size), megabytes(maxBytes)];
        throw new ImageProblem(relativePath, `is ${size}; the API accepts at most ${max}`);
    }
    const read = blockReader(handle);
    const format = (0,image_format/* sniffFormat */.OG)(await read(0, image_format/* SNIFF_BYTES */.dD));
    if (!format) {
        throw new ImageProblem(relativePath, 'is not a JPEG, PNG or WebP image (judged by its content, not its name)');
    }
    const problem = await structureProblem(format, read, stats.size);
    if (problem)
        throw new ImageProblem(relativePath, problem);
    return { path, relativePath, format, bytes: stats.size, version: (0,regular_file/* versionOf */.E4)(stats) };
}


/***/ }),

/***/ 77183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Th: () => (/* binding */ isTransientRead),
/* harmony export */   nV: () => (/* binding */ DownloadError),
/* harmony export */   pi: () => (/* binding */ openDownload)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46752);
/* harmony import */ var _network_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13218);
/* harmony import */ var _text_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99690);



/** A result's bytes could not be fetched or saved. */
class DownloadError extends Error {
    file;
    status;
    transient;
    name = 'DownloadError';
    constructor(
    /** Workspace-relative path of the source the result belongs to. */
    file, detail, status, 
    /** A server error or dropped connection: fetching the same link again may work. */
    transient = false) {
        // The detail may quote the link or the host's words: network text, redacted like an API's.
        super(`Could not download the result: ${(0,_text_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(detail)}`);
        this.file = file;
        this.status = status;
        this.transient = transient;
    }
}
/** Whether a failed read of a result is worth doing again, whoever serves it. */
function isTransientRead(error) {
    return error instanceof DownloadError && error.transient;
}
function checkLink(source, link, hosts) {
    let url;
    try {
        url = new URL(link);
    }
    catch {
        throw new DownloadError(source, `the result link is not a URL (${link.slice(0, 80)})`);
    }
    if (!hosts.allows(url)) {
        throw new DownloadError(source, `the result link points at ${url.origin}, which is not an ${hosts.owner} host`);
    }
    return url;
}
/**
 * Opens one result link (at once: links expire) and hands its bytes over as they arrive; the result sink sniffs
 * and writes them. Refused before any request: a link to a host `hosts` does not allow. Refused on the answer: a
 * status other than 200 (no redirect is followed), a type other than `image/*`, a declared size over the cap.
 * No credentials are ever sent here. Failures while streaming are `DownloadError`s marked transient.
 */
async function openDownload(source, link, options) {
    const url = checkLink(source, link, options.hosts);
    // A timer of our own, cleared when the download ends: AbortSignal.timeout's would stay queued for the whole
    // timeout after each download, thousands of them on a large batch.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
    // Fetching a result costs nothing: a download cut by the deadline or the network is worth another try.
    const failed = (error, transient) => deadline.signal.aborted
        ? new DownloadError(source, `the download did not finish within ${options.timeoutMs / 1000} s ('request-timeout')`, undefined, true)
        : new DownloadError(source, error.message, undefined, transient);
    let response;
    try {
        // undici's request() follows no redirects: a link that redirects elsewhere fails below.
        response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.request)(url, {
            method: 'GET',
            headers: { accept: 'image/*' },
            dispatcher: options.dispatcher,
            signal: deadline.signal
        });
    }
    catch (error) {
        clearTimeout(timer);
        throw failed(error, (0,_network_error_js__WEBPACK_IMPORTED_MODULE_1__/* .networkFailure */ .r)(error) !== undefined);
    }
    const { statusCode, headers, body } = response;
    const discard = () => {
        clearTimeout(timer);
        // undici reports an unread body's destruction as an 'error' event: unheard, it would crash the process.
        body.on('error', () => { });
        body.destroy();
    };
    try {
        if (statusCode !== 200) {
            const why = statusCode === 403 || statusCode === 410 ? ' (the link has expired or is invalid)' : '';
            throw new DownloadError(source, `HTTP ${statusCode}${why}`, statusCode, statusCode >= 500);
        }
        const type = String(headers['content-type'] ?? '');
        if (!type.startsWith('image/'))
            throw new DownloadError(source, `the link served ${type || 'no type'}, not an image`);
        const declared = Number(headers['content-length']);
        if (declared > options.maxBytes) {
            throw new DownloadError(source, `the result is ${declared} bytes, over the ${options.maxBytes}-byte cap`);
        }
    }
    catch (error) {
        discard();
        throw error;
    }
    return (async function* stream() {
        try {
            for await (const chunk of body)
                yield chunk;
        }
        catch (error) {
            throw failed(error, true);
        }
        finally {
            discard();
        }
    })();
}


/***/ }),

/***/ 13218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ networkFailure)
/* harmony export */ });
const NOT_SENT = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT'
]);
const TIMED_OUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
/** The network failure behind `error`; undefined when it is none (no system or undici error code). */
function networkFailure(error) {
    const code = error?.code;
    if (typeof code !== 'string')
        return undefined;
    if (NOT_SENT.has(code))
        return 'not-sent';
    if (TIMED_OUT.has(code))
        return 'timed-out';
    return code.startsWith('UND_ERR_') || code.startsWith('E') ? 'dropped' : undefined;
}


/***/ }),

/***/ 64743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ loadManifest),
  b: () => (/* binding */ runJob)
});

// EXTERNAL MODULE: ./src/async/cancellation.ts
var async_cancellation = __webpack_require__(60329);
// EXTERNAL MODULE: ./src/providers/index.ts + 1 modules
var providers = __webpack_require__(57515);
// EXTERNAL MODULE: ./src/providers/provider.ts
var providers_provider = __webpack_require__(49545);
// EXTERNAL MODULE: ./src/net/transport.ts
var transport = __webpack_require__(17122);
// EXTERNAL MODULE: ./src/state/fingerprint.ts
var fingerprint = __webpack_require__(15917);
// EXTERNAL MODULE: ./src/state/manifest.ts + 1 modules
var state_manifest = __webpack_require__(14166);
// EXTERNAL MODULE: ./src/state/results.ts
var state_results = __webpack_require__(22639);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 7 modules
var esm = __webpack_require__(33581);
;// CONCATENATED MODULE: ./src/fs/glob.ts


const IS_WINDOWS = process.platform === 'win32';
/** @actions/glob's matcher options, so a pattern means here what it means in the rest of GitHub Actions. */
const MINIMATCH_OPTIONS = {
    dot: true,
    nobrace: true,
    nocase: IS_WINDOWS,
    nocomment: true,
    noext: true,
    nonegate: true
};
/** Paths are matched absolute with `/` separators, whatever the platform (Windows' `\` becomes `/`). */
function toGlobPath(path) {
    return IS_WINDOWS ? path.replace(/\\/g, '/') : path;
}
/** Escapes the glob characters of a literal path, as @actions/glob does with the folder a pattern is relative to. */
function globEscape(path) {
    return (IS_WINDOWS ? path : path.replace(/\\/g, '\\\\'))
        .replace(/(\[)(?=[^/]+\])/g, '[[]')
        .replace(/\?/g, '[?]')
        .replace(/\*/g, '[*]');
}
/** The literal name a pattern segment stands for (escapes and one-character classes undone), or '' for a glob. */
function literalOf(segment) {
    let literal = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '\\' && !IS_WINDOWS && i + 1 < segment.length) {
            literal += segment[++i];
            continue;
        }
        if (c === '*' || c === '?')
            return '';
        if (c === '[' && i + 1 < segment.length) {
            let set = '';
            let closed = -1;
            for (let j = i + 1; j < segment.length; j++) {
                const d = segment[j];
                if (d === '\\' && !IS_WINDOWS && j + 1 < segment.length) {
                    set += segment[++j];
                }
                else if (d === ']') {
                    closed = j;
                    break;
                }
                else {
                    set += d;
                }
            }
            if (closed >= 0) {
                if (set.length > 1)
                    return '';
                if (set) {
                    literal += set;
                    i = closed;
                    continue;
                }
            }
        }
        literal += c;
    }
    return literal;
}
function isAbsoluteGlob(pattern) {
    return pattern.startsWith('/') || (IS_WINDOWS && /^[A-Za-z]:\//.test(pattern));
}
/** One line of the `files` input, anchored at the workspace: a port of @actions/glob's pattern, on minimatch. */
class Pattern {
    negate;
    body;
    implied;
    /** Where the walk for this pattern starts: the literal folders before its first glob. */
    searchPath;
    /** `dir/` matches folders only, so as a file pattern it takes nothing. */
    foldersOnly;
    /** Ends in `**`: matches everything below a folder it matches (tested with a trailing `/`, as @actions/glob). */
    endsInGlobstar;
    minimatch;
    /** Each compiled alternative's last part, which must match a file's name; undefined for `**`. */
    lastParts;
    constructor(negate, 
    /** Absolute, `/`-separated, normalised, without a trailing `/`. */
    body, foldersOnly, 
    /** An exclusion's implied `/**`: tested without the trailing `/`, as @actions/glob does. */
    implied = false) {
        this.negate = negate;
        this.body = body;
        this.implied = implied;
        this.foldersOnly = foldersOnly;
        const segments = body.split('/');
        this.endsInGlobstar = segments[segments.length - 1] === '**';
        // The first segment is the root ('' for `/`, or a drive such as `C:`), never a glob.
        const [rootSegment = '', ...rest] = segments;
        let globFound = false;
        const literal = rest.map(literalOf).filter(segment => !globFound && !(globFound = segment === ''));
        this.searchPath = `${rootSegment}/${literal.join('/')}`;
        this.minimatch = new esm/* Minimatch */.VR(body, MINIMATCH_OPTIONS);
        this.lastParts = this.minimatch.set.map(parts => {
            const last = parts[parts.length - 1];
            return last === esm/* GLOBSTAR */.ZN ? undefined : last;
        });
    }
    /** Whether the path (absolute, `/`-separated) matches. */
    matches(path) {
        return this.test(this.endsInGlobstar && !this.implied ? `${path}/` : path);
    }
    /** Whether everything below the folder matches: a pattern ending in `**` that matches `folder/`. */
    coversAllBelow(folder) {
        return this.endsInGlobstar && this.test(`${folder}/`);
    }
    test(subject) {
        return this.nameMayMatch(subject) && this.minimatch.match(subject);
    }
    /**
     * A quick first test: unless a pattern ends in `**`, its last part must match the path's last name, so
     * comparing that one name (with minimatch's own segment matcher) turns away most paths at a fraction of the
     * cost of a full match. (minimatch's `makeRe()` would be quicker still, but it disagrees with `match()` on
     * patterns ending in `/**`, which `match()` gets right.)
     */
    nameMayMatch(subject) {
        const name = subject.slice(subject.lastIndexOf('/') + 1);
        return this.lastParts.some(last => last === undefined || this.minimatch.matchOne([name], [last], false));
    }
    /** Whether a path below the folder could match. */
    couldMatchBelow(folder) {
        if (external_node_path_.posix.dirname(folder) === folder)
            return true;
        return this.minimatch.matchOne(folder.split('/'), this.minimatch.set[0] ?? [], true);
    }
}
/**
 * The `files` patterns, as @actions/glob reads them (the same syntax, `!` exclusions applied in order, case
 * sensitive except on Windows, dot files included), with one difference: they select files only. A pattern
 * matching a folder does not take the folder's contents (say `dir/**` for that); an exclusion matching a folder
 * still excludes everything in it, as in @actions/glob.
 */
class FilePatterns {
    patterns;
    constructor(patterns) {
        this.patterns = patterns;
    }
    /** Relative patterns are anchored at `workspace`; `.` and `..` segments are resolved. */
    static parse(lines, workspace) {
        const root = globEscape(toGlobPath(workspace));
        const patterns = [];
        for (const line of lines) {
            let text = line.trim();
            let negate = false;
            while (text.startsWith('!')) {
                negate = !negate;
                text = text.slice(1).trim();
            }
            if (text === '')
                continue;
            text = toGlobPath(text);
            const anchored = external_node_path_.posix.normalize(isAbsoluteGlob(text) ? text : `${root}/${text}`);
            const foldersOnly = anchored.endsWith('/') && anchored.length > 1;
            const body = foldersOnly ? anchored.slice(0, -1) : anchored;
            const pattern = new Pattern(negate, body, foldersOnly);
            patterns.push(pattern);
            if (negate && (foldersOnly || !pattern.endsInGlobstar)) {
                patterns.push(new Pattern(true, `${body === '/' ? '' : body}/**`, false, true));
            }
        }
        return new FilePatterns(patterns);
    }
    /** The folders to walk: no two of them one inside the other. */
    get searchPaths() {
        const key = (path) => (IS_WINDOWS ? path.toLowerCase() : path);
        const candidates = new Set(this.patterns.filter(p => !p.negate && !p.foldersOnly).map(p => key(p.searchPath)));
        const roots = [];
        const taken = new Set();
        for (const pattern of this.patterns) {
            if (pattern.negate || pattern.foldersOnly || taken.has(key(pattern.searchPath)))
                continue;
            let hasAncestor = false;
            for (let path = pattern.searchPath, up = external_node_path_.posix.dirname(path); up !== path; path = up, up = external_node_path_.posix.dirname(up)) {
                if (candidates.has(key(up))) {
                    hasAncestor = true;
                    break;
                }
            }
            if (!hasAncestor) {
                roots.push(pattern.searchPath);
                taken.add(key(pattern.searchPath));
            }
        }
        return roots;
    }
    /** Whether the file (absolute, `/`-separated) is selected: the last pattern that matches it decides. */
    selects(file) {
        let selected = false;
        for (const pattern of this.patterns) {
            if (pattern.foldersOnly || selected !== pattern.negate)
                continue;
            if (pattern.matches(file))
                selected = !pattern.negate;
        }
        return selected;
    }
    /**
     * Whether the folder may hold a selected file: some pattern could match below it, and no exclusion takes
     * everything below it (`!**\/node_modules/**`) without a later pattern taking some back. Folders answering no
     * are not walked, which is most of the time saved in a large repository.
     */
    mayHoldSelected(folder) {
        // Backwards, so that `possible` says whether a later pattern could take back what an exclusion removes.
        let possible = false;
        for (let i = this.patterns.length - 1; i >= 0; i--) {
            const pattern = this.patterns[i];
            if (pattern.foldersOnly)
                continue;
            if (!pattern.negate) {
                possible ||= pattern.couldMatchBelow(folder);
            }
            else if (!possible && pattern.coversAllBelow(folder)) {
                return false;
            }
        }
        return possible;
    }
}

// EXTERNAL MODULE: ./src/fs/paths.ts
var paths = __webpack_require__(31283);
;// CONCATENATED MODULE: ./src/pipeline/discovery.ts



/** Folders read at once: enough to keep the file system's threads busy while matching runs on the main one. */
const PARALLEL_READS = 16;
const childOf = (folder, name) => (folder.endsWith('/') ? folder + name : `${folder}/${name}`);
/** Codes that mean "nothing there to find": gone, a broken or looping link, a file where a folder was expected. */
const NOTHING_THERE = new Set(['ENOENT', 'ENOTDIR', 'ELOOP']);
async function statIfThere(path) {
    try {
        return await (0,promises_.stat)(path);
    }
    catch (error) {
        if (NOTHING_THERE.has(error.code ?? ''))
            return undefined;
        throw error;
    }
}
/** Whether the folder at `real` is one the branch was reached through (a link made a loop: walked forever). */
function isCycle(from, real) {
    for (let folder = from; folder; folder = folder.up)
        if (folder.real === real)
            return true;
    return false;
}
/**
 * Reads folders `PARALLEL_READS` at a time, each read queueing the subfolders it finds. A directory listing
 * already says which entries are files and which are folders, so only symbolic links cost a `stat`.
 */
async function walk(roots, read) {
    const queue = [...roots];
    let running = 0;
    let failed = false;
    await new Promise((resolve, reject) => {
        const next = () => {
            while (!failed && running < PARALLEL_READS && queue.length > 0) {
                running++;
                read(queue.pop()).then(subfolders => {
                    running--;
                    for (const folder of subfolders)
                        queue.push(folder);
                    next();
                }, (error) => {
                    failed = true;
                    reject(error);
                });
            }
            if (running === 0 && queue.length === 0)
                resolve();
        };
        next();
    });
}
/** Every file the patterns select, following symbolic links (each real folder at most once per branch). */
async function findFiles(patterns) {
    const found = [];
    const roots = [];
    for (const path of patterns.searchPaths) {
        const info = await statIfThere(path);
        if (info?.isDirectory() && patterns.mayHoldSelected(path)) {
            roots.push({ path, real: toGlobPath(await (0,promises_.realpath)(path)), up: undefined });
        }
        else if (info && !info.isDirectory() && patterns.selects(path)) {
            found.push({ path, real: toGlobPath(await (0,promises_.realpath)(path)) });
        }
    }
    const entryOf = async (folder, entry) => {
        const path = childOf(folder.path, entry.name);
        if (!entry.isSymbolicLink()) {
            const real = childOf(folder.real, entry.name);
            if (entry.isDirectory()) {
                // Below a linked folder, a plain folder can be one this branch already went through.
                return patterns.mayHoldSelected(path) && !isCycle(folder, real) ? { path, real, up: folder } : undefined;
            }
            // A FIFO, socket or device the patterns select is taken too, never opened here: the check refuses it with
            // its reason, rather than the run passing over it without a word.
            if (patterns.selects(path))
                found.push({ path, real });
            return undefined;
        }
        // A broken link is left out quietly, as @actions/glob does.
        const target = await statIfThere(path);
        if (target?.isDirectory()) {
            if (!patterns.mayHoldSelected(path))
                return undefined;
            const real = toGlobPath(await (0,promises_.realpath)(path));
            return isCycle(folder, real) ? undefined : { path, real, up: folder };
        }
        if (target && patterns.selects(path))
            found.push({ path, real: toGlobPath(await (0,promises_.realpath)(path)) });
        return undefined;
    };
    await walk(roots, async (folder) => {
        const subfolders = [];
        for (const entry of await (0,promises_.readdir)(folder.path, { withFileTypes: true })) {
            const subfolder = await entryOf(folder, entry);
            if (subfolder)
                subfolders.push(subfolder);
        }
        return subfolders;
    });
    return found;
}
/**
 * Finds the source images: files the patterns select (see `FilePatterns`) whose real location (after symbolic
 * links) is inside the workspace, leaving out anything that looks like a result of ours so a run never feeds on
 * its own output.
 */
async function discoverSources(workspace, patterns, isResult) {
    const [realWorkspace, found] = await Promise.all([
        (0,promises_.realpath)(workspace),
        findFiles(FilePatterns.parse(patterns, workspace))
    ]);
    const sources = new Set();
    const passedOver = [];
    for (const { path, real } of found) {
        const relativePath = (0,paths/* toPosixRelative */.T0)(workspace, path);
        if (!(0,paths/* isInside */.FK)(workspace, path) || !(0,paths/* isInside */.FK)(realWorkspace, real)) {
            passedOver.push({ path, why: 'outside', reason: 'outside the workspace (directly or through a symbolic link)' });
        }
        else if (isResult(relativePath)) {
            passedOver.push({ path: relativePath, why: 'result', reason: 'an upscaled result (matches output-path)' });
        }
        else {
            sources.add(relativePath);
        }
    }
    passedOver.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { sources: [...sources].sort(), passedOver };
}

// EXTERNAL MODULE: ./src/async/map-limited.ts
var map_limited = __webpack_require__(9657);
;// CONCATENATED MODULE: ./src/pipeline/engine.ts




async function deliver(sink, source, planned, image) {
    if (image.kind === 'failed')
        return { kind: 'lost', error: image.error };
    const billing = image.billing ? { billing: image.billing } : {};
    if (image.kind === 'withheld')
        return { kind: 'withheld', reason: image.reason, ...billing };
    if (!planned) {
        return { kind: 'lost', error: new Error('the provider made more results than were planned'), ...billing };
    }
    try {
        const saved = await sink.save(source, planned, image.bytes);
        return {
            kind: 'written',
            record: {
                path: saved.path,
                resolution: saved.resolution ?? image.resolution,
                seed: image.seed,
                prompt: image.prompt
            },
            ...billing
        };
    }
    catch (error) {
        return { kind: 'lost', error: error, ...billing };
    }
}
/** The quote and the bill of a source's request, for its result. */
function costs(delivered) {
    const billing = delivered.find(image => image.billing)?.billing;
    return {
        ...(billing?.quote ? { quote: billing.quote } : {}),
        ...(billing?.spentUsdMicros === undefined ? {} : { spentUsdMicros: billing.spentUsdMicros })
    };
}
/** Puts the delivered images together into the source's one result. */
function summarise(source, delivered, seconds) {
    return { ...outcome(source, delivered, seconds), ...costs(delivered) };
}
function outcome(source, delivered, seconds) {
    const outputs = delivered.flatMap(image => (image.kind === 'written' ? [image.record] : []));
    const lost = delivered.flatMap(image => (image.kind === 'lost' ? [image.error.message] : []));
    const withheld = delivered.flatMap(image => (image.kind === 'withheld' ? [image.reason] : []));
    if (lost.length > 0)
        return { source, status: 'failed', outputs, error: lost.join('; '), seconds };
    if (outputs.length === 0) {
        const error = withheld[0] ?? 'the provider handed back no result';
        return { source, status: withheld.length > 0 ? 'unsafe' : 'failed', outputs, error, seconds };
    }
    const note = withheld.length > 0 ? { error: `${withheld.length} of ${delivered.length} results withheld as unsafe` } : {};
    return { source, status: 'upscaled', outputs, ...note, seconds };
}
/**
 * Runs each checked source through upscale → save (by the sink), several at once, taking the next as a worker frees
 * up. A source that fails is recorded with its reason and the others go on. Results come back in finishing order;
 * after a cancellation's stop no source is started, and those have no result (the caller reports them).
 */
async function upscaleAll(provider, options) {
    const results = [];
    const upscale = async (image) => {
        const source = image.relativePath;
        const started = performance.now();
        const seconds = () => Math.round((performance.now() - started) / 100) / 10;
        try {
            const { stopped, cut } = options.cancellation ?? {};
            const produced = await (0,async_cancellation/* unlessCut */.Dz)(provider.produce(image, stopped), cut);
            const planned = options.plan(source);
            const delivered = await Promise.all(produced.map((item, i) => deliver(options.sink, source, planned[i], item)));
            return summarise(source, delivered, seconds());
        }
        catch (error) {
            if (error instanceof providers_provider/* NotSentError */.S)
                return { ...(0,state_results/* notSentResult */.hk)(source, error), seconds: seconds() };
            return { source, status: 'failed', outputs: [], error: error.message, seconds: seconds() };
        }
    };
    await (0,map_limited/* forEachLimited */.vP)(options.sources, options.workers, async (item) => {
        const result = item.kind === 'settled' ? item.result : await upscale(item.image);
        results.push(result);
        options.onResult?.(result);
    }, options.cancellation?.stopped);
    return results;
}

// EXTERNAL MODULE: ./src/fs/atomic-file.ts
var atomic_file = __webpack_require__(5105);
;// CONCATENATED MODULE: ./src/pipeline/leftovers.ts



/**
 * Removes what a killed run (SIGKILL, a lost runner) left half-written where this run writes: the temporary files
 * beside its results and its manifest. Nothing else is touched, nor a temporary file a live run may be writing.
 * @returns the workspace-relative paths removed
 */
async function removeLeftovers(workspace, outputs, manifest) {
    const folders = outputs.flatMap(output => Object.values(output.paths).map(path => (0,external_node_path_.join)(workspace, (0,external_node_path_.dirname)(path))));
    if (manifest !== undefined)
        folders.push((0,external_node_path_.join)(workspace, (0,external_node_path_.dirname)(manifest)));
    const removed = await (0,atomic_file/* removeAbandonedTemporaries */.MA)(folders);
    return removed.map(path => (0,paths/* toPosixRelative */.T0)(workspace, path));
}

// EXTERNAL MODULE: ./src/settings/output-path.ts
var output_path = __webpack_require__(96134);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/imaging/image-format.ts
var image_format = __webpack_require__(53939);
// EXTERNAL MODULE: ./src/inputs/inputs.ts
var inputs = __webpack_require__(18028);
// EXTERNAL MODULE: ./src/imaging/output-format.ts
var output_format = __webpack_require__(28733);
// EXTERNAL MODULE: ./src/fs/regular-file.ts
var regular_file = __webpack_require__(65650);
// EXTERNAL MODULE: ./src/imaging/source-image.ts + 1 modules
var source_image = __webpack_require__(38633);
;// CONCATENATED MODULE: ./src/pipeline/destinations.ts










/** Longest name of one path component, in bytes, on the file systems runners use (ext4, APFS, NTFS). */
const NAME_MAX = 255;
/** Longest whole path Linux accepts. */
const PATH_MAX = 4095;
const exists = (path) => (0,promises_.lstat)(path).then(() => true, () => false);
/** Why the folder a result goes into cannot be made, or undefined: checked from its nearest existing ancestor. */
async function parentProblem(workspace, realWorkspace, path) {
    let ancestor = external_node_path_.posix.dirname(path);
    while (ancestor !== '.' && !(await exists((0,external_node_path_.join)(workspace, ancestor))))
        ancestor = external_node_path_.posix.dirname(ancestor);
    const full = (0,external_node_path_.join)(workspace, ancestor);
    const real = await (0,promises_.realpath)(full).catch(() => undefined);
    if (real === undefined)
        return `${ancestor} cannot be resolved`;
    if (real !== realWorkspace) {
        if (!(0,paths/* isInside */.FK)(realWorkspace, real))
            return `${ancestor} leads outside the workspace (through a symbolic link)`;
        if ((0,paths/* writablePathProblem */.x2)((0,paths/* toPosixRelative */.T0)(realWorkspace, real)))
            return `${ancestor} leads into a .git directory`;
    }
    if (!(await (0,promises_.stat)(full)).isDirectory())
        return `${ancestor} is a file, not a folder`;
    const writable = await (0,promises_.access)(full, external_node_fs_.constants.W_OK).then(() => true, () => false);
    return writable ? undefined : `there is no permission to write in ${ancestor === '.' ? 'the workspace' : ancestor}`;
}
/** Whether the regular file at `full` is a PNG, JPEG or WebP by its first bytes (stat first: never blocks). */
async function holdsImage(full) {
    try {
        const { handle } = await (0,regular_file/* openRegularFile */.ZU)(full);
        try {
            const head = Buffer.alloc(image_format/* SNIFF_BYTES */.dD);
            const { bytesRead } = await handle.read(head, 0, image_format/* SNIFF_BYTES */.dD, 0);
            return (0,image_format/* sniffFormat */.OG)(head.subarray(0, bytesRead)) !== undefined;
        }
        finally {
            await handle.close();
        }
    }
    catch {
        return false;
    }
}
/**
 * Where each source's results may go, checked before anything is sent for it, so nothing is paid for that could
 * not be written, and nothing is written that is not ours. Who may write each path is worked out up front from the
 * paths alone (pure, for every source found); the file system is asked per source, as the selection reaches it.
 * A source is refused when any place its results may take is a source (selected or not), under `.git`, outside
 * the workspace, over a name-length limit, a folder or other non-file, in a folder that cannot be made, a file that
 * is neither an earlier result of the same source nor allowed by `overwrite`, or a place where a source not sent
 * this run (one the manifest skips, or the event did not change) has its result.
 */
class Destinations {
    shared;
    paths;
    template;
    rules;
    realWorkspace;
    /** Planned paths where a file stands that may be replaced; everywhere else a write adds a file or fails. */
    replaceable = new Set();
    /** Per folder a result goes into, why it cannot be made (or undefined): asked once per folder. */
    folders = new Map();
    constructor(
    /** Each path two or more sources' results may take, with those sources. */
    shared, paths, template, rules, realWorkspace) {
        this.shared = shared;
        this.paths = paths;
        this.template = template;
        this.rules = rules;
        this.realWorkspace = realWorkspace;
    }
    /** `every`: each source found, selected this run or not; `conversion` gives the results' extensions. */
    static async prepare(every, template, imagesPerSource, rules, conversion = output_format/* AS_RETURNED */.p_) {
        // Every path a source's results may take: each index, each format the bytes may come back as, once converted.
        const resultPaths = (0,output_path/* possibleResultPaths */.dY)(template, conversion);
        const paths = (source) => imagesPerSource === 1
            ? resultPaths(source, 1)
            : [...new Set(Array.from({ length: imagesPerSource }, (_, i) => resultPaths(source, i + 1)).flat())];
        const first = new Map();
        const shared = new Map();
        for (const source of new Set(every)) {
            for (const path of paths(source)) {
                const owner = first.get(path);
                if (owner === undefined)
                    first.set(path, source);
                else
                    shared.set(path, [...(shared.get(path) ?? [owner]), source]);
            }
        }
        return new Destinations(shared, paths, template, rules, await (0,promises_.realpath)(rules.workspace));
    }
    /** The other sources whose results may take one of `source`'s paths: rare, and known from the paths alone. */
    rivals(source) {
        if (this.shared.size === 0)
            return [];
        const rivals = this.paths(source).flatMap(path => this.shared.get(path) ?? []);
        return [...new Set(rivals)].filter(other => other !== source);
    }
    /**
     * Why `source` must not be sent, or undefined; `sent` says whether a rival is sent this run too (two sources of
     * one run sharing a path make the template unworkable: `planOutputs` stops the run for it before it starts).
     */
    async refusal(source, sent) {
        // Said of the source itself, rather than of each result path it would pass on to.
        const badName = (0,source_image/* nameProblem */.rH)(source);
        if (badName)
            return `not sent: the file ${badName}`;
        for (const path of this.paths(source)) {
            const other = this.shared.get(path)?.find(owner => owner !== source && !sent(owner));
            const problem = other === undefined
                ? await this.pathProblem(source, path)
                : `its result ${path} would also be the result of ${other}; rename one, or leave one out with a '!' pattern in '${inputs/* Input */.p.Files}'`;
            if (problem)
                return `not sent: ${problem}`;
        }
        return undefined;
    }
    /** Why `source` may not write `path`, or undefined; a file there it may replace goes into `replaceable`. */
    async pathProblem(source, path) {
        const { rules } = this;
        const where = (0,paths/* writablePathProblem */.x2)(path);
        if (where)
            return `its result ${path} ${where}`;
        if (rules.sources.has(path))
            return `its result would replace the source ${path}`;
        const long = path.split('/').find(part => Buffer.byteLength(part) > NAME_MAX);
        if (long) {
            return `its result's name ${long.slice(0, 40)}… is ${Buffer.byteLength(long)} bytes, over the file system's limit of ${NAME_MAX}`;
        }
        const full = (0,external_node_path_.join)(rules.workspace, path);
        if (Buffer.byteLength(full) > PATH_MAX)
            return `its result's path is over the file system's limit of ${PATH_MAX} bytes`;
        const folder = external_node_path_.posix.dirname(path);
        let parent = this.folders.get(folder);
        if (parent === undefined) {
            parent = parentProblem(rules.workspace, this.realWorkspace, path);
            this.folders.set(folder, parent);
        }
        const problem = await parent;
        if (problem)
            return `its result ${path} cannot be written: ${problem}`;
        const stats = await (0,promises_.lstat)(full).catch(() => undefined);
        if (stats === undefined)
            return undefined;
        if (!stats.isFile() && !stats.isSymbolicLink())
            return `its result path ${path} is ${(0,regular_file/* kindOf */.I)(stats)}`;
        // An image that neither the manifest nor the output path calls a result may be a source that this run's
        // patterns do not select (`{dir}/../{name}.{ext}` reaches them), or a link to one: `overwrite` never replaces
        // either (`holdsImage` follows the link, and is false for a dangling one).
        const ours = rules.earlier.get(path) === source || this.template.matches(path);
        if (rules.overwrite && !ours && (await holdsImage(full))) {
            return `${path} is an image that is not a result of this action (a source, even if this run does not select it); '${inputs/* Input */.p.Overwrite}' never replaces a source`;
        }
        if (rules.earlier.get(path) === source || rules.overwrite) {
            this.replaceable.add(path);
            return undefined;
        }
        const owner = rules.earlier.get(path);
        const what = owner === undefined ? 'is not a result of this action' : `is the result of ${owner}`;
        return `${path} already exists and ${what}; '${inputs/* Input */.p.Overwrite}: true' replaces it`;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/fs/read-buffers.ts
var read_buffers = __webpack_require__(73541);
;// CONCATENATED MODULE: ./src/fs/file-hash.ts



/** SHA-256 of a regular file's bytes; anything else is refused before it is opened (a FIFO would block). */
async function hashFile(path) {
    const { handle } = await openRegularFile(path);
    try {
        return await hashOpened(handle);
    }
    finally {
        await handle.close();
    }
}
/**
 * SHA-256 of a freshly opened regular file's bytes, read through the handle, which stays open: a caller may check
 * the same file through it, by positioned reads.
 */
async function hashOpened(handle) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,read_buffers/* fileChunks */.T)(handle))
        hash.update(chunk);
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./src/text/canonical-json.ts
var canonical_json = __webpack_require__(21024);
// EXTERNAL MODULE: ./src/imaging/image-file.ts
var image_file = __webpack_require__(64002);
;// CONCATENATED MODULE: ./src/pipeline/reconvert.ts


/**
 * What a conversion can start again from, for these bytes whatever settings made the entry: the results as the
 * provider returned them when they are all still in this checkout, else the latest results if they are. Results
 * only on the branch head are not here to be read.
 */
async function recordedResults(manifest, source, sha256) {
    const entry = manifest.entry(source);
    if (!entry || entry.sha256 !== sha256)
        return undefined;
    // Results written as they came (no `output` in the settings) are the returned ones themselves.
    const returned = entry.returned ?? (entry.settings.output === undefined ? entry.outputs : undefined);
    if (returned && (await manifest.inCheckout(returned)))
        return { entry, from: returned, asReturned: true };
    return (await manifest.inCheckout(entry.outputs)) ? { entry, from: entry.outputs, asReturned: false } : undefined;
}
/**
 * Converts a source's earlier results (still in the workspace) to where the plan puts them in the format, quality
 * and size now asked for: no request, nothing paid. The earlier files are left as they are.
 */
async function reconvert(workspace, source, earlier, { planned, conversion, replaceable }) {
    const started = performance.now();
    const seconds = () => Math.round((performance.now() - started) / 100) / 10;
    const outputs = [];
    try {
        // Loaded on the first conversion only, from the one chunk the result sink loads too: the codecs are WebAssembly.
        const { convertFile } = await Promise.all(/* import() */[__webpack_require__.e(542), __webpack_require__.e(756), __webpack_require__.e(153)]).then(__webpack_require__.bind(__webpack_require__, 45153));
        for (const [i, output] of earlier.from.entries()) {
            const from = (0,external_node_path_.join)(workspace, output.path);
            const format = (await (0,image_file/* probeImageFile */.k)(from))?.format;
            const plannedOutput = planned[i];
            if (!format || !plannedOutput)
                throw new Error(`the earlier result ${output.path} is not an image we can read`);
            const path = plannedOutput.paths[format];
            const { resolution } = await convertFile({
                from,
                format,
                to: (0,external_node_path_.join)(workspace, path),
                conversion,
                consume: false,
                // Over a file only where the destination check found one of ours (or `overwrite` allows it).
                replace: replaceable.has(path)
            });
            outputs.push({ path, resolution, seed: output.seed, prompt: null });
        }
    }
    catch (error) {
        return {
            source,
            status: 'failed',
            outputs,
            error: `converting the earlier result: ${error.message}`,
            seconds: seconds()
        };
    }
    const convertedFrom = earlier.from.map(output => output.path);
    return { source, status: 'upscaled', outputs, seconds: seconds(), convertedFrom };
}
/** The box an earlier conversion fitted results into, as its manifest entry recorded it. */
function recordedLimit(entry, side) {
    const output = entry.settings.output;
    const value = output?.[side];
    return typeof value === 'number' ? value : undefined;
}
/**
 * Whether earlier results can be converted again instead of paying for a new upscale: results as Ideogram
 * returned them always can; converted ones unless they were fitted into a box smaller than the one now asked for
 * (results are never enlarged).
 */
function canReconvert({ entry, asReturned }, conversion) {
    return (asReturned ||
        ['maxWidth', 'maxHeight'].every(side => {
            const before = recordedLimit(entry, side);
            const now = conversion[side];
            return before === undefined || (now !== undefined && now <= before);
        }));
}

;// CONCATENATED MODULE: ./src/pipeline/selection.ts









/**
 * Sources read at once, ahead of the upscales they feed: enough to keep the file system's threads busy, few enough
 * that the first source's own reads are not queued behind many others.
 */
const LOOKAHEAD = 16;
/** The `skipped` result of a source the manifest has an entry for, saying why. */
function skippedAs(source, entry, why, manifest) {
    return {
        source,
        status: 'skipped',
        outputs: entry.outputs.map(output => ({ ...output, prompt: null })),
        error: `${why} (${manifest.path})`
    };
}
/**
 * Whether a result is there, by its folder's listing, taken once a run: one read of a folder of 10,000 results
 * rather than a look at each. Good for one run's selection, where each source is looked up once.
 */
function resultPresence(workspace) {
    const listings = new Map();
    return async (path) => {
        const folder = external_node_path_.posix.dirname(path);
        let names = listings.get(folder);
        if (names === undefined) {
            names = (0,promises_.readdir)((0,external_node_path_.join)(workspace, folder)).then(listed => new Set(listed), () => new Set());
            listings.set(folder, names);
        }
        return (await names).has(external_node_path_.posix.basename(path));
    };
}
/**
 * The entry that makes `source` free to skip: same bytes, same settings, results still there or on the branch.
 * `present` answers whether a result is there, when the caller knows a cheaper way than a look per result.
 */
async function unchangedEntry(manifest, source, sha256, settings, present) {
    const entry = manifest.entry(source);
    if (!entry || entry.sha256 !== sha256 || (0,canonical_json/* canonical */.$)(entry.settings) !== (0,canonical_json/* canonical */.$)(settings))
        return undefined;
    if (manifest.fromBranch(source))
        return entry;
    return (await manifest.inCheckout(entry.outputs, present)) ? entry : undefined;
}
/** The `skipped` result of a source whose bytes, settings and results the manifest still vouches for. */
async function unchanged(source, sha256, lookup) {
    const { manifest, fingerprint, present } = lookup;
    const entry = await unchangedEntry(manifest, source, sha256, fingerprint, present);
    return entry && skippedAs(source, entry, `unchanged since ${entry.upscaledAt}`, manifest);
}
/** The file opened for reading, or why it cannot be. */
function selection_open(path) {
    return (0,regular_file/* openRegularFile */.ZU)(path).catch((error) => error);
}
/** The source's hash (undefined when it cannot be read: the check then says why) and the manifest's verdict. */
async function lookUp(source, file, lookup) {
    if (file instanceof Error)
        return { sha256: undefined, verdict: undefined };
    const sha256 = await hashOpened(file.handle).catch(() => undefined);
    if (sha256 === undefined || lookup.force)
        return { sha256, verdict: undefined };
    const skipped = await unchanged(source, sha256, lookup);
    if (skipped)
        return { sha256, verdict: { skipped } };
    const earlier = await recordedResults(lookup.manifest, source, sha256);
    if (!earlier || !lookup.reusable(earlier))
        return { sha256, verdict: undefined };
    if (earlier.entry.status === 'unsafe') {
        // Billed and withheld: there is nothing to convert, and asking again would be billed again.
        const why = (0,providers/* withheldEarlier */.Y2)(earlier.entry.upscaledAt);
        return { sha256, verdict: { skipped: skippedAs(source, earlier.entry, why, lookup.manifest) } };
    }
    return { sha256, verdict: { earlier } };
}
/** Whether the manifest skips a source (it writes nothing this run): for the few looked up before the run. */
async function skippedByManifest(source, workspace, lookup) {
    const file = await selection_open((0,external_node_path_.join)(workspace, source));
    try {
        const { verdict } = await lookUp(source, file, lookup);
        return verdict !== undefined && 'skipped' in verdict;
    }
    finally {
        if (!(file instanceof Error))
            await file.handle.close();
    }
}
/**
 * One source, through one handle: hashed and looked up in the manifest, its destinations checked, its content
 * checked. What is checked is what gets hashed, and the version checked is the one the upload must find.
 */
async function selection_select(source, options) {
    const path = (0,external_node_path_.join)(options.workspace, source);
    const file = await selection_open(path);
    const failed = (error) => ({
        kind: 'settled',
        result: { source, status: 'failed', outputs: [], error }
    });
    try {
        const { sha256, verdict } = options.lookup
            ? await lookUp(source, file, options.lookup)
            : { sha256: undefined, verdict: undefined };
        if (verdict && 'skipped' in verdict)
            return { kind: 'settled', result: verdict.skipped };
        // A conversion writes too: the same rules.
        const refusal = await options.destinations.refusal(source, options.sent);
        if (refusal)
            return failed(refusal);
        if (verdict && sha256 !== undefined)
            return { kind: 'earlier', source, sha256, earlier: verdict.earlier };
        if (options.checkContent === false)
            return { kind: 'listed', source };
        if (file instanceof Error)
            throw new source_image/* ImageProblem */.dC(source, (0,source_image/* unreadable */.O$)(file));
        const image = await (0,source_image/* checkOpened */.ep)(file, path, source, options.maxFileBytes);
        return { kind: 'checked', image: sha256 === undefined ? image : { ...image, sha256 } };
    }
    catch (error) {
        // Whatever went wrong, it is this source's: the others go on.
        return failed(error.message);
    }
    finally {
        if (!(file instanceof Error))
            await file.handle.close();
    }
}
/**
 * Reads, hashes, looks up and checks each source a few ahead of whoever takes the answers, which come in the
 * sources' order. A stage of the pipeline, not a step before it: the first source can be sent while the
 * ten-thousandth is still being read.
 */
function selectSources(sources, options) {
    return (0,map_limited/* mapAhead */.MG)(sources, LOOKAHEAD, source => selection_select(source, options));
}

;// CONCATENATED MODULE: ./src/pipeline/plan.ts



/**
 * The plan for this run's selection. Who may write each result path is known from the paths alone; only sources
 * that share one (rare) need to know before the run whether the others are sent, so only those are looked up first.
 * @throws Error when two sources both sent would write one path: the template does not work for them (nothing sent).
 */
async function planJob(settings, discovered, selected, earlierResults, lookup) {
    const { workspace } = settings;
    const { template, imagesPerSource, overwrite, conversion } = settings.output;
    const destinations = await Destinations.prepare(discovered, template, imagesPerSource, { workspace, sources: new Set(discovered), earlier: earlierResults, overwrite }, conversion);
    const selectedSet = new Set(selected);
    const rivals = new Set(selected.flatMap(source => {
        const others = destinations.rivals(source).filter(other => selectedSet.has(other));
        return others.length > 0 ? [source, ...others] : [];
    }));
    const skippedRivals = new Set();
    for (const source of rivals) {
        if (lookup && (await skippedByManifest(source, workspace, lookup)))
            skippedRivals.add(source);
    }
    const sent = (rival) => selectedSet.has(rival) && !skippedRivals.has(rival);
    (0,output_path/* planOutputs */.iS)([...rivals].filter(sent), template, imagesPerSource, conversion);
    return {
        destinations,
        sent,
        plan: source => (0,output_path/* plannedOutputs */.hu)(source, template, imagesPerSource, conversion)
    };
}

// EXTERNAL MODULE: ./src/text/money.ts
var money = __webpack_require__(83059);
;// CONCATENATED MODULE: ./src/pipeline/quote.ts


/** Quotes asked for at once in a dry run (they take no in-flight places). */
const QUOTE_PARALLELISM = 4;
/** A dry run with a provider that quotes: each checked source priced exactly as it would be sent, nothing run. */
async function quoteAll(provider, images, onResult) {
    await (0,map_limited/* mapLimited */.bB)(images, QUOTE_PARALLELISM, async (image) => {
        const source = image.relativePath;
        let result;
        try {
            if (!provider.quote)
                throw new Error('this provider does not quote');
            const quote = await provider.quote(image);
            result = { source, status: 'skipped', outputs: [], error: `dry run: quoted ${(0,money/* quoteText */.ol)(quote)}`, quote };
        }
        catch (error) {
            result = { source, status: 'failed', outputs: [], error: error.message };
        }
        onResult(result);
    });
}

;// CONCATENATED MODULE: ./src/pipeline/records.ts
/**
 * What the run writes into the manifest as it goes: each source as it finishes (its results already in place), so
 * a kill loses no paid work, and each job a provider accepts, the moment it does. Knows the hashes of the bytes the
 * checks read, which the upload made sure it sent.
 */
class JobRecords {
    manifest;
    settingsPrint;
    onNotice;
    hashes = new Map();
    /** Results as the provider returned them that a conversion left in place: what the next change converts from. */
    keptReturned = new Map();
    pending = new Map();
    constructor(manifest, 
    /** The settings' fingerprint (`state/fingerprint.ts`) every record carries. */
    settingsPrint, onNotice) {
        this.manifest = manifest;
        this.settingsPrint = settingsPrint;
        this.onNotice = onNotice;
    }
    /** The hash of a source about to be sent or converted, which its record carries. */
    hashed(source, sha256) {
        this.hashes.set(source, sha256);
    }
    /** A checked source handed to the provider: a job an earlier run had accepted for these bytes is collected. */
    collect({ relativePath: source, sha256 }) {
        if (sha256 === undefined)
            return;
        this.hashed(source, sha256);
        const id = this.manifest?.pendingJob(source, sha256, this.settingsPrint);
        if (id !== undefined)
            this.pending.set(source, id);
    }
    /** Earlier results a reconversion wrote elsewhere, which stay what the next change converts from. */
    keep(source, returned) {
        this.keptReturned.set(source, returned);
    }
    /** Checkpoints a finished source. A failed append surfaces when the manifest is saved. */
    finished(result) {
        const sha256 = this.hashes.get(result.source);
        if (!this.manifest || sha256 === undefined)
            return;
        const returned = this.keptReturned.get(result.source);
        this.manifest.record(result, sha256, this.settingsPrint, new Date(), returned).catch(() => { });
    }
    /** The provider's view: jobs to collect, and where its new ones are recorded. */
    pendingJobs() {
        const { manifest, settingsPrint, hashes, onNotice } = this;
        return {
            pending: this.pending,
            onAccepted: async (file, jobId) => {
                const sha256 = hashes.get(file);
                if (!manifest || sha256 === undefined)
                    return;
                const job = { generationId: jobId, sha256, settings: settingsPrint, acceptedAt: new Date().toISOString() };
                await manifest.accepted(file, job).catch((error) => {
                    onNotice(`${file}: the provider accepted job ${jobId}, but the manifest could not record it: ${error.message}`);
                });
            },
            onAbandoned: file => {
                void manifest?.abandoned(file).catch((error) => {
                    onNotice(`${file}: the manifest could not forget its failed job: ${error.message}`);
                });
            }
        };
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/net/download.ts
var net_download = __webpack_require__(77183);
// EXTERNAL MODULE: ./src/async/retry.ts
var async_retry = __webpack_require__(32890);
;// CONCATENATED MODULE: ./src/pipeline/result-sink.ts









/** A result arrived but could not be turned into the asked-for format; the bytes as they came are kept beside. */
class ConversionError extends Error {
    name = 'ConversionError';
    constructor(path, kept, cause) {
        const keptNote = kept ? `; the image as it came is kept at ${kept}` : '';
        super(`the result could not be converted for ${path}: ${cause.message}${keptNote}`);
        this.cause = cause;
    }
}
/** The file system refused a result (no space, no permission, a file where a folder should be). */
class WriteError extends Error {
    name = 'WriteError';
    constructor(path, cause) {
        super(`the result could not be written to ${path}: ${cause.message}`);
        this.cause = cause;
    }
}
/**
 * The one place results reach the file system: whatever the provider, each result is sniffed by its bytes,
 * capped, and written atomically (a hidden temporary file beside its planned path, renamed when complete), so a
 * failed or cut write never leaves half an image behind.
 */
class ResultSink {
    options;
    constructor(options) {
        this.options = options;
    }
    /** Writes one result of `source` where the plan says. @throws DownloadError, WriteError */
    async save(source, planned, bytes) {
        const { retry } = this.options;
        return (0,async_retry/* withRetries */.LH)(() => this.saveOnce(source, planned, bytes), { ...retry, maxRetries: Math.min(retry.maxRetries, 2) }, error => ((0,net_download/* isTransientRead */.Th)(error) ? { budget: 'errors' } : undefined));
    }
    async saveOnce(source, planned, bytes) {
        const { cut } = this.options;
        const stream = bytes instanceof Uint8Array ? external_node_stream_.Readable.from([bytes]) : await (0,async_cancellation/* unlessCut */.Dz)(bytes(), cut);
        const chunks = stream[Symbol.asyncIterator]();
        try {
            let head = new Uint8Array(0);
            while (head.length < image_format/* SNIFF_BYTES */.dD) {
                const next = await chunks.next();
                if (next.done)
                    break;
                head = Buffer.concat([head, next.value]);
            }
            const format = (0,image_format/* sniffFormat */.OG)(head);
            if (!format)
                throw new net_download/* DownloadError */.nV(source, 'the result is not a PNG, JPEG or WebP image (judged by its bytes)');
            const path = planned.paths[format];
            const target = (0,external_node_path_.join)(this.options.workspace, path);
            const conversion = this.options.conversion ?? output_format/* AS_RETURNED */.p_;
            if ((0,output_format/* passesUntouched */.vi)(format, conversion)) {
                return { path, format, bytes: await this.writeAtomically(source, path, target, head, chunks) };
            }
            // Whole on disk first, beside its planned path: however many arrive at once, one at a time is decoded.
            const download = (0,atomic_file/* temporaryPathFor */.ub)(target);
            try {
                await this.writeAtomically(source, path, download, head, chunks);
                return { path, format, ...(await this.convert(path, download, format, target, conversion)) };
            }
            finally {
                await (0,promises_.rm)(download, { force: true });
            }
        }
        finally {
            await chunks.return?.(undefined);
        }
    }
    /** Converts a downloaded result into `target`; if that fails, keeps the download beside it (it was paid for). */
    async convert(path, download, format, target, conversion) {
        try {
            // A run being stopped does not wait for a conversion: the result is kept as it came (below).
            if (this.options.cut?.aborted)
                throw new async_cancellation/* CancelledError */.cc();
            // Loaded on the first conversion only: the codecs are WebAssembly, and most runs convert nothing.
            const { convertFile } = await Promise.all(/* import() */[__webpack_require__.e(542), __webpack_require__.e(756), __webpack_require__.e(153)]).then(__webpack_require__.bind(__webpack_require__, 45153));
            const replace = this.options.replaceable.has(path);
            return await convertFile({ from: download, format, to: target, conversion, consume: true, replace });
        }
        catch (error) {
            const kept = `${path}.${image_format/* EXTENSIONS */.Z1[format]}`;
            // link, not rename: it never replaces a file that is already there.
            const saved = await (0,promises_.link)(download, (0,external_node_path_.join)(this.options.workspace, kept)).then(() => true, () => false);
            throw new ConversionError(path, saved ? kept : undefined, error);
        }
    }
    async writeAtomically(source, path, target, head, rest) {
        const { maxBytes, cut, replaceable } = this.options;
        let written = 0;
        async function* capped() {
            for (let chunk = head; chunk;) {
                written += chunk.length;
                if (written > maxBytes)
                    throw new net_download/* DownloadError */.nV(source, `the result is over the ${maxBytes}-byte cap`);
                yield chunk;
                const next = await rest.next();
                chunk = next.done ? undefined : next.value;
            }
        }
        try {
            // Over an existing file only where the plan found one it may replace; elsewhere never, even if one appears.
            await (0,atomic_file/* writeStreamAtomically */.jA)(target, capped(), { replace: replaceable.has(path), signal: cut });
        }
        catch (error) {
            if (cut?.aborted)
                throw new async_cancellation/* CancelledError */.cc();
            // A cut or refused stream is the reader's DownloadError (maybe worth another read); anything else is the disk's.
            if (error instanceof net_download/* DownloadError */.nV)
                throw error;
            throw new WriteError(path, error);
        }
        return written;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/image-budget.ts



/**
 * Takes sources in the order they come while their images (`imagesPerSource` each) fit under `maxImages`; the
 * rest are deferred to a later run, which (the manifest skipping what is done) takes them first. No cap:
 * everything is taken.
 */
class ImageBudget {
    maxImages;
    sourcesLeft;
    constructor(imagesPerSource, maxImages) {
        this.maxImages = maxImages;
        this.sourcesLeft = maxImages === undefined ? Infinity : Math.floor(maxImages / imagesPerSource);
    }
    /** Undefined when the source fits (and is counted); otherwise its `deferred` result. */
    take(source) {
        if (this.sourcesLeft > 0) {
            this.sourcesLeft -= 1;
            return undefined;
        }
        const why = `past '${inputs/* Input */.p.MaxImages}' (${this.maxImages} images); a later run takes it first`;
        return (0,state_results/* notSentResult */.hk)(source, new providers_provider/* NotSentError */.S('capped', why));
    }
}

;// CONCATENATED MODULE: ./src/pipeline/route.ts


/**
 * Decides, as the selection hands each source over, where it goes: to the provider, to a reconversion of its
 * earlier results, to a dry run's quote, or settled on the spot (past `max-images`, or a dry run with nothing to
 * price).
 */
class Router {
    settings;
    plan;
    records;
    /** The sources this run sends, or in a dry run would send: neither skipped nor deferred. */
    sent = [];
    /** A dry run's checked sources, to be priced once the selection is done. */
    toQuote = [];
    budget;
    constructor(settings, plan, records) {
        this.settings = settings;
        this.plan = plan;
        this.records = records;
        this.budget = new ImageBudget(settings.output.imagesPerSource, settings.selection.maxImages);
    }
    async *route(selection) {
        const { dryRun } = this.settings;
        for await (const item of selection) {
            if (item.kind === 'settled') {
                yield item;
                continue;
            }
            if (item.kind === 'earlier') {
                if (!dryRun)
                    this.records.hashed(item.source, item.sha256);
                yield { kind: 'settled', result: await this.convertEarlier(item.source, item.earlier) };
                continue;
            }
            const source = item.kind === 'listed' ? item.source : item.image.relativePath;
            // A source refused or failing its check costs nothing, so it takes no share of the run's budget.
            const deferred = this.budget.take(source);
            if (deferred) {
                yield { kind: 'settled', result: deferred };
                continue;
            }
            this.sent.push(source);
            if (item.kind === 'checked' && !dryRun) {
                this.records.collect(item.image);
                yield item;
            }
            else if (item.kind === 'checked') {
                this.toQuote.push(item.image);
            }
            else {
                yield { kind: 'settled', result: { source, status: 'skipped', outputs: [], error: 'dry run: nothing sent' } };
            }
        }
    }
    /** Earlier results whose conversion alone changed: converted again, one at a time, instead of paid for again. */
    async convertEarlier(source, earlier) {
        if (this.settings.dryRun) {
            return { source, status: 'skipped', outputs: [], error: 'dry run: would convert its earlier result' };
        }
        const result = await reconvert(this.settings.workspace, source, earlier, {
            planned: this.plan.plan(source),
            conversion: this.settings.output.conversion,
            replaceable: this.plan.destinations.replaceable
        });
        // Results as returned, converted to other paths, stay what the next change converts from.
        const written = new Set(result.outputs.map(output => output.path));
        if (earlier.asReturned && earlier.from.every(output => !written.has(output.path))) {
            this.records.keep(source, earlier.from);
        }
        return result;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/run-job.ts

















/** The job's manifest, as the settings name it, with what a stopped run left in its journal; none without one. */
async function loadManifest(settings) {
    const { manifest, force } = settings.selection;
    return manifest ? state_manifest/* Manifest */._.load(settings.workspace, manifest, force) : undefined;
}
/**
 * The work shared by the action and the command-line tool, as a pipeline: the first source is sent while the last
 * ones are still being read. Each stage is its own module; this only orders them: the manifest → discovery → plan →
 * selection (the event's changes, the manifest, the destinations, the checks) → route → upscale and write →
 * the manifest saved. Publishing and reporting are the caller's.
 */
async function runJob(settings, hooks = {}, { only, cancellation, branchManifest, manifest: loaded } = {}) {
    const { manifest: manifestPath, force } = settings.selection;
    const manifest = loaded ?? (await loadManifest(settings));
    for (const warning of manifest?.warnings ?? [])
        (hooks.onWarning ?? hooks.onNotice)?.(warning);
    if (manifest && branchManifest)
        manifest.takeFromBranch(branchManifest);
    const earlierResults = manifest?.resultOwners() ?? new Map();
    const discovery = await discoverSources(settings.workspace, settings.discovery.patterns, path => settings.output.template.matches(path) || earlierResults.has(path));
    hooks.onDiscovered?.(discovery);
    const selected = only ? discovery.sources.filter(source => only.has(source)) : discovery.sources;
    const settingsPrint = (0,fingerprint/* fingerprint */.R)(settings);
    const lookup = manifest && {
        manifest,
        fingerprint: settingsPrint,
        force,
        present: resultPresence(settings.workspace),
        reusable: earlier => (0,fingerprint/* sameUpscale */.U)(earlier.entry, settings) && canReconvert(earlier, settings.output.conversion)
    };
    const plan = await planJob(settings, discovery.sources, selected, earlierResults, lookup);
    // Each selected source finishes exactly once, whichever stage settles it.
    const finished = new Map();
    const records = new JobRecords(manifest, settingsPrint, message => hooks.onNotice?.(message));
    const finish = (result) => {
        finished.set(result.source, result);
        records.finished(result);
        hooks.onResult?.(result, finished.size, selected.length);
    };
    const router = new Router(settings, plan, records);
    const selection = selectSources(selected, {
        workspace: settings.workspace,
        maxFileBytes: settings.discovery.maxFileBytes,
        lookup,
        destinations: plan.destinations,
        sent: plan.sent,
        // Without a price to ask for, a dry run lists what it would send (the checks come with sending).
        checkContent: !settings.dryRun || (0,providers/* quotesPrices */.se)(settings.provider)
    });
    const provider = (0,providers/* createProvider */.Qd)(settings.provider, settings.transport, hooks, records.pendingJobs());
    try {
        await upscaleAll(provider, {
            sources: router.route(selection),
            plan: plan.plan,
            sink: new ResultSink({
                workspace: settings.workspace,
                maxBytes: providers/* MAX_RESULT_BYTES */.Xs,
                retry: (0,transport/* retryPolicy */.J)(settings.transport),
                cut: cancellation?.cut,
                replaceable: plan.destinations.replaceable,
                conversion: settings.output.conversion
            }),
            cancellation,
            workers: (0,providers/* sourcesAtOnce */.Td)(settings.transport),
            onResult: finish
        });
        // A dry run with a provider that quotes: what it would send, priced.
        if (router.toQuote.length > 0)
            await quoteAll(provider, router.toQuote, finish);
    }
    finally {
        // Closing waits for requests in flight; once they are cut, nothing more is wanted of them.
        await (0,async_cancellation/* unlessCut */.Dz)(provider.close(), cancellation?.cut).catch((error) => {
            if (!(error instanceof async_cancellation/* CancelledError */.cc))
                throw error;
        });
    }
    // A source a cancellation stopped before it started: nothing was sent for it, and the next run takes it.
    const results = selected.map(source => finished.get(source) ?? (0,state_results/* notSentResult */.hk)(source, providers_provider/* NotSentError */.S.cancelled()));
    // What a killed run left half-written where this run writes goes once the run is done: those files are named
    // after a dead process, so nothing this run writes meets them, and listing every result folder stays off the
    // path to the first request.
    if (!settings.dryRun) {
        const removed = await removeLeftovers(settings.workspace, selected.flatMap(plan.plan), manifestPath).catch(() => []);
        if (removed.length > 0) {
            hooks.onNotice?.(`Removed ${removed.length} temporary file(s) a killed run left behind: ${removed.join(', ')}`);
        }
    }
    let manifestWritten;
    if (manifest?.hasChanges && !settings.dryRun) {
        await manifest.save();
        manifestWritten = manifest.path;
    }
    return { discovery, results, manifestWritten, sent: router.sent };
}


/***/ }),

/***/ 49545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ NotSentError)
/* harmony export */ });
/** A source nothing was sent for, and why; the one way every stage says so. */
class NotSentError extends Error {
    reason;
    quote;
    name = 'NotSentError';
    constructor(reason, message, 
    /** Its price, when it was quoted before a cap stopped it. */
    quote) {
        super(message);
        this.reason = reason;
        this.quote = quote;
    }
    static cancelled() {
        return new NotSentError('cancelled', 'not started: the run was cancelled');
    }
    /**
     * What the source's result says: a cancelled or capped source is the next run's first (`deferred`); one of a
     * stopped batch `failed`, since its cause needs fixing before anything can be sent.
     */
    get status() {
        return this.reason === 'stopped' ? 'failed' : 'deferred';
    }
}


/***/ })

};
