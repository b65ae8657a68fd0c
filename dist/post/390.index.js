export const id = 390;
export const ids = [390];
export const modules = {

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

/***/ 65390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LocalUpscaler: () => (/* binding */ LocalUpscaler)
/* harmony export */ });
/* unused harmony exports SCALE, MAX_RESULT_PIXELS */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _image_dimensions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59422);
/* harmony import */ var _codecs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86444);



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
        const codecs = await (0,_codecs_js__WEBPACK_IMPORTED_MODULE_2__/* .loadCodecs */ .E)();
        const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(image.path);
        const declared = (0,_image_dimensions_js__WEBPACK_IMPORTED_MODULE_1__/* .readDimensions */ .G)(bytes, image.format);
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


/***/ })

};
