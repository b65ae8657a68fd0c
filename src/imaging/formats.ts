/**
 * Every image format the action knows, each stated once: what it is called, how its files are named and typed,
 * how its bytes are recognised, what it may be used for, and what its encoder needs. The lists and tables the
 * other modules use are derived from this one.
 */
interface FormatFacts {
  readonly label: string;
  /** What its files end in; the first is the one a file we name gets (`{ext}` in output-path). */
  readonly extensions: readonly [string, ...string[]];
  readonly mime: string;
  /** The bytes every file of the format holds at these offsets; a format never read has none. */
  readonly signature: readonly (readonly [offset: number, bytes: readonly number[]])[];
  /** Whether the Upscale API takes it, so a source may be in it (recognised by its bytes, never by its name). */
  readonly source: boolean;
  /** Whether a provider's result may come in it. */
  readonly result: boolean;
  /**
   * Where it stands among the formats a result can be written in, as settings, the CLI and their messages list
   * them; undefined when a result is never written in it.
   */
  readonly output: number | undefined;
  /** Default `quality` for a lossy format; undefined for a lossless one, which takes none. */
  readonly quality: number | undefined;
  /** The largest width or height its encoder takes; undefined when that is beyond any size asked for. */
  readonly maxSide: number | undefined;
}

function ascii(text: string): number[] {
  return [...text].map(c => c.charCodeAt(0));
}

export const FORMATS = {
  png: {
    label: 'PNG',
    extensions: ['png'],
    mime: 'image/png',
    signature: [[0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]]],
    source: true,
    result: true,
    output: 1,
    quality: undefined,
    maxSide: undefined
  },
  jpeg: {
    label: 'JPEG',
    extensions: ['jpg', 'jpeg'],
    mime: 'image/jpeg',
    signature: [[0, [0xff, 0xd8, 0xff]]],
    source: true,
    result: true,
    output: 4,
    quality: 85,
    maxSide: undefined
  },
  webp: {
    label: 'WebP',
    extensions: ['webp'],
    mime: 'image/webp',
    signature: [
      [0, ascii('RIFF')],
      [8, ascii('WEBP')]
    ],
    source: true,
    result: true,
    output: 2,
    quality: 82,
    maxSide: 16383
  },
  avif: {
    label: 'AVIF',
    extensions: ['avif'],
    mime: 'image/avif',
    signature: [],
    source: false,
    result: false,
    output: 3,
    quality: 60,
    maxSide: undefined
  }
} as const satisfies Record<string, FormatFacts>;

type Formats = typeof FORMATS;
export type Format = keyof Formats;

/** The formats whose `fact` is `value`, as a type. */
type Having<Fact extends keyof FormatFacts, Value> = {
  [F in Format]: Formats[F][Fact] extends Value ? F : never;
}[Format];

/** Formats the action reads, by their bytes: a source's, or a provider's result's. */
export type ImageFormat = Having<'source', true> | Having<'result', true>;
/** Formats a result can be written in. */
export type OutputFormat = Having<'output', number>;
/** Output formats that take a `quality`. */
export type LossyFormat = Having<'quality', number> & OutputFormat;

/** The formats that `fact` holds for, in the table's order. */
export function formatsWhere<F extends Format>(fact: (facts: FormatFacts) => boolean): F[] {
  return (Object.keys(FORMATS) as Format[]).filter(format => fact(FORMATS[format])) as F[];
}

/** The extension a file of this format gets when we name it. */
export function extensionOf(format: Format): string {
  return FORMATS[format].extensions[0];
}
