import type { Dimensions } from './dimensions.js';
import type { ImageFormat } from './image-format.js';
import { extensionOf, FORMATS, formatsWhere, type LossyFormat, type OutputFormat } from './formats.js';

export type { OutputFormat };

/** The formats a result can be written in, in the order the settings and the docs list them. */
export const OUTPUT_FORMATS = formatsWhere<OutputFormat>(facts => facts.output !== undefined).sort(
  (a, b) => FORMATS[a].output - FORMATS[b].output
);

export interface OutputFormatInfo {
  /** `{ext}` in output-path. */
  readonly extension: string;
  readonly label: string;
  /** Default `quality` for a lossy format; undefined for a lossless one, which takes none. */
  readonly quality: number | undefined;
}

export const OUTPUT_FORMAT_INFO = Object.fromEntries(
  OUTPUT_FORMATS.map(format => {
    const { label, quality } = FORMATS[format];
    return [format, { extension: extensionOf(format), label, quality }];
  })
) as Readonly<Record<OutputFormat, OutputFormatInfo>>;

/** The output formats that take a `quality`. */
export const LOSSY_FORMATS = OUTPUT_FORMATS.filter(
  (format): format is LossyFormat => FORMATS[format].quality !== undefined
);

/** The largest width or height every output format's encoder takes (WebP's limit; the others allow more). */
export const MAX_OUTPUT_SIDE = Math.min(...OUTPUT_FORMATS.map(format => FORMATS[format].maxSide ?? Infinity));

/** What a result is turned into before it is written: a format, its quality, a box it must fit in. */
export interface Conversion {
  /** Undefined: the format each result came in (Ideogram returns PNG). */
  readonly format: OutputFormat | undefined;
  /** 1-100 for a lossy format; undefined for PNG, or the format's default. */
  readonly quality: number | undefined;
  /** Undefined: no limit. */
  readonly maxWidth: number | undefined;
  readonly maxHeight: number | undefined;
}

/** As the results come: their format, their size; the bytes are written untouched. */
export const AS_RETURNED: Conversion = {
  format: undefined,
  quality: undefined,
  maxWidth: undefined,
  maxHeight: undefined
};

/** The size an image of `size` takes inside the conversion's box: aspect kept, never enlarged. */
export function fitWithin(size: Dimensions, conversion: Conversion): Dimensions {
  const scale = Math.min(
    1,
    conversion.maxWidth === undefined ? 1 : conversion.maxWidth / size.width,
    conversion.maxHeight === undefined ? 1 : conversion.maxHeight / size.height
  );
  if (scale === 1) return size;
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** Whether bytes of `format` can be written as they are, whatever their size, without looking at them. */
export function passesUntouched(format: ImageFormat, conversion: Conversion): boolean {
  const sameFormat = conversion.format === undefined || conversion.format === format;
  return sameFormat && conversion.maxWidth === undefined && conversion.maxHeight === undefined;
}

/** The format a result that came as `format` is written in. */
export function targetFormat(format: ImageFormat, conversion: Conversion): OutputFormat {
  return conversion.format ?? format;
}

/** What the manifest records of a conversion: nothing when results are written as returned, as manifests always had. */
export function conversionKey(conversion: Conversion): Record<string, unknown> | undefined {
  if (Object.values(conversion).every(value => value === undefined)) return undefined;
  // Only the set fields: an undefined one would not survive the manifest's JSON, and the entry would never match.
  return Object.fromEntries(Object.entries(conversion).filter(([, value]) => value !== undefined));
}
