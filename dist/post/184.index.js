export const id = 184;
export const ids = [184];
export const modules = {

/***/ 17184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LocalUpscaler: () => (/* binding */ LocalUpscaler)
});

// UNUSED EXPORTS: MAX_RESULT_PIXELS, SCALE

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/image-dimensions.ts
var image_dimensions = __webpack_require__(59422);
// EXTERNAL MODULE: ./node_modules/@jsquash/jpeg/decode.js + 3 modules
var decode = __webpack_require__(9781);
// EXTERNAL MODULE: ./node_modules/@jsquash/png/decode.js
var png_decode = __webpack_require__(71432);
// EXTERNAL MODULE: ./node_modules/@jsquash/png/encode.js
var encode = __webpack_require__(48800);
// EXTERNAL MODULE: ./node_modules/@jsquash/resize/lib/resize/pkg/squoosh_resize.js
var squoosh_resize = __webpack_require__(13708);
// EXTERNAL MODULE: ./node_modules/@jsquash/webp/decode.js + 2 modules
var webp_decode = __webpack_require__(86185);
;// CONCATENATED MODULE: ./src/local/wasm-files.ts
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
const RESIZE_WASM = __webpack_require__.ab + "squoosh_resize_bg.wasm";

;// CONCATENATED MODULE: ./src/local/codecs.ts




// The resampler itself, without the package's wrapper, which would also bundle two methods we never use (hqx and
// Magic Kernel, 150 kB of WebAssembly).



/** squoosh's resize methods by index: triangle, catrom, mitchell, lanczos3. */
const LANCZOS3 = 3;
const FORMAT_NAMES = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP' };
function arrayBuffer(bytes) {
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
async function load() {
    const [png, jpeg, webp, resize] = await Promise.all([PNG_WASM, JPEG_DECODE_WASM, WEBP_DECODE_WASM, RESIZE_WASM].map(async (file) => WebAssembly.compile(await (0,promises_.readFile)(file))));
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

;// CONCATENATED MODULE: ./src/local/upscaler.ts



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
        const codecs = await loadCodecs();
        const bytes = await (0,promises_.readFile)(image.path);
        const declared = (0,image_dimensions/* readDimensions */.G)(bytes, image.format);
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
