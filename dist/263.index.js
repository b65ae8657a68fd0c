export const id = 263;
export const ids = [263];
export const modules = {

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

/***/ 59263:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createIdeogramUpscaler: () => (/* binding */ createIdeogramUpscaler)
});

// EXTERNAL MODULE: ./src/net/transport.ts
var net_transport = __webpack_require__(17122);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(46752);
// EXTERNAL MODULE: ./src/imaging/image-format.ts
var image_format = __webpack_require__(53939);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/fs/read-buffers.ts
var read_buffers = __webpack_require__(73541);
// EXTERNAL MODULE: ./src/fs/regular-file.ts
var regular_file = __webpack_require__(65650);
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

// EXTERNAL MODULE: ./src/net/network-error.ts
var network_error = __webpack_require__(13218);
// EXTERNAL MODULE: ./src/async/retry.ts
var retry = __webpack_require__(32890);
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
            throw APIError.from(file, response.statusCode, errorBody, (0,retry/* parseRetryAfter */.mu)(response.headers));
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
    const failure = (0,network_error/* networkFailure */.r)(error);
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

// EXTERNAL MODULE: ./src/imaging/image-file.ts
var image_file = __webpack_require__(64002);
// EXTERNAL MODULE: ./src/imaging/source-image.ts + 1 modules
var source_image = __webpack_require__(38633);
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
async function sourceDimensions(image) {
    // Only a regular file: a named pipe swapped in since the check would block. Gone or swapped, the upload's own
    // check of the file says so in words.
    const opened = await (0,regular_file/* openRegularFile */.ZU)(image.path).catch(() => undefined);
    if (!opened)
        return undefined;
    try {
        // The upload is bounded (50 MB), so a header past the first bytes is worth the whole read.
        return (await (0,image_file/* probeOpened */.e)(opened, { wholeIfNeeded: true })).dimensions;
    }
    finally {
        await opened.handle.close();
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

// EXTERNAL MODULE: ./src/providers/ideogram/inflight-limiter.ts
var inflight_limiter = __webpack_require__(17457);
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

// EXTERNAL MODULE: ./src/net/download.ts
var download = __webpack_require__(77183);
// EXTERNAL MODULE: ./src/providers/provider.ts
var provider = __webpack_require__(49545);
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
    if ((0,download/* isTransientRead */.Th)(error))
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
        return await (0,retry/* withRetries */.LH)(attempt, policy, ideogramRule, event => {
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
    check() {
        if (this.reason !== undefined)
            throw new provider/* NotSentError */.S('stopped', `not sent: for an earlier image, ${this.reason}`);
    }
    /**
     * One request, not sent once the batch is stopped; its outcome tells whether to stop it (the account refused, the
     * host unreachable several times in a row).
     */
    async guard(file, send) {
        this.check();
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
            throw error instanceof provider/* NotSentError */.S && tried !== undefined ? tried : error;
        }
    }
    stop(file, reason, why) {
        if (this.reason !== undefined)
            return;
        this.reason = reason;
        this.onStopped?.(`Stopping the batch: ${reason} (for ${file}). ${why}, so the remaining images are not sent.`);
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
        this.batch.check();
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
                throw provider/* NotSentError */.S.cancelled();
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
    /** The source's price as it would be sent, asked like any request: through the batch stop and the retries. */
    async quote(image) {
        const file = image.relativePath;
        const { endpoint } = this.options;
        return quoteRecord(await this.retrying(file, () => this.batch.guard(file, () => endpoint.quote(image))));
    }
    /** With a cost cap: the source's quote, taken from the cap. @throws NotSentError past the cap */
    async withinCap(image) {
        const { costCap } = this.options;
        if (!costCap)
            return undefined;
        const record = await this.quote(image);
        // An estimate may cost up to its upper bound: the cap counts the most it can cost.
        const refused = costCap.take(record.upperBoundUsdMicros ?? record.usdMicros);
        if (refused !== undefined)
            throw new provider/* NotSentError */.S('capped', `not sent: ${refused}`, record);
        return record;
    }
    handOver(image, item, billing) {
        const link = item.url;
        const bill = billing ? { billing } : {};
        if (!link)
            return { kind: 'withheld', reason: 'Ideogram withheld the result as unsafe', ...bill };
        const { hosts, maxResultBytes } = this.options;
        return {
            ...bill,
            kind: 'image',
            bytes: () => (0,download/* openDownload */.pi)(image.relativePath, link, {
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

;// CONCATENATED MODULE: ./src/providers/ideogram/create.ts








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
function endpointFor(provider, transport, hooks) {
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
/** Ideogram's upscaler, wired: the endpoint the settings name, the in-flight limiter, the retry ladder, the cap. */
function createIdeogramUpscaler(provider, transport, hooks, jobs, maxResultBytes) {
    const maxCost = provider.kind === 'v2' ? provider.maxCost : undefined;
    return new IdeogramUpscaler({
        endpoint: endpointFor(provider, transport, hooks),
        limiter: new inflight_limiter/* InflightLimiter */.kZ((0,inflight_limiter/* inflightBounds */.F8)(transport.concurrency)),
        retry: (0,net_transport/* retryPolicy */.J)(transport),
        hosts: ideogramHosts(provider.apiUrl),
        maxResultBytes,
        downloadTimeoutMs: transport.requestTimeoutMs,
        onRetry: hooks.onRetry,
        onBatchStopped: why => hooks.onNotice?.(why),
        ...jobs,
        ...(maxCost === undefined ? {} : { costCap: new CostCap(maxCost) })
    });
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
