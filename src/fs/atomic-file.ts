import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, readdir, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** `.upscale-<pid>-<12 hex digits>.part`: the writing process's id tells a live write from an abandoned one. */
const TEMPORARY_NAME = /^\.upscale-(\d+)-[0-9a-f]{12}\.part$/;

/**
 * A hidden, unique name beside `path`, on the same file system so the final step is atomic. Short whatever the
 * final name (a name near the file system's 255-byte limit would not fit with a suffix), and never a match for an
 * image pattern.
 */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.upscale-${process.pid}-${randomBytes(6).toString('hex')}.part`);
}

/** Whether the process `pid` is gone (a process of another user still counts as there). */
function gone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes from each folder the temporary files of writes whose process is gone: killed (SIGKILL, a lost runner)
 * before it could remove them. Only regular files named as `temporaryPathFor` names them are touched, and never one
 * a live process may still be writing (another run in the same folders). A folder that does not exist is skipped.
 * @returns the paths removed
 */
export async function removeAbandonedTemporaries(dirs: Iterable<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of new Set(dirs)) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const pid = TEMPORARY_NAME.exec(entry.name)?.[1];
      if (!entry.isFile() || pid === undefined || !gone(Number(pid))) continue;
      const path = join(dir, entry.name);
      await unlink(path).then(
        () => removed.push(path),
        () => undefined
      );
    }
  }
  return removed;
}

/** Something was created at a path planned to be free, after the plan was checked: it is left as it is. */
export class DestinationTakenError extends Error {
  override name = 'DestinationTakenError';
  constructor(readonly path: string) {
    super(`${path} appeared while the result was being written; it was left as it is`);
  }
}

export interface AtomicWriteOptions {
  /**
   * May the write replace a file already at `path`? When false (the default) it goes in only where nothing is,
   * even if something appears meanwhile: a hard link, which unlike a rename never replaces.
   */
  readonly replace?: boolean;
  /** Once aborted, the write stops and leaves nothing behind. */
  readonly signal?: AbortSignal;
}

/**
 * Puts `temporary` at `path` only if nothing is there, and removes it; false where hard links are not supported
 * (then nothing exists at `path`, checked just now, and a rename follows).
 */
async function linkNew(temporary: string, path: string): Promise<boolean> {
  try {
    await link(temporary, path);
  } catch (error) {
    const taken =
      (error as NodeJS.ErrnoException).code === 'EEXIST' ||
      (await lstat(path).then(
        () => true,
        () => false
      ));
    if (taken) throw new DestinationTakenError(path);
    return false;
  }
  await unlink(temporary);
  return true;
}

/**
 * Writes a file atomically from chunks: into a hidden temporary file beside its final place, moved there when
 * complete, so a failed write never leaves half a file where a result is expected, nor the temporary file.
 */
export async function writeStreamAtomically(
  path: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: AtomicWriteOptions = {}
): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryPathFor(path);
  // Opened (and so created) before anything can fail: removing it afterwards then always finds it.
  const handle = await open(temporary, 'wx');
  let written = 0;
  try {
    try {
      for await (const chunk of chunks) {
        options.signal?.throwIfAborted();
        await handle.write(chunk);
        written += chunk.length;
      }
    } finally {
      await handle.close();
    }
    if (options.replace || !(await linkNew(temporary, path))) await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return written;
}

/** Writes a whole file atomically; see `writeStreamAtomically`. */
export async function writeFileAtomically(
  path: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {}
): Promise<void> {
  await writeStreamAtomically(path, [typeof data === 'string' ? Buffer.from(data) : data], options);
}
