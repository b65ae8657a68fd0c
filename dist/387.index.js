export const id = 387;
export const ids = [387,563];
export const modules = {

/***/ 81563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  convertFile: () => (/* binding */ convertFile)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/atomic-file.ts
var atomic_file = __webpack_require__(93549);
// EXTERNAL MODULE: ./src/local/codecs.ts
var local_codecs = __webpack_require__(86444);
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
// EXTERNAL MODULE: ./src/local/wasm-files.ts
var wasm_files = __webpack_require__(57833);
;// CONCATENATED MODULE: ./src/local/encoders.ts








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
const loaded = new Map();
/** Compiles one format's encoder on first use: a conversion to WebP never loads the AVIF encoder's 3.5 MB. */
function encoderFor(format) {
    let encoder = loaded.get(format);
    if (!encoder) {
        const { factory, wasm } = ENCODERS[format];
        encoder = (async () => {
            const module = await WebAssembly.compile(await (0,promises_.readFile)(wasm));
            return factory({
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
        })();
        encoder.catch(() => loaded.delete(format));
        loaded.set(format, encoder);
    }
    return encoder;
}
/** Encodes pixels as a lossy format at `quality` (1-100). @throws Error when the encoder fails. */
async function encodeLossy(image, format, quality) {
    const encoder = await encoderFor(format);
    const { options } = ENCODERS[format];
    const bytes = encoder.encode(image.data, image.width, image.height, options(quality));
    if (!bytes)
        throw new Error(`The ${format.toUpperCase()} encoder failed on a ${image.width}x${image.height} image`);
    // A copy out of the module's memory, which the next image reuses.
    return new Uint8Array(bytes);
}

// EXTERNAL MODULE: ./src/output-format.ts
var output_format = __webpack_require__(48256);
;// CONCATENATED MODULE: ./src/conversion.ts





// One conversion at a time: decoding takes width × height × 4 bytes, twice that while resampling.
let queue = Promise.resolve();
async function convertNow(job) {
    const { from, format, to, conversion } = job;
    const codecs = await (0,local_codecs/* loadCodecs */.E)();
    const bytes = await (0,promises_.readFile)(from);
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

/***/ 86444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ loadCodecs)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _jsquash_jpeg_decode_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(75723);
/* harmony import */ var _jsquash_png_decode_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71432);
/* harmony import */ var _jsquash_png_encode_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48800);
/* harmony import */ var _jsquash_resize_lib_resize_pkg_squoosh_resize_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(13708);
/* harmony import */ var _jsquash_webp_decode_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86185);
/* harmony import */ var _wasm_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57833);




// The resampler itself, without the package's wrapper, which would also bundle two methods we never use (hqx and
// Magic Kernel, 150 kB of WebAssembly).



/** squoosh's resize methods by index: triangle, catrom, mitchell, lanczos3. */
const LANCZOS3 = 3;
const FORMAT_NAMES = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP' };
function arrayBuffer(bytes) {
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
async function load() {
    const [png, jpeg, webp, resize] = await Promise.all([_wasm_files_js__WEBPACK_IMPORTED_MODULE_1__/* .PNG_WASM */ .Vw, _wasm_files_js__WEBPACK_IMPORTED_MODULE_1__/* .JPEG_DECODE_WASM */ .r8, _wasm_files_js__WEBPACK_IMPORTED_MODULE_1__/* .WEBP_DECODE_WASM */ .r0, _wasm_files_js__WEBPACK_IMPORTED_MODULE_1__/* .RESIZE_WASM */ .Gv].map(async (file) => WebAssembly.compile(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file))));
    // libjpeg reports through the console before it gives up: kept to explain the failure, not printed.
    let messages = [];
    const collect = { print: (text) => messages.push(text), printErr: (text) => messages.push(text) };
    await Promise.all([
        (0,_jsquash_png_decode_js__WEBPACK_IMPORTED_MODULE_2__/* .init */ .Ts)(png),
        (0,_jsquash_png_encode_js__WEBPACK_IMPORTED_MODULE_3__/* .init */ .T)(png),
        (0,_jsquash_jpeg_decode_js__WEBPACK_IMPORTED_MODULE_4__/* .init */ .T)(jpeg, collect),
        (0,_jsquash_webp_decode_js__WEBPACK_IMPORTED_MODULE_5__/* .init */ .T)(webp, collect),
        (0,_jsquash_resize_lib_resize_pkg_squoosh_resize_js__WEBPACK_IMPORTED_MODULE_6__/* ["default"] */ .Ay)(resize)
    ]);
    const decoders = {
        png: buffer => (0,_jsquash_png_decode_js__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .Ay)(buffer),
        // Turned upright as its EXIF orientation says, as browsers show it.
        jpeg: buffer => (0,_jsquash_jpeg_decode_js__WEBPACK_IMPORTED_MODULE_4__/* ["default"] */ .A)(buffer, { preserveOrientation: true }),
        webp: buffer => (0,_jsquash_webp_decode_js__WEBPACK_IMPORTED_MODULE_5__/* ["default"] */ .A)(buffer)
    };
    return {
        async decode(bytes, format) {
            messages = [];
            try {
                return await decoders[format](arrayBuffer(bytes));
            }
            catch (error) {
                // The Rust and Emscripten decoders fail with a bare 'unwrap_throw failed' or exit(1): say what was wrong.
                const why = messages.length > 0 ? messages.join('; ') : 'the file is damaged or unsupported';
                throw new Error(`The file could not be decoded as ${FORMAT_NAMES[format]} (${why})`, { cause: error });
            }
            finally {
                messages = [];
            }
        },
        resize(image, width, height) {
            const source = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
            const data = (0,_jsquash_resize_lib_resize_pkg_squoosh_resize_js__WEBPACK_IMPORTED_MODULE_6__/* .resize */ .XR)(source, image.width, image.height, width, height, LANCZOS3, true, true);
            // A copy out of the module's memory, on a buffer of its own.
            return { data: data, width, height };
        },
        async encodePng(image) {
            const { data, width, height } = image;
            return new Uint8Array(await (0,_jsquash_png_encode_js__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .A)({ data, width, height, colorSpace: 'srgb' }));
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

/***/ 57833:
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

/***/ 387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reconvert: () => (/* binding */ reconvert)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _conversion_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81563);
/* harmony import */ var _image_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(89001);



/**
 * Converts a source's earlier results (still in the workspace) to where the plan puts them in the format, quality
 * and size now asked for: no request, nothing paid. The earlier files are left as they are.
 */
async function reconvert(workspace, source, earlier, { planned, conversion, replaceable }) {
    const started = performance.now();
    const seconds = () => Math.round((performance.now() - started) / 100) / 10;
    const outputs = [];
    try {
        for (const [i, output] of earlier.from.entries()) {
            const from = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(workspace, output.path);
            const format = (await (0,_image_file_js__WEBPACK_IMPORTED_MODULE_2__/* .probeImageFile */ .k)(from))?.format;
            const plannedOutput = planned[i];
            if (!format || !plannedOutput)
                throw new Error(`the earlier result ${output.path} is not an image we can read`);
            const path = plannedOutput.paths[format];
            const { resolution } = await (0,_conversion_js__WEBPACK_IMPORTED_MODULE_1__.convertFile)({
                from,
                format,
                to: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(workspace, path),
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
    return { source, status: 'upscaled', outputs, seconds: seconds() };
}


/***/ })

};
