import type { Pixels } from './pixels.js';
import { readFile } from 'node:fs/promises';
import decodeJpegWasm, { init as initJpegDecode } from '@jsquash/jpeg/decode.js';
import decodePngWasm, { init as initPngDecode } from '@jsquash/png/decode.js';
import encodePngWasm, { init as initPngEncode } from '@jsquash/png/encode.js';
// The resampler itself, without the package's wrapper, which would also bundle two methods we never use (hqx and
// Magic Kernel, 150 kB of WebAssembly).
import initResize, { resize as resizeWasm } from '@jsquash/resize/lib/resize/pkg/squoosh_resize.js';
import decodeWebpWasm, { init as initWebpDecode } from '@jsquash/webp/decode.js';
import { FORMATS, type ImageFormat } from './formats.js';
import { useComputeProfile } from '../runtime/v8-profile.js';
import { resizeLanczos3 } from './lanczos.js';
import { decodePngStreaming } from './png-stream.js';
import { JPEG_DECODE_WASM, PNG_WASM, RESIZE_WASM, WEBP_DECODE_WASM } from './wasm-files.js';

/** The decoders built with Emscripten take the compiled module and their console; their typings omit both. */
type EmscriptenInit = (
  module: WebAssembly.Module,
  overrides: { print: (text: string) => void; printErr: (text: string) => void }
) => Promise<void>;

/** Decoding, resampling and encoding; one image at a time (the decoders share their message buffer). */
export interface Codecs {
  /** @throws Error saying why the bytes could not be decoded. */
  decode(bytes: Uint8Array, format: ImageFormat): Promise<Pixels>;
  /** Lanczos3 resampling, in linear light with premultiplied alpha. */
  resize(image: Pixels, width: number, height: number): Pixels;
  encodePng(image: Pixels): Promise<Uint8Array>;
}

/** squoosh's resize methods by index: triangle, catrom, mitchell, lanczos3. */
const LANCZOS3 = 3;

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function load(): Promise<Codecs> {
  useComputeProfile();
  const [png, jpeg, webp, resize] = await Promise.all(
    [PNG_WASM, JPEG_DECODE_WASM, WEBP_DECODE_WASM, RESIZE_WASM].map(async file =>
      WebAssembly.compile(await readFile(file))
    )
  );
  // libjpeg reports through the console before it gives up: kept to explain the failure, not printed.
  let messages: string[] = [];
  const collect = { print: (text: string) => messages.push(text), printErr: (text: string) => messages.push(text) };
  await Promise.all([
    initPngDecode(png),
    initPngEncode(png),
    (initJpegDecode as unknown as EmscriptenInit)(jpeg as WebAssembly.Module, collect),
    (initWebpDecode as unknown as EmscriptenInit)(webp as WebAssembly.Module, collect),
    initResize(resize)
  ]);

  const decoders: Record<ImageFormat, (buffer: ArrayBuffer) => Promise<ImageData>> = {
    png: buffer => decodePngWasm(buffer),
    // Turned upright as its EXIF orientation says, as browsers show it.
    jpeg: buffer => decodeJpegWasm(buffer, { preserveOrientation: true }),
    webp: buffer => decodeWebpWasm(buffer)
  };

  return {
    async decode(bytes, format) {
      messages = [];
      try {
        // Ideogram's PNGs row by row, without the WebAssembly decoder's memory; the rarer kinds through it.
        const streamed = format === 'png' ? await decodePngStreaming(bytes) : undefined;
        return streamed ?? (await decoders[format](arrayBuffer(bytes)));
      } catch (error) {
        // The Rust and Emscripten decoders fail with a bare 'unwrap_throw failed' or exit(1): say what was wrong.
        const why = messages.length > 0 ? messages.join('; ') : 'the file is damaged or unsupported';
        throw new Error(`The file could not be decoded as ${FORMATS[format].label} (${why})`, { cause: error });
      } finally {
        messages = [];
      }
    },
    resize(image, width, height) {
      // Shrinking (conversions: results are never enlarged) row by row, without the WebAssembly memory it takes for
      // a large result; enlarging (the local provider's small sources) through the WebAssembly resampler.
      if (width <= image.width && height <= image.height) return resizeLanczos3(image, width, height);
      const source = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
      const data = resizeWasm(source, image.width, image.height, width, height, LANCZOS3, true, true);
      // A copy out of the module's memory, on a buffer of its own.
      return { data: data as Uint8ClampedArray<ArrayBuffer>, width, height };
    },
    async encodePng(image) {
      const { data, width, height } = image;
      return new Uint8Array(await encodePngWasm({ data, width, height, colorSpace: 'srgb' }));
    }
  };
}

let loaded: Promise<Codecs> | undefined;

/** Compiles the codecs once per process, on first use. */
export function loadCodecs(): Promise<Codecs> {
  if (loaded === undefined) {
    loaded = load().catch(error => {
      loaded = undefined;
      throw error;
    });
  }
  return loaded;
}
