export const id = 153;
export const ids = [153];
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

/***/ 45153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  convertFile: () => (/* binding */ convertFile)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/fs/atomic-file.ts
var atomic_file = __webpack_require__(5105);
// EXTERNAL MODULE: ./src/fs/regular-file.ts
var regular_file = __webpack_require__(65650);
// EXTERNAL MODULE: ./src/imaging/codecs.ts + 2 modules
var imaging_codecs = __webpack_require__(87744);
// EXTERNAL MODULE: ./node_modules/@jsquash/avif/codec/enc/avif_enc.js
var avif_enc = __webpack_require__(94636);
// EXTERNAL MODULE: ./node_modules/@jsquash/avif/meta.js
var meta = __webpack_require__(81724);
// EXTERNAL MODULE: ./node_modules/@jsquash/jpeg/codec/enc/mozjpeg_enc.js
var mozjpeg_enc = __webpack_require__(51846);
// EXTERNAL MODULE: ./node_modules/@jsquash/jpeg/meta.js
var jpeg_meta = __webpack_require__(21194);
// EXTERNAL MODULE: ./node_modules/@jsquash/webp/codec/enc/webp_enc_simd.js
var webp_enc_simd = __webpack_require__(89430);
// EXTERNAL MODULE: ./node_modules/@jsquash/webp/meta.js
var webp_meta = __webpack_require__(8810);
// EXTERNAL MODULE: ./src/imaging/wasm-files.ts
var wasm_files = __webpack_require__(90686);
;// CONCATENATED MODULE: ./src/imaging/encoders.ts








const ENCODERS = {
    webp: {
        factory: webp_enc_simd/* default */.A,
        wasm: wasm_files/* WEBP_ENCODE_WASM */.dT,
        options: quality => ({ ...webp_meta/* defaultOptions */.KQ, quality })
    },
    avif: {
        factory: avif_enc/* default */.A,
        wasm: wasm_files/* AVIF_ENCODE_WASM */.$t,
        options: quality => ({ ...meta/* defaultOptions */.KQ, quality })
    },
    jpeg: {
        factory: mozjpeg_enc/* default */.A,
        wasm: wasm_files/* JPEG_ENCODE_WASM */.hp,
        options: quality => ({ ...jpeg_meta/* defaultOptions */.KQ, quality })
    }
};
const compiled = new Map();
/** Compiles one format's encoder on first use: a conversion to WebP never loads the AVIF encoder's 3.5 MB. */
function moduleFor(format) {
    let module = compiled.get(format);
    if (!module) {
        module = (0,promises_.readFile)(ENCODERS[format].wasm).then(bytes => WebAssembly.compile(bytes));
        module.catch(() => compiled.delete(format));
        compiled.set(format, module);
    }
    return module;
}
/**
 * A fresh instance of the format's encoder, for one image: its memory grows to about twice the image's RGBA and
 * never shrinks, so it is dropped with the instance once the image is encoded instead of being held for the run.
 */
async function encoderFor(format) {
    const module = await moduleFor(format);
    return ENCODERS[format].factory({
        noInitialRun: true,
        // The module compiled above, instead of the factory fetching its own file (Node's fetch cannot read files).
        instantiateWasm: (imports, done) => {
            const instance = new WebAssembly.Instance(module, imports);
            done(instance);
            return instance.exports;
        },
        print: () => undefined,
        printErr: () => undefined
    });
}
/** Encodes pixels as a lossy format at `quality` (1-100). @throws Error when the encoder fails. */
async function encodeLossy(image, format, quality) {
    const encoder = await encoderFor(format);
    const { options } = ENCODERS[format];
    const bytes = encoder.encode(image.data, image.width, image.height, options(quality));
    if (!bytes)
        throw new Error(`The ${format.toUpperCase()} encoder failed on a ${image.width}x${image.height} image`);
    // A copy out of the module's memory, which goes with the instance.
    return new Uint8Array(bytes);
}

// EXTERNAL MODULE: ./src/imaging/output-format.ts
var output_format = __webpack_require__(28733);
;// CONCATENATED MODULE: ./src/imaging/conversion.ts






// One conversion at a time: decoding takes width × height × 4 bytes, twice that while resampling.
let queue = Promise.resolve();
async function convertNow(job) {
    const { from, format, to, conversion } = job;
    const codecs = await (0,imaging_codecs/* loadCodecs */.E)();
    const bytes = await (0,regular_file/* readRegularFile */.XF)(from);
    let pixels = await codecs.decode(bytes, format);
    const size = (0,output_format/* fitWithin */.Hi)(pixels, conversion);
    const resized = size.width !== pixels.width || size.height !== pixels.height;
    const target = (0,output_format/* targetFormat */.jK)(format, conversion);
    if (format === target && !resized) {
        // Already what was asked for: the bytes as they are, not a second encoding.
        if (from !== to)
            await (0,atomic_file/* writeFileAtomically */.lo)(to, bytes, { replace: job.replace });
        if (job.consume && from !== to)
            await (0,promises_.rm)(from, { force: true });
        return { resolution: `${size.width}x${size.height}`, bytes: bytes.length };
    }
    if (resized)
        pixels = codecs.resize(pixels, size.width, size.height);
    const encoded = target === 'png'
        ? await codecs.encodePng(pixels)
        : await encodeLossy(pixels, target, conversion.quality ?? output_format/* OUTPUT_FORMAT_INFO */.fy[target].quality ?? 100);
    await (0,atomic_file/* writeFileAtomically */.lo)(to, encoded, { replace: job.replace });
    if (job.consume && from !== to)
        await (0,promises_.rm)(from, { force: true });
    return { resolution: `${size.width}x${size.height}`, bytes: encoded.length };
}
/**
 * Converts an image file as the job says and writes it atomically to its target (the bytes as they are when
 * nothing has to change). The WebAssembly codecs load on the first conversion, so a run that asks for none starts
 * as fast as ever. One conversion runs at a time.
 * @throws Error when the image cannot be decoded or encoded.
 */
function convertFile(job) {
    const turn = queue.then(() => convertNow(job));
    queue = turn.catch(() => undefined);
    return turn;
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


/***/ })

};
