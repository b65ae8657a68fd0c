import type { FileHandle } from 'node:fs/promises';
import { structureProblem, type ByteReader } from './structure.js';
import { SNIFF_BYTES, sniffFormat, type ImageFormat } from './image-format.js';
import { controlCharacterIn } from '../text/printable.js';
import {
  NotRegularFileError,
  openRegularFile,
  versionOf,
  type FileVersion,
  type OpenedFile
} from '../fs/regular-file.js';

/** A source image that passed the checks the API would otherwise reject it for. */
export interface SourceImage {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the workspace, with `/` separators: how the user and the reports name it. */
  readonly relativePath: string;
  readonly format: ImageFormat;
  readonly bytes: number;
  /** The version checked: what is sent must still be this one (see source-file.ts). */
  readonly version: FileVersion;
  /** SHA-256 of these bytes, when a manifest wanted it. */
  readonly sha256?: string;
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

/** Why a source could not be opened, in words: the error's code alone means nothing to most users. */
export function unreadable(error: unknown): string {
  if (error instanceof NotRegularFileError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'disappeared after it was found';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${code ?? String(error)})`;
}

const BLOCK = 4096;

/** Positioned reads through one cached block: walking a PNG's chunk headers costs one read per block, not per header. */
function blockReader(handle: FileHandle): ByteReader {
  let block = { at: -1, bytes: new Uint8Array(0) };
  return async (at, length) => {
    if (at < block.at || at + length > block.at + block.bytes.length) {
      const buffer = Buffer.alloc(Math.max(length, BLOCK));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
      block = { at, bytes: buffer.subarray(0, bytesRead) };
    }
    return block.bytes.subarray(at - block.at, at - block.at + length);
  };
}

/** Why a source's path cannot be carried by logs and outputs (a control character), or undefined. */
export function nameProblem(relativePath: string): string | undefined {
  const control = controlCharacterIn(relativePath);
  return control && `has a control character (${control}) in its path; rename it to upscale it`;
}

/** @throws ImageProblem when the path holds a control character: a log line could not carry it. */
function checkName(relativePath: string): void {
  const problem = nameProblem(relativePath);
  if (problem) throw new ImageProblem(relativePath, problem);
}

/**
 * Checks a source before it is sent: a name that logs can carry, a regular file (never opened otherwise, so a FIFO
 * cannot block), not empty, within the size limit, a JPEG, PNG or WebP by its bytes whatever its name, and whole:
 * its structure read from headers and tail, never the whole file.
 */
export async function checkImage(path: string, relativePath: string, maxBytes: number): Promise<SourceImage> {
  checkName(relativePath);
  let opened;
  try {
    opened = await openRegularFile(path);
  } catch (error) {
    throw new ImageProblem(relativePath, unreadable(error));
  }
  try {
    return await checkOpened(opened, path, relativePath, maxBytes);
  } finally {
    await opened.handle.close();
  }
}

/** `checkImage`'s checks of the content, on a file already open (the selection hashes it through the same handle). */
export async function checkOpened(
  { handle, stats }: OpenedFile,
  path: string,
  relativePath: string,
  maxBytes: number
): Promise<SourceImage> {
  if (stats.size === 0) throw new ImageProblem(relativePath, 'is empty');
  if (stats.size > maxBytes) {
    // Just over the limit both round alike ("10.0 MB … at most 10.0 MB"): then give the bytes.
    const [size, max] =
      megabytes(stats.size) === megabytes(maxBytes)
        ? [`${stats.size} bytes`, `${maxBytes} bytes`]
        : [megabytes(stats.size), megabytes(maxBytes)];
    throw new ImageProblem(relativePath, `is ${size}; the API accepts at most ${max}`);
  }
  const read = blockReader(handle);
  const format = sniffFormat(await read(0, SNIFF_BYTES));
  if (!format) {
    throw new ImageProblem(relativePath, 'is not a JPEG, PNG or WebP image (judged by its content, not its name)');
  }
  const problem = await structureProblem(format, read, stats.size);
  if (problem) throw new ImageProblem(relativePath, problem);
  return { path, relativePath, format, bytes: stats.size, version: versionOf(stats) };
}
