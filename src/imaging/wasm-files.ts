/*
 * The WebAssembly behind the local provider's codecs, read from these files rather than fetched by the packages'
 * own loaders (Node's fetch cannot read files). Each is a top-level `new URL(literal, import.meta.url)`, the form
 * ncc's asset relocator recognises: it copies the file into dist/ and points the bundle at the copy. Keep this module
 * this plain: the relocator skips, silently, a module it cannot parse (`??=` is enough), and the build then holds
 * corrupt copies instead; the CLI's test on the built bundle catches that.
 */
export const PNG_WASM = new URL('../../node_modules/@jsquash/png/codec/pkg/squoosh_png_bg.wasm', import.meta.url);
export const JPEG_DECODE_WASM = new URL('../../node_modules/@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm', import.meta.url);
export const WEBP_DECODE_WASM = new URL('../../node_modules/@jsquash/webp/codec/dec/webp_dec.wasm', import.meta.url);
export const WEBP_ENCODE_WASM = new URL(
  '../../node_modules/@jsquash/webp/codec/enc/webp_enc_simd.wasm',
  import.meta.url
);
export const JPEG_ENCODE_WASM = new URL('../../node_modules/@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm', import.meta.url);
export const AVIF_ENCODE_WASM = new URL('../../node_modules/@jsquash/avif/codec/enc/avif_enc.wasm', import.meta.url);
export const RESIZE_WASM = new URL(
  '../../node_modules/@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm',
  import.meta.url
);
