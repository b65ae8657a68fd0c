export const id = 205;
export const ids = [205];
export const modules = {

/***/ 87744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ loadCodecs)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/@jsquash/jpeg/decode.js + 2 modules
var decode = __webpack_require__(75723);
// EXTERNAL MODULE: ./node_modules/@jsquash/png/decode.js
var png_decode = __webpack_require__(71432);
// EXTERNAL MODULE: ./node_modules/@jsquash/png/encode.js
var encode = __webpack_require__(48800);
// EXTERNAL MODULE: ./node_modules/@jsquash/resize/lib/resize/pkg/squoosh_resize.js
var squoosh_resize = __webpack_require__(13708);
// EXTERNAL MODULE: ./node_modules/@jsquash/webp/decode.js + 2 modules
var webp_decode = __webpack_require__(86185);
// EXTERNAL MODULE: ./src/imaging/formats.ts
var formats = __webpack_require__(1474);
// EXTERNAL MODULE: ./src/runtime/v8-profile.ts + 1 modules
var v8_profile = __webpack_require__(92760);
;// CONCATENATED MODULE: ./src/imaging/lanczos.ts
/**
 * Lanczos3 resampling in linear light with premultiplied alpha, as the WebAssembly resampler does it, but one row
 * at a time: it needs the RGBA it returns and a window of a few rows, where that resampler held the source, a
 * floating-point copy of it and an intermediate image in a memory that never shrinks (over 2 GB kept after an
 * 8192×8192 result is fitted into 4096).
 */
const LOBES = 3;
/** An sRGB byte as linear light. */
const TO_LINEAR = Float32Array.from({ length: 256 }, (_, byte) => {
    const c = byte / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});
/** Steps of the table from linear light back to an sRGB byte: fine enough for the darkest byte step. */
const LINEAR_STEPS = 1 << 16;
const TO_SRGB = Uint8Array.from({ length: LINEAR_STEPS + 1 }, (_, i) => {
    const l = i / LINEAR_STEPS;
    const c = l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055;
    return Math.round(c * 255);
});
function sinc(x) {
    if (x === 0)
        return 1;
    const px = Math.PI * x;
    return Math.sin(px) / px;
}
function taps(from, to) {
    const ratio = from / to;
    // Shrinking widens the filter so every source sample counts; enlarging keeps it at three lobes.
    const scale = Math.max(ratio, 1);
    const support = LOBES * scale;
    const widest = Math.ceil(support) * 2 + 2;
    const start = new Int32Array(to);
    const count = new Int32Array(to);
    const weights = new Float32Array(to * widest);
    for (let j = 0; j < to; j++) {
        const center = (j + 0.5) * ratio;
        // Samples outside the image are left out and the rest normalised, so edges keep their brightness.
        const first = Math.max(0, Math.floor(center - support));
        const last = Math.min(from - 1, Math.ceil(center + support));
        let sum = 0;
        let n = 0;
        for (let i = first; i <= last && n < widest; i++, n++) {
            const x = (i + 0.5 - center) / scale;
            const w = Math.abs(x) < LOBES ? sinc(x) * sinc(x / LOBES) : 0;
            weights[j * widest + n] = w;
            sum += w;
        }
        for (let k = 0; k < n; k++)
            weights[j * widest + k] = weights[j * widest + k] / (sum || 1);
        start[j] = first;
        count[j] = n;
    }
    return { start, count, weights, widest };
}
/** One source row as premultiplied linear RGBA, resampled across to the target width. */
function resampleRow(image, y, across, linear, out) {
    const { data, width } = image;
    for (let x = 0, i = y * width * 4; x < width; x++, i += 4) {
        const alpha = data[i + 3] / 255;
        linear[x * 4] = TO_LINEAR[data[i]] * alpha;
        linear[x * 4 + 1] = TO_LINEAR[data[i + 1]] * alpha;
        linear[x * 4 + 2] = TO_LINEAR[data[i + 2]] * alpha;
        linear[x * 4 + 3] = alpha;
    }
    const { start, count, weights, widest } = across;
    for (let j = 0; j < start.length; j++) {
        let r = 0;
        let g = 0;
        let b = 0;
        let a = 0;
        for (let k = 0, s = start[j] * 4, w = j * widest; k < count[j]; k++, s += 4, w++) {
            const weight = weights[w];
            r += linear[s] * weight;
            g += linear[s + 1] * weight;
            b += linear[s + 2] * weight;
            a += linear[s + 3] * weight;
        }
        out[j * 4] = r;
        out[j * 4 + 1] = g;
        out[j * 4 + 2] = b;
        out[j * 4 + 3] = a;
    }
}
function srgbByte(linear) {
    const clamped = linear <= 0 ? 0 : linear >= 1 ? 1 : linear;
    return TO_SRGB[Math.round(clamped * LINEAR_STEPS)];
}
/** Resamples `image` to `width`×`height` with Lanczos3, in linear light with premultiplied alpha. */
function resizeLanczos3(image, width, height) {
    const across = taps(image.width, width);
    const down = taps(image.height, height);
    const out = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
    const linear = new Float32Array(image.width * 4);
    // The rows resampled across, kept while an output row may still need them: a ring indexed by source row.
    const ring = Array.from({ length: down.widest }, () => new Float32Array(width * 4));
    let next = 0;
    for (let j = 0; j < height; j++) {
        const first = down.start[j];
        const n = down.count[j];
        for (; next < first + n; next++)
            resampleRow(image, next, across, linear, ring[next % down.widest]);
        for (let x = 0; x < width * 4; x += 4) {
            let r = 0;
            let g = 0;
            let b = 0;
            let a = 0;
            for (let k = 0; k < n; k++) {
                const row = ring[(first + k) % down.widest];
                const weight = down.weights[j * down.widest + k];
                r += row[x] * weight;
                g += row[x + 1] * weight;
                b += row[x + 2] * weight;
                a += row[x + 3] * weight;
            }
            const o = j * width * 4 + x;
            const alpha = a <= 0 ? 0 : a >= 1 ? 1 : a;
            out[o] = alpha === 0 ? 0 : srgbByte(r / alpha);
            out[o + 1] = alpha === 0 ? 0 : srgbByte(g / alpha);
            out[o + 2] = alpha === 0 ? 0 : srgbByte(b / alpha);
            out[o + 3] = Math.round(alpha * 255);
        }
    }
    return { data: out, width, height };
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/imaging/png-stream.ts


/**
 * A PNG decoder for the images Ideogram returns (8 bits a channel, not interlaced) that inflates and unfilters
 * row by row into the RGBA it returns: it needs that buffer and two rows, where the WebAssembly decoder holds the
 * file, the whole inflated image and the RGBA in a module memory that never shrinks (over 400 MB kept for an
 * 8192×8192 result). Anything else is left to that decoder.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Samples per pixel by PNG colour type: grey, RGB, palette index, grey + alpha, RGBA. */
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** The file's layout when this decoder can take it, else undefined (the WebAssembly decoder then does). */
function layoutOf(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 33 || !SIGNATURE.equals(bytes.subarray(0, 8)))
        return undefined;
    let header;
    let rgb;
    let alpha;
    const data = [];
    for (let at = 8; at + 12 <= bytes.length;) {
        const length = view.getUint32(at);
        const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
        const body = bytes.subarray(at + 8, at + 8 + length);
        if (body.length !== length)
            return undefined;
        if (type === 'IHDR') {
            const [depth, colorType, , , interlace] = body.subarray(8, 13);
            if (depth !== 8 || interlace !== 0 || colorType === undefined || !(colorType in CHANNELS))
                return undefined;
            header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), colorType };
        }
        else if (type === 'PLTE') {
            rgb = body;
        }
        else if (type === 'tRNS') {
            // A colour key on a grey or RGB image: rare, and the other decoder knows it.
            if (header?.colorType !== 3)
                return undefined;
            alpha = body;
        }
        else if (type === 'IDAT') {
            data.push(body);
        }
        else if (type === 'IEND') {
            break;
        }
        at += 12 + length;
    }
    if (!header || header.width === 0 || header.height === 0 || data.length === 0)
        return undefined;
    if (header.colorType === 3 && !rgb)
        return undefined;
    let palette;
    if (rgb) {
        palette = new Uint8Array(256 * 4);
        for (let i = 0; i * 3 + 2 < rgb.length && i < 256; i++) {
            palette.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
            palette[i * 4 + 3] = alpha?.[i] ?? 255;
        }
    }
    return { ...header, palette, data };
}
function paeth(left, up, upLeft) {
    const p = left + up - upLeft;
    const pl = Math.abs(p - left);
    const pu = Math.abs(p - up);
    const pul = Math.abs(p - upLeft);
    if (pl <= pu && pl <= pul)
        return left;
    return pu <= pul ? up : upLeft;
}
/** Undoes a row's filter in place, given the row above (zeros for the first). */
function unfilter(filter, row, above, bpp) {
    const n = row.length;
    switch (filter) {
        case 0:
            return;
        case 1:
            for (let i = bpp; i < n; i++)
                row[i] = row[i] + row[i - bpp];
            return;
        case 2:
            for (let i = 0; i < n; i++)
                row[i] = row[i] + above[i];
            return;
        case 3:
            for (let i = 0; i < n; i++) {
                const left = i < bpp ? 0 : row[i - bpp];
                row[i] = row[i] + ((left + above[i]) >> 1);
            }
            return;
        case 4:
            for (let i = 0; i < n; i++) {
                const left = i < bpp ? 0 : row[i - bpp];
                const upLeft = i < bpp ? 0 : above[i - bpp];
                row[i] = row[i] + paeth(left, above[i], upLeft);
            }
            return;
        default:
            throw new Error(`a row has the unknown filter type ${filter}`);
    }
}
/** Writes one unfiltered row as RGBA at `out[offset…]`. */
function expand(row, { colorType, palette }, out, offset) {
    const width = row.length / CHANNELS[colorType];
    for (let x = 0, o = offset; x < width; x++, o += 4) {
        if (colorType === 6) {
            out.set(row.subarray(x * 4, x * 4 + 4), o);
        }
        else if (colorType === 2) {
            out[o] = row[x * 3];
            out[o + 1] = row[x * 3 + 1];
            out[o + 2] = row[x * 3 + 2];
            out[o + 3] = 255;
        }
        else if (colorType === 3) {
            const p = row[x] * 4;
            out.set(palette.subarray(p, p + 4), o);
        }
        else {
            const grey = row[colorType === 0 ? x : x * 2];
            out[o] = grey;
            out[o + 1] = grey;
            out[o + 2] = grey;
            out[o + 3] = colorType === 0 ? 255 : row[x * 2 + 1];
        }
    }
}
/**
 * Decodes an 8-bit, non-interlaced PNG, or returns undefined for any other kind (16 bits, fewer than 8, interlaced,
 * a colour key), which the caller decodes otherwise.
 * @throws Error when the image data is damaged or ends early.
 */
async function decodePngStreaming(bytes) {
    const layout = layoutOf(bytes);
    if (!layout)
        return undefined;
    const { width, height, colorType } = layout;
    const bpp = CHANNELS[colorType];
    const stride = width * bpp;
    const out = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
    let row = new Uint8Array(stride + 1);
    let above = new Uint8Array(stride + 1);
    let filled = 0;
    let y = 0;
    const inflater = (0,external_node_zlib_.createInflate)();
    const feeding = (async () => {
        for (const part of layout.data) {
            if (!inflater.write(part))
                await (0,external_node_events_.once)(inflater, 'drain');
        }
        inflater.end();
    })();
    // Awaited below; a damaged stream fails the loop first, and this must not be left unhandled meanwhile.
    feeding.catch(() => undefined);
    for await (const chunk of inflater) {
        for (let at = 0; at < chunk.length && y < height;) {
            const take = Math.min(stride + 1 - filled, chunk.length - at);
            row.set(chunk.subarray(at, at + take), filled);
            filled += take;
            at += take;
            if (filled < stride + 1)
                break;
            // Byte 0 is the filter; the pixels follow it, and `above` is laid out alike.
            unfilter(row[0], row.subarray(1), above.subarray(1), bpp);
            expand(row.subarray(1), layout, out, y * width * 4);
            [row, above] = [above, row];
            filled = 0;
            y++;
        }
    }
    await feeding;
    if (y < height)
        throw new Error(`the image data ends after ${y} of ${height} rows`);
    return { data: out, width, height };
}

// EXTERNAL MODULE: ./src/imaging/wasm-files.ts
var wasm_files = __webpack_require__(90686);
;// CONCATENATED MODULE: ./src/imaging/codecs.ts




// The resampler itself, without the package's wrapper, which would also bundle two methods we never use (hqx and
// Magic Kernel, 150 kB of WebAssembly).







/** squoosh's resize methods by index: triangle, catrom, mitchell, lanczos3. */
const LANCZOS3 = 3;
function arrayBuffer(bytes) {
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
async function load() {
    (0,v8_profile/* useComputeProfile */.m)();
    const [png, jpeg, webp, resize] = await Promise.all([wasm_files/* PNG_WASM */.Vw, wasm_files/* JPEG_DECODE_WASM */.r8, wasm_files/* WEBP_DECODE_WASM */.r0, wasm_files/* RESIZE_WASM */.Gv].map(async (file) => WebAssembly.compile(await (0,promises_.readFile)(file))));
    // libjpeg reports through the console before it gives up: kept to explain the failure, not printed.
    let messages = [];
    const collect = { print: (text) => messages.push(text), printErr: (text) => messages.push(text) };
    await Promise.all([
        (0,png_decode/* init */.Ts)(png),
        (0,encode/* init */.T)(png),
        (0,decode/* init */.T)(jpeg, collect),
        (0,webp_decode/* init */.T)(webp, collect),
        (0,squoosh_resize/* default */.Ay)(resize)
    ]);
    const decoders = {
        png: buffer => (0,png_decode/* default */.Ay)(buffer),
        // Turned upright as its EXIF orientation says, as browsers show it.
        jpeg: buffer => (0,decode/* default */.A)(buffer, { preserveOrientation: true }),
        webp: buffer => (0,webp_decode/* default */.A)(buffer)
    };
    return {
        async decode(bytes, format) {
            messages = [];
            try {
                // Ideogram's PNGs row by row, without the WebAssembly decoder's memory; the rarer kinds through it.
                const streamed = format === 'png' ? await decodePngStreaming(bytes) : undefined;
                return streamed ?? (await decoders[format](arrayBuffer(bytes)));
            }
            catch (error) {
                // The Rust and Emscripten decoders fail with a bare 'unwrap_throw failed' or exit(1): say what was wrong.
                const why = messages.length > 0 ? messages.join('; ') : 'the file is damaged or unsupported';
                throw new Error(`The file could not be decoded as ${formats/* FORMATS */.hR[format].label} (${why})`, { cause: error });
            }
            finally {
                messages = [];
            }
        },
        resize(image, width, height) {
            // Shrinking (conversions: results are never enlarged) row by row, without the WebAssembly memory it takes for
            // a large result; enlarging (the local provider's small sources) through the WebAssembly resampler.
            if (width <= image.width && height <= image.height)
                return resizeLanczos3(image, width, height);
            const source = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
            const data = (0,squoosh_resize/* resize */.XR)(source, image.width, image.height, width, height, LANCZOS3, true, true);
            // A copy out of the module's memory, on a buffer of its own.
            return { data: data, width, height };
        },
        async encodePng(image) {
            const { data, width, height } = image;
            return new Uint8Array(await (0,encode/* default */.A)({ data, width, height, colorSpace: 'srgb' }));
        }
    };
}
let loaded;
/** Compiles the codecs once per process, on first use. */
function loadCodecs() {
    if (loaded === undefined) {
        loaded = load().catch(error => {
            loaded = undefined;
            throw error;
        });
    }
    return loaded;
}


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

/***/ 90686:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $t: () => (/* binding */ AVIF_ENCODE_WASM),
/* harmony export */   Gv: () => (/* binding */ RESIZE_WASM),
/* harmony export */   Vw: () => (/* binding */ PNG_WASM),
/* harmony export */   dT: () => (/* binding */ WEBP_ENCODE_WASM),
/* harmony export */   hp: () => (/* binding */ JPEG_ENCODE_WASM),
/* harmony export */   r0: () => (/* binding */ WEBP_DECODE_WASM),
/* harmony export */   r8: () => (/* binding */ JPEG_DECODE_WASM)
/* harmony export */ });
/*
 * The WebAssembly behind the local provider's codecs, read from these files rather than fetched by the packages'
 * own loaders (Node's fetch cannot read files). Each is a top-level `new URL(literal, import.meta.url)`, the form
 * ncc's asset relocator recognises: it copies the file into dist/ and points the bundle at the copy. Keep this module
 * this plain: the relocator skips, silently, a module it cannot parse (`??=` is enough), and the build then holds
 * corrupt copies instead; the CLI's test on the built bundle catches that.
 */
const PNG_WASM = __webpack_require__.ab + "squoosh_png_bg.wasm";
const JPEG_DECODE_WASM = __webpack_require__.ab + "mozjpeg_dec.wasm";
const WEBP_DECODE_WASM = __webpack_require__.ab + "webp_dec.wasm";
const WEBP_ENCODE_WASM = __webpack_require__.ab + "webp_enc_simd.wasm";
const JPEG_ENCODE_WASM = __webpack_require__.ab + "mozjpeg_enc.wasm";
const AVIF_ENCODE_WASM = __webpack_require__.ab + "avif_enc.wasm";
const RESIZE_WASM = __webpack_require__.ab + "squoosh_resize_bg.wasm";


/***/ }),

/***/ 65205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LocalUpscaler: () => (/* binding */ LocalUpscaler)
/* harmony export */ });
/* unused harmony exports SCALE, MAX_RESULT_PIXELS */
/* harmony import */ var _imaging_dimensions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51657);
/* harmony import */ var _imaging_codecs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87744);
/* harmony import */ var _imaging_source_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99600);



/** The local provider enlarges by this factor in each direction. */
const SCALE = 2;
/** Bounds the memory one image takes (RGBA at 4 bytes a pixel, a few copies): 100 MP is a 10000×10000 result. */
const MAX_RESULT_PIXELS = 100_000_000;
function megapixels(pixels) {
    return `${(pixels / 1_000_000).toFixed(1)} MP`;
}
function checkSize(width, height) {
    const result = width * SCALE * height * SCALE;
    if (result > MAX_RESULT_PIXELS) {
        throw new Error(`The image is ${width}x${height}; its ${SCALE}× result would be ${megapixels(result)}, over the local provider's ${megapixels(MAX_RESULT_PIXELS)} limit`);
    }
}
/**
 * Upscales on this machine, with no key and no network: decodes the source (PNG, JPEG or WebP), resamples it to
 * twice its width and height with a Lanczos3 filter, and makes one PNG. It makes exactly one result per source,
 * whatever `num-images` says, and leaves out everything Ideogram would imagine (prompt, seed, detail): the result
 * has the same content, only more pixels; the engine writes it. Images are worked on one at a time, on the main thread.
 */
class LocalUpscaler {
    queue = Promise.resolve();
    async produce(image) {
        const turn = this.queue.then(() => this.upscale(image));
        this.queue = turn.catch(() => undefined);
        return [await turn];
    }
    async upscale(image) {
        const codecs = await (0,_imaging_codecs_js__WEBPACK_IMPORTED_MODULE_1__/* .loadCodecs */ .E)();
        // The bytes checked (and hashed for the manifest), or a SourceChangedError.
        const bytes = await (0,_imaging_source_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readChecked */ .Yi)(image);
        const declared = (0,_imaging_dimensions_js__WEBPACK_IMPORTED_MODULE_0__/* .readDimensions */ .G)(bytes, image.format);
        if (declared)
            checkSize(declared.width, declared.height);
        const source = await codecs.decode(bytes, image.format);
        checkSize(source.width, source.height);
        const result = codecs.resize(source, source.width * SCALE, source.height * SCALE);
        const png = await codecs.encodePng(result);
        return { kind: 'image', bytes: png, resolution: `${result.width}x${result.height}`, seed: null, prompt: null };
    }
    async close() {
        await this.queue;
    }
}


/***/ })

};
