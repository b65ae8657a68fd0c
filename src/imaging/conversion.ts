import { rm } from 'node:fs/promises';
import { writeFileAtomically } from '../fs/atomic-file.js';
import { readRegularFile } from '../fs/regular-file.js';
import type { ImageFormat } from './image-format.js';
import { loadCodecs } from './codecs.js';
import { encodeLossy } from './encoders.js';
import { fitWithin, OUTPUT_FORMAT_INFO, targetFormat, type Conversion } from './output-format.js';

export interface Converted {
  /** e.g. `1600x1067`: the written image's size. */
  readonly resolution: string;
  readonly bytes: number;
}

// One conversion at a time: decoding takes width × height × 4 bytes, twice that while resampling.
let queue: Promise<unknown> = Promise.resolve();

async function convertNow(job: ConversionJob): Promise<Converted> {
  const { from, format, to, conversion } = job;
  const codecs = await loadCodecs();
  const bytes = await readRegularFile(from);
  let pixels = await codecs.decode(bytes, format);
  const size = fitWithin(pixels, conversion);
  const resized = size.width !== pixels.width || size.height !== pixels.height;
  const target = targetFormat(format, conversion);
  if (format === target && !resized) {
    // Already what was asked for: the bytes as they are, not a second encoding.
    if (from !== to) await writeFileAtomically(to, bytes, { replace: job.replace });
    if (job.consume && from !== to) await rm(from, { force: true });
    return { resolution: `${size.width}x${size.height}`, bytes: bytes.length };
  }
  if (resized) pixels = codecs.resize(pixels, size.width, size.height);
  const encoded =
    target === 'png'
      ? await codecs.encodePng(pixels)
      : await encodeLossy(pixels, target, conversion.quality ?? OUTPUT_FORMAT_INFO[target].quality ?? 100);
  await writeFileAtomically(to, encoded, { replace: job.replace });
  if (job.consume && from !== to) await rm(from, { force: true });
  return { resolution: `${size.width}x${size.height}`, bytes: encoded.length };
}

export interface ConversionJob {
  /** Absolute path of the image to convert, of `format`. */
  readonly from: string;
  readonly format: ImageFormat;
  /** Absolute path to write; written atomically. */
  readonly to: string;
  readonly conversion: Conversion;
  /** Remove `from` afterwards (a download); otherwise leave it (an earlier result). */
  readonly consume: boolean;
  /** Whether `to` may replace a file already there (one of our earlier results); otherwise that is refused. */
  readonly replace: boolean;
}

/**
 * Converts an image file as the job says and writes it atomically to its target (the bytes as they are when
 * nothing has to change). The WebAssembly codecs load on the first conversion, so a run that asks for none starts
 * as fast as ever. One conversion runs at a time.
 * @throws Error when the image cannot be decoded or encoded.
 */
export function convertFile(job: ConversionJob): Promise<Converted> {
  const turn = queue.then(() => convertNow(job));
  queue = turn.catch(() => undefined);
  return turn;
}
