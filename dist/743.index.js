export const id = 743;
export const ids = [743];
export const modules = {

/***/ 60329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dz: () => (/* binding */ unlessCut),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dJ: () => (/* binding */ cancelOnSignals),
/* harmony export */   mT: () => (/* binding */ Cancellation),
/* harmony export */   x$: () => (/* binding */ NotStartedError)
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
/** Work a cancellation stopped before anything was sent for it: nothing was paid, the next run takes it. */
class NotStartedError extends Error {
    name = 'NotStartedError';
    constructor() {
        super('not started: the run was cancelled');
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

/***/ 99600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yi: () => (/* binding */ readChecked),
/* harmony export */   _N: () => (/* binding */ SourceChangedError),
/* harmony export */   cZ: () => (/* binding */ ensureUnchanged)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _fs_regular_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65650);
/* harmony import */ var _source_image_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38633);



/**
 * A source that is not the version checked (and hashed) any more: it changed, or went away, after the selection
 * read it. Nothing of it was sent whole, so nothing was billed; the next run takes it as it is then.
 */
class SourceChangedError extends _source_image_js__WEBPACK_IMPORTED_MODULE_2__/* .ImageProblem */ .dC {
    name = 'SourceChangedError';
}
const statOf = (path) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => undefined);
/** Why the source is not the version checked, from what a stat of its path found there (nothing: it is gone). */
function changedOrGone(image, now) {
    return new SourceChangedError(image.relativePath, now === undefined ? 'disappeared after it was found' : 'changed while it was being upscaled');
}
/** @throws SourceChangedError unless the file on disk is still the version checked. */
async function ensureUnchanged(image) {
    const now = await statOf(image.path);
    if (now === undefined || !(0,_fs_regular_file_js__WEBPACK_IMPORTED_MODULE_1__/* .sameVersion */ .r1)((0,_fs_regular_file_js__WEBPACK_IMPORTED_MODULE_1__/* .versionOf */ .E4)(now), image.version))
        throw changedOrGone(image, now);
}
/** The checked source's bytes, read whole (the local provider). @throws SourceChangedError if they changed */
async function readChecked(image) {
    const bytes = await (0,_fs_regular_file_js__WEBPACK_IMPORTED_MODULE_1__/* .readRegularFile */ .XF)(image.path).catch(async () => {
        throw changedOrGone(image, await statOf(image.path));
    });
    // Compared after reading: a change during the read changes the time, and a version the same after is the one read.
    await ensureUnchanged(image);
    return bytes;
}


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

/***/ 24743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ runJob)
});

// EXTERNAL MODULE: ./src/state/fingerprint.ts + 1 modules
var fingerprint = __webpack_require__(70353);
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

// EXTERNAL MODULE: ./src/async/cancellation.ts
var async_cancellation = __webpack_require__(60329);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/imaging/image-format.ts
var image_format = __webpack_require__(53939);
// EXTERNAL MODULE: ./src/inputs/inputs.ts
var inputs = __webpack_require__(18028);
// EXTERNAL MODULE: ./src/imaging/output-format.ts
var output_format = __webpack_require__(28733);
// EXTERNAL MODULE: ./src/settings/output-path.ts
var output_path = __webpack_require__(96134);
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

;// CONCATENATED MODULE: ./src/providers/provider.ts
/** A source the provider chose not to send (a cap was reached); the next run takes it. */
class DeferredError extends Error {
    quote;
    name = 'DeferredError';
    constructor(message, 
    /** Its price, when it was quoted before the cap stopped it. */
    quote) {
        super(message);
        this.quote = quote;
    }
}

// EXTERNAL MODULE: ./src/async/map-limited.ts
var map_limited = __webpack_require__(9657);
;// CONCATENATED MODULE: ./src/pipeline/engine.ts



async function deliver(sink, source, planned, image) {
    if (image.kind === 'failed')
        return { kind: 'lost', error: image.error };
    const billing = image.billing ? { billing: image.billing } : {};
    if (image.kind === 'withheld')
        return { kind: 'withheld', ...billing };
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
    const withheld = delivered.filter(image => image.kind === 'withheld').length;
    if (lost.length > 0)
        return { source, status: 'failed', outputs, error: lost.join('; '), seconds };
    if (outputs.length === 0) {
        return { source, status: 'unsafe', outputs, error: 'Ideogram withheld the result as unsafe', seconds };
    }
    const note = withheld > 0 ? { error: `${withheld} of ${delivered.length} results withheld as unsafe` } : {};
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
            if (error instanceof DeferredError) {
                return {
                    source,
                    status: 'deferred',
                    outputs: [],
                    error: error.message,
                    ...(error.quote ? { quote: error.quote } : {})
                };
            }
            const status = error instanceof async_cancellation/* NotStartedError */.x$ ? 'deferred' : 'failed';
            return { source, status, outputs: [], error: error.message, seconds: seconds() };
        }
    };
    await (0,map_limited/* forEachLimited */.vP)(options.sources, options.workers, async (item) => {
        const result = item.kind === 'settled' ? item.result : await upscale(item.image);
        results.push(result);
        options.onResult?.(result);
    }, options.cancellation?.stopped);
    return results;
}

// EXTERNAL MODULE: ./src/text/money.ts
var money = __webpack_require__(83059);
;// CONCATENATED MODULE: ./src/providers/ideogram/cost-cap.ts

/**
 * A spending cap over quoted prices. Each source's quote is taken before it is sent; once one would pass the cap,
 * nothing more is taken, so the run stops before the running total passes it (and later, cheaper sources do not
 * jump the queue).
 */
class CostCap {
    cap;
    committed = 0;
    stopped = false;
    constructor(cap) {
        this.cap = cap;
    }
    /** Takes `micros` from the cap; undefined when it fits, else why not (and from then on nothing fits). */
    take(micros) {
        if (!this.stopped && this.committed + micros <= this.cap) {
            this.committed += micros;
            return undefined;
        }
        this.stopped = true;
        return `max-cost ${(0,money/* formatUsd */.UK)(this.cap)} reached: ${(0,money/* formatUsd */.UK)(this.committed)} committed, this one quoted ${(0,money/* formatUsd */.UK)(micros)}`;
    }
}

// EXTERNAL MODULE: ./src/text/secrets.ts
var secrets = __webpack_require__(99690);
;// CONCATENATED MODULE: ./src/providers/ideogram/errors.ts

/**
 * One class per way an upscale can fail, so callers (retry policy, concurrency control, reports) branch on the
 * class and never on message text. Every error carries the source file and, when the API answered, its HTTP
 * status and its own words; the message says what happened, and reports put the file in front of it.
 */
class IdeogramError extends Error {
    file;
    status;
    name = 'IdeogramError';
    /** What the API itself said, when it said something readable. */
    apiMessage;
    constructor(message, 
    /** Workspace-relative path of the source image. */
    file, 
    /** The HTTP status, when the API answered. */
    status, apiMessage) {
        // Network text enters here: whatever it echoes of our secrets goes no further.
        super((0,secrets/* redact */.E$)(message));
        this.file = file;
        this.status = status;
        if (apiMessage !== undefined)
            this.apiMessage = (0,secrets/* redact */.E$)(apiMessage);
    }
}
/** The API answered with a non-2xx status. */
class APIError extends IdeogramError {
    status;
    body;
    rejectReason;
    retryAfterMs;
    name = 'APIError';
    constructor(file, status, apiMessage, 
    /** The parsed body (JSON when it was JSON, else the text). */
    body, 
    /** `reject_reason` from the body, e.g. `insufficient_funds` or `inflight_limit`. */
    rejectReason, 
    /** How long the server asked us to wait (`Retry-After`), if it did. */
    retryAfterMs) {
        super(`Ideogram answered HTTP ${status}${apiMessage ? `: ${apiMessage}` : ''}`, file, status, apiMessage);
        this.status = status;
        this.body = body;
        this.rejectReason = rejectReason;
        this.retryAfterMs = retryAfterMs;
    }
    static from(file, status, body, retryAfterMs) {
        const fields = readErrorFields(body);
        const ErrorClass = errorClassFor(status);
        return new ErrorClass(file, status, fields.message, body, fields.rejectReason, retryAfterMs);
    }
}
/** 400 or 413: the request or the image was not acceptable. Not billed; resending the same will fail again. */
class BadRequestError extends APIError {
    name = 'BadRequestError';
}
/** 401: the key is missing or wrong. */
class AuthenticationError extends APIError {
    name = 'AuthenticationError';
}
/** 402: the account is out of credit or hit its daily limit. */
class PaymentRequiredError extends APIError {
    name = 'PaymentRequiredError';
}
/** 403: the key may not use this operation. */
class PermissionDeniedError extends APIError {
    name = 'PermissionDeniedError';
}
/** 422: the image (or prompt) was refused by the safety check. */
class SafetyRejectedError extends APIError {
    name = 'SafetyRejectedError';
}
/** 429: too many images in flight for the organisation. Not billed, so always safe to resend. */
class RateLimitError extends APIError {
    name = 'RateLimitError';
    /** `max_inflight_requests` from the body, when the API tells us its limit. */
    get maxInflight() {
        const value = this.body?.max_inflight_requests;
        return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
    }
}
/**
 * Ideogram answered 429 until the waits one image may spend on them ('rate-limit-wait') ran out. Never billed; the
 * next run tries again.
 */
class RateLimitedTooLongError extends IdeogramError {
    forMs;
    answers;
    name = 'RateLimitedTooLongError';
    constructor(file, 
    /** From the first 429 to the last. */
    forMs, 
    /** 429 answers in all. */
    answers, last) {
        super(`Ideogram kept answering 429 for ${(forMs / 1000).toFixed(1)} s (${answers} answers; 'rate-limit-wait' bounds the waiting per image)${last.apiMessage ? `: ${last.apiMessage}` : ''}`, file, 429, last.apiMessage);
        this.forMs = forMs;
        this.answers = answers;
        this.cause = last;
    }
}
/**
 * Ideogram's stated in-flight limit (`max_inflight_requests`) is below what one request for a source must take,
 * and the request cannot be split (a seed makes a source's images one request). Never admitted, so never sent
 * (again): resending would only collect 429s.
 */
class InflightLimitError extends IdeogramError {
    limit;
    needed;
    name = 'InflightLimitError';
    constructor(file, 
    /** What the API said the organisation may have in flight. */
    limit, 
    /** What one request for this source takes. */
    needed) {
        super(`Ideogram allows ${limit} image(s) in flight for this key (max_inflight_requests), and one request for this source takes ${needed}: with 'seed' set, a source's images come from one request. Lower 'num-images' to ${limit}, or leave 'seed' unset so the images can be asked for in smaller requests.`, file, 429);
        this.limit = limit;
        this.needed = needed;
    }
}
/** 5xx: the generation failed on Ideogram's side; failed generations are not billed. */
class ServerError extends APIError {
    name = 'ServerError';
}
/**
 * The exchange failed on the network: no answer came from the API. A request that runs nothing (a poll) can be
 * made again after any of these; whether a paid one can is the subclass's to say.
 */
class TransportError extends IdeogramError {
    name = 'TransportError';
}
/** The connection failed before the request reached the API: nothing was processed, so resending is safe. */
class ConnectionError extends TransportError {
    name = 'ConnectionError';
    constructor(file, cause) {
        super(`Could not reach Ideogram: ${describeCause(cause)}`, file);
        this.cause = cause;
    }
}
/**
 * The connection failed while the request was still being sent (reset mid-upload): Ideogram never had the whole
 * image, so nothing ran and nothing was billed, and resending is as safe as after a failed connection.
 */
class UploadInterruptedError extends TransportError {
    name = 'UploadInterruptedError';
    constructor(file, cause) {
        super(`The connection to Ideogram failed while the image was still being sent: ${describeCause(cause)} (not received, so not billed)`, file);
        this.cause = cause;
    }
}
/**
 * The whole request was sent but no complete answer came back (timeout, connection dropped). The upscale may have
 * run and been billed, so it is resent only when the user allows it.
 */
class ResponseLostError extends TransportError {
    timedOut;
    name = 'ResponseLostError';
    constructor(file, timedOut, cause) {
        super(timedOut
            ? 'Ideogram did not answer in time (the upscale may still have been billed)'
            : `The connection to Ideogram dropped after the whole request was sent: ${describeCause(cause)} (the upscale may have been billed)`, file);
        this.timedOut = timedOut;
        this.cause = cause;
    }
}
/** A 200 whose body is not the documented response. */
class InvalidResponseError extends IdeogramError {
    name = 'InvalidResponseError';
    constructor(file, detail) {
        super(`Ideogram sent an unreadable response: ${detail}`, file, 200);
    }
}
/** A v2 generation Ideogram ran and reported `failed` (not billed). */
class GenerationFailedError extends IdeogramError {
    generationId;
    reason;
    name = 'GenerationFailedError';
    constructor(file, generationId, reason) {
        super(`Ideogram's generation ${generationId} failed${reason ? `: ${reason}` : ''}`, file);
        this.generationId = generationId;
        this.reason = reason;
    }
}
/**
 * A v2 job was accepted (and may be billed) but its outcome could not be collected in this run. Never resent:
 * the generation id stays in the manifest, and the next run polls it instead of paying again.
 */
class GenerationPendingError extends IdeogramError {
    generationId;
    name = 'GenerationPendingError';
    constructor(file, generationId, detail) {
        super(`Ideogram accepted the job (generation ${generationId}) but ${detail}; the next run collects it`, file);
        this.generationId = generationId;
    }
}
function errorClassFor(status) {
    if (status === 400 || status === 404 || status === 413)
        return BadRequestError;
    if (status === 401)
        return AuthenticationError;
    if (status === 402)
        return PaymentRequiredError;
    if (status === 403)
        return PermissionDeniedError;
    if (status === 422)
        return SafetyRejectedError;
    if (status === 429)
        return RateLimitError;
    if (status >= 500)
        return ServerError;
    return APIError;
}
/** Error bodies come in several shapes (`error`, `message`, `detail`, `title`); take the API's words from any. */
function readErrorFields(body) {
    if (typeof body === 'string') {
        const text = body.trim();
        return text ? { message: text.slice(0, 500) } : {};
    }
    if (body === null || typeof body !== 'object')
        return {};
    const record = body;
    const text = (key) => typeof record[key] === 'string' && record[key] !== '' ? record[key] : undefined;
    const detail = text('detail');
    const title = text('title');
    return {
        message: text('error') ?? text('message') ?? (detail && title ? `${title}: ${detail}` : (detail ?? title)),
        rejectReason: text('reject_reason')
    };
}
function describeCause(cause) {
    if (cause instanceof Error) {
        const code = cause.code;
        return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
    }
    return String(cause);
}
/** An image this run did not send, because sending it could not succeed (e.g. the account was refused). */
class NotSentError extends IdeogramError {
    name = 'NotSentError';
    constructor(file, message) {
        super(message, file);
    }
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
;// CONCATENATED MODULE: ./src/net/network-error.ts
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

;// CONCATENATED MODULE: ./src/net/download.ts



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
        super(`Could not download the result: ${(0,secrets/* redact */.E$)(detail)}`);
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
        response = await (0,undici.request)(url, {
            method: 'GET',
            headers: { accept: 'image/*' },
            dispatcher: options.dispatcher,
            signal: deadline.signal
        });
    }
    catch (error) {
        clearTimeout(timer);
        throw failed(error, networkFailure(error) !== undefined);
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

// EXTERNAL MODULE: ./src/async/retry.ts
var async_retry = __webpack_require__(32890);
;// CONCATENATED MODULE: ./src/providers/ideogram/retry-rule.ts



/**
 * When to send an upscale again. Retried: 429 (never billed), 5xx (failed generations are not billed) and
 * connection failures before the whole request left. Not retried: 400/401/402/403/422, which would fail the same way,
 * and a response lost after sending, which may already be billed — unless the user allows it. Result links are
 * plain GETs: fetched again after server errors and dropped connections.
 */
function ideogramRule(error, policy) {
    if (error instanceof RateLimitError)
        return { budget: 'rate-limit', retryAfterMs: error.retryAfterMs };
    if (error instanceof ServerError)
        return { budget: 'errors', retryAfterMs: error.retryAfterMs };
    if (error instanceof ConnectionError || error instanceof UploadInterruptedError)
        return { budget: 'errors' };
    if (isTransientRead(error))
        return { budget: 'errors' };
    if (error instanceof ResponseLostError && policy.retryLostResponses)
        return { budget: 'errors' };
    return undefined;
}
/**
 * One call to Ideogram for `file`, sent again by `ideogramRule`. A 429 that outlasts the policy's bounds fails as
 * `RateLimitedTooLongError`, saying for how long Ideogram kept refusing.
 */
async function retryIdeogram(file, attempt, policy, onRetry) {
    let first429;
    let answers = 0;
    try {
        return await (0,async_retry/* withRetries */.LH)(attempt, policy, ideogramRule, event => {
            if (event.error instanceof RateLimitError) {
                first429 ??= Date.now();
                answers += 1;
            }
            onRetry?.(event);
        });
    }
    catch (error) {
        // The rule resends every 429: one that comes out here is one past the bounds.
        if (error instanceof RateLimitError) {
            throw new RateLimitedTooLongError(file, first429 === undefined ? 0 : Date.now() - first429, answers + 1, error);
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/providers/ideogram/batch-stop.ts


/**
 * Connection failures in a row, across the batch, before the host counts as unreachable: one ladder of retries per
 * image would otherwise print hundreds of lines for a DNS failure or a closed port.
 */
const UNREACHABLE_AFTER = 3;
/** 401, 402 and 403 are about the key or the account, not the image: every further request would fail alike. */
function refusesAccount(error) {
    return (error instanceof AuthenticationError ||
        error instanceof PaymentRequiredError ||
        error instanceof PermissionDeniedError);
}
/** What Ideogram said, with its reason code (402's `insufficient_funds`, `daily_limit`), for the reports. */
function accountRefusal(error) {
    const reason = error.rejectReason ? ` (${error.rejectReason})` : '';
    return `Ideogram answered HTTP ${error.status}${reason}${error.apiMessage ? `: ${error.apiMessage}` : ''}`;
}
/**
 * Stops a batch's requests to Ideogram once they cannot succeed: after the account is refused (401, 402, 403), or
 * after the host could not be reached several times in a row. Said once, through `onStopped`; every request after
 * that fails as `NotSentError` without being sent. One per batch, shared by everything it sends (upscales,
 * quotes, polls).
 */
class BatchStop {
    onStopped;
    /** Why nothing more is sent; undefined while all is well. */
    reason;
    /** Connection failures since the last request that reached Ideogram. */
    unreachable = 0;
    constructor(onStopped) {
        this.onStopped = onStopped;
    }
    /** @throws NotSentError once the batch has been stopped */
    check(file) {
        if (this.reason !== undefined)
            throw new NotSentError(file, `not sent: for an earlier image, ${this.reason}`);
    }
    /**
     * One request, not sent once the batch is stopped; its outcome tells whether to stop it (the account refused, the
     * host unreachable several times in a row).
     */
    async guard(file, send) {
        this.check(file);
        try {
            const done = await send();
            this.unreachable = 0;
            return done;
        }
        catch (error) {
            if (refusesAccount(error)) {
                this.stop(file, accountRefusal(error), 'The account, not the image, is the problem');
            }
            else if (error instanceof ConnectionError && ++this.unreachable >= UNREACHABLE_AFTER) {
                this.stop(file, `${error.message}, ${this.unreachable} times in a row`, 'Check the API URL and the network of the runner');
            }
            else if (!(error instanceof ConnectionError)) {
                this.unreachable = 0;
            }
            throw error;
        }
    }
    /** `attempt` for `file`, sent again by Ideogram's rule (each try guarded, or reaching a guarded request). */
    async retrying(file, attempt, policy, onRetry) {
        let tried;
        try {
            return await retryIdeogram(file, attempt, policy, event => {
                tried = event.error;
                onRetry?.(event);
            });
        }
        catch (error) {
            // A resend the stopped batch held back: this source failed for its own last answer, not for another image.
            throw error instanceof NotSentError && tried !== undefined ? tried : error;
        }
    }
    stop(file, reason, why) {
        if (this.reason !== undefined)
            return;
        this.reason = reason;
        this.onStopped?.(`Stopping the batch: ${reason} (for ${file}). ${why}, so the remaining images are not sent.`);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/fs/read-buffers.ts
var read_buffers = __webpack_require__(73541);
;// CONCATENATED MODULE: ./src/net/multipart.ts




/**
 * A chunk longer than a connection's high-water mark fills its write buffer: the HTTP client then waits for the
 * buffer to drain, which is when the bytes have left for the network, before it asks for the next chunk, and only
 * then is the read buffer filled again. A shorter chunk (a file's last) goes as a copy of its own.
 */
const FILLS_WRITE_BUFFER = (0,external_node_stream_.getDefaultHighWaterMark)(false);
/** A name in a part's header, escaped as browsers and undici's FormData escape it. */
function quoted(name) {
    return name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}
/** A field's line breaks as CRLF, as the form encoding requires. */
function crlf(value) {
    return value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n');
}
/** The file's `size` bytes, through a reused read buffer; opened once the body is being sent. */
async function* fileBytes(part, size) {
    await part.verify?.();
    try {
        const { handle } = await (0,regular_file/* openRegularFile */.ZU)(part.path);
        try {
            for await (const chunk of (0,read_buffers/* fileChunks */.T)(handle, size)) {
                yield chunk.length > FILLS_WRITE_BUFFER ? chunk : Buffer.from(chunk);
            }
        }
        finally {
            await handle.close();
        }
    }
    catch (error) {
        await part.verify?.();
        throw error;
    }
    await part.verify?.();
}
/** A regular file's length. */
async function sizeOf(path) {
    const { handle, stats } = await (0,regular_file/* openRegularFile */.ZU)(path);
    await handle.close();
    return stats.size;
}
/**
 * A form of text fields and files, in the order given, streamed: each file is read a chunk at a time as the
 * connection takes it, so an upload allocates nothing per chunk whatever the file's size. The length is known
 * beforehand and sent as `content-length`; a file that changes size meanwhile fails the request.
 */
async function multipartBody(parts) {
    const boundary = `----formdata-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
    const pieces = [];
    for (const part of parts) {
        const disposition = `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(part.name)}"`;
        if ('value' in part) {
            pieces.push(Buffer.from(`${disposition}\r\n\r\n${crlf(part.value)}\r\n`));
            continue;
        }
        pieces.push(Buffer.from(`${disposition}; filename="${quoted(part.filename)}"\r\nContent-Type: ${part.type}\r\n\r\n`), { part, size: part.size ?? (await sizeOf(part.path)) }, Buffer.from('\r\n'));
    }
    pieces.push(Buffer.from(`--${boundary}--\r\n`));
    const length = pieces.reduce((sum, piece) => sum + ('part' in piece ? piece.size : piece.length), 0);
    return {
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) },
        body: (async function* body() {
            for (const piece of pieces) {
                if ('part' in piece)
                    yield* fileBytes(piece.part, piece.size);
                else
                    yield piece;
            }
        })()
    };
}

// EXTERNAL MODULE: ./src/imaging/source-file.ts
var source_file = __webpack_require__(99600);
;// CONCATENATED MODULE: ./src/providers/ideogram/client.ts









/** `rel="successor-version"` from a `Link` header. */
function successorLink(header) {
    const text = Array.isArray(header) ? header.join(',') : (header ?? '');
    return /<([^>]+)>\s*;[^,]*rel="?successor-version"?/i.exec(text)?.[1];
}
/**
 * Tells when undici has handed the whole request, headers and body, to the socket: a connection that fails before
 * then cannot have delivered the image, so the upscale was not run and not billed.
 */
class SentWatch extends undici.DecoratorHandler {
    inner;
    onSent;
    constructor(inner, onSent) {
        super(inner);
        this.inner = inner;
        this.onSent = onSent;
    }
    onRequestSent() {
        this.onSent();
        this.inner.onRequestSent?.();
    }
}
/** Error bodies larger than this are cut: we only need the message. */
const MAX_ERROR_BODY = 64 * 1024;
/** Speaks Ideogram's upscale endpoints, one request per call; retrying is the caller's business (see retry.ts). */
class IdeogramClient {
    options;
    base;
    endpoint;
    dispatcher;
    constructor(options) {
        this.options = options;
        this.base = options.apiUrl.href.endsWith('/') ? options.apiUrl.href : `${options.apiUrl.href}/`;
        this.endpoint = new URL('upscale', this.base);
        this.dispatcher =
            options.dispatcher ??
                new undici.Agent({ connect: { timeout: 30_000 }, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
    }
    /** Legacy `POST /upscale`. */
    async upscale(image, imageRequest) {
        const form = await multipartBody([
            { name: 'image_request', value: JSON.stringify(imageRequest) },
            filePart('image_file', image)
        ]);
        const { body, headers } = await this.call(image.relativePath, this.endpoint, 'POST', form);
        const notice = { successor: successorLink(headers.link), deprecation: firstHeader(headers.deprecation) };
        if (notice.successor || notice.deprecation)
            this.options.onLegacyNotice?.(notice);
        return checkResponse(image.relativePath, body);
    }
    /** `POST /v2/image/upscale/{model}?dry_run=true`: the price of exactly this request, for free. */
    async quote(image, model, fields) {
        const url = this.v2Url(model, true);
        const { body } = await this.call(image.relativePath, url, 'POST', await v2Form(image, fields));
        return checkQuote(image.relativePath, body);
    }
    /** `POST /v2/image/upscale/{model}` with `async=true`: accepted at once, run and billed on Ideogram's side. */
    async submit(image, model, fields) {
        const form = await v2Form(image, { ...fields, async: true });
        const { body } = await this.call(image.relativePath, this.v2Url(model, false), 'POST', form);
        const id = body?.generation_id;
        if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(id)) {
            throw new InvalidResponseError(image.relativePath, 'it has no usable "generation_id"');
        }
        return { generationId: id };
    }
    /** `GET /v2/generations/{id}`: free, and never runs the job again. */
    async generation(file, generationId) {
        const url = new URL(`v2/generations/${encodeURIComponent(generationId)}`, this.base);
        const { body } = await this.call(file, url, 'GET');
        return checkGeneration(file, body);
    }
    v2Url(model, dryRun) {
        const url = new URL(`v2/image/upscale/${encodeURIComponent(model)}`, this.base);
        if (dryRun)
            url.searchParams.set('dry_run', 'true');
        return url;
    }
    /** One request; the answer's JSON, or the typed error its status, body or transport calls for. */
    async call(file, url, method, form) {
        let sent = false;
        const watched = this.dispatcher.compose(dispatch => (options, handler) => dispatch(options, new SentWatch(handler, () => (sent = true))));
        let response;
        try {
            response = await (0,undici.request)(url, {
                method,
                headers: { 'Api-Key': this.options.apiKey, Accept: 'application/json', ...form?.headers },
                // undici sends an async iterable as it is (its documentation says so; its type declarations omit it).
                body: form?.body,
                dispatcher: watched
            });
        }
        catch (error) {
            // The source changed or went away mid-upload: the request was cut before it was whole.
            if (error instanceof source_file/* SourceChangedError */._N)
                throw error;
            throw transportError(file, error, sent);
        }
        if (response.statusCode !== 200) {
            const errorBody = await readErrorBody(response.body);
            throw APIError.from(file, response.statusCode, errorBody, (0,async_retry/* parseRetryAfter */.mu)(response.headers));
        }
        try {
            // Redacted before parsing, as error bodies are: an answer that echoes the key (in a prompt, a link) must not
            // carry it into the outputs, the manifest or the gallery.
            return { body: JSON.parse((0,secrets/* redact */.E$)(await response.body.text())), headers: response.headers };
        }
        catch (error) {
            if (error instanceof SyntaxError)
                throw new InvalidResponseError(file, 'the body is not JSON');
            throw transportError(file, error, true);
        }
    }
    async close() {
        if (!this.options.dispatcher)
            await this.dispatcher.close();
    }
}
/**
 * A request that never reached Ideogram, or whose connection failed while the image was still being sent, cannot
 * have been billed; one sent whole may have been.
 */
function transportError(file, error, sentWhole) {
    const failure = networkFailure(error);
    if (failure === 'not-sent')
        return new ConnectionError(file, error);
    if (failure !== undefined && !sentWhole)
        return new UploadInterruptedError(file, error);
    return new ResponseLostError(file, failure === 'timed-out', error);
}
async function readErrorBody(body) {
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of body) {
            const buffer = chunk;
            if (size + buffer.length > MAX_ERROR_BODY) {
                chunks.push(buffer.subarray(0, MAX_ERROR_BODY - size));
                body.destroy();
                break;
            }
            chunks.push(buffer);
            size += buffer.length;
        }
    }
    catch {
        // A body cut short still leaves the status to report.
    }
    // Redacted before parsing: a body that echoes our headers must not carry the key into any field.
    const text = (0,secrets/* redact */.E$)(Buffer.concat(chunks).toString('utf8'));
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function checkResponse(file, body) {
    const data = body?.data;
    if (!Array.isArray(data) || data.length === 0) {
        throw new InvalidResponseError(file, 'it has no "data" list');
    }
    data.forEach((item, i) => {
        const image = item;
        if (image === null || typeof image !== 'object' || typeof image.is_image_safe !== 'boolean') {
            throw new InvalidResponseError(file, `data[${i}] has no "is_image_safe"`);
        }
        if (image.url !== null && image.url !== undefined && typeof image.url !== 'string') {
            throw new InvalidResponseError(file, `data[${i}].url is not a string`);
        }
    });
    return body;
}
function firstHeader(value) {
    return Array.isArray(value) ? value[0] : value;
}
/**
 * The checked source as a form's file part, streamed from disk: exactly the bytes checked and hashed, or the request
 * fails with `SourceChangedError` before it is whole (so nothing is billed).
 */
function filePart(name, image) {
    return {
        name,
        path: image.path,
        filename: (0,external_node_path_.basename)(image.path),
        type: image_format/* MIME_TYPES */.Z$[image.format],
        size: image.bytes,
        verify: () => (0,source_file/* ensureUnchanged */.cZ)(image)
    };
}
/** A v2 form: the source in the file part `image`, every field as a plain form field; kept private. */
function v2Form(image, fields) {
    return multipartBody([
        filePart('image', image),
        // Sent explicitly: on some models an omitted value follows the account's plan, which may be public.
        { name: 'private', value: 'true' },
        ...Object.entries(fields).map(([name, value]) => ({ name, value: String(value) }))
    ]);
}
function isMicros(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function checkQuote(file, body) {
    const quote = (body ?? {});
    if (quote.object !== 'price_quote' || !isMicros(quote.usd_micros)) {
        throw new InvalidResponseError(file, 'the price quote has no "usd_micros"');
    }
    return {
        billingIdentifier: typeof quote.billing_identifier === 'string' ? quote.billing_identifier : '',
        quantity: isMicros(quote.quantity) ? quote.quantity : 1,
        usdMicros: quote.usd_micros,
        creditMillis: isMicros(quote.credit_millis) ? quote.credit_millis : 0,
        qualifier: quote.qualifier === 'estimate' ? 'estimate' : 'exact',
        ...(isMicros(quote.upper_bound_usd_micros) ? { upperBoundUsdMicros: quote.upper_bound_usd_micros } : {})
    };
}
function checkGeneration(file, body) {
    const generation = (body ?? {});
    switch (generation.status) {
        case 'pending':
            return { status: 'pending' };
        case 'failed':
            return {
                status: 'failed',
                reason: typeof generation.failure_reason === 'string' ? generation.failure_reason : undefined
            };
        case 'completed': {
            if (!Array.isArray(generation.data) || generation.data.length === 0) {
                throw new InvalidResponseError(file, 'the completed generation has no "data" list');
            }
            const images = generation.data.map((item, i) => {
                const image = (item ?? {});
                if (typeof image.is_image_safe !== 'boolean') {
                    throw new InvalidResponseError(file, `data[${i}] has no "is_image_safe"`);
                }
                return {
                    url: typeof image.url === 'string' && image.url !== '' ? image.url : null,
                    resolution: typeof image.resolution === 'string' ? image.resolution : null,
                    seed: typeof image.seed === 'number' ? image.seed : null,
                    isSafe: image.is_image_safe
                };
            });
            const cost = generation.usage_cost_usd_micros;
            return { status: 'completed', images, costUsdMicros: isMicros(cost) ? cost : undefined };
        }
        default:
            throw new InvalidResponseError(file, 'the generation has no known "status"');
    }
}

// EXTERNAL MODULE: ./src/imaging/dimensions.ts
var dimensions = __webpack_require__(51657);
// EXTERNAL MODULE: ./src/providers/ideogram/models.ts
var models = __webpack_require__(70011);
// EXTERNAL MODULE: ./src/providers/ideogram/types.ts
var types = __webpack_require__(87904);
;// CONCATENATED MODULE: ./src/providers/ideogram/endpoint.ts






/** `POST /upscale`: up to 2×, `image_request` as JSON, `num_images` results per request. */
class LegacyEndpoint {
    client;
    request;
    places;
    divisible;
    constructor(client, request) {
        this.client = client;
        this.request = request;
        this.places = (0,types/* imagesPerRequest */.HM)(request);
        this.divisible = (0,types/* splitsRequests */.AC)(request);
    }
    /** Settings allow quotes (dry-run prices, max-cost) with v2 models only; `dry_run` must never reach /upscale. */
    quote() {
        return Promise.reject(new Error('the legacy endpoint gives no price quotes'));
    }
    async upscale(image, _onAccepted, count = this.places) {
        const request = count === this.places ? this.request : { ...this.request, num_images: count };
        const response = await this.client.upscale(image, request);
        return {
            images: response.data.map(item => ({
                url: item.is_image_safe && item.url ? item.url : null,
                resolution: item.upscaled_resolution ?? item.resolution ?? null,
                seed: item.seed ?? null,
                prompt: item.prompt ?? null
            }))
        };
    }
    async close() {
        await this.client.close();
    }
}
/** Enough of the file for any header we read; JPEG's size may sit after large EXIF blocks, then the whole file. */
const HEADER_BYTES = 256 * 1024;
async function sourceDimensions(image) {
    // Only a regular file: a named pipe swapped in since the check would block. Gone or swapped, the upload's own
    // check of the file says so in words.
    const opened = await (0,regular_file/* openRegularFile */.ZU)(image.path).catch(() => undefined);
    if (!opened)
        return undefined;
    const { handle } = opened;
    try {
        const head = Buffer.alloc(Math.min(HEADER_BYTES, image.bytes));
        await handle.read(head, 0, head.length, 0);
        const found = (0,dimensions/* readDimensions */.G)(head, image.format);
        if (found || image.bytes <= HEADER_BYTES)
            return found;
        return (0,dimensions/* readDimensions */.G)(await handle.readFile(), image.format);
    }
    finally {
        await handle.close();
    }
}
function megabytes(bytes) {
    return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
/**
 * `POST /v2/image/upscale/{model}`: one image per request, sent with `async=true` so the generation id comes back
 * at once, then polled to completion. Before anything is sent, the source is checked against the model's
 * limits (50 MB upload, the 8192-px output rule, Nano Banana Pro's tiers), so no request goes out that must fail.
 */
class V2Endpoint {
    client;
    settings;
    poller;
    places = 1;
    divisible = false;
    constructor(client, settings, poller) {
        this.client = client;
        this.settings = settings;
        this.poller = poller;
    }
    /** @throws ImageProblem naming the limit, and what would fit */
    async check(image) {
        const { model, size } = this.settings;
        if (image.bytes > models/* V2_MAX_UPLOAD_BYTES */.mu) {
            throw new source_image/* ImageProblem */.dC(image.relativePath, `is ${megabytes(image.bytes)}; model '${model.id}' accepts at most ${megabytes(models/* V2_MAX_UPLOAD_BYTES */.mu)}`);
        }
        const dimensions = await sourceDimensions(image);
        // An unreadable header is left to Ideogram, which answers 400 for free.
        if (!dimensions)
            return;
        const { width, height } = dimensions;
        const side = Math.max(width, height);
        const control = model.size;
        if (control.kind === 'factor' && size.kind === 'factor') {
            const factor = (0,models/* factorValue */.Zt)(size.factor);
            if (side * factor <= control.maxSide)
                return;
            const fits = control.factors.filter(option => side * (0,models/* factorValue */.Zt)(option) <= control.maxSide).at(-1);
            throw new source_image/* ImageProblem */.dC(image.relativePath, `is ${width}x${height}; at ${size.factor} the result would be ${width * factor}x${height * factor}, over the ${models/* MAX_OUTPUT_SIDE */.hz}-px limit of model '${model.id}'; ${fits ? `the largest factor that fits is ${fits}` : `no factor fits (x2 takes at most ${control.maxSide / 2} px a side)`}`);
        }
        if (control.kind === 'tier' && size.kind === 'tier') {
            const tiers = control.tiers;
            if (side < tiers[size.tier])
                return;
            const fits = models/* RESOLUTION_TIERS */.HL.filter(tier => side < tiers[tier]).at(-1);
            throw new source_image/* ImageProblem */.dC(image.relativePath, `is ${width}x${height}, already at or above the ${size.tier} tier of model '${model.id}'; ${fits ? `the largest tier above it is ${fits}` : 'no tier is above it'}`);
        }
    }
    async quote(image) {
        await this.check(image);
        return this.client.quote(image, this.settings.model.id, this.settings.fields);
    }
    async upscale(image, onAccepted) {
        await this.check(image);
        const { generationId } = await this.client.submit(image, this.settings.model.id, this.settings.fields);
        await onAccepted(generationId);
        return this.resume(image.relativePath, generationId);
    }
    async resume(file, generationId) {
        const generation = await this.poller.wait(file, generationId, () => this.client.generation(file, generationId));
        if (generation.status === 'failed')
            throw new GenerationFailedError(file, generationId, generation.reason);
        if (generation.status === 'pending')
            throw new Error('unreachable: the poller returns finished generations');
        return {
            images: generation.images.map(item => ({
                url: item.isSafe && item.url ? item.url : null,
                resolution: item.resolution,
                seed: item.seed,
                prompt: null
            })),
            costUsdMicros: generation.costUsdMicros
        };
    }
    async close() {
        await this.client.close();
    }
}

;// CONCATENATED MODULE: ./src/providers/ideogram/hosts.ts
/** Result links must point at Ideogram (or the configured API host, e.g. a test server): nowhere else. */
function ideogramHosts(apiUrl) {
    return {
        owner: 'Ideogram',
        allows: url => (url.protocol === 'https:' && (url.hostname === 'ideogram.ai' || url.hostname.endsWith('.ideogram.ai'))) ||
            url.origin === apiUrl.origin
    };
}

;// CONCATENATED MODULE: ./src/providers/ideogram/inflight-limiter.ts
/** The most rounds at the limit between two probes, however many 429s came before. */
const MAX_PROBE_ROUNDS = 16;
class InflightLimiter {
    options;
    limitValue;
    inflight = 0;
    successesAtLimit = 0;
    /** Full rounds of successes at the limit before probing one place higher. */
    probeRounds = 1;
    /** The limit was just raised by a probe that has not yet held a full round. */
    probing = false;
    /** The API's own figure for the organisation's limit, from its last 429 that gave one. */
    stated;
    /** First come first served; each wants at least `min` places and takes up to `max` of those free. */
    waiting = [];
    constructor(options) {
        this.options = options;
        if (!(options.ceiling >= 1 && options.initial >= 1))
            throw new RangeError('limits must be at least 1');
        this.limitValue = Math.min(options.initial, options.ceiling);
    }
    /** The number of places we currently allow ourselves. */
    get limit() {
        return this.limitValue;
    }
    get inFlight() {
        return this.inflight;
    }
    /** The organisation's limit as the API last stated it (`max_inflight_requests` in a 429), if it did. */
    get statedLimit() {
        return this.stated;
    }
    /** Waits for `places` free places, first come first served. */
    async acquire(places) {
        if (places > this.options.ceiling) {
            throw new RangeError(`a request for ${places} images cannot fit under a limit of ${this.options.ceiling}`);
        }
        return this.take(places, places);
    }
    /**
     * Waits for at least one free place, first come first served, and takes as many as are free up to `max`: for
     * work that can be split (several images without a seed), so that a place is never left idle because a whole
     * request would not fit.
     */
    async acquireUpTo(max) {
        return this.take(1, Math.max(1, max));
    }
    async take(min, max) {
        if (this.waiting.length === 0 && this.fits(min)) {
            const places = this.free(min, max);
            this.inflight += places;
            return this.lease(places);
        }
        return this.lease(await new Promise(grant => this.waiting.push({ min, max, grant })));
    }
    /** How many of the free places to give a request wanting `min` to `max` (it fits). */
    free(min, max) {
        return Math.max(min, Math.min(max, this.limitValue - this.inflight));
    }
    fits(places) {
        // A request larger than a lowered limit still goes alone, so it can never wait forever.
        return this.inflight + places <= this.limitValue || this.inflight === 0;
    }
    lease(places) {
        let released = false;
        return {
            places,
            succeeded: () => {
                const busy = this.inflight >= this.limitValue || this.waiting.length > 0;
                if (!busy)
                    return;
                this.successesAtLimit += 1;
                // A probe held for a round: the limit is higher than it was, so the next probe need not wait as long.
                // Counted at the top too: a probe that reached it would otherwise stay one, and a 429 rounds later fail it.
                if (this.successesAtLimit === this.limitValue && this.probing) {
                    this.probing = false;
                    this.probeRounds = Math.max(1, this.probeRounds / 2);
                }
                if (this.limitValue >= this.probeCeiling)
                    return;
                if (this.successesAtLimit >= this.limitValue * this.probeRounds) {
                    this.limitValue += 1;
                    this.successesAtLimit = 0;
                    this.probing = true;
                }
            },
            rateLimited: maxInflight => {
                if (maxInflight !== undefined)
                    this.stated = maxInflight;
                // A probe that failed: the limit is the one before it. Which request crossed it is down to arrival order
                // (a request of 4 can be the one refused while a probe of 1 got in), so what was in flight besides the
                // refused one says nothing then. Otherwise someone else holds places: leave them what they hold.
                const lowered = this.probing ? this.limitValue - 1 : this.inflight - places;
                this.limitValue = Math.max(1, Math.min(this.limitValue, maxInflight ?? Infinity, lowered));
                this.probeRounds = this.probing ? Math.min(MAX_PROBE_ROUNDS, this.probeRounds * 2) : 1;
                this.successesAtLimit = 0;
                this.probing = false;
            },
            release: () => {
                if (released)
                    return;
                released = true;
                this.inflight -= places;
                this.grantWaiting();
            }
        };
    }
    /** How high probing may go. */
    get probeCeiling() {
        return Math.min(this.options.ceiling, this.stated ?? Infinity);
    }
    grantWaiting() {
        for (let next = this.waiting[0]; next && this.fits(next.min); next = this.waiting[0]) {
            this.waiting.shift();
            const places = this.free(next.min, next.max);
            this.inflight += places;
            next.grant(places);
        }
    }
}

;// CONCATENATED MODULE: ./src/providers/ideogram/poller.ts

/** A few seconds, growing, capped; well inside Ideogram's organisation-wide polling limit. */
function defaultPollOptions(overrides = {}) {
    return {
        initialDelayMs: 2000,
        growth: 1.5,
        maxDelayMs: 30_000,
        maxWaitMs: 30 * 60_000,
        pollsPerWindow: 200,
        windowMs: 10_000,
        sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
        now: Date.now,
        ...overrides
    };
}
/** Longest `Retry-After` honoured on a poll; a longer one is waited in steps of this, within `maxWaitMs`. */
const MAX_RETRY_AFTER_MS = 60_000;
/**
 * Waits for v2 generations to finish. One poller serves every job of a run, so they share one polling budget:
 * a window's allowance, and a pause that a 429 imposes on all of them. Polls are free and never re-run a job, so
 * a failed poll is simply made again later; only the overall wait is bounded.
 */
class Poller {
    options;
    windowStart = 0;
    pollsInWindow = 0;
    pausedUntil = 0;
    constructor(options) {
        this.options = options;
    }
    /** Polls until the generation is completed or failed. @throws GenerationPendingError when the wait runs out */
    async wait(file, generationId, poll) {
        const { initialDelayMs, growth, maxDelayMs, maxWaitMs, sleep, now } = this.options;
        const deadline = now() + maxWaitMs;
        let delay = initialDelayMs;
        let lastProblem = 'it was still pending';
        for (;;) {
            await sleep(Math.max(0, Math.min(delay, deadline - now())));
            await this.turn(deadline);
            if (now() >= deadline) {
                throw new GenerationPendingError(file, generationId, `${lastProblem} after ${Math.round(maxWaitMs / 1000)} s`);
            }
            delay = Math.min(delay * growth, maxDelayMs);
            try {
                const generation = await poll();
                if (generation.status !== 'pending')
                    return generation;
                lastProblem = 'it was still pending';
            }
            catch (error) {
                if (error instanceof RateLimitError) {
                    this.pausedUntil = Math.max(this.pausedUntil, now() + Math.min(error.retryAfterMs ?? delay, MAX_RETRY_AFTER_MS));
                    lastProblem = 'polling was rate-limited';
                }
                else if (error instanceof ServerError || error instanceof TransportError) {
                    lastProblem = `polling failed (${error.message})`;
                }
                else {
                    throw new GenerationPendingError(file, generationId, `polling failed: ${error.message}`);
                }
            }
        }
    }
    /** Waits out a shared pause and the window's allowance, then counts one poll. */
    async turn(deadline) {
        const { sleep, now, windowMs, pollsPerWindow } = this.options;
        for (;;) {
            const at = now();
            if (at >= deadline)
                return;
            if (at < this.pausedUntil) {
                await sleep(Math.min(this.pausedUntil, deadline) - at);
                continue;
            }
            if (at - this.windowStart >= windowMs) {
                this.windowStart = at;
                this.pollsInWindow = 0;
            }
            if (this.pollsInWindow < pollsPerWindow) {
                this.pollsInWindow += 1;
                return;
            }
            await sleep(Math.min(this.windowStart + windowMs, deadline) - at);
        }
    }
}

;// CONCATENATED MODULE: ./src/providers/ideogram/upscaler.ts






/**
 * Upscales through one of Ideogram's endpoints: takes places under the in-flight limit only while the API works
 * on the request, and hands the result links back to be downloaded outside it, so a slow download never holds a
 * place.
 */
class IdeogramUpscaler {
    options;
    downloads;
    /** Every request to Ideogram (upscale, quote, collect) goes through it: none once the batch is stopped. */
    batch;
    constructor(options) {
        this.options = options;
        const timeout = options.downloadTimeoutMs;
        this.downloads = new undici.Agent({ connect: { timeout: 30_000 }, headersTimeout: timeout, bodyTimeout: timeout });
        this.batch = new BatchStop(options.onBatchStopped);
    }
    async produce(image, stopped) {
        const { endpoint, pending } = this.options;
        const file = image.relativePath;
        this.batch.check(file);
        const earlier = pending?.get(file);
        // Without a cap nothing is awaited here, so a burst of sources reaches the limiter together.
        const quoted = earlier === undefined && this.options.costCap ? await this.withinCap(image) : undefined;
        if (endpoint.divisible && earlier === undefined) {
            const produced = await this.packed(image, endpoint.places, stopped);
            const failures = produced.flatMap(item => (item.kind === 'failed' ? [item.error] : []));
            // Nothing made at all: the source failed as a whole, for the first reason.
            if (failures[0] && failures.length === produced.length)
                throw failures[0];
            return quoted
                ? produced.map((item, i) => i === 0 && item.kind !== 'failed' ? { ...item, billing: { quote: quoted } } : item)
                : produced;
        }
        const answer = await this.whole(image, earlier, stopped);
        const billing = { quote: quoted, spentUsdMicros: answer.costUsdMicros };
        return answer.images.map((item, i) => this.handOver(image, item, i === 0 ? billing : undefined));
    }
    /** All of the source's images in one request (or an earlier run's job collected), sent again by Ideogram's rule. */
    whole(image, earlier, stopped) {
        const { endpoint, limiter, onAccepted, onAbandoned } = this.options;
        const file = image.relativePath;
        // Each job holds its places until it completes: Ideogram counts it in flight until then.
        return this.retrying(file, async () => this.attempt(image, await limiter.acquire(endpoint.places), stopped, () => earlier !== undefined && endpoint.resume
            ? endpoint.resume(file, earlier)
            : endpoint.upscale(image, async (id) => onAccepted?.(file, id)))).catch((error) => {
            if (error instanceof GenerationFailedError)
                onAbandoned?.(file);
            throw error;
        });
    }
    /**
     * `count` of the source's images, which may come from several requests: one for as many as there are free
     * places, the rest in further requests queued for the next places. With 10 places and 4 images a source,
     * three requests run at once (4 + 4 + 2) where whole requests would leave two places idle. Each image is asked
     * for once; a request that fails for good leaves its images `failed` while the others' are kept.
     */
    async packed(image, count, stopped) {
        const { endpoint, limiter } = this.options;
        const more = [];
        let size = count;
        let mine;
        try {
            const answer = await this.retrying(image.relativePath, async () => {
                const lease = await limiter.acquireUpTo(size);
                if (lease.places < size) {
                    more.push(this.packed(image, size - lease.places, stopped));
                    size = lease.places;
                }
                return this.attempt(image, lease, stopped, () => endpoint.upscale(image, async () => { }, lease.places));
            });
            mine = answer.images.map(item => this.handOver(image, item, undefined));
        }
        catch (error) {
            mine = Array.from({ length: size }, () => ({ kind: 'failed', error: error }));
        }
        return [...mine, ...(await Promise.all(more)).flat()];
    }
    /** One try under a lease: the request, and what its answer teaches the limiter. */
    async attempt(image, lease, stopped, send) {
        const { endpoint, limiter } = this.options;
        try {
            // Waiting for a place can outlast a cancellation: then this image is not sent, nor sent again.
            if (stopped?.aborted)
                throw new async_cancellation/* NotStartedError */.x$();
            // Nor is a request the API has said it will never admit.
            if (!endpoint.divisible)
                this.refuseIfTooFew(image, limiter.statedLimit);
            // Checked before the place is given back, so the next image waiting for it is not sent.
            const done = await this.batch.guard(image.relativePath, send);
            lease.succeeded();
            return done;
        }
        catch (error) {
            if (error instanceof RateLimitError) {
                lease.rateLimited(error.maxInflight);
                if (!endpoint.divisible)
                    this.refuseIfTooFew(image, error.maxInflight);
            }
            throw error;
        }
        finally {
            lease.release();
        }
    }
    /** Resent by Ideogram's rule, each retry told to `onRetry`. */
    retrying(file, attempt) {
        const { retry, onRetry } = this.options;
        return this.batch.retrying(file, attempt, retry, event => onRetry?.(file, event));
    }
    /**
     * A request that cannot be split and that the organisation's stated limit can never admit: resending it would
     * only collect 429s until the retries ran out (2 sources × 4 images against a limit of 3 took 329 s and 102
     * requests), so it fails at once, saying why.
     */
    refuseIfTooFew(image, stated) {
        const { places } = this.options.endpoint;
        if (stated !== undefined && stated < places)
            throw new InflightLimitError(image.relativePath, stated, places);
    }
    /** With a cost cap: the source's quote, taken from the cap. @throws DeferredError past the cap */
    async withinCap(image) {
        const { endpoint, costCap } = this.options;
        if (!costCap)
            return undefined;
        const file = image.relativePath;
        const quote = await this.retrying(file, () => this.batch.guard(file, () => endpoint.quote(image)));
        // An estimate may cost up to its upper bound: the cap counts the most it can cost.
        const most = quote.upperBoundUsdMicros ?? quote.usdMicros;
        const record = quoteRecord(quote);
        const refused = costCap.take(most);
        if (refused !== undefined)
            throw new DeferredError(`not sent: ${refused}`, record);
        return record;
    }
    handOver(image, item, billing) {
        const link = item.url;
        const bill = billing ? { billing } : {};
        if (!link)
            return { kind: 'withheld', ...bill };
        const { hosts, maxResultBytes } = this.options;
        return {
            ...bill,
            kind: 'image',
            bytes: () => openDownload(image.relativePath, link, {
                hosts,
                maxBytes: maxResultBytes,
                dispatcher: this.downloads,
                timeoutMs: this.options.downloadTimeoutMs
            }),
            resolution: item.resolution,
            seed: item.seed,
            prompt: item.prompt
        };
    }
    async close() {
        await Promise.all([this.options.endpoint.close(), this.downloads.close()]);
    }
}
/** A quote as the results report it. */
function quoteRecord(quote) {
    const { usdMicros, qualifier, upperBoundUsdMicros, creditMillis } = quote;
    return upperBoundUsdMicros === undefined
        ? { usdMicros, qualifier, creditMillis }
        : { usdMicros, qualifier, upperBoundUsdMicros, creditMillis };
}

// EXTERNAL MODULE: ./src/state/manifest.ts
var state_manifest = __webpack_require__(87572);
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
        const error = `past '${inputs/* Input */.p.MaxImages}' (${this.maxImages} images); a later run takes it first`;
        return { source, status: 'deferred', outputs: [], error };
    }
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

// EXTERNAL MODULE: ./src/imaging/image-file.ts
var image_file = __webpack_require__(64002);
;// CONCATENATED MODULE: ./src/pipeline/reconvert.ts


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
        return (0,async_retry/* withRetries */.LH)(() => this.saveOnce(source, planned, bytes), { ...retry, maxRetries: Math.min(retry.maxRetries, 2) }, error => (isTransientRead(error) ? { budget: 'errors' } : undefined));
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
                throw new DownloadError(source, 'the result is not a PNG, JPEG or WebP image (judged by its bytes)');
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
                    throw new DownloadError(source, `the result is over the ${maxBytes}-byte cap`);
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
            if (error instanceof DownloadError)
                throw error;
            throw new WriteError(path, error);
        }
        return written;
    }
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
/** The `skipped` result of a source whose bytes, settings and results the manifest still vouches for. */
async function unchanged(source, sha256, lookup) {
    const { manifest, fingerprint, present } = lookup;
    const entry = await manifest.unchanged(source, sha256, fingerprint, present);
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
    const sha256 = await (0,state_manifest/* hashOpened */.s$)(file.handle).catch(() => undefined);
    if (sha256 === undefined || lookup.force)
        return { sha256, verdict: undefined };
    const skipped = await unchanged(source, sha256, lookup);
    if (skipped)
        return { sha256, verdict: { skipped } };
    const earlier = await lookup.manifest.recorded(source, sha256);
    if (!earlier || !lookup.reusable(earlier))
        return { sha256, verdict: undefined };
    if (earlier.entry.status === 'unsafe') {
        // Billed and withheld: there is nothing to convert, and asking again would be billed again.
        const why = `Ideogram withheld its result as unsafe on ${earlier.entry.upscaledAt}; nothing to convert`;
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

// EXTERNAL MODULE: ./src/settings/settings.ts
var settings_settings = __webpack_require__(27100);
;// CONCATENATED MODULE: ./src/pipeline/run-job.ts
























/** Room for an 8192×8192 result of a v2 model; bounds what a misbehaving link can write. */
const MAX_RESULT_BYTES = 400 * 1024 * 1024;
/** Quotes asked for at once in a dry run (they take no in-flight places). */
const QUOTE_PARALLELISM = 4;
function retryPolicy(transport) {
    return (0,async_retry/* defaultRetryPolicy */.ur)({
        maxRetries: transport.maxRetries,
        retryLostResponses: transport.retryTimeouts,
        maxRateLimitWaitMs: transport.rateLimitWaitMs
    });
}
/** The legacy endpoint's successor and deprecation signs, told once a run. */
function legacyNotices(hooks) {
    let told = false;
    return ({ successor, deprecation }) => {
        if (told)
            return;
        told = true;
        const parts = [
            successor ? `Ideogram names a successor to POST /upscale: ${successor} (set 'model' to use a v2 upscaler)` : '',
            deprecation ? `Ideogram marks POST /upscale deprecated (Deprecation: ${deprecation})` : ''
        ];
        hooks.onNotice?.(parts.filter(part => part !== '').join('. '));
    };
}
function ideogramEndpoint(provider, transport, hooks) {
    const client = new IdeogramClient({
        apiUrl: provider.apiUrl,
        apiKey: provider.apiKey,
        timeoutMs: transport.requestTimeoutMs,
        onLegacyNotice: legacyNotices(hooks)
    });
    return provider.kind === 'legacy'
        ? new LegacyEndpoint(client, provider.request)
        : new V2Endpoint(client, provider, new Poller(defaultPollOptions()));
}
/**
 * A provider made when the first source reaches it: a run that skips everything never loads the local provider's
 * codecs, nor opens a connection.
 */
function lazily(create) {
    let made;
    return {
        produce: async (image, stopped) => (await (made ??= create())).produce(image, stopped),
        close: async () => {
            if (made)
                await (await made).close();
        }
    };
}
/** The local provider's codecs (WebAssembly) are loaded only when it is chosen, so the action starts fast. */
async function createProvider(settings, hooks, records) {
    const { provider, transport } = settings;
    if (provider.kind === 'local') {
        const { LocalUpscaler } = await Promise.all(/* import() */[__webpack_require__.e(542), __webpack_require__.e(205)]).then(__webpack_require__.bind(__webpack_require__, 65205));
        return new LocalUpscaler();
    }
    const maxCost = provider.kind === 'v2' ? provider.maxCost : undefined;
    return new IdeogramUpscaler({
        endpoint: ideogramEndpoint(provider, transport, hooks),
        limiter: new InflightLimiter((0,settings_settings/* inflightBounds */.F8)(transport.concurrency)),
        retry: retryPolicy(transport),
        hosts: ideogramHosts(provider.apiUrl),
        maxResultBytes: MAX_RESULT_BYTES,
        downloadTimeoutMs: transport.requestTimeoutMs,
        onRetry: hooks.onRetry,
        onBatchStopped: why => hooks.onNotice?.(why),
        ...records,
        ...(maxCost === undefined ? {} : { costCap: new CostCap(maxCost) })
    });
}
/** A dry run with a model that quotes: each checked source priced exactly as it would be sent, nothing run. */
async function quoteAll(settings, images, hooks, onResult) {
    if (settings.provider.kind !== 'v2')
        throw new Error('only v2 models quote');
    const endpoint = ideogramEndpoint(settings.provider, settings.transport, hooks);
    const retry = retryPolicy(settings.transport);
    // Quotes stop as upscales do: after the account is refused, or the host could not be reached a few times in a row.
    const batch = new BatchStop(why => hooks.onNotice?.(why));
    try {
        await (0,map_limited/* mapLimited */.bB)(images, QUOTE_PARALLELISM, async (image) => {
            const source = image.relativePath;
            let result;
            try {
                const quote = quoteRecord(await batch.retrying(source, () => batch.guard(source, () => endpoint.quote(image)), retry, event => hooks.onRetry?.(source, event)));
                result = { source, status: 'skipped', outputs: [], error: `dry run: quoted ${(0,money/* quoteText */.ol)(quote)}`, quote };
            }
            catch (error) {
                result = { source, status: 'failed', outputs: [], error: error.message };
            }
            onResult(result);
        });
    }
    finally {
        await endpoint.close();
    }
}
/**
 * Jobs to collect from earlier runs, and how this run records its own as they are accepted. `pending` fills as the
 * selection hands sources over (`collect`), before each reaches the upscaler; `hashes` are the job's, by source.
 */
function jobRecords(settingsPrint, manifest, hooks, hashes) {
    const pending = new Map();
    return {
        pending,
        collect: ({ relativePath: source, sha256 }) => {
            if (sha256 === undefined)
                return;
            const id = manifest?.pendingJob(source, sha256, settingsPrint);
            if (id !== undefined)
                pending.set(source, id);
        },
        onAccepted: async (file, generationId) => {
            const sha256 = hashes.get(file);
            if (!manifest || sha256 === undefined)
                return;
            const job = { generationId, sha256, settings: settingsPrint, acceptedAt: new Date().toISOString() };
            await manifest.accepted(file, job).catch((error) => {
                hooks.onNotice?.(`${file}: Ideogram accepted generation ${generationId}, but the manifest could not record it: ${error.message}`);
            });
        },
        onAbandoned: file => {
            void manifest?.abandoned(file).catch((error) => {
                hooks.onNotice?.(`${file}: the manifest could not forget its failed job: ${error.message}`);
            });
        }
    };
}
/**
 * The work shared by the action and the command-line tool: discovery → selection (the event's changes, the
 * manifest, the destinations, the checks) → (upscale → download per source) → manifest, as a pipeline: the first
 * source is sent while the last ones are still being read. Publishing and reporting are the caller's.
 */
async function runJob(settings, hooks = {}, { only, cancellation, branchManifest } = {}) {
    const { manifest: manifestPath, force } = settings.selection;
    const manifest = manifestPath ? await state_manifest/* Manifest */._8.load(settings.workspace, manifestPath, force) : undefined;
    for (const warning of manifest?.warnings ?? [])
        (hooks.onWarning ?? hooks.onNotice)?.(warning);
    if (manifest && branchManifest)
        manifest.takeFromBranch(branchManifest);
    const earlierResults = manifest?.resultOwners() ?? new Map();
    const discovery = await discoverSources(settings.workspace, settings.discovery.patterns, path => settings.output.template.matches(path) || earlierResults.has(path));
    hooks.onDiscovered?.(discovery);
    const selected = only ? discovery.sources.filter(source => only.has(source)) : discovery.sources;
    const { template, imagesPerSource, overwrite, conversion } = settings.output;
    const settingsPrint = (0,fingerprint/* fingerprint */.R)(settings);
    const lookup = manifest && {
        manifest,
        fingerprint: settingsPrint,
        force,
        present: resultPresence(settings.workspace),
        reusable: earlier => (0,fingerprint/* sameUpscale */.U)(earlier.entry, settings) && canReconvert(earlier, conversion)
    };
    // Who may write each result path is known from the paths alone; only sources that share one (rare) need to know
    // before the run whether the others are sent, so only those are looked up first.
    const destinations = await Destinations.prepare(discovery.sources, template, imagesPerSource, { workspace: settings.workspace, sources: new Set(discovery.sources), earlier: earlierResults, overwrite }, conversion);
    const selectedSet = new Set(selected);
    const rivals = new Set(selected.flatMap(source => {
        const others = destinations.rivals(source).filter(other => selectedSet.has(other));
        return others.length > 0 ? [source, ...others] : [];
    }));
    const skippedRivals = new Set();
    for (const source of rivals) {
        if (lookup && (await skippedByManifest(source, settings.workspace, lookup)))
            skippedRivals.add(source);
    }
    const sent = (rival) => selectedSet.has(rival) && !skippedRivals.has(rival);
    // Two sources both sent that would write one path: the template does not work for them (nothing sent yet).
    (0,output_path/* planOutputs */.iS)([...rivals].filter(sent), template, imagesPerSource, conversion);
    const plan = (source) => (0,output_path/* plannedOutputs */.hu)(source, template, imagesPerSource, conversion);
    // Each selected source finishes exactly once, whichever stage settles it.
    const finished = new Map();
    const hashes = new Map();
    /** Results as Ideogram returned them that a conversion left in place: what the next change converts from. */
    const keptReturned = new Map();
    const finish = (result) => {
        finished.set(result.source, result);
        // Checkpointed as it finishes (its results already in place), so a kill loses no paid work. A failed append
        // surfaces when the manifest is saved. The hash is of the bytes checked, which the upload made sure it sent.
        const sha256 = hashes.get(result.source);
        const returned = keptReturned.get(result.source);
        if (manifest && sha256) {
            manifest.record(result, sha256, settingsPrint, new Date(), returned).catch(() => { });
        }
        hooks.onResult?.(result, finished.size, selected.length);
    };
    const budget = new ImageBudget(imagesPerSource, settings.selection.maxImages);
    const records = jobRecords(settingsPrint, manifest, hooks, hashes);
    const toSend = [];
    const toQuote = [];
    // What the selection hands over, decided as it comes: past max-images, or a dry run, it is settled here.
    async function* work() {
        const selection = selectSources(selected, {
            workspace: settings.workspace,
            maxFileBytes: settings.discovery.maxFileBytes,
            lookup,
            destinations,
            sent,
            // Without a price to ask for, a dry run lists what it would send (the checks come with sending).
            checkContent: !settings.dryRun || settings.provider.kind === 'v2'
        });
        for await (const item of selection) {
            if (item.kind === 'settled') {
                yield item;
                continue;
            }
            if (item.kind === 'earlier') {
                if (!settings.dryRun)
                    hashes.set(item.source, item.sha256);
                yield { kind: 'settled', result: await convertEarlier(item.source, item.earlier) };
                continue;
            }
            const source = item.kind === 'listed' ? item.source : item.image.relativePath;
            // A source refused or failing its check costs nothing, so it takes no share of the run's budget.
            const deferred = budget.take(source);
            if (deferred) {
                yield { kind: 'settled', result: deferred };
                continue;
            }
            toSend.push(source);
            if (item.kind === 'checked' && !settings.dryRun) {
                if (item.image.sha256 !== undefined)
                    hashes.set(source, item.image.sha256);
                records.collect(item.image);
                yield item;
            }
            else if (item.kind === 'checked') {
                toQuote.push(item.image);
            }
            else {
                yield { kind: 'settled', result: { source, status: 'skipped', outputs: [], error: 'dry run: nothing sent' } };
            }
        }
    }
    // Earlier results whose conversion alone changed: converted again, one at a time, instead of paid for again.
    async function convertEarlier(source, earlier) {
        if (settings.dryRun) {
            return { source, status: 'skipped', outputs: [], error: 'dry run: would convert its earlier result' };
        }
        const result = await reconvert(settings.workspace, source, earlier, {
            planned: plan(source),
            conversion,
            replaceable: destinations.replaceable
        });
        // Results as returned, converted to other paths, stay what the next change converts from.
        const written = new Set(result.outputs.map(output => output.path));
        if (earlier.asReturned && earlier.from.every(output => !written.has(output.path))) {
            keptReturned.set(source, earlier.from);
        }
        return result;
    }
    const provider = lazily(() => createProvider(settings, hooks, records));
    try {
        await upscaleAll(provider, {
            sources: work(),
            plan,
            sink: new ResultSink({
                workspace: settings.workspace,
                maxBytes: MAX_RESULT_BYTES,
                retry: retryPolicy(settings.transport),
                cut: cancellation?.cut,
                replaceable: destinations.replaceable,
                conversion
            }),
            cancellation,
            // More sources under way than places, so downloads overlap with uploads.
            workers: (0,settings_settings/* inflightBounds */.F8)(settings.transport.concurrency).ceiling * 2,
            onResult: finish
        });
    }
    finally {
        // Closing waits for requests in flight; once they are cut, nothing more is wanted of them.
        await (0,async_cancellation/* unlessCut */.Dz)(provider.close(), cancellation?.cut).catch((error) => {
            if (!(error instanceof async_cancellation/* CancelledError */.cc))
                throw error;
        });
    }
    // A dry run with a model that quotes: what it would send, priced.
    if (toQuote.length > 0)
        await quoteAll(settings, toQuote, hooks, finish);
    // A source a cancellation stopped before it started: nothing was sent for it, and the next run takes it.
    const why = new async_cancellation/* NotStartedError */.x$().message;
    const notStarted = (source) => ({ source, status: 'deferred', outputs: [], error: why });
    const results = selected.map(source => finished.get(source) ?? notStarted(source));
    // What a killed run left half-written where this run writes goes once the run is done: those files are named
    // after a dead process, so nothing this run writes meets them, and listing every result folder stays off the
    // path to the first request.
    if (!settings.dryRun) {
        const removed = await removeLeftovers(settings.workspace, selected.flatMap(plan), manifestPath).catch(() => []);
        if (removed.length > 0) {
            hooks.onNotice?.(`Removed ${removed.length} temporary file(s) a killed run left behind: ${removed.join(', ')}`);
        }
    }
    let manifestWritten;
    if (manifest?.hasChanges && !settings.dryRun) {
        await manifest.save();
        manifestWritten = manifest.path;
    }
    return { discovery, results, manifestWritten, sent: toSend };
}


/***/ })

};
