import { readDimensions, type Dimensions } from './dimensions.js';
import { sniffFormat, type ImageFormat } from './image-format.js';
import { openRegularFile, type OpenedFile } from '../fs/regular-file.js';

/** Enough for any header we read: JPEG's frame header can follow large EXIF and ICC segments. */
const HEADER_BYTES = 512 * 1024;

export interface ImageFileFacts {
  readonly bytes: number;
  /** Undefined when the bytes are not a format we know. */
  readonly format: ImageFormat | undefined;
  /** Undefined when the header cannot be read. */
  readonly dimensions: Dimensions | undefined;
}

/**
 * Size, format and dimensions of an opened image file from its first bytes, read from its start wherever it stands.
 * `wholeIfNeeded`: when the dimensions are not in the first bytes (metadata that runs longer), read the whole file
 * for them; for a check that must not guess, on a file whose size is already bounded.
 */
export async function probeOpened(
  { handle, stats }: OpenedFile,
  { wholeIfNeeded = false } = {}
): Promise<ImageFileFacts> {
  const head = new Uint8Array(Math.min(stats.size, HEADER_BYTES));
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  const bytes = head.subarray(0, bytesRead);
  const format = sniffFormat(bytes);
  let dimensions = format && readDimensions(bytes, format);
  if (format && !dimensions && wholeIfNeeded && stats.size > bytesRead) {
    dimensions = readDimensions(await handle.readFile(), format);
  }
  return { bytes: stats.size, format, dimensions };
}

/** Size, format and dimensions of an image file from its first bytes; undefined when it is not a readable file. */
export async function probeImageFile(path: string): Promise<ImageFileFacts | undefined> {
  let opened: OpenedFile | undefined;
  try {
    // Only a regular file: a FIFO in its place would block the report.
    opened = await openRegularFile(path);
    return await probeOpened(opened);
  } catch {
    return undefined;
  } finally {
    await opened?.handle.close();
  }
}
