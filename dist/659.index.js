export const id = 659;
export const ids = [659];
export const modules = {

/***/ 9657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MG: () => (/* binding */ mapAhead),
/* harmony export */   bB: () => (/* binding */ mapLimited),
/* harmony export */   vP: () => (/* binding */ forEachLimited)
/* harmony export */ });
/**
 * Runs `fn` over the items as `source` hands them over, at most `limit` calls at once, each worker taking the next
 * item as it frees up: the one worker pool. The source may still be producing (an async generator) while the
 * first items are worked on. Once `stop` is aborted no further item is taken. A failing call fails the whole run.
 */
async function forEachLimited(source, limit, fn, stop) {
    const items = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
    async function worker() {
        // Several workers may wait on an async generator at once: it answers them in turn, and each once it is done.
        const stopped = () => stop?.aborted === true;
        while (!stopped()) {
            const next = await items.next();
            // Taken after a stop: not started, and left for the caller to report so.
            if (next.done === true || stopped())
                return;
            await fn(next.value);
        }
    }
    await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}
/**
 * Maps `items` through `fn` with at most `limit` calls under way at once; results keep the items' order. The
 * manifest's hashes, the dry run's quotes and the commit's blobs go through it.
 */
async function mapLimited(items, limit, fn, options = {}) {
    const out = new Array(items.length);
    const finished = new Array(items.length).fill(false);
    let done = 0;
    await forEachLimited(items.entries(), Math.min(limit, items.length), async ([i, item]) => {
        const result = await fn(item);
        out[i] = result;
        finished[i] = true;
        options.onEach?.(result, ++done, items.length);
    }, options.stop?.signal);
    const { stop } = options;
    if (stop) {
        for (const [i, item] of items.entries())
            if (!finished[i])
                out[i] = stop.notStarted(item);
    }
    return out;
}
/**
 * Maps `items` through `fn`, up to `limit` calls ahead of the consumer, and yields the results in the items' order:
 * a pipeline stage that keeps working while what it produced is being used. It starts with one call and adds up
 * to two more as each finishes, rather than `limit` at once: calls started together queue their file reads in the
 * thread pool ahead of the first call's next ones, so the first result would wait for all of them. A call that
 * fails fails the iteration when its turn comes.
 */
async function* mapAhead(items, limit, fn) {
    const source = items[Symbol.iterator]();
    const started = [];
    let ahead = 1;
    let exhausted = false;
    const startMore = () => {
        while (!exhausted && started.length < ahead) {
            const next = source.next();
            if (next.done === true) {
                exhausted = true;
                return;
            }
            const call = fn(next.value).finally(() => {
                ahead = Math.min(Math.max(1, limit), ahead + 2);
                startMore();
            });
            // Handled when its turn comes; until then it must not count as an unhandled rejection.
            call.catch(() => undefined);
            started.push(call);
        }
    };
    startMore();
    while (started.length > 0) {
        const result = await started.shift();
        startMore();
        yield result;
    }
}


/***/ }),

/***/ 32890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   ur: () => (/* binding */ defaultRetryPolicy)
/* harmony export */ });
/* unused harmony exports DEFAULT_RATE_LIMIT_RETRIES, backoffMs */
const DEFAULT_RATE_LIMIT_RETRIES = 50;
function defaultRetryPolicy(overrides = {}) {
    return {
        maxRetries: 4,
        maxRateLimitRetries: DEFAULT_RATE_LIMIT_RETRIES,
        retryLostResponses: false,
        maxDelayMs: 60_000,
        maxRateLimitWaitMs: 600_000,
        sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
        random: Math.random,
        ...overrides
    };
}
/** Reads `retry-after-ms`, then `retry-after` in seconds or as an HTTP date. */
function parseRetryAfter(headers, now = Date.now()) {
    const first = (name) => {
        const value = headers[name];
        return Array.isArray(value) ? value[0] : value;
    };
    const rawMs = first('retry-after-ms')?.trim();
    const ms = Number(rawMs);
    // Number('') is 0: an empty header must not mean "no wait".
    if (rawMs !== undefined && rawMs !== '' && Number.isFinite(ms) && ms >= 0)
        return ms;
    const raw = first('retry-after');
    if (raw === undefined || raw.trim() === '')
        return undefined;
    const seconds = Number(raw);
    if (Number.isFinite(seconds))
        return seconds >= 0 ? seconds * 1000 : undefined;
    const date = Date.parse(raw);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Exponential backoff, 0.5 s doubling up to 8 s, with up to 25% jitter off so clients spread out. */
function backoffMs(retry, random) {
    const base = Math.min(500 * 2 ** retry, 8000);
    return base * (1 - 0.25 * random());
}
/** Runs `attempt` until it succeeds or the policy says stop; `rule` classifies failures; the last error is thrown. */
async function withRetries(attempt, policy, rule, onRetry) {
    const used = { 'rate-limit': 0, errors: 0 };
    let rateLimitWaitLeft = policy.maxRateLimitWaitMs;
    for (;;) {
        try {
            return await attempt();
        }
        catch (error) {
            const decision = rule(error, policy);
            if (decision === undefined)
                throw error;
            const { budget, retryAfterMs } = decision;
            if (used[budget] >= (budget === 'rate-limit' ? policy.maxRateLimitRetries : policy.maxRetries))
                throw error;
            let delayMs = Math.min(retryAfterMs ?? backoffMs(used[budget], policy.random), policy.maxDelayMs);
            if (budget === 'rate-limit') {
                // `Retry-After: 3600` on every 429 must not hold one image for an hour: the waits share one bound.
                if (rateLimitWaitLeft <= 0)
                    throw error;
                delayMs = Math.min(delayMs, rateLimitWaitLeft);
                rateLimitWaitLeft -= delayMs;
            }
            used[budget] += 1;
            onRetry?.({ error, delayMs, retry: used['rate-limit'] + used.errors });
            await policy.sleep(delayMs);
        }
    }
}


/***/ }),

/***/ 5105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MA: () => (/* binding */ removeAbandonedTemporaries),
/* harmony export */   jA: () => (/* binding */ writeStreamAtomically),
/* harmony export */   lo: () => (/* binding */ writeFileAtomically),
/* harmony export */   ub: () => (/* binding */ temporaryPathFor)
/* harmony export */ });
/* unused harmony export DestinationTakenError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** `.upscale-<pid>-<12 hex digits>.part`: the writing process's id tells a live write from an abandoned one. */
const TEMPORARY_NAME = /^\.upscale-(\d+)-[0-9a-f]{12}\.part$/;
/**
 * A hidden, unique name beside `path`, on the same file system so the final step is atomic. Short whatever the
 * final name (a name near the file system's 255-byte limit would not fit with a suffix), and never a match for an
 * image pattern.
 */
function temporaryPathFor(path) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), `.upscale-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.part`);
}
/** Whether the process `pid` is gone (a process of another user still counts as there). */
function gone(pid) {
    if (pid === process.pid)
        return false;
    try {
        process.kill(pid, 0);
        return false;
    }
    catch (error) {
        return error.code === 'ESRCH';
    }
}
/**
 * Removes from each folder the temporary files of writes whose process is gone: killed (SIGKILL, a lost runner)
 * before it could remove them. Only regular files named as `temporaryPathFor` names them are touched, and never one
 * a live process may still be writing (another run in the same folders). A folder that does not exist is skipped.
 * @returns the paths removed
 */
async function removeAbandonedTemporaries(dirs) {
    const removed = [];
    for (const dir of new Set(dirs)) {
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            const pid = TEMPORARY_NAME.exec(entry.name)?.[1];
            if (!entry.isFile() || pid === undefined || !gone(Number(pid)))
                continue;
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry.name);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(path).then(() => removed.push(path), () => undefined);
        }
    }
    return removed;
}
/** Something was created at a path planned to be free, after the plan was checked: it is left as it is. */
class DestinationTakenError extends Error {
    path;
    name = 'DestinationTakenError';
    constructor(path) {
        super(`${path} appeared while the result was being written; it was left as it is`);
        this.path = path;
    }
}
/**
 * Puts `temporary` at `path` only if nothing is there, and removes it; false where hard links are not supported
 * (then nothing exists at `path`, checked just now, and a rename follows).
 */
async function linkNew(temporary, path) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(temporary, path);
    }
    catch (error) {
        const taken = error.code === 'EEXIST' ||
            (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(path).then(() => true, () => false));
        if (taken)
            throw new DestinationTakenError(path);
        return false;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(temporary);
    return true;
}
/**
 * Writes a file atomically from chunks: into a hidden temporary file beside its final place, moved there when
 * complete, so a failed write never leaves half a file where a result is expected, nor the temporary file.
 */
async function writeStreamAtomically(path, chunks, options = {}) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
    const temporary = temporaryPathFor(path);
    // Opened (and so created) before anything can fail: removing it afterwards then always finds it.
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(temporary, 'wx');
    let written = 0;
    try {
        try {
            for await (const chunk of chunks) {
                options.signal?.throwIfAborted();
                await handle.write(chunk);
                written += chunk.length;
            }
        }
        finally {
            await handle.close();
        }
        if (options.replace || !(await linkNew(temporary, path)))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temporary, path);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temporary, { force: true });
        throw error;
    }
    return written;
}
/** Writes a whole file atomically; see `writeStreamAtomically`. */
async function writeFileAtomically(path, data, options = {}) {
    await writeStreamAtomically(path, [typeof data === 'string' ? Buffer.from(data) : data], options);
}


/***/ }),

/***/ 31283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   T0: () => (/* binding */ toPosixRelative),
/* harmony export */   x2: () => (/* binding */ writablePathProblem)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _text_printable_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38572);


/** An empty, `.` or `..` segment: what makes a path need resolving before it can be compared by prefix. */
const NOT_PLAIN = /(?:^|\/)(?:\.\.?)?(?:\/|$)/;
/**
 * `path` relative to `root` by prefix alone, when that is certain: `/` separators and a plain tail below `root`.
 * Discovery asks this of every file it finds, and `path.relative` resolves both paths each time.
 */
function plainRelative(root, path) {
    if (node_path__WEBPACK_IMPORTED_MODULE_0__.sep !== '/' || path.length <= root.length + 1 || path[root.length] !== '/' || !path.startsWith(root)) {
        return undefined;
    }
    const tail = path.slice(root.length + 1);
    return NOT_PLAIN.test(tail) ? undefined : tail;
}
/** Whether `path` lies strictly below `root` (both absolute): the check that keeps reads and writes in the workspace. */
function isInside(root, path) {
    if (plainRelative(root, path) !== undefined)
        return true;
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(root, path);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(rel);
}
/** A path relative to `root`, with `/` separators whatever the platform: how sources and results are named. */
function toPosixRelative(root, path) {
    return plainRelative(root, path) ?? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(root, path).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/');
}
/**
 * Why a workspace-relative path (with `/`) may not be written to, or undefined: it must stay inside the workspace,
 * never go into a `.git` directory (git's own files: a result there could rewrite the repository's configuration),
 * and hold no control character.
 */
function writablePathProblem(path) {
    const normal = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(path);
    if (node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(normal) || /^[A-Za-z]:/.test(normal))
        return 'is an absolute path';
    if (normal === '..' || normal.startsWith('../'))
        return 'is outside the workspace';
    if (normal.split('/').some(part => part.toLowerCase() === '.git'))
        return 'is inside a .git directory';
    const control = (0,_text_printable_js__WEBPACK_IMPORTED_MODULE_1__/* .controlCharacterIn */ .k)(path);
    return control ? `has a control character (${control})` : undefined;
}


/***/ }),

/***/ 73541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ fileChunks)
/* harmony export */ });
/** How much of a file one read takes. */
const READ_BYTES = 256 * 1024;
/** Buffers not in use; as many as files were read at once, at most. */
const spare = [];
/**
 * An open file's bytes from where its position stands, a chunk at a time, read into one buffer taken from a pool and
 * given back when the reading ends. A stream would allocate a buffer per chunk, and those float until a garbage
 * collection: 40 to 90 MB on a batch of large images. Each chunk is a view of the buffer, valid until the next one is
 * asked for. With `size`, exactly that many bytes: a file that turns out longer or shorter throws.
 */
async function* fileChunks(handle, size) {
    const buffer = spare.pop() ?? Buffer.allocUnsafeSlow(READ_BYTES);
    try {
        for (let read = 0;;) {
            const want = size === undefined ? buffer.length : Math.min(buffer.length, size - read);
            // With a size, one byte more is asked for at the end: there must be none.
            const { bytesRead } = await handle.read(buffer, 0, want === 0 ? 1 : want, null);
            if (want === 0 && bytesRead > 0)
                throw new Error(`the file grew past ${size} bytes while it was read`);
            if (bytesRead === 0) {
                if (size !== undefined && read < size)
                    throw new Error(`the file shrank to ${read} bytes while it was read`);
                return;
            }
            read += bytesRead;
            yield buffer.subarray(0, bytesRead);
            // Without a size, a read short of what was asked is the end: a small file takes one read.
            if (size === undefined && bytesRead < want)
                return;
        }
    }
    finally {
        spare.push(buffer);
    }
}


/***/ }),

/***/ 65650:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E4: () => (/* binding */ versionOf),
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   ZU: () => (/* binding */ openRegularFile),
/* harmony export */   iZ: () => (/* binding */ NotRegularFileError),
/* harmony export */   pM: () => (/* binding */ readTextIfThere),
/* harmony export */   r1: () => (/* binding */ sameVersion)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);


/** The path names something other than a regular file: reading it could block (a FIFO) or never end (a device). */
class NotRegularFileError extends Error {
    kind;
    name = 'NotRegularFileError';
    constructor(
    /** What it is instead, e.g. `a named pipe (FIFO)`. */
    kind) {
        super(`is ${kind}, not a regular file`);
        this.kind = kind;
    }
}
/** What a path that is not a regular file is, in words. */
function kindOf(stats) {
    if (stats.isDirectory())
        return 'a directory';
    if (stats.isFIFO())
        return 'a named pipe (FIFO)';
    if (stats.isSocket())
        return 'a socket';
    if (stats.isCharacterDevice() || stats.isBlockDevice())
        return 'a device';
    if (stats.isSymbolicLink())
        return 'a symbolic link';
    return 'a special file';
}
/**
 * Opens a regular file for reading, and nothing else: stat first (a stat never blocks), then open without
 * blocking, so a path swapped for a FIFO in between still returns at once and is refused by the second check.
 * @throws NotRegularFileError, or the file system's error (ENOENT, EACCES, …).
 */
async function openRegularFile(path) {
    const before = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path);
    if (!before.isFile())
        throw new NotRegularFileError(kindOf(before));
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw new NotRegularFileError(kindOf(stats));
        return { handle, stats };
    }
    catch (error) {
        await handle.close();
        throw error;
    }
}
/**
 * A regular file's bytes: anything else in its place is refused at once, never read (a FIFO would block the read,
 * a link to /dev/zero never end it). @throws NotRegularFileError, or the file system's error
 */
async function readRegularFile(path) {
    const { handle } = await openRegularFile(path);
    try {
        return await handle.readFile();
    }
    finally {
        await handle.close();
    }
}
function versionOf({ dev, ino, size, mtimeMs }) {
    return { dev, ino, size, mtimeMs };
}
function sameVersion(a, b) {
    return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
/**
 * The text at `path`, undefined when nothing is there, or why what is there is not a file (a FIFO would block the
 * read, a link to /dev/zero never end it).
 */
async function readTextIfThere(path) {
    try {
        return (await readRegularFile(path)).toString('utf8');
    }
    catch (error) {
        if (error instanceof NotRegularFileError)
            return error;
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}


/***/ }),

/***/ 51657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ readDimensions)
/* harmony export */ });
function u16be(bytes, at) {
    return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}
function u32be(bytes, at) {
    return u16be(bytes, at) * 0x10000 + u16be(bytes, at + 2);
}
function u16le(bytes, at) {
    return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}
function u24le(bytes, at) {
    return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
}
function ascii(bytes, at, length) {
    return String.fromCharCode(...bytes.subarray(at, at + length));
}
function png(bytes) {
    // Signature (8), then the IHDR chunk: length (4), type (4), width (4), height (4).
    if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR')
        return undefined;
    return { width: u32be(bytes, 16), height: u32be(bytes, 20) };
}
// Start-of-frame markers: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
function jpeg(bytes) {
    let at = 2;
    while (at + 4 <= bytes.length) {
        if (bytes[at] !== 0xff)
            return undefined;
        const marker = bytes[at + 1] ?? 0;
        if (marker === 0xff) {
            at += 1; // fill byte
            continue;
        }
        if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
            at += 2; // markers without a length
            continue;
        }
        if (marker === 0xd9 || marker === 0xda)
            return undefined; // image data before any frame header
        const length = u16be(bytes, at + 2);
        if (SOF.has(marker)) {
            if (at + 9 > bytes.length)
                return undefined;
            return { width: u16be(bytes, at + 7), height: u16be(bytes, at + 5) };
        }
        at += 2 + length;
    }
    return undefined;
}
function webp(bytes) {
    if (bytes.length < 30)
        return undefined;
    const chunk = ascii(bytes, 12, 4);
    if (chunk === 'VP8 ') {
        // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
        if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a)
            return undefined;
        return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
    }
    if (chunk === 'VP8L') {
        // Lossless: signature 0x2f, then width − 1 and height − 1 in 14 bits each, little-endian.
        if (bytes[20] !== 0x2f)
            return undefined;
        const bits = (bytes[21] ?? 0) | ((bytes[22] ?? 0) << 8) | ((bytes[23] ?? 0) << 16) | ((bytes[24] ?? 0) << 24);
        return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') {
        // Extended: canvas width − 1 and height − 1 in 24 bits each, little-endian.
        return { width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
    }
    return undefined;
}
/**
 * An image's width and height read from its header, without decoding it; undefined when the header is not where
 * it should be (the decoder then has the last word). JPEG sizes are as stored, before any EXIF rotation.
 */
function readDimensions(bytes, format) {
    const found = format === 'png' ? png(bytes) : format === 'jpeg' ? jpeg(bytes) : webp(bytes);
    return found && found.width > 0 && found.height > 0 ? found : undefined;
}


/***/ }),

/***/ 1474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Me: () => (/* binding */ formatsWhere),
/* harmony export */   hR: () => (/* binding */ FORMATS),
/* harmony export */   je: () => (/* binding */ extensionOf)
/* harmony export */ });
function ascii(text) {
    return [...text].map(c => c.charCodeAt(0));
}
const FORMATS = {
    png: {
        label: 'PNG',
        extensions: ['png'],
        mime: 'image/png',
        signature: [[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]],
        source: true,
        result: true,
        output: 1,
        quality: undefined,
        maxSide: undefined
    },
    jpeg: {
        label: 'JPEG',
        extensions: ['jpg', 'jpeg'],
        mime: 'image/jpeg',
        signature: [[0, [0xff, 0xd8, 0xff]]],
        source: true,
        result: true,
        output: 4,
        quality: 85,
        maxSide: undefined
    },
    webp: {
        label: 'WebP',
        extensions: ['webp'],
        mime: 'image/webp',
        signature: [
            [0, ascii('RIFF')],
            [8, ascii('WEBP')]
        ],
        source: true,
        result: true,
        output: 2,
        quality: 82,
        maxSide: 16383
    },
    avif: {
        label: 'AVIF',
        extensions: ['avif'],
        mime: 'image/avif',
        signature: [],
        source: false,
        result: false,
        output: 3,
        quality: 60,
        maxSide: undefined
    }
};
/** The formats that `fact` holds for, in the table's order. */
function formatsWhere(fact) {
    return Object.keys(FORMATS).filter(format => fact(FORMATS[format]));
}
/** The extension a file of this format gets when we name it. */
function extensionOf(format) {
    return FORMATS[format].extensions[0];
}


/***/ }),

/***/ 64002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ probeOpened),
/* harmony export */   k: () => (/* binding */ probeImageFile)
/* harmony export */ });
/* harmony import */ var _dimensions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51657);
/* harmony import */ var _image_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53939);
/* harmony import */ var _fs_regular_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65650);



/** Enough for any header we read: JPEG's frame header can follow large EXIF and ICC segments. */
const HEADER_BYTES = 512 * 1024;
/**
 * Size, format and dimensions of an opened image file from its first bytes, read from its start wherever it stands.
 * `wholeIfNeeded`: when the dimensions are not in the first bytes (metadata that runs longer), read the whole file
 * for them; for a check that must not guess, on a file whose size is already bounded.
 */
async function probeOpened({ handle, stats }, { wholeIfNeeded = false } = {}) {
    const head = new Uint8Array(Math.min(stats.size, HEADER_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    const format = (0,_image_format_js__WEBPACK_IMPORTED_MODULE_1__/* .sniffFormat */ .OG)(bytes);
    let dimensions = format && (0,_dimensions_js__WEBPACK_IMPORTED_MODULE_0__/* .readDimensions */ .G)(bytes, format);
    if (format && !dimensions && wholeIfNeeded && stats.size > bytesRead) {
        dimensions = (0,_dimensions_js__WEBPACK_IMPORTED_MODULE_0__/* .readDimensions */ .G)(await handle.readFile(), format);
    }
    return { bytes: stats.size, format, dimensions };
}
/** Size, format and dimensions of an image file from its first bytes; undefined when it is not a readable file. */
async function probeImageFile(path) {
    let opened;
    try {
        // Only a regular file: a FIFO in its place would block the report.
        opened = await (0,_fs_regular_file_js__WEBPACK_IMPORTED_MODULE_2__/* .openRegularFile */ .ZU)(path);
        return await probeOpened(opened);
    }
    catch {
        return undefined;
    }
    finally {
        await opened?.handle.close();
    }
}


/***/ }),

/***/ 53939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OG: () => (/* binding */ sniffFormat),
/* harmony export */   Z$: () => (/* binding */ MIME_TYPES),
/* harmony export */   Z1: () => (/* binding */ EXTENSIONS),
/* harmony export */   dD: () => (/* binding */ SNIFF_BYTES),
/* harmony export */   fQ: () => (/* binding */ SOURCE_EXTENSIONS),
/* harmony export */   l0: () => (/* binding */ IMAGE_FORMATS)
/* harmony export */ });
/* harmony import */ var _formats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1474);

/** Image formats the action reads (sources the Upscale API accepts, results), recognised by their bytes. */
const IMAGE_FORMATS = (0,_formats_js__WEBPACK_IMPORTED_MODULE_0__/* .formatsWhere */ .Me)(facts => facts.source || facts.result);
const MIME_TYPES = Object.fromEntries(IMAGE_FORMATS.map(format => [format, _formats_js__WEBPACK_IMPORTED_MODULE_0__/* .FORMATS */ .hR[format].mime]));
/** The extension a file of this format gets when we name it (`{ext}` in output-path). */
const EXTENSIONS = Object.fromEntries(IMAGE_FORMATS.map(format => [format, (0,_formats_js__WEBPACK_IMPORTED_MODULE_0__/* .extensionOf */ .je)(format)]));
/** What a source's file may end in, each format's names in turn: what the default `files` patterns look for. */
const SOURCE_EXTENSIONS = (0,_formats_js__WEBPACK_IMPORTED_MODULE_0__/* .formatsWhere */ .Me)(facts => facts.source).flatMap(format => _formats_js__WEBPACK_IMPORTED_MODULE_0__/* .FORMATS */ .hR[format].extensions);
/** How many leading bytes `sniffFormat` needs. */
const SNIFF_BYTES = Math.max(...IMAGE_FORMATS.flatMap(format => _formats_js__WEBPACK_IMPORTED_MODULE_0__/* .FORMATS */ .hR[format].signature.map(([offset, bytes]) => offset + bytes.length)));
function sniffFormat(bytes) {
    return IMAGE_FORMATS.find(format => _formats_js__WEBPACK_IMPORTED_MODULE_0__/* .FORMATS */ .hR[format].signature.every(([offset, expected]) => expected.every((value, i) => bytes[offset + i] === value)));
}


/***/ }),

/***/ 28733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DS: () => (/* binding */ OUTPUT_FORMATS),
/* harmony export */   Hi: () => (/* binding */ fitWithin),
/* harmony export */   fy: () => (/* binding */ OUTPUT_FORMAT_INFO),
/* harmony export */   hz: () => (/* binding */ MAX_OUTPUT_SIDE),
/* harmony export */   jK: () => (/* binding */ targetFormat),
/* harmony export */   kp: () => (/* binding */ conversionKey),
/* harmony export */   p_: () => (/* binding */ AS_RETURNED),
/* harmony export */   vi: () => (/* binding */ passesUntouched),
/* harmony export */   wc: () => (/* binding */ LOSSY_FORMATS)
/* harmony export */ });
/* harmony import */ var _formats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1474);

/** The formats a result can be written in, in the order the settings and the docs list them. */
const OUTPUT_FORMATS = (0,_formats_js__WEBPACK_IMPORTED_MODULE_0__/* .formatsWhere */ .Me)(facts => facts.output !== undefined).sort((a, b) => _formats_js__WEBPACK_IMPORTED_MODULE_0__/* .FORMATS */ .hR[a].output - _formats_js__WEBPACK_IMPORTED_MODULE_0__/* .FORMATS */ .hR[b].output);
const OUTPUT_FORMAT_INFO = Object.fromEntries(OUTPUT_FORMATS.map(format => {
    const { label, quality } = _formats_js__WEBPACK_IMPORTED_MODULE_0__/* .FORMATS */ .hR[format];
    return [format, { extension: (0,_formats_js__WEBPACK_IMPORTED_MODULE_0__/* .extensionOf */ .je)(format), label, quality }];
}));
/** The output formats that take a `quality`. */
const LOSSY_FORMATS = OUTPUT_FORMATS.filter((format) => _formats_js__WEBPACK_IMPORTED_MODULE_0__/* .FORMATS */ .hR[format].quality !== undefined);
/** The largest width or height every output format's encoder takes (WebP's limit; the others allow more). */
const MAX_OUTPUT_SIDE = Math.min(...OUTPUT_FORMATS.map(format => _formats_js__WEBPACK_IMPORTED_MODULE_0__/* .FORMATS */ .hR[format].maxSide ?? Infinity));
/** As the results come: their format, their size; the bytes are written untouched. */
const AS_RETURNED = {
    format: undefined,
    quality: undefined,
    maxWidth: undefined,
    maxHeight: undefined
};
/** The size an image of `size` takes inside the conversion's box: aspect kept, never enlarged. */
function fitWithin(size, conversion) {
    const scale = Math.min(1, conversion.maxWidth === undefined ? 1 : conversion.maxWidth / size.width, conversion.maxHeight === undefined ? 1 : conversion.maxHeight / size.height);
    if (scale === 1)
        return size;
    return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}
/** Whether bytes of `format` can be written as they are, whatever their size, without looking at them. */
function passesUntouched(format, conversion) {
    const sameFormat = conversion.format === undefined || conversion.format === format;
    return sameFormat && conversion.maxWidth === undefined && conversion.maxHeight === undefined;
}
/** The format a result that came as `format` is written in. */
function targetFormat(format, conversion) {
    return conversion.format ?? format;
}
/** What the manifest records of a conversion: nothing when results are written as returned, as manifests always had. */
function conversionKey(conversion) {
    if (Object.values(conversion).every(value => value === undefined))
        return undefined;
    // Only the set fields: an undefined one would not survive the manifest's JSON, and the entry would never match.
    return Object.fromEntries(Object.entries(conversion).filter(([, value]) => value !== undefined));
}


/***/ }),

/***/ 18028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError),
/* harmony export */   p: () => (/* binding */ Input)
/* harmony export */ });
/** The action's input names, as in action.yml; the CLI's flags mirror them. */
var Input;
(function (Input) {
    Input["ApiKey"] = "api-key";
    Input["Files"] = "files";
    Input["Prompt"] = "prompt";
    Input["Resemblance"] = "resemblance";
    Input["Detail"] = "detail";
    Input["MagicPromptOption"] = "magic-prompt-option";
    Input["MagicPromptVersion"] = "magic-prompt-version";
    Input["NumImages"] = "num-images";
    Input["Seed"] = "seed";
    Input["Model"] = "model";
    Input["UpscaleFactor"] = "upscale-factor";
    Input["Creativity"] = "creativity";
    Input["EnhancementStrength"] = "enhancement-strength";
    Input["ResolutionTier"] = "resolution-tier";
    Input["ModelOptions"] = "model-options";
    Input["MaxCost"] = "max-cost";
    Input["OutputPath"] = "output-path";
    Input["OutputFormat"] = "output-format";
    Input["Quality"] = "quality";
    Input["MaxWidth"] = "max-width";
    Input["MaxHeight"] = "max-height";
    Input["Publish"] = "publish";
    Input["ArtifactName"] = "artifact-name";
    Input["RetentionDays"] = "retention-days";
    Input["GithubToken"] = "github-token";
    Input["CommitMessage"] = "commit-message";
    Input["Branch"] = "branch";
    Input["CommitAuthor"] = "commit-author";
    Input["ChangedOnly"] = "changed-only";
    Input["Manifest"] = "manifest";
    Input["Force"] = "force";
    Input["Comment"] = "comment";
    Input["CommitLfsPaths"] = "commit-lfs-paths";
    Input["MaxImages"] = "max-images";
    Input["Cache"] = "cache";
    Input["Overwrite"] = "overwrite";
    Input["Concurrency"] = "concurrency";
    Input["MaxRetries"] = "max-retries";
    Input["RequestTimeout"] = "request-timeout";
    Input["RateLimitWait"] = "rate-limit-wait";
    Input["RetryTimeouts"] = "retry-timeouts";
    Input["MaxFileSize"] = "max-file-size";
    Input["ApiUrl"] = "api-url";
    Input["Provider"] = "provider";
    Input["FailOnError"] = "fail-on-error";
    Input["DryRun"] = "dry-run";
})(Input || (Input = {}));
const quoted = input => `'${input}'`;
/**
 * A setting that cannot be used as given. It carries the input, so each caller names it its own way (the action
 * `Input 'detail' …`, the CLI `--detail …`) from the same words.
 */
class InputError extends Error {
    input;
    problem;
    name = 'InputError';
    constructor(input, problem) {
        super(`Input ${InputError.describe(input, problem, quoted)}`);
        this.input = input;
        this.problem = problem;
    }
    /** The message with every input named by `name`, e.g. `--concurrency (2) must be at least --num-images (4): …`. */
    describe(name) {
        return InputError.describe(this.input, this.problem, name);
    }
    static describe(input, problem, name) {
        return `${name(input)} ${typeof problem === 'string' ? problem : problem(name)}`;
    }
}


/***/ }),

/***/ 45165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   lq: () => (/* binding */ optional),
/* harmony export */   nd: () => (/* binding */ integer),
/* harmony export */   rJ: () => (/* binding */ secret),
/* harmony export */   yL: () => (/* binding */ oneOf),
/* harmony export */   zM: () => (/* binding */ boolean)
/* harmony export */ });
/* harmony import */ var _text_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38572);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18028);


/** The raw value as messages show it. */
function quote(value) {
    return `'${value}'`;
}
function integer(name, raw, min, max) {
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
        throw new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(name, `must be a whole number from ${min} to ${max}; got ${quote(raw)}.`);
    }
    return value;
}
function oneOf(name, raw, allowed) {
    const value = allowed.find(option => option.toLowerCase() === raw.toLowerCase());
    if (value === undefined) {
        throw new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(name, `must be one of ${allowed.join(', ')}; got ${quote(raw)}.`);
    }
    return value;
}
function boolean(name, raw) {
    return oneOf(name, raw, ['true', 'false']) === 'true';
}
/** An input that may be left empty: undefined then, so the API's own default applies. */
function optional(input, name, parse) {
    const raw = input(name);
    return raw === '' ? undefined : parse(raw);
}
/** A key or token is one word: a space or line break inside it is a pasting accident, and would break the header. */
function secret(name, raw) {
    const at = [...raw].findIndex(character => /\s/.test(character) || (0,_text_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .controlCharacterIn */ .k)(character) !== undefined);
    if (at >= 0) {
        // Never the value itself: it is a secret.
        throw new _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(name, `has a space, line break or control character inside it (character ${at + 1} of ${raw.length}); check the secret for a pasted line break.`);
    }
    return raw;
}


/***/ }),

/***/ 17122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ retryPolicy),
/* harmony export */   f: () => (/* binding */ MAX_CONCURRENCY)
/* harmony export */ });
/* harmony import */ var _async_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32890);

/** The most places `concurrency` may name, and where `auto` may probe up to. */
const MAX_CONCURRENCY = 64;
/** When a request or a download is tried again, as the transport settings say. */
function retryPolicy(transport) {
    return (0,_async_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultRetryPolicy */ .ur)({
        maxRetries: transport.maxRetries,
        retryLostResponses: transport.retryTimeouts,
        maxRateLimitWaitMs: transport.rateLimitWaitMs
    });
}


/***/ }),

/***/ 17457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ inflightBounds),
/* harmony export */   kZ: () => (/* binding */ InflightLimiter)
/* harmony export */ });
/* unused harmony export MAX_PROBE_ROUNDS */
/* harmony import */ var _net_transport_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17122);

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
/** Ideogram's documented default in-flight limit per organisation, in images. */
const DOCUMENTED_INFLIGHT_LIMIT = 10;
/** The limiter's start and bound for a concurrency setting: `auto` starts at the documented limit. */
function inflightBounds(concurrency) {
    return concurrency.kind === 'auto'
        ? { initial: DOCUMENTED_INFLIGHT_LIMIT, ceiling: _net_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_CONCURRENCY */ .f }
        : { initial: concurrency.places, ceiling: concurrency.places };
}


/***/ }),

/***/ 70011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HL: () => (/* binding */ RESOLUTION_TIERS),
/* harmony export */   IO: () => (/* binding */ describeRule),
/* harmony export */   L6: () => (/* binding */ MODELS),
/* harmony export */   Oq: () => (/* binding */ ENHANCEMENT_STRENGTHS),
/* harmony export */   PZ: () => (/* binding */ checkField),
/* harmony export */   XR: () => (/* binding */ UPSCALE_FACTORS),
/* harmony export */   Zt: () => (/* binding */ factorValue),
/* harmony export */   hz: () => (/* binding */ MAX_OUTPUT_SIDE),
/* harmony export */   mu: () => (/* binding */ V2_MAX_UPLOAD_BYTES),
/* harmony export */   yA: () => (/* binding */ V2_MODELS)
/* harmony export */ });
/**
 * Ideogram's current upscalers, `POST /v2/image/upscale/{model}`, one entry per model: what it does, how its size
 * is set, the form fields it takes (names, types, ranges as the API states them) and how it is priced. Settings
 * validate against this table, the client sends what it allows, and docs/models.md describes the same.
 */
const V2_MODELS = [
    'auto',
    'topaz-standard-2',
    'topaz-text-refine',
    'topaz-wonder-3-5',
    'topaz-wonder-4',
    'topaz-bloom-2',
    'topaz-redefine',
    'nano-banana-pro'
];
const UPSCALE_FACTORS = ['x2', 'x4', 'x8'];
const RESOLUTION_TIERS = ['1K', '2K', '4K'];
const ENHANCEMENT_STRENGTHS = ['low', 'medium', 'high'];
/** The 8192-px rule: no output side may exceed it (8192 itself is allowed). */
const MAX_OUTPUT_SIDE = 8192;
/** `image` uploads, per request; the API says "50MB" without saying which MB, so the smaller. */
const V2_MAX_UPLOAD_BYTES = 50_000_000;
const SEED = { type: 'integer', min: 0, max: 2147483647 };
const UNIT = { type: 'number', min: 0, max: 1 };
const SUBJECT = { type: 'enum', values: ['all', 'foreground', 'background'] };
const CREATIVITY = { type: 'integer', min: 1, max: 9 };
const FACE_FIELDS = {
    face_enhancement: { type: 'boolean' },
    face_enhancement_strength: UNIT,
    face_enhancement_creativity: UNIT
};
const FACE_RULE = [
    { field: 'face_enhancement', needs: ['face_enhancement_strength', 'face_enhancement_creativity'] }
];
const TOPAZ_FACTORS = { kind: 'factor', factors: UPSCALE_FACTORS, maxSide: MAX_OUTPUT_SIDE };
const perMegapixel = (usdMicrosPerMegapixel) => ({
    kind: 'per-output-megapixel',
    usdMicrosPerMegapixel
});
const FAITHFUL_FIELDS = {
    denoise: UNIT,
    sharpen: UNIT,
    fix_compression: UNIT,
    strength: { type: 'number', min: 0.01, max: 1 },
    subject_detection: SUBJECT,
    ...FACE_FIELDS
};
const MODELS = {
    auto: {
        id: 'auto',
        summary: 'Ideogram picks the upscaler per image (the choice may change over time)',
        size: TOPAZ_FACTORS,
        fields: { seed: SEED, internal: { type: 'boolean' } },
        price: perMegapixel(60_000)
    },
    'topaz-standard-2': {
        id: 'topaz-standard-2',
        summary: 'faithful: sharpens the whole image, stays close to the source',
        size: TOPAZ_FACTORS,
        // No seed on this one (the API's own schema leaves it out).
        fields: FAITHFUL_FIELDS,
        requires: FACE_RULE,
        price: perMegapixel(30_000)
    },
    'topaz-text-refine': {
        id: 'topaz-text-refine',
        summary: 'faithful: keeps large and small lettering crisp',
        size: TOPAZ_FACTORS,
        fields: { seed: SEED, ...FAITHFUL_FIELDS },
        requires: FACE_RULE,
        price: perMegapixel(30_000)
    },
    'topaz-wonder-3-5': {
        id: 'topaz-wonder-3-5',
        summary: 'adds detail: generative reconstruction, strength low/medium/high',
        size: TOPAZ_FACTORS,
        fields: { seed: SEED, enhancement_strength: { type: 'enum', values: ENHANCEMENT_STRENGTHS } },
        price: perMegapixel(60_000)
    },
    'topaz-wonder-4': {
        id: 'topaz-wonder-4',
        summary: 'adds detail: removes noise, blur and compression artefacts and recovers faces in one pass',
        // Only x2 and x4; its own fields are not published, so it takes the shared ones only.
        size: { kind: 'factor', factors: ['x2', 'x4'], maxSide: MAX_OUTPUT_SIDE },
        fields: { seed: SEED },
        price: { kind: 'unknown' }
    },
    'topaz-bloom-2': {
        id: 'topaz-bloom-2',
        summary: 'creative: invents new fine detail, optional prompt',
        size: TOPAZ_FACTORS,
        fields: {
            seed: SEED,
            prompt: { type: 'text', maxLength: 1024 },
            creativity: CREATIVITY,
            color_preservation: { type: 'boolean' }
        },
        price: perMegapixel(90_000)
    },
    'topaz-redefine': {
        id: 'topaz-redefine',
        summary: 'creative: redraws the most; optional prompt or autoprompt',
        size: TOPAZ_FACTORS,
        fields: {
            seed: SEED,
            prompt: { type: 'text', maxLength: 1024 },
            autoprompt: { type: 'boolean' },
            creativity: CREATIVITY,
            texture: { type: 'integer', min: 1, max: 5 },
            detail: { type: 'boolean' },
            detail_strength: { type: 'number', min: 0, max: 10 },
            denoise: UNIT,
            sharpen: UNIT,
            subject_detection: SUBJECT,
            ...FACE_FIELDS
        },
        requires: FACE_RULE,
        price: perMegapixel(60_000)
    },
    'nano-banana-pro': {
        id: 'nano-banana-pro',
        summary: 'regenerates the image at a resolution tier, keeping content, composition and style',
        // The tiers' pixel sizes are not published: their names, on the long side.
        size: { kind: 'tier', tiers: { '1K': 1024, '2K': 2048, '4K': 4096 } },
        fields: { seed: SEED, prompt: { type: 'text', maxLength: 2000 } },
        price: { kind: 'per-call', usdMicros: 134_400, at: '2K' }
    }
};
/** What a factor multiplies each side by. */
function factorValue(factor) {
    return Number(factor.slice(1));
}
/** Describes a rule for messages, e.g. `a number from 0 to 1`. */
function describeRule(rule) {
    switch (rule.type) {
        case 'number':
            return `a number from ${rule.min} to ${rule.max}`;
        case 'integer':
            return `a whole number from ${rule.min} to ${rule.max}`;
        case 'boolean':
            return 'true or false';
        case 'enum':
            return `one of ${rule.values.join(', ')}`;
        case 'text':
            return `text of at most ${rule.maxLength} characters`;
    }
}
/** Whether `value` obeys `rule`; enums compare without case, and the API's own spelling is returned. */
function checkField(rule, value) {
    switch (rule.type) {
        case 'number':
            return typeof value === 'number' && Number.isFinite(value) && value >= rule.min && value <= rule.max
                ? value
                : undefined;
        case 'integer':
            return typeof value === 'number' && Number.isSafeInteger(value) && value >= rule.min && value <= rule.max
                ? value
                : undefined;
        case 'boolean':
            return typeof value === 'boolean' ? value : undefined;
        case 'enum':
            return typeof value === 'string'
                ? rule.values.find(option => option.toLowerCase() === value.toLowerCase())
                : undefined;
        case 'text':
            return typeof value === 'string' && value.length <= rule.maxLength ? value : undefined;
    }
}


/***/ }),

/***/ 87904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ splitsRequests),
/* harmony export */   HM: () => (/* binding */ imagesPerRequest),
/* harmony export */   T7: () => (/* binding */ MAGIC_PROMPT_VERSIONS),
/* harmony export */   ke: () => (/* binding */ MAGIC_PROMPT_OPTIONS)
/* harmony export */ });
const MAGIC_PROMPT_OPTIONS = ['AUTO', 'ON', 'OFF'];
const MAGIC_PROMPT_VERSIONS = [
    'V_0',
    'V_0_1',
    'V_0_2',
    'V_0_3',
    'V_0_4',
    'V_0_5',
    'V_0_6',
    'V_0_7',
    'V_0_8'
];
/** How many images one request asks for: what it costs in the organisation's in-flight places. */
function imagesPerRequest(request) {
    return request.num_images ?? 1;
}
/**
 * Whether a request's images may come from several smaller requests. Without a seed each image is drawn on its own:
 * two requests for 2 give what one request for 4 gives. With one, a request's images are one reproducible set from
 * it, which smaller requests would not add up to.
 */
function splitsRequests(request) {
    return imagesPerRequest(request) > 1 && request.seed === undefined;
}


/***/ }),

/***/ 57515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xs: () => (/* binding */ MAX_RESULT_BYTES),
  Vt: () => (/* binding */ PROVIDER_CHOICES),
  hV: () => (/* binding */ PROVIDER_DEFAULTS),
  Qd: () => (/* binding */ createProvider),
  Th: () => (/* binding */ maxUploadMegabytes),
  se: () => (/* binding */ quotesPrices),
  N6: () => (/* binding */ readProviderSettings),
  bB: () => (/* binding */ providers_resultsPerSource),
  Td: () => (/* binding */ sourcesAtOnce),
  aP: () => (/* binding */ splitsSources),
  St: () => (/* binding */ upscaleFingerprint),
  Y2: () => (/* binding */ withheldEarlier)
});

// UNUSED EXPORTS: PROVIDERS

// EXTERNAL MODULE: ./src/inputs/inputs.ts
var inputs = __webpack_require__(18028);
// EXTERNAL MODULE: ./src/inputs/parsers.ts
var inputs_parsers = __webpack_require__(45165);
// EXTERNAL MODULE: ./src/providers/ideogram/inflight-limiter.ts
var inflight_limiter = __webpack_require__(17457);
// EXTERNAL MODULE: ./src/providers/ideogram/models.ts
var models = __webpack_require__(70011);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/text/money.ts
var money = __webpack_require__(83059);
// EXTERNAL MODULE: ./src/providers/ideogram/types.ts
var types = __webpack_require__(87904);
;// CONCATENATED MODULE: ./src/providers/ideogram/settings.ts






/** Results one source gets from Ideogram: `num_images` on the legacy endpoint, one from a v2 model. */
function resultsPerSource(settings) {
    return settings.kind === 'legacy' ? (0,types/* imagesPerRequest */.HM)(settings.request) : 1;
}
const LEGACY_MODEL = 'legacy';
const MODEL_CHOICES = [LEGACY_MODEL, ...models/* V2_MODELS */.yA];
/** Inputs only the legacy endpoint takes. */
const LEGACY_ONLY = [
    inputs/* Input */.p.Resemblance,
    inputs/* Input */.p.Detail,
    inputs/* Input */.p.MagicPromptOption,
    inputs/* Input */.p.MagicPromptVersion,
    inputs/* Input */.p.NumImages
];
/** Inputs that set one v2 form field each; a model that lacks the field refuses the input. */
const FIELD_INPUTS = {
    [inputs/* Input */.p.Prompt]: 'prompt',
    [inputs/* Input */.p.Seed]: 'seed',
    [inputs/* Input */.p.Creativity]: 'creativity',
    [inputs/* Input */.p.EnhancementStrength]: 'enhancement_strength',
    [inputs/* Input */.p.UpscaleFactor]: 'upscale_factor',
    [inputs/* Input */.p.ResolutionTier]: 'resolution_tier'
};
/** Inputs only the v2 models take. */
const V2_ONLY = [
    inputs/* Input */.p.UpscaleFactor,
    inputs/* Input */.p.Creativity,
    inputs/* Input */.p.EnhancementStrength,
    inputs/* Input */.p.ResolutionTier,
    inputs/* Input */.p.ModelOptions,
    inputs/* Input */.p.MaxCost
];
function refuseGiven(input, names, why) {
    const given = names.find(name => input(name) !== '');
    if (given !== undefined)
        throw new inputs/* InputError */.d(given, why);
}
/** `model-options`: a YAML (or JSON, which is YAML) map of field names to values. */
function parseModelOptions(raw) {
    if (raw === '')
        return {};
    let parsed;
    try {
        parsed = (0,dist/* parse */.qg)(raw);
    }
    catch (error) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.ModelOptions, `is not valid YAML or JSON: ${error.message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.ModelOptions, `must be a map of field names to values, e.g. '{denoise: 0.3, sharpen: 0.5}'; got ${(0,inputs_parsers/* quote */.hD)(raw)}.`);
    }
    return parsed;
}
function readV2Fields(input, model) {
    const fields = {};
    const dedicated = new Map(Object.entries(FIELD_INPUTS).map(([name, field]) => [field, name]));
    // Each input that sets a field, if the model takes that field.
    const parsers = {
        [inputs/* Input */.p.Prompt]: raw => raw,
        [inputs/* Input */.p.Seed]: raw => (0,inputs_parsers/* integer */.nd)(inputs/* Input */.p.Seed, raw, 0, 2147483647),
        [inputs/* Input */.p.Creativity]: raw => (0,inputs_parsers/* integer */.nd)(inputs/* Input */.p.Creativity, raw, 1, 9),
        [inputs/* Input */.p.EnhancementStrength]: raw => (0,inputs_parsers/* oneOf */.yL)(inputs/* Input */.p.EnhancementStrength, raw, models/* ENHANCEMENT_STRENGTHS */.Oq),
        [inputs/* Input */.p.UpscaleFactor]: raw => (0,inputs_parsers/* oneOf */.yL)(inputs/* Input */.p.UpscaleFactor, raw, models/* UPSCALE_FACTORS */.XR),
        [inputs/* Input */.p.ResolutionTier]: raw => (0,inputs_parsers/* oneOf */.yL)(inputs/* Input */.p.ResolutionTier, raw, models/* RESOLUTION_TIERS */.HL)
    };
    for (const [name, field] of Object.entries(FIELD_INPUTS)) {
        const raw = input(name);
        if (raw === '')
            continue;
        const sizeField = model.size.kind === 'factor' ? 'upscale_factor' : 'resolution_tier';
        const rule = field === sizeField ? undefined : model.fields[field];
        if (field !== sizeField && rule === undefined) {
            throw new inputs/* InputError */.d(name, `is not taken by model '${model.id}'; leave it empty with this model.`);
        }
        const value = parsers[name](raw);
        if (rule?.type === 'text' && typeof value === 'string' && value.length > rule.maxLength) {
            throw new inputs/* InputError */.d(name, `may be at most ${rule.maxLength} characters with model '${model.id}'.`);
        }
        fields[field] = value;
    }
    if (model.size.kind === 'factor') {
        const factor = fields.upscale_factor ?? 'x2';
        if (!model.size.factors.includes(factor)) {
            throw new inputs/* InputError */.d(inputs/* Input */.p.UpscaleFactor, `must be one of ${model.size.factors.join(', ')} with model '${model.id}'; got '${factor}'.`);
        }
        fields.upscale_factor = factor;
    }
    else {
        fields.resolution_tier = fields.resolution_tier ?? '2K';
    }
    const options = parseModelOptions(input(inputs/* Input */.p.ModelOptions));
    const open = Object.keys(model.fields).filter(field => !dedicated.has(field));
    const allowed = open.length > 0 ? open.join(', ') : 'none';
    for (const [field, value] of Object.entries(options)) {
        const own = dedicated.get(field);
        if (own !== undefined) {
            throw new inputs/* InputError */.d(inputs/* Input */.p.ModelOptions, name => `sets '${field}': use ${name(own)} for it.`);
        }
        const rule = model.fields[field];
        if (rule === undefined) {
            throw new inputs/* InputError */.d(inputs/* Input */.p.ModelOptions, `has '${field}', which model '${model.id}' does not take; its fields: ${allowed}.`);
        }
        const checked = (0,models/* checkField */.PZ)(rule, value);
        if (checked === undefined) {
            throw new inputs/* InputError */.d(inputs/* Input */.p.ModelOptions, `field '${field}' of model '${model.id}' must be ${(0,models/* describeRule */.IO)(rule)}; got ${JSON.stringify(value)}.`);
        }
        fields[field] = checked;
    }
    for (const { field, needs } of model.requires ?? []) {
        const missing = needs.filter(need => fields[need] === undefined);
        if (fields[field] === true && missing.length > 0) {
            throw new inputs/* InputError */.d(inputs/* Input */.p.ModelOptions, `turns '${field}' on for model '${model.id}', which then needs ${missing.join(' and ')}.`);
        }
    }
    return fields;
}
function maxCost(raw) {
    if (raw === '')
        return undefined;
    const micros = (0,money/* parseUsd */._e)(raw);
    if (micros === undefined || micros === 0) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.MaxCost, `must be an amount in USD above 0 with at most six decimals, e.g. '2.50'; got ${(0,inputs_parsers/* quote */.hD)(raw)}.`);
    }
    return micros;
}
function apiUrl(raw) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new inputs/* InputError */.d(inputs/* Input */.p.ApiUrl, `must be an http(s) URL; got ${(0,inputs_parsers/* quote */.hD)(raw)}.`);
    }
    const loopback = ['localhost', '[::1]'].includes(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        // The key travels in a header: plain http only where it cannot leave the machine.
        throw new inputs/* InputError */.d(inputs/* Input */.p.ApiUrl, `must use https (http only for localhost); got ${(0,inputs_parsers/* quote */.hD)(raw)}.`);
    }
    if (url.username || url.password || url.search || url.hash) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.ApiUrl, `must be a plain base URL without credentials, query or fragment.`);
    }
    return url;
}
/** The legacy request's fields, checked; every one is checked whichever provider runs, so typos never wait. */
function readImageRequest(input) {
    const request = {
        prompt: (0,inputs_parsers/* optional */.lq)(input, inputs/* Input */.p.Prompt, raw => raw),
        resemblance: (0,inputs_parsers/* optional */.lq)(input, inputs/* Input */.p.Resemblance, raw => (0,inputs_parsers/* integer */.nd)(inputs/* Input */.p.Resemblance, raw, 1, 100)),
        detail: (0,inputs_parsers/* optional */.lq)(input, inputs/* Input */.p.Detail, raw => (0,inputs_parsers/* integer */.nd)(inputs/* Input */.p.Detail, raw, 1, 100)),
        magic_prompt_option: (0,inputs_parsers/* optional */.lq)(input, inputs/* Input */.p.MagicPromptOption, raw => (0,inputs_parsers/* oneOf */.yL)(inputs/* Input */.p.MagicPromptOption, raw, types/* MAGIC_PROMPT_OPTIONS */.ke)),
        magic_prompt_version: (0,inputs_parsers/* optional */.lq)(input, inputs/* Input */.p.MagicPromptVersion, raw => (0,inputs_parsers/* oneOf */.yL)(inputs/* Input */.p.MagicPromptVersion, raw, types/* MAGIC_PROMPT_VERSIONS */.T7)),
        num_images: (0,inputs_parsers/* optional */.lq)(input, inputs/* Input */.p.NumImages, raw => (0,inputs_parsers/* integer */.nd)(inputs/* Input */.p.NumImages, raw, 1, 8)),
        seed: (0,inputs_parsers/* optional */.lq)(input, inputs/* Input */.p.Seed, raw => (0,inputs_parsers/* integer */.nd)(inputs/* Input */.p.Seed, raw, 0, 2147483647))
    };
    // Only set fields go into the JSON, so the API applies its own defaults to the rest.
    return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined));
}
/**
 * Ideogram's provider settings: the legacy endpoint (`model: legacy`, the default) or a v2 model. Inputs that
 * belong to the other endpoint, or that the chosen model does not take, are errors, never silently dropped.
 * @throws InputError naming the input, the value and what is allowed.
 */
function readIdeogramSettings(input, request, dryRun) {
    const modelId = (0,inputs_parsers/* oneOf */.yL)(inputs/* Input */.p.Model, input(inputs/* Input */.p.Model) || LEGACY_MODEL, MODEL_CHOICES);
    const apiKey = (0,inputs_parsers/* secret */.rJ)(inputs/* Input */.p.ApiKey, input(inputs/* Input */.p.ApiKey));
    if (apiKey === '' && !dryRun) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.ApiKey, `is required: pass your Ideogram API key from a secret.`);
    }
    if (apiKey === '' && modelId !== LEGACY_MODEL) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.ApiKey, `is required for a dry run with model '${modelId}': it asks Ideogram for a free price quote of each image.`);
    }
    const access = { apiKey, apiUrl: apiUrl(input(inputs/* Input */.p.ApiUrl)) };
    if (modelId === LEGACY_MODEL) {
        refuseGiven(input, V2_ONLY, name => `is for the v2 models; with ${name(inputs/* Input */.p.Model)} ${LEGACY_MODEL} it would be ignored. Choose a model (${models/* V2_MODELS */.yA.join(', ')}) or leave it empty.`);
        return { kind: 'legacy', ...access, request };
    }
    refuseGiven(input, LEGACY_ONLY, name => `is for the legacy endpoint only (${name(inputs/* Input */.p.Model)} ${LEGACY_MODEL}); model '${modelId}' does not take it.`);
    const model = models/* MODELS */.L6[modelId];
    const fields = readV2Fields(input, model);
    const size = model.size.kind === 'factor'
        ? { kind: 'factor', factor: fields.upscale_factor }
        : { kind: 'tier', tier: fields.resolution_tier };
    return { kind: 'v2', ...access, model, size, fields, maxCost: maxCost(input(inputs/* Input */.p.MaxCost)) };
}

;// CONCATENATED MODULE: ./src/providers/index.ts
/**
 * The one file that knows every provider: how each is chosen and configured, what it can do, and how it is made.
 * Everything else speaks `Provider` (provider.ts) and the settings type below, never a provider's own modules.
 */






/** Who upscales: Ideogram's API, or a 2× resampling on this machine that needs no key and no network. */
const PROVIDERS = ['ideogram', 'local'];
/** Defaults of the inputs the providers own; action.yml states the same values for users to read. */
const PROVIDER_DEFAULTS = {
    [inputs/* Input */.p.Provider]: 'ideogram',
    [inputs/* Input */.p.Model]: LEGACY_MODEL,
    [inputs/* Input */.p.ApiUrl]: 'https://api.ideogram.ai'
};
/** The values the providers' inputs take, for the command line's help. */
const PROVIDER_CHOICES = {
    [inputs/* Input */.p.MagicPromptOption]: types/* MAGIC_PROMPT_OPTIONS */.ke,
    [inputs/* Input */.p.MagicPromptVersion]: types/* MAGIC_PROMPT_VERSIONS */.T7,
    [inputs/* Input */.p.Model]: [LEGACY_MODEL, ...models/* V2_MODELS */.yA],
    [inputs/* Input */.p.UpscaleFactor]: models/* UPSCALE_FACTORS */.XR,
    [inputs/* Input */.p.EnhancementStrength]: models/* ENHANCEMENT_STRENGTHS */.Oq,
    [inputs/* Input */.p.ResolutionTier]: models/* RESOLUTION_TIERS */.HL,
    [inputs/* Input */.p.Provider]: PROVIDERS
};
/**
 * The provider's settings from the raw inputs. The request's fields are checked whichever provider runs, so a typo
 * never waits for the day the other provider is chosen.
 * @throws InputError naming the input, the value and what is allowed.
 */
function readProviderSettings(input, dryRun) {
    const request = readImageRequest(input);
    return (0,inputs_parsers/* oneOf */.yL)(inputs/* Input */.p.Provider, input(inputs/* Input */.p.Provider), PROVIDERS) === 'local'
        ? { kind: 'local' }
        : readIdeogramSettings(input, request, dryRun);
}
/** Results each source gets: the local provider makes one, whatever num-images says. */
function providers_resultsPerSource(provider) {
    return provider.kind === 'local' ? 1 : resultsPerSource(provider);
}
/**
 * Whether a source's images may come from several requests (no seed), so that fewer places in flight than images
 * per source still work, a request for as many as fit at a time.
 */
function splitsSources(provider) {
    return provider.kind === 'legacy' && (0,types/* splitsRequests */.AC)(provider.request);
}
/** The largest source a provider takes, in MB: Ideogram's v2 models take uploads up to 50, the legacy endpoint 25. */
function maxUploadMegabytes(provider) {
    return provider.kind === 'v2' ? 50 : 25;
}
/** Whether a dry run can price each source (and so checks each as it would be sent): the v2 models quote. */
function quotesPrices(provider) {
    return provider.kind === 'v2';
}
/** Sources worked on at once: more than places in flight, so downloads overlap with uploads. */
function sourcesAtOnce(transport) {
    return (0,inflight_limiter/* inflightBounds */.F8)(transport.concurrency).ceiling * 2;
}
/** Room for an 8192×8192 result of a v2 model; bounds what a misbehaving link or provider can write. */
const MAX_RESULT_BYTES = 400 * 1024 * 1024;
/** Why an earlier run's source has no result to convert: only Ideogram withholds results. */
function withheldEarlier(at) {
    return `Ideogram withheld its result as unsafe on ${at}; nothing to convert`;
}
/** What made the upscale: a change to any of these makes an unchanged image worth upscaling again. */
function upscaleFingerprint(provider) {
    // The shapes manifests have always recorded, so existing entries still match.
    if (provider.kind === 'local')
        return { provider: 'local', request: {} };
    if (provider.kind === 'legacy')
        return { provider: 'ideogram', request: provider.request };
    // A v2 model: every form field counts (the factor or tier, prompt, seed and each model option).
    return { provider: 'ideogram', model: provider.model.id, fields: provider.fields };
}
/**
 * The provider, made when the first source reaches it: a run that skips everything never loads the local provider's
 * codecs (WebAssembly) nor Ideogram's client, nor opens a connection.
 */
function createProvider(provider, transport, hooks, jobs) {
    const create = async () => {
        if (provider.kind === 'local') {
            const { LocalUpscaler } = await Promise.all(/* import() */[__webpack_require__.e(542), __webpack_require__.e(205)]).then(__webpack_require__.bind(__webpack_require__, 65205));
            return new LocalUpscaler();
        }
        const { createIdeogramUpscaler } = await __webpack_require__.e(/* import() */ 263).then(__webpack_require__.bind(__webpack_require__, 59263));
        return createIdeogramUpscaler(provider, transport, hooks, jobs, MAX_RESULT_BYTES);
    };
    let made;
    const instance = () => (made ??= create());
    return {
        produce: async (image, stopped) => (await instance()).produce(image, stopped),
        quote: async (image) => {
            const upscaler = await instance();
            if (!upscaler.quote)
                throw new Error(`the ${provider.kind} provider does not quote`);
            return upscaler.quote(image);
        },
        close: async () => {
            if (made)
                await (await made).close();
        }
    };
}


/***/ }),

/***/ 5760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AH: () => (/* binding */ presentCounts),
/* harmony export */   D9: () => (/* binding */ markdownCode),
/* harmony export */   EK: () => (/* binding */ costLine),
/* harmony export */   Gj: () => (/* binding */ notDone),
/* harmony export */   J7: () => (/* binding */ countsLine),
/* harmony export */   NJ: () => (/* binding */ countFitting),
/* harmony export */   Rn: () => (/* binding */ retryLine),
/* harmony export */   SZ: () => (/* binding */ usdOutput),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   _P: () => (/* binding */ STATUS_LABEL),
/* harmony export */   _d: () => (/* binding */ IN_FLIGHT_GRACE),
/* harmony export */   _p: () => (/* binding */ byAttention),
/* harmony export */   bC: () => (/* binding */ costTotals),
/* harmony export */   jj: () => (/* binding */ dryRunLine),
/* harmony export */   ow: () => (/* binding */ resultLine),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var _text_money_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83059);
/* harmony import */ var _text_printable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38572);
/* harmony import */ var _state_results_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22639);
/**
 * What the action's log, the command line, the job summary and the gallery say about a run, worded once so they
 * cannot drift apart. Plain text in, plain text out: where each line goes (and how it is escaped there) is the
 * caller's business.
 */



/** `[3/12] assets/hero.png → upscaled/assets/hero.png 2048x1280 (4.1 s)`: one line as each source finishes. */
function resultLine(result, done, total) {
    const prefix = `[${done}/${total}] ${result.source}`;
    const took = result.seconds === undefined ? '' : ` (${result.seconds.toFixed(1)} s)`;
    switch (result.status) {
        case 'failed':
            return `${prefix} failed: ${result.error ?? 'unknown error'}${took}`;
        case 'unsafe':
            return `${prefix} withheld by Ideogram's safety check${took}`;
        case 'skipped':
        case 'deferred':
            return `${prefix} ${result.status}: ${result.error ?? ''}`;
        case 'upscaled': {
            const outputs = result.outputs.map(output => `${output.path}${output.resolution ? ` ${output.resolution}` : ''}`);
            const from = result.convertedFrom ? ` converted from ${result.convertedFrom.join(', ')}, nothing sent;` : '';
            return `${prefix} →${from} ${outputs.join(', ')}${took}`;
        }
    }
}
/** `3 upscaled, 1 failed, 0 unsafe, 2 skipped, 4 deferred, of 10.`: the log, the CLI, the summary and the gallery. */
function countsLine(results) {
    const counts = (0,_state_results_js__WEBPACK_IMPORTED_MODULE_1__/* .countByStatus */ .x7)(results);
    return `${_state_results_js__WEBPACK_IMPORTED_MODULE_1__/* .SOURCE_STATUSES */ .n0.map(status => `${counts[status]} ${status}`).join(', ')}, of ${results.length}.`;
}
/**
 * What a dry run would have done: `Dry run: would send 3 request(s) for 12 image(s); nothing was sent.` The local
 * provider sends nothing, so it says how many images it would upscale and that nothing was written.
 */
function dryRunLine({ provider, output }, requests) {
    return provider.kind === 'local'
        ? `Dry run: would upscale ${requests} image(s) on this machine; nothing was written.`
        : `Dry run: would send ${requests} request(s) for ${requests * output.imagesPerSource} image(s); nothing was sent.`;
}
/** What a first stop grants the work in flight, in the action's log and on the command line alike. */
const IN_FLIGHT_GRACE = 'what is in flight gets a few seconds to finish';
/** What a stopped run did not do (cancelled before it was sent, or failed), which the next run takes. */
function notDone(results) {
    return results
        .filter(result => result.status === 'deferred' || result.status === 'failed')
        .map(result => `${result.source}: ${result.error ?? result.status}`);
}
/** A try that will be made again, e.g. `  a.png: Ideogram answered HTTP 503 (trying again in 0.4 s, retry 1)`. */
function retryLine(file, { error, delayMs, retry }) {
    return `  ${file}: ${error.message} (trying again in ${(delayMs / 1000).toFixed(1)} s, retry ${retry})`;
}
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/**
 * Text and attribute values in the summary and the gallery: paths, prompts and API messages are data, shown
 * printable (a line break would end the summary's table) and escaped (links are percent-encoded already).
 */
function escapeHtml(text) {
    return (0,_text_printable_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g)(text).replace(/[&<>"']/g, c => HTML_ESCAPES[c] ?? c);
}
/** `1.2 MB`: a file's size as people read it (— when unknown). */
function formatBytes(bytes) {
    if (bytes === undefined)
        return '—';
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
/** A status as the summary's and the pull request comment's tables show it. */
const STATUS_LABEL = {
    upscaled: '✅ upscaled',
    failed: '❌ failed',
    unsafe: '⚠️ unsafe',
    skipped: '⏭️ skipped',
    deferred: '⏸️ deferred'
};
const ATTENTION = ['failed', 'unsafe', 'upscaled', 'deferred', 'skipped'];
/** Results in the order a bounded table lists them: failures first, then what is new, what was done before last. */
function byAttention(results) {
    return [...results].sort((a, b) => ATTENTION.indexOf(a.status) - ATTENTION.indexOf(b.status));
}
/** `12 upscaled, 3 skipped`: the statuses present among `results`, for the line that counts what a table left out. */
function presentCounts(results) {
    const counts = (0,_state_results_js__WEBPACK_IMPORTED_MODULE_1__/* .countByStatus */ .x7)(results);
    return _state_results_js__WEBPACK_IMPORTED_MODULE_1__/* .SOURCE_STATUSES */ .n0.filter(status => counts[status] > 0)
        .map(status => `${counts[status]} ${status}`)
        .join(', ');
}
/**
 * How many of `rows`, in order, fit in `budget` as `size` measures them: what a table that must stay under a
 * limit (a comment's characters, a summary's bytes) can show before it counts the rest in one line.
 */
function countFitting(rows, budget, size) {
    let used = 0;
    for (const [i, row] of rows.entries()) {
        used += size(row);
        if (used > budget)
            return i;
    }
    return rows.length;
}
/**
 * Text as a Markdown code span inside a table cell: shown literally (no Markdown, no HTML), with `|` escaped so it
 * cannot split the cell and line breaks flattened so it cannot end the row.
 */
function markdownCode(text) {
    const flat = text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
    const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
function costTotals(results) {
    const totals = {
        quoted: 0,
        quotedUsdMicros: 0,
        estimates: 0,
        upperBoundUsdMicros: 0,
        deferred: 0,
        deferredUsdMicros: 0,
        billed: 0,
        spentUsdMicros: 0
    };
    for (const { quote, status, spentUsdMicros } of results) {
        if (spentUsdMicros !== undefined) {
            totals.billed += 1;
            totals.spentUsdMicros += spentUsdMicros;
        }
        if (!quote)
            continue;
        if (status === 'deferred') {
            totals.deferred += 1;
            totals.deferredUsdMicros += quote.upperBoundUsdMicros ?? quote.usdMicros;
            continue;
        }
        totals.quoted += 1;
        totals.quotedUsdMicros += quote.usdMicros;
        totals.upperBoundUsdMicros += quote.upperBoundUsdMicros ?? quote.usdMicros;
        if (quote.qualifier === 'estimate')
            totals.estimates += 1;
    }
    return totals;
}
/** A USD amount for an output, e.g. `0.50332`: a plain decimal, exact to the micro-dollar. */
function usdOutput(micros) {
    return (0,_text_money_js__WEBPACK_IMPORTED_MODULE_2__/* .formatUsd */ .UK)(micros).slice(1);
}
/**
 * `Quoted $0.50332 for 4 image(s) (exact). Deferred 2 image(s) quoted $0.25166 past max-cost. Billed $0.37749 for 3
 * image(s), as Ideogram reported.` Undefined when nothing was quoted or billed.
 */
function costLine(results) {
    const totals = costTotals(results);
    const parts = [];
    if (totals.quoted > 0) {
        const kind = totals.estimates === 0
            ? 'exact'
            : `${totals.estimates} estimate(s): at most ${(0,_text_money_js__WEBPACK_IMPORTED_MODULE_2__/* .formatUsd */ .UK)(totals.upperBoundUsdMicros)}`;
        parts.push(`Quoted ${(0,_text_money_js__WEBPACK_IMPORTED_MODULE_2__/* .formatUsd */ .UK)(totals.quotedUsdMicros)} for ${totals.quoted} image(s) (${kind}).`);
    }
    if (totals.deferred > 0) {
        parts.push(`Deferred ${totals.deferred} image(s) quoted ${(0,_text_money_js__WEBPACK_IMPORTED_MODULE_2__/* .formatUsd */ .UK)(totals.deferredUsdMicros)} past max-cost.`);
    }
    if (totals.billed > 0) {
        parts.push(`Billed ${(0,_text_money_js__WEBPACK_IMPORTED_MODULE_2__/* .formatUsd */ .UK)(totals.spentUsdMicros)} for ${totals.billed} image(s), as Ideogram reported.`);
    }
    return parts.length > 0 ? parts.join(' ') : undefined;
}


/***/ }),

/***/ 96134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dY: () => (/* binding */ possibleResultPaths),
/* harmony export */   hu: () => (/* binding */ plannedOutputs),
/* harmony export */   iS: () => (/* binding */ planOutputs),
/* harmony export */   os: () => (/* binding */ OutputTemplate)
/* harmony export */ });
/* unused harmony export EXPECTED_RESULT_EXTENSION */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _imaging_image_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53939);
/* harmony import */ var _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18028);
/* harmony import */ var _imaging_output_format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28733);
/* harmony import */ var _text_printable_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38572);





const PLACEHOLDER = /\{([^{}]*)\}/g;
/** What `posix.normalize` would change: an empty path, `.` or `..` segments, doubled slashes. */
const NEEDS_NORMALIZING = /^$|(^|\/)\.\.?(\/|$)|\/\//;
/** `a/{name}.{ext}` as `['a/', 'name', '.', 'ext', '']`: literal text and placeholder names, alternately. */
function split(pattern) {
    return pattern.split(PLACEHOLDER);
}
const KNOWN = new Set(['dir', 'name', 'ext', 'index']);
/** What Ideogram returns; the real extension is taken from the downloaded bytes. */
const EXPECTED_RESULT_EXTENSION = _imaging_image_format_js__WEBPACK_IMPORTED_MODULE_1__/* .EXTENSIONS */ .Z1.png;
/**
 * The `output-path` template: where each result goes, relative to the workspace. Only `parse` makes one, so a
 * template in hand is known to stay inside the workspace and to never name a result like its source.
 */
class OutputTemplate {
    pattern;
    matchers;
    constructor(
    /** The template with `-{index}` added when several results per source need telling apart. */
    pattern, 
    /** Also the template without the added index, so results of runs with another num-images are recognised. */
    matchers) {
        this.pattern = pattern;
        this.matchers = matchers;
    }
    /** @throws Error with a message saying what is wrong with the template. */
    static parse(raw, imagesPerSource) {
        const template = raw.trim().replace(/\\/g, '/');
        if (template === '')
            throw new Error('must not be empty');
        for (const [, name] of template.matchAll(PLACEHOLDER)) {
            if (!KNOWN.has(name ?? ''))
                throw new Error(`has an unknown placeholder {${name}}; use {dir}, {name}, {ext} or {index}`);
        }
        if (template.startsWith('/') || /^[A-Za-z]:/.test(template))
            throw new Error('must be relative to the workspace');
        const control = (0,_text_printable_js__WEBPACK_IMPORTED_MODULE_4__/* .controlCharacterIn */ .k)(template);
        if (control)
            throw new Error(`must not hold a control character (${control})`);
        if (template.split('/').some(part => part.toLowerCase() === '.git')) {
            throw new Error("must not write into a .git directory (git's own files)");
        }
        const pattern = imagesPerSource > 1 && !template.includes('{index}') ? withIndex(template) : template;
        // Without its index a template such as {dir}/{name}.{ext} names every source: then only the indexed form counts.
        const plain = new OutputTemplate(template, []).resolve('a/b/photo.png', 1, EXPECTED_RESULT_EXTENSION);
        const output = new OutputTemplate(pattern, pattern === template || plain === 'a/b/photo.png'
            ? [toMatcher(pattern)]
            : [toMatcher(pattern), toMatcher(template)]);
        const sample = output.resolve('a/b/photo.png', 1, EXPECTED_RESULT_EXTENSION);
        if (sample === '..' || sample.startsWith('../'))
            throw new Error('resolves outside the workspace');
        if (sample === 'a/b/photo.png') {
            throw new Error('would write results over their sources; add a folder or a suffix, e.g. {dir}/{name}-upscaled.{ext}');
        }
        return output;
    }
    /** The result's path for a workspace-relative source, its 1-based index and its real extension. */
    resolve(source, index, ext) {
        const folder = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(source);
        const dir = folder === '.' ? '' : folder;
        const values = {
            dir,
            name: node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(source, node_path__WEBPACK_IMPORTED_MODULE_0__.posix.extname(source)),
            ext,
            index: String(index)
        };
        // With no folder, `{dir}/` vanishes whole instead of leaving a leading or doubled slash.
        const parts = dir === ''
            ? (this.partsWithoutDir ??= split(this.pattern.replace(/\{dir\}\/?/g, '')))
            : (this.parts ??= split(this.pattern));
        let filled = '';
        for (const [i, part] of parts.entries())
            filled += i % 2 === 0 ? part : (values[part] ?? '');
        // Normalised only when something in it needs it: this runs for every source found, before the first request.
        return NEEDS_NORMALIZING.test(filled) ? node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(filled).replace(/^\.\//, '') : filled;
    }
    /** The pattern as literal text and placeholder names, alternately (literal first): split once, filled often. */
    parts;
    partsWithoutDir;
    /** Whether a workspace-relative path looks like one of our results, so discovery never takes it as a source. */
    matches(path) {
        return this.matchers.some(matcher => matcher.test(path));
    }
}
function withIndex(template) {
    return template.endsWith('.{ext}') ? `${template.slice(0, -'.{ext}'.length)}-{index}.{ext}` : `${template}-{index}`;
}
function toMatcher(pattern) {
    const parts = { dir: '.*', name: '[^/]+', ext: '[A-Za-z0-9]+', index: '\\d+' };
    const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    let source = '';
    let last = 0;
    for (const match of pattern.matchAll(PLACEHOLDER)) {
        source += escape(pattern.slice(last, match.index));
        last = match.index + match[0].length;
        if (match[1] === 'dir' && pattern[last] === '/') {
            source += '(?:.+/)?';
            last += 1;
        }
        else {
            source += parts[match[1] ?? ''];
        }
    }
    source += escape(pattern.slice(last));
    return new RegExp(`^(?:\\./)?${source}$`);
}
/** `{ext}` of a result that arrives as `format`: its own, or the format it is converted to. */
function resultExtension(format, conversion) {
    return _imaging_output_format_js__WEBPACK_IMPORTED_MODULE_3__/* .OUTPUT_FORMAT_INFO */ .fy[(0,_imaging_output_format_js__WEBPACK_IMPORTED_MODULE_3__/* .targetFormat */ .jK)(format, conversion)].extension;
}
/**
 * Every path a source's `index`-th result may take, one per extension it may end up with: for checking the
 * destinations of every source found, before the first request, so made without an object per source.
 */
function possibleResultPaths(template, conversion) {
    const extensions = [...new Set(_imaging_image_format_js__WEBPACK_IMPORTED_MODULE_1__/* .IMAGE_FORMATS */ .l0.map(format => resultExtension(format, conversion)))];
    // Resolved once with the extension marked, then each extension put in.
    return (source, index) => {
        const marked = template.resolve(source, index, EXT_MARK);
        return marked.includes(EXT_MARK) ? extensions.map(ext => marked.replaceAll(EXT_MARK, ext)) : [marked];
    };
}
/** Where a source's `index`-th result goes, for each format it may come back as, once converted. */
function resultPaths(source, template, index, conversion) {
    return Object.fromEntries(_imaging_image_format_js__WEBPACK_IMPORTED_MODULE_1__/* .IMAGE_FORMATS */ .l0.map(format => [format, template.resolve(source, index, resultExtension(format, conversion))]));
}
/** Stands for `{ext}` in a resolved path: no file name holds a NUL, and no path rule treats it specially. */
const EXT_MARK = '\0';
/**
 * Works out every result path before anything is sent, for every format a result may come back as, so that two
 * sources writing the same file, or a result landing on a source, stop the run before it costs anything. The
 * result sink then writes exactly where this plan says.
 * @throws InputError for `output-path`: the template does not work for these sources.
 */
function planOutputs(sources, template, imagesPerSource, conversion = _imaging_output_format_js__WEBPACK_IMPORTED_MODULE_3__/* .AS_RETURNED */ .p_) {
    const owners = new Map();
    const sourceSet = new Set(sources);
    const plan = new Map();
    for (const source of sources) {
        const outputs = plannedOutputs(source, template, imagesPerSource, conversion);
        for (const path of outputs.flatMap(output => [...new Set(Object.values(output.paths))])) {
            if (path === '..' || path.startsWith('../')) {
                throw new _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .p.OutputPath, `puts the result of ${source} outside the workspace (${path}).`);
            }
            if (sourceSet.has(path)) {
                throw new _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .p.OutputPath, `would write the result of ${source} over the source ${path}.`);
            }
            const owner = owners.get(path);
            if (owner !== undefined) {
                throw new _inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .p.OutputPath, name => `makes ${owner} and ${source} both write ${path}; rename one, or leave one out with a '!' pattern in ${name(_inputs_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .Input */ .p.Files)}.`);
            }
            owners.set(path, source);
        }
        plan.set(source, outputs);
    }
    return plan;
}
/** One source's planned results: for each index, its path for every format the result may come back as. */
function plannedOutputs(source, template, imagesPerSource, conversion = _imaging_output_format_js__WEBPACK_IMPORTED_MODULE_3__/* .AS_RETURNED */ .p_) {
    return Array.from({ length: imagesPerSource }, (_, i) => ({
        index: i + 1,
        paths: resultPaths(source, template, i + 1, conversion)
    }));
}


/***/ }),

/***/ 83227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zY: () => (/* binding */ DEFAULTS),
  Yc: () => (/* binding */ DEFAULT_FILES),
  sb: () => (/* binding */ readSettings)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/inputs/parsers.ts
var parsers = __webpack_require__(45165);
// EXTERNAL MODULE: ./src/inputs/inputs.ts
var inputs = __webpack_require__(18028);
// EXTERNAL MODULE: ./src/net/transport.ts
var transport = __webpack_require__(17122);
// EXTERNAL MODULE: ./src/providers/index.ts + 1 modules
var providers = __webpack_require__(57515);
// EXTERNAL MODULE: ./src/settings/output-path.ts
var output_path = __webpack_require__(96134);
;// CONCATENATED MODULE: ./src/settings/publishing.ts


const PUBLISH_MODES = ['artifact', 'commit', 'both', 'none'];
const COMMENT_MODES = ['auto', 'always', 'never'];
// The characters @actions/artifact refuses in a name.
const BAD_ARTIFACT_NAME = /[":<>|*?\r\n\\/]/;
function artifactName(raw) {
    if (BAD_ARTIFACT_NAME.test(raw)) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.ArtifactName, `must not contain any of " : < > | * ? \\ / or a line break; got ${(0,parsers/* quote */.hD)(raw)}.`);
    }
    return raw;
}
function commitMessage(raw) {
    if (raw === '')
        throw new inputs/* InputError */.d(inputs/* Input */.p.CommitMessage, `must not be empty.`);
    return raw;
}
// git's rules for a ref name, the parts a user can get wrong.
const BAD_BRANCH = /(^[/.]|\.\.|[\s~^:?*[\\]|@\{|\/\/|[/.]$|\.lock$)/;
function branch(raw) {
    if (raw === '')
        return undefined;
    const name = raw.replace(/^refs\/heads\//, '');
    if (BAD_BRANCH.test(name))
        throw new inputs/* InputError */.d(inputs/* Input */.p.Branch, `is not a valid branch name; got ${(0,parsers/* quote */.hD)(raw)}.`);
    return name;
}
function commitAuthor(raw) {
    if (raw === '')
        return undefined;
    const match = /^([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(raw);
    if (!match)
        throw new inputs/* InputError */.d(inputs/* Input */.p.CommitAuthor, `must look like 'Name <email>'; got ${(0,parsers/* quote */.hD)(raw)}.`);
    return { name: match[1], email: match[2] };
}
/** How results are handed back, checked. @throws InputError naming the input, the value and what is allowed. */
function readPublishing(input) {
    const mode = (0,parsers/* oneOf */.yL)(inputs/* Input */.p.Publish, input(inputs/* Input */.p.Publish), PUBLISH_MODES);
    const token = (0,parsers/* secret */.rJ)(inputs/* Input */.p.GithubToken, input(inputs/* Input */.p.GithubToken));
    if ((mode === 'commit' || mode === 'both') && token === '') {
        throw new inputs/* InputError */.d(inputs/* Input */.p.GithubToken, `is required to publish with '${mode}'.`);
    }
    const retention = input(inputs/* Input */.p.RetentionDays);
    return {
        mode,
        artifactName: artifactName(input(inputs/* Input */.p.ArtifactName)),
        retentionDays: retention === '' ? undefined : (0,parsers/* integer */.nd)(inputs/* Input */.p.RetentionDays, retention, 1, 90),
        commit: {
            token,
            message: commitMessage(input(inputs/* Input */.p.CommitMessage)),
            branch: branch(input(inputs/* Input */.p.Branch)),
            author: commitAuthor(input(inputs/* Input */.p.CommitAuthor)),
            acceptLfs: (0,parsers/* boolean */.zM)(inputs/* Input */.p.CommitLfsPaths, input(inputs/* Input */.p.CommitLfsPaths))
        },
        comment: (0,parsers/* oneOf */.yL)(inputs/* Input */.p.Comment, input(inputs/* Input */.p.Comment), COMMENT_MODES)
    };
}

// EXTERNAL MODULE: ./src/imaging/image-format.ts
var image_format = __webpack_require__(53939);
// EXTERNAL MODULE: ./src/imaging/output-format.ts
var output_format = __webpack_require__(28733);
;// CONCATENATED MODULE: ./src/settings/settings.ts









const DEFAULT_FILES = [
    ...image_format/* SOURCE_EXTENSIONS */.fQ.flatMap(extension => [`**/*.${extension}`, `**/*.${extension.toUpperCase()}`]),
    '!**/node_modules/**'
].join('\n');
/** Defaults for inputs left empty; action.yml states the same values for users to read. */
const DEFAULTS = {
    [inputs/* Input */.p.Files]: DEFAULT_FILES,
    [inputs/* Input */.p.OutputPath]: 'upscaled/{dir}/{name}.{ext}',
    [inputs/* Input */.p.OutputFormat]: '',
    [inputs/* Input */.p.Quality]: '',
    [inputs/* Input */.p.MaxWidth]: '',
    [inputs/* Input */.p.MaxHeight]: '',
    [inputs/* Input */.p.Publish]: 'artifact',
    [inputs/* Input */.p.CommitMessage]: 'Upscale images with Ideogram',
    [inputs/* Input */.p.ChangedOnly]: 'true',
    [inputs/* Input */.p.Manifest]: '.github/upscaled-images.json',
    [inputs/* Input */.p.Force]: 'false',
    [inputs/* Input */.p.Comment]: 'auto',
    [inputs/* Input */.p.CommitLfsPaths]: 'false',
    [inputs/* Input */.p.MaxImages]: '',
    [inputs/* Input */.p.Cache]: 'true',
    [inputs/* Input */.p.Overwrite]: 'false',
    [inputs/* Input */.p.ArtifactName]: 'upscaled-images',
    [inputs/* Input */.p.Concurrency]: 'auto',
    [inputs/* Input */.p.MaxRetries]: '4',
    [inputs/* Input */.p.RequestTimeout]: '180',
    [inputs/* Input */.p.RateLimitWait]: '600',
    [inputs/* Input */.p.RetryTimeouts]: 'false',
    [inputs/* Input */.p.MaxFileSize]: '10',
    [inputs/* Input */.p.FailOnError]: 'true',
    [inputs/* Input */.p.DryRun]: 'false',
    ...providers/* PROVIDER_DEFAULTS */.hV
};
const MEGABYTE = 1024 * 1024;
/**
 * `splittable`: a source's images may come from several requests (no seed), so a fixed number of places below
 * `num-images` still works, a request for as many as fit at a time; with a seed it never could.
 */
function parseConcurrency(raw, imagesPerSource, splittable) {
    if (raw.toLowerCase() === 'auto')
        return { kind: 'auto' };
    if (!/^\d+$/.test(raw)) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.Concurrency, `must be 'auto' or a whole number from 1 to ${transport/* MAX_CONCURRENCY */.f}; got ${(0,parsers/* quote */.hD)(raw)}.`);
    }
    const places = (0,parsers/* integer */.nd)(inputs/* Input */.p.Concurrency, raw, 1, transport/* MAX_CONCURRENCY */.f);
    if (places < imagesPerSource && !splittable) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.Concurrency, name => `(${places}) must be at least ${name(inputs/* Input */.p.NumImages)} (${imagesPerSource}) when ${name(inputs/* Input */.p.Seed)} is set: a seed makes a source's images one request, which takes that many places.`);
    }
    return { kind: 'fixed', places };
}
function manifestPath(raw) {
    if (raw.toLowerCase() === 'none')
        return undefined;
    const path = external_node_path_.posix.normalize(raw.replace(/\\/g, '/'));
    if (external_node_path_.posix.isAbsolute(path) || path === '..' || path.startsWith('../')) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.Manifest, `must be a path inside the workspace, or 'none'; got ${(0,parsers/* quote */.hD)(raw)}.`);
    }
    return path;
}
/** Deferred sources are only picked up first next time if the manifest remembers what this run did. */
function maxImages(raw, imagesPerSource, manifest) {
    if (raw === '')
        return undefined;
    const cap = (0,parsers/* integer */.nd)(inputs/* Input */.p.MaxImages, raw, 1, 1_000_000);
    if (cap < imagesPerSource) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.MaxImages, name => `(${cap}) must be at least ${name(inputs/* Input */.p.NumImages)} (${imagesPerSource}): one request asks for that many images.`);
    }
    if (manifest === undefined) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.MaxImages, name => `needs a manifest (${name(inputs/* Input */.p.Manifest)} is 'none'): without one every run would ask for the same images again.`);
    }
    return cap;
}
function patterns(raw) {
    const lines = raw
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== '' && !line.startsWith('#'));
    if (!lines.some(line => !line.startsWith('!'))) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.Files, `must have at least one pattern that is not an exclusion ('!').`);
    }
    return lines;
}
function conversion(input) {
    const rawFormat = input(inputs/* Input */.p.OutputFormat);
    const format = rawFormat === '' ? undefined : (0,parsers/* oneOf */.yL)(inputs/* Input */.p.OutputFormat, rawFormat, output_format/* OUTPUT_FORMATS */.DS);
    const rawQuality = input(inputs/* Input */.p.Quality);
    const defaultQuality = format && output_format/* OUTPUT_FORMAT_INFO */.fy[format].quality;
    if (rawQuality !== '' && defaultQuality === undefined) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.Quality, name => `applies to the lossy formats (${output_format/* LOSSY_FORMATS */.wc.join(', ')}); ${name(inputs/* Input */.p.OutputFormat)} is ${format ?? 'not set'}; got ${(0,parsers/* quote */.hD)(rawQuality)}.`);
    }
    const side = (name) => {
        const raw = input(name);
        return raw === '' ? undefined : (0,parsers/* integer */.nd)(name, raw, 1, output_format/* MAX_OUTPUT_SIDE */.hz);
    };
    return {
        format,
        quality: rawQuality === '' ? defaultQuality : (0,parsers/* integer */.nd)(inputs/* Input */.p.Quality, rawQuality, 1, 100),
        maxWidth: side(inputs/* Input */.p.MaxWidth),
        maxHeight: side(inputs/* Input */.p.MaxHeight)
    };
}
/**
 * Turns the raw inputs into `Settings`. Every input is checked here, before anything touches the network.
 * @throws InputError naming the input, the value and what is allowed.
 */
function readSettings(read, workspace) {
    const input = (name) => {
        const raw = read(name).trim();
        return raw === '' ? (DEFAULTS[name] ?? '') : raw;
    };
    const dryRun = (0,parsers/* boolean */.zM)(inputs/* Input */.p.DryRun, input(inputs/* Input */.p.DryRun));
    const provider = (0,providers/* readProviderSettings */.N6)(input, dryRun);
    const imagesPerSource = (0,providers/* resultsPerSource */.bB)(provider);
    const publishing = readPublishing(input);
    let template;
    try {
        template = output_path/* OutputTemplate */.os.parse(input(inputs/* Input */.p.OutputPath), imagesPerSource);
    }
    catch (error) {
        throw new inputs/* InputError */.d(inputs/* Input */.p.OutputPath, `${error.message}; got ${(0,parsers/* quote */.hD)(input(inputs/* Input */.p.OutputPath))}.`);
    }
    const manifest = manifestPath(input(inputs/* Input */.p.Manifest));
    return {
        workspace: (0,external_node_path_.resolve)(workspace),
        provider,
        discovery: {
            patterns: patterns(input(inputs/* Input */.p.Files)),
            changedOnly: (0,parsers/* boolean */.zM)(inputs/* Input */.p.ChangedOnly, input(inputs/* Input */.p.ChangedOnly)),
            maxFileBytes: (0,parsers/* integer */.nd)(inputs/* Input */.p.MaxFileSize, input(inputs/* Input */.p.MaxFileSize), 1, (0,providers/* maxUploadMegabytes */.Th)(provider)) * MEGABYTE
        },
        output: {
            template,
            imagesPerSource,
            overwrite: (0,parsers/* boolean */.zM)(inputs/* Input */.p.Overwrite, input(inputs/* Input */.p.Overwrite)),
            conversion: conversion(input)
        },
        selection: {
            manifest,
            force: (0,parsers/* boolean */.zM)(inputs/* Input */.p.Force, input(inputs/* Input */.p.Force)),
            maxImages: maxImages(input(inputs/* Input */.p.MaxImages), imagesPerSource, manifest),
            cache: (0,parsers/* boolean */.zM)(inputs/* Input */.p.Cache, input(inputs/* Input */.p.Cache))
        },
        publishing,
        transport: {
            concurrency: parseConcurrency(input(inputs/* Input */.p.Concurrency), imagesPerSource, (0,providers/* splitsSources */.aP)(provider)),
            maxRetries: (0,parsers/* integer */.nd)(inputs/* Input */.p.MaxRetries, input(inputs/* Input */.p.MaxRetries), 0, 10),
            requestTimeoutMs: (0,parsers/* integer */.nd)(inputs/* Input */.p.RequestTimeout, input(inputs/* Input */.p.RequestTimeout), 1, 3600) * 1000,
            rateLimitWaitMs: (0,parsers/* integer */.nd)(inputs/* Input */.p.RateLimitWait, input(inputs/* Input */.p.RateLimitWait), 0, 3600) * 1000,
            retryTimeouts: (0,parsers/* boolean */.zM)(inputs/* Input */.p.RetryTimeouts, input(inputs/* Input */.p.RetryTimeouts))
        },
        failOnError: (0,parsers/* boolean */.zM)(inputs/* Input */.p.FailOnError, input(inputs/* Input */.p.FailOnError)),
        dryRun
    };
}


/***/ }),

/***/ 15917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ fingerprint),
/* harmony export */   U: () => (/* binding */ sameUpscale)
/* harmony export */ });
/* harmony import */ var _providers_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57515);
/* harmony import */ var _imaging_output_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28733);
/* harmony import */ var _text_canonical_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21024);



/**
 * What the manifest compares: the upscale's settings, and the conversion (format, quality, box) when there is
 * one. A change of the conversion alone converts the earlier result again, if it is still there.
 */
function fingerprint(settings) {
    const output = (0,_imaging_output_format_js__WEBPACK_IMPORTED_MODULE_1__/* .conversionKey */ .kp)(settings.output.conversion);
    return output ? { ...(0,_providers_index_js__WEBPACK_IMPORTED_MODULE_0__/* .upscaleFingerprint */ .St)(settings.provider), output } : (0,_providers_index_js__WEBPACK_IMPORTED_MODULE_0__/* .upscaleFingerprint */ .St)(settings.provider);
}
/** Whether an entry's results came from the same upscale as this run would make, converted otherwise. */
function sameUpscale(entry, settings) {
    const { output: _output, ...upscale } = entry.settings;
    return (0,_text_canonical_json_js__WEBPACK_IMPORTED_MODULE_2__/* .canonical */ .$)(upscale) === (0,_text_canonical_json_js__WEBPACK_IMPORTED_MODULE_2__/* .canonical */ .$)((0,_providers_index_js__WEBPACK_IMPORTED_MODULE_0__/* .upscaleFingerprint */ .St)(settings.provider));
}


/***/ }),

/***/ 91552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $2: () => (/* binding */ manifestText),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   en: () => (/* binding */ EMPTY_MANIFEST),
/* harmony export */   n4: () => (/* binding */ unreadableManifest),
/* harmony export */   qH: () => (/* binding */ entryProblem),
/* harmony export */   u0: () => (/* binding */ readDocument),
/* harmony export */   zH: () => (/* binding */ entryPaths)
/* harmony export */ });
/* harmony import */ var _fs_paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31283);

const EMPTY_MANIFEST = { version: 1, sources: {} };
/** The manifest's document, or why its text is not a manifest this action wrote. Parsed once: it can be large. */
function readDocument(text) {
    let document;
    try {
        document = JSON.parse(text);
    }
    catch (error) {
        return `is not valid JSON (${error.message})`;
    }
    if (document?.version !== 1 || typeof document.sources !== 'object' || document.sources === null) {
        return 'is not one this action wrote (version 1)';
    }
    return document;
}
/** @throws Error when the text is not a manifest this action wrote. */
function parseManifest(text, path) {
    const document = readDocument(text);
    if (typeof document === 'string')
        throw unreadableManifest(path, document);
    return document;
}
/** The error that stops a run on a manifest (or its journal) at `path` that cannot be read, saying the ways out. */
function unreadableManifest(path, problem) {
    return new Error(`The manifest ${path} ${problem}; nothing was sent. Fix or delete it, set 'force: true' to start it afresh, or 'manifest: none' to run without one.`);
}
/** Why an entry as read from the file cannot be trusted, or undefined. */
function entryProblem(entry) {
    const { sha256, outputs, returned, former } = (entry ?? {});
    if (typeof sha256 !== 'string' ||
        !Array.isArray(outputs) ||
        (returned !== undefined && !Array.isArray(returned)) ||
        (former !== undefined && !Array.isArray(former))) {
        return 'it is not an entry this action wrote';
    }
    const paths = [
        ...[...outputs, ...(returned ?? [])].map(output => output?.path),
        ...(former ?? [])
    ];
    for (const path of paths) {
        if (typeof path !== 'string')
            return 'it is not an entry this action wrote';
        const problem = (0,_fs_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .writablePathProblem */ .x2)(path);
        if (problem)
            return `its result ${path} ${problem}`;
    }
    return undefined;
}
/** Every path an entry names: its results, the ones they were converted from, and its former ones. */
function entryPaths(entry) {
    return [
        ...new Set([...[...entry.outputs, ...(entry.returned ?? [])].map(output => output.path), ...(entry.former ?? [])])
    ];
}
/** The file's text: sources sorted so the committed file diffs cleanly. */
function manifestText(sources, pending) {
    const sorted = (map) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
    const document = {
        version: 1,
        sources: sorted(sources),
        ...(pending.size > 0 ? { pending: sorted(pending) } : {})
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}


/***/ }),

/***/ 14166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ Manifest)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/fs/atomic-file.ts
var atomic_file = __webpack_require__(5105);
// EXTERNAL MODULE: ./src/fs/paths.ts
var paths = __webpack_require__(31283);
// EXTERNAL MODULE: ./src/fs/regular-file.ts
var regular_file = __webpack_require__(65650);
// EXTERNAL MODULE: ./src/text/canonical-json.ts
var canonical_json = __webpack_require__(21024);
// EXTERNAL MODULE: ./src/state/manifest-document.ts
var manifest_document = __webpack_require__(91552);
;// CONCATENATED MODULE: ./src/state/journal.ts




/**
 * Beside the manifest, one line per source as it finishes: appending is cheap whatever the manifest's size, so a
 * run killed at any instant leaves a record of every result it placed. The next load folds it in; a save ends it.
 */
function journalPath(path) {
    return `${path}.journal`;
}
/** The journal of the manifest at `path` (workspace-relative), in the workspace at `root`. */
class Journal {
    path;
    file;
    /** Appends in order; whoever must see them all waits for `written`. */
    appending = Promise.resolve();
    constructor(root, path) {
        this.path = path;
        this.file = (0,external_node_path_.join)(root, journalPath(path));
    }
    /** What a run that was stopped left, line by line; a line cut short by a kill is left out. */
    async lines() {
        const text = await (0,regular_file/* readTextIfThere */.pM)(this.file);
        if (text instanceof regular_file/* NotRegularFileError */.iZ)
            throw (0,manifest_document/* unreadableManifest */.n4)(journalPath(this.path), text.message);
        return (text?.split('\n') ?? []).flatMap(line => {
            try {
                return [JSON.parse(line)];
            }
            catch {
                // The last line of a run killed mid-write: that source was not done.
                return [];
            }
        });
    }
    append(line) {
        const text = `${JSON.stringify(line)}\n`;
        this.appending = this.appending.then(async () => {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(this.file), { recursive: true });
            await (0,promises_.appendFile)(this.file, text);
        });
        return this.appending;
    }
    /** Settles when every append asked for so far has. */
    get written() {
        return this.appending;
    }
    /** Ends the journal, once the manifest holds what it recorded. */
    async end() {
        await (0,promises_.rm)(this.file, { force: true });
    }
}

;// CONCATENATED MODULE: ./src/state/manifest.ts








async function exists(path) {
    return (0,promises_.access)(path).then(() => true, () => false);
}
/** The manifest of one workspace: what it holds, what this run adds (journalled at once), and its saving. */
class Manifest {
    path;
    workspace;
    entries;
    pending;
    changed = false;
    /** Sources whose entries come from the branch head: their results are committed there, not in this checkout. */
    onBranch = new Set();
    journal;
    /** What was wrong with the manifest as read, for the log. */
    warnings = [];
    /** Why the file could not be read, when `force` started the manifest afresh instead: it holds nothing earlier. */
    unreadable;
    constructor(
    /** Workspace-relative path. */
    path, workspace, document) {
        this.path = path;
        this.workspace = workspace;
        this.entries = new Map(Object.entries(document.sources));
        this.pending = new Map(Object.entries(document.pending ?? {}));
        this.journal = new Journal(workspace, path);
    }
    /**
     * Reads the manifest and what a run that was stopped left in its journal; a missing manifest is empty. One that
     * cannot be read stops the run before anything is sent (it would cost a full re-run), unless `force` is set:
     * everything is upscaled again anyway, so it starts afresh. Entries whose result paths leave the workspace or go
     * into `.git` are dropped with a warning, never trusted.
     */
    static async load(workspace, path, force = false) {
        const text = await (0,regular_file/* readTextIfThere */.pM)((0,external_node_path_.join)(workspace, path));
        const read = text === undefined ? manifest_document/* EMPTY_MANIFEST */.en : text instanceof regular_file/* NotRegularFileError */.iZ ? text.message : (0,manifest_document/* readDocument */.u0)(text);
        if (typeof read === 'string' && !force)
            throw (0,manifest_document/* unreadableManifest */.n4)(path, read);
        const manifest = new Manifest(path, workspace, typeof read === 'string' ? manifest_document/* EMPTY_MANIFEST */.en : read);
        if (typeof read === 'string') {
            manifest.unreadable = (0,manifest_document/* unreadableManifest */.n4)(path, read);
            manifest.warnings.push(`The manifest ${path} ${read}; 'force' is set, so it is started afresh.`);
        }
        const lines = await manifest.journal.lines();
        for (const line of lines)
            manifest.fold(line);
        if (lines.length > 0)
            manifest.changed = true;
        manifest.dropUntrusted();
        return manifest;
    }
    /**
     * Throws what a load without `force` would have, when the file could not be read and this one started afresh:
     * for those (the cache) that must not add to a manifest whose earlier entries are unknown.
     */
    assertRead() {
        if (this.unreadable)
            throw this.unreadable;
    }
    fold(line) {
        if (Array.isArray(line)) {
            this.entries.set(...line);
            this.pending.delete(line[0]);
        }
        else if ('accepted' in line) {
            this.pending.set(line.accepted, line.job);
        }
        else {
            this.pending.delete(line.abandoned);
        }
    }
    /** Takes a line in, and appends it to the journal at once. */
    add(line) {
        this.fold(line);
        this.changed = true;
        return this.journal.append(line);
    }
    /** The provider's id of a job accepted earlier for these very bytes and settings, still to be collected. */
    pendingJob(source, sha256, settings) {
        const job = this.pending.get(source);
        return job && job.sha256 === sha256 && (0,canonical_json/* canonical */.$)(job.settings) === (0,canonical_json/* canonical */.$)(settings)
            ? job.generationId
            : undefined;
    }
    /** Records an accepted job in the journal at once: its id is the only handle on a paid job. */
    accepted(source, job) {
        return this.add({ accepted: source, job });
    }
    /** Forgets a job that ended with nothing to collect (a failed generation is not billed). */
    abandoned(source) {
        return this.pending.has(source) ? this.add({ abandoned: source }) : this.journal.written;
    }
    /**
     * The entries of another manifest (e.g. one restored from the cache) for the sources this one does not know. An
     * entry naming a result outside the workspace is never among them.
     */
    lacking(other) {
        return new Map(Object.entries(other.sources).filter(([source, entry]) => !this.entries.has(source) && this.trustworthy(source, entry)));
    }
    /** Takes over what this manifest is `lacking` of another, and returns it. */
    adopt(other) {
        const adopted = this.lacking(other);
        for (const [source, entry] of adopted)
            this.entries.set(source, entry);
        if (adopted.size > 0)
            this.changed = true;
        return adopted;
    }
    /**
     * Takes the entries of the branch head's manifest that differ from this checkout's: on a re-run, the checkout is
     * the original commit, and the head holds what the first attempt committed. Their results count as present
     * (they are on the branch) without being on disk. Returns how many were taken.
     */
    takeFromBranch(head) {
        let taken = 0;
        for (const [source, entry] of Object.entries(head.sources)) {
            const mine = this.entries.get(source);
            if ((mine && (0,canonical_json/* canonical */.$)(mine) === (0,canonical_json/* canonical */.$)(entry)) || !this.trustworthy(source, entry))
                continue;
            this.entries.set(source, entry);
            this.onBranch.add(source);
            this.changed = true;
            taken++;
        }
        return taken;
    }
    /** Whether an entry from elsewhere is one this action wrote, naming the source and results inside the workspace. */
    trustworthy(source, entry) {
        return ((0,manifest_document/* entryProblem */.qH)(entry) === undefined &&
            [source, ...(0,manifest_document/* entryPaths */.zH)(entry)].every(path => (0,paths/* isInside */.FK)(this.workspace, (0,external_node_path_.resolve)(this.workspace, path))));
    }
    /** Every entry, for staging its results (e.g. into the cache). */
    get document() {
        return { version: 1, sources: Object.fromEntries(this.entries) };
    }
    dropUntrusted() {
        for (const [source, entry] of this.entries) {
            const why = (0,manifest_document/* entryProblem */.qH)(entry);
            if (why === undefined)
                continue;
            this.entries.delete(source);
            this.warnings.push(`Ignoring the manifest's entry for ${source}: ${why}.`);
        }
    }
    /**
     * Every result path the manifest knows, former ones included, with the source it belongs to: never to be taken
     * as a source, and only that source may write over it.
     */
    resultOwners() {
        return new Map([...this.entries].flatMap(([source, entry]) => (0,manifest_document/* entryPaths */.zH)(entry).map(path => [path, source])));
    }
    /** What the manifest holds for `source`, if anything. */
    entry(source) {
        return this.entries.get(source);
    }
    /** Whether the entry for `source` came from the branch head: its results are committed there, not on disk. */
    fromBranch(source) {
        return this.onBranch.has(source);
    }
    /**
     * Whether every one of these results is in this checkout. `present` answers whether a result is there, when the
     * caller knows a cheaper way than a look per result.
     */
    async inCheckout(outputs, present = path => exists((0,external_node_path_.join)(this.workspace, path))) {
        for (const output of outputs) {
            if (!(await present(output.path)))
                return false;
        }
        return true;
    }
    /**
     * Records what this run produced, its results already in place, and appends it to the journal at once; failed
     * and skipped sources keep what they had. `returned`: the results as the provider returned them, when these were
     * converted from them and they stay in place. The source's earlier results at other paths stay its own.
     */
    record(result, sha256, settings, at, returned) {
        if (result.status !== 'upscaled' && result.status !== 'unsafe')
            return this.journal.written;
        const outputs = result.outputs.map(({ path, resolution, seed }) => ({ path, resolution, seed }));
        const previous = this.entries.get(result.source);
        const now = new Set([...outputs, ...(returned ?? [])].map(output => output.path));
        const former = previous ? (0,manifest_document/* entryPaths */.zH)(previous).filter(path => !now.has(path)) : [];
        const entry = {
            sha256,
            settings,
            status: result.status,
            outputs,
            ...(returned === undefined ? {} : { returned }),
            ...(former.length === 0 ? {} : { former }),
            upscaledAt: at.toISOString(),
            ...(result.spentUsdMicros === undefined ? {} : { spentUsdMicros: result.spentUsdMicros })
        };
        return this.add([result.source, entry]);
    }
    get hasChanges() {
        return this.changed;
    }
    /** Writes atomically and ends the journal. */
    async save() {
        await this.journal.written;
        await (0,atomic_file/* writeFileAtomically */.lo)((0,external_node_path_.join)(this.workspace, this.path), (0,manifest_document/* manifestText */.$2)(this.entries, this.pending), {
            replace: true
        });
        // A kill before this line leaves a journal of entries the manifest already holds: folding it again is harmless.
        await this.journal.end();
        this.changed = false;
    }
}


/***/ }),

/***/ 22639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ writtenFiles),
/* harmony export */   UL: () => (/* binding */ resultsDocument),
/* harmony export */   hk: () => (/* binding */ notSentResult),
/* harmony export */   n0: () => (/* binding */ SOURCE_STATUSES),
/* harmony export */   x7: () => (/* binding */ countByStatus)
/* harmony export */ });
/**
 * What happened to one source: the `results` output holds one of these per source. `deferred`: not sent in this
 * run because a cap (`max-images`) was reached; the next run takes it first.
 */
const SOURCE_STATUSES = ['upscaled', 'failed', 'unsafe', 'skipped', 'deferred'];
function countByStatus(results) {
    const counts = Object.fromEntries(SOURCE_STATUSES.map(status => [status, 0]));
    for (const result of results)
        counts[result.status] += 1;
    return counts;
}
/** Paths this run wrote (skipped sources list their earlier results, which this run did not write). */
function writtenFiles(results) {
    return results.flatMap(result => (result.status === 'skipped' ? [] : result.outputs.map(output => output.path)));
}
/** The `results` document (the action's output, the CLI's --json): one record per source, without timings. */
function resultsDocument(results) {
    return results.map(({ seconds: _seconds, ...rest }) => rest);
}
/** The result of a source nothing was sent for, whichever stage held it back. */
function notSentResult(source, why) {
    return { source, status: why.status, outputs: [], error: why.message, ...(why.quote ? { quote: why.quote } : {}) };
}


/***/ }),

/***/ 21024:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ canonical)
/* harmony export */ });
/** JSON with sorted keys, so equal values compare equal whatever order their keys were written in. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
        return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}


/***/ }),

/***/ 83059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UK: () => (/* binding */ formatUsd),
/* harmony export */   _e: () => (/* binding */ parseUsd),
/* harmony export */   ol: () => (/* binding */ quoteText)
/* harmony export */ });
const MICROS_PER_USD = 1_000_000;
/** `'1.5'` → 1500000; undefined unless it is a plain non-negative amount with at most six decimals. */
function parseUsd(raw) {
    const match = /^\$?(\d{1,9})(?:\.(\d{1,6}))?$/.exec(raw.trim());
    if (!match)
        return undefined;
    return Number(match[1]) * MICROS_PER_USD + Number((match[2] ?? '').padEnd(6, '0'));
}
/** 125830 → `$0.12583`, 1000000 → `$1.00`: every non-zero micro shown, at least cents. */
function formatUsd(micros) {
    const whole = Math.floor(micros / MICROS_PER_USD);
    const fraction = String(micros % MICROS_PER_USD)
        .padStart(6, '0')
        .replace(/0+$/, '')
        .padEnd(2, '0');
    return `$${whole}.${fraction}`;
}
/** `$0.12583 (exact, 12.583 credits)`, or `about $0.2 (estimate, at most $0.3)`: a quote as it may be relied on. */
function quoteText(quote) {
    const credits = quote.creditMillis === undefined ? '' : `, ${quote.creditMillis / 1000} credits`;
    if (quote.qualifier === 'exact')
        return `${formatUsd(quote.usdMicros)} (exact${credits})`;
    const bound = quote.upperBoundUsdMicros === undefined ? '' : `, at most ${formatUsd(quote.upperBoundUsdMicros)}`;
    return `about ${formatUsd(quote.usdMicros)} (estimate${bound}${credits})`;
}


/***/ }),

/***/ 38572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ printable),
/* harmony export */   k: () => (/* binding */ controlCharacterIn)
/* harmony export */ });
/**
 * Text from outside (file names, API messages, the user's settings) shown to a person: in the log, an annotation,
 * the job summary, the gallery or a terminal. The runner executes a log line that starts with `::` (after spaces)
 * or holds `##[` as a workflow command, and a line break inside a name would start a new line; so every such text
 * passes through `printable`, which makes control characters visible and defuses both command markers.
 */
/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
function isControl(character) {
    const code = character.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}
/** Printable ASCII but `\\`: no character of it is escaped. */
const PLAIN = /^[\x20-\x5b\x5d-\x7e]*$/;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };
function escape(character) {
    return NAMED[character] ?? `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}
/** The text on one line, as it reads, with nothing in it a runner or a terminal would act on. */
function printable(text) {
    // `\` is escaped too, so that an escape in the output always means one character of the input. Most text is
    // plain ASCII, with no character to escape: it is not taken apart.
    let visible = text;
    if (!PLAIN.test(text)) {
        visible = '';
        for (const character of text)
            visible += isControl(character) || character === '\\' ? escape(character) : character;
    }
    // `##[` anywhere on a line starts a (legacy) command; `::` at its start (after spaces) starts one too, and what
    // is left can start a line only as a whole.
    return visible.replace(/##\[/g, '#\\u0023[').replace(/^(\s*):/, '$1\\u003a');
}
const CONTROL_NAMES = {
    '\n': 'line feed',
    '\r': 'carriage return',
    '\t': 'tab',
    '\u2028': 'line separator',
    '\u2029': 'paragraph separator'
};
/**
 * The first control character in a name, described for a message (`line feed, U+000A`), or undefined; such a name
 * is refused as a source. Described in words, with no backslash: a message passes through `printable` on its way
 * out, which would escape an escape a second time (`\\n`).
 */
function controlCharacterIn(text) {
    const found = [...text].find(isControl);
    if (found === undefined)
        return undefined;
    const code = `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    const name = CONTROL_NAMES[found];
    return name ? `${name}, ${code}` : code;
}


/***/ }),

/***/ 99690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   cl: () => (/* binding */ registerSecret)
/* harmony export */ });
/* unused harmony export REDACTED */
/**
 * The run's secrets (the API key, the GitHub token, the artifact service's token), so that text from the network
 * can be cleaned of them before it goes anywhere: an error body that echoes the request's headers must not carry
 * the key into the log, the summary, the outputs, the gallery or the manifest.
 */
const secrets = new Set();
const REDACTED = '***';
/** Adds a secret, in the forms an echo may carry it: as sent, URL-encoded, and escaped inside a JSON string. */
function registerSecret(value) {
    if (value === '')
        return;
    for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])
        secrets.add(form);
    // Longest first, so a secret that contains another is replaced whole; sorted here, not for every line logged.
    longestFirst = [...secrets].sort((a, b) => b.length - a.length);
}
let longestFirst = [];
/** `text` with every registered secret replaced by `***`. */
function redact(text) {
    let clean = text;
    for (const secret of longestFirst)
        clean = clean.replaceAll(secret, REDACTED);
    return clean;
}


/***/ })

};
