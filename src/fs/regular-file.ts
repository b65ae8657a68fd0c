import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

/** The path names something other than a regular file: reading it could block (a FIFO) or never end (a device). */
export class NotRegularFileError extends Error {
  override name = 'NotRegularFileError';
  constructor(
    /** What it is instead, e.g. `a named pipe (FIFO)`. */
    readonly kind: string
  ) {
    super(`is ${kind}, not a regular file`);
  }
}

/** What a path that is not a regular file is, in words. */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'a special file';
}

export interface OpenedFile {
  readonly handle: FileHandle;
  readonly stats: Stats;
}

/**
 * Opens a regular file for reading, and nothing else: stat first (a stat never blocks), then open without
 * blocking, so a path swapped for a FIFO in between still returns at once and is refused by the second check.
 * @throws NotRegularFileError, or the file system's error (ENOENT, EACCES, …).
 */
export async function openRegularFile(path: string): Promise<OpenedFile> {
  const before = await stat(path);
  if (!before.isFile()) throw new NotRegularFileError(kindOf(before));
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new NotRegularFileError(kindOf(stats));
    return { handle, stats };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * A regular file's bytes: anything else in its place is refused at once, never read (a FIFO would block the read,
 * a link to /dev/zero never end it). @throws NotRegularFileError, or the file system's error
 */
export async function readRegularFile(path: string): Promise<Buffer> {
  const { handle } = await openRegularFile(path);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** What tells one version of a file from another: a write changes its size or time, a replacement its inode. */
export interface FileVersion {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

export function versionOf({ dev, ino, size, mtimeMs }: Stats): FileVersion {
  return { dev, ino, size, mtimeMs };
}

export function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * The text at `path`, undefined when nothing is there, or why what is there is not a file (a FIFO would block the
 * read, a link to /dev/zero never end it).
 */
export async function readTextIfThere(path: string): Promise<string | NotRegularFileError | undefined> {
  try {
    return (await readRegularFile(path)).toString('utf8');
  } catch (error) {
    if (error instanceof NotRegularFileError) return error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
