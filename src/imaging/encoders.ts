import { readFile } from 'node:fs/promises';
import avifEncoderFactory from '@jsquash/avif/codec/enc/avif_enc.js';
import { defaultOptions as avifDefaults } from '@jsquash/avif/meta.js';
import jpegEncoderFactory from '@jsquash/jpeg/codec/enc/mozjpeg_enc.js';
import { defaultOptions as jpegDefaults } from '@jsquash/jpeg/meta.js';
import webpEncoderFactory from '@jsquash/webp/codec/enc/webp_enc_simd.js';
import { defaultOptions as webpDefaults } from '@jsquash/webp/meta.js';
import type { LossyFormat } from './formats.js';
import type { Pixels } from './pixels.js';
import { AVIF_ENCODE_WASM, JPEG_ENCODE_WASM, WEBP_ENCODE_WASM } from './wasm-files.js';

/** An Emscripten encoder: RGBA in, the file's bytes out (null or a throw when it fails). */
interface EncoderModule {
  encode(data: BufferSource, width: number, height: number, options: object): Uint8Array | null;
}
type Factory = (overrides: object) => Promise<EncoderModule>;

const ENCODERS: Record<LossyFormat, { factory: Factory; wasm: URL; options: (quality: number) => object }> = {
  webp: {
    factory: webpEncoderFactory,
    wasm: WEBP_ENCODE_WASM,
    options: quality => ({ ...webpDefaults, quality })
  },
  avif: {
    factory: avifEncoderFactory,
    wasm: AVIF_ENCODE_WASM,
    options: quality => ({ ...avifDefaults, quality })
  },
  jpeg: {
    factory: jpegEncoderFactory,
    wasm: JPEG_ENCODE_WASM,
    options: quality => ({ ...jpegDefaults, quality })
  }
};

const compiled = new Map<LossyFormat, Promise<WebAssembly.Module>>();

/** Compiles one format's encoder on first use: a conversion to WebP never loads the AVIF encoder's 3.5 MB. */
function moduleFor(format: LossyFormat): Promise<WebAssembly.Module> {
  let module = compiled.get(format);
  if (!module) {
    module = readFile(ENCODERS[format].wasm).then(bytes => WebAssembly.compile(bytes));
    module.catch(() => compiled.delete(format));
    compiled.set(format, module);
  }
  return module;
}

/**
 * A fresh instance of the format's encoder, for one image: its memory grows to about twice the image's RGBA and
 * never shrinks, so it is dropped with the instance once the image is encoded instead of being held for the run.
 */
async function encoderFor(format: LossyFormat): Promise<EncoderModule> {
  const module = await moduleFor(format);
  return ENCODERS[format].factory({
    noInitialRun: true,
    // The module compiled above, instead of the factory fetching its own file (Node's fetch cannot read files).
    instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => {
      const instance = new WebAssembly.Instance(module, imports);
      done(instance);
      return instance.exports;
    },
    print: () => undefined,
    printErr: () => undefined
  });
}

/** Encodes pixels as a lossy format at `quality` (1-100). @throws Error when the encoder fails. */
export async function encodeLossy(image: Pixels, format: LossyFormat, quality: number): Promise<Uint8Array> {
  const encoder = await encoderFor(format);
  const { options } = ENCODERS[format];
  const bytes = encoder.encode(image.data, image.width, image.height, options(quality));
  if (!bytes) throw new Error(`The ${format.toUpperCase()} encoder failed on a ${image.width}x${image.height} image`);
  // A copy out of the module's memory, which goes with the instance.
  return new Uint8Array(bytes);
}
