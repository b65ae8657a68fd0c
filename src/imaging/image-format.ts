import { extensionOf, FORMATS, formatsWhere, type ImageFormat } from './formats.js';

export type { ImageFormat };

/** Image formats the action reads (sources the Upscale API accepts, results), recognised by their bytes. */
export const IMAGE_FORMATS = formatsWhere<ImageFormat>(facts => facts.source || facts.result);

export const MIME_TYPES = Object.fromEntries(IMAGE_FORMATS.map(format => [format, FORMATS[format].mime])) as Readonly<
  Record<ImageFormat, string>
>;

/** The extension a file of this format gets when we name it (`{ext}` in output-path). */
export const EXTENSIONS = Object.fromEntries(IMAGE_FORMATS.map(format => [format, extensionOf(format)])) as Readonly<
  Record<ImageFormat, string>
>;

/** What a source's file may end in, each format's names in turn: what the default `files` patterns look for. */
export const SOURCE_EXTENSIONS = formatsWhere(facts => facts.source).flatMap(format => FORMATS[format].extensions);

/** How many leading bytes `sniffFormat` needs. */
export const SNIFF_BYTES = Math.max(
  ...IMAGE_FORMATS.flatMap(format => FORMATS[format].signature.map(([offset, bytes]) => offset + bytes.length))
);

export function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  return IMAGE_FORMATS.find(format =>
    FORMATS[format].signature.every(([offset, expected]) => expected.every((value, i) => bytes[offset + i] === value))
  );
}
