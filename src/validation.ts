import { open } from 'node:fs/promises';
import { SNIFF_BYTES, sniffFormat, type ImageFormat } from './image-format.js';

/** A source image that passed the checks the API would otherwise reject it for. */
export interface SourceImage {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the workspace, with `/` separators: how the user and the reports name it. */
  readonly relativePath: string;
  readonly format: ImageFormat;
  readonly bytes: number;
}

/** Why one source cannot be sent; the batch goes on without it. */
export class ImageProblem extends Error {
  override name = 'ImageProblem';
  constructor(
    readonly file: string,
    reason: string
  ) {
    super(`The file ${reason}`);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Checks a source by its bytes, not its name: a JPEG, PNG or WebP file, not empty, within the size limit.
 * Reads only the first few bytes.
 */
export async function checkImage(path: string, relativePath: string, maxBytes: number): Promise<SourceImage> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new ImageProblem(relativePath, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new ImageProblem(relativePath, 'is not a regular file');
    if (stats.size === 0) throw new ImageProblem(relativePath, 'is empty');
    if (stats.size > maxBytes) {
      // Just over the limit both round alike ("10.0 MB … at most 10.0 MB"): then give the bytes.
      const [size, max] =
        megabytes(stats.size) === megabytes(maxBytes)
          ? [`${stats.size} bytes`, `${maxBytes} bytes`]
          : [megabytes(stats.size), megabytes(maxBytes)];
      throw new ImageProblem(relativePath, `is ${size}; the API accepts at most ${max}`);
    }
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    const format = sniffFormat(head.subarray(0, bytesRead));
    if (!format) {
      throw new ImageProblem(relativePath, 'is not a JPEG, PNG or WebP image (judged by its content, not its name)');
    }
    return { path, relativePath, format, bytes: stats.size };
  } finally {
    await handle.close();
  }
}
