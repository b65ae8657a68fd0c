import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A hidden, unique name beside `path`, on the same file system so the final rename is atomic. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
}

/**
 * Writes a whole file atomically, as downloads are written: into a hidden temporary file beside its final place,
 * renamed when complete, so a failed write never leaves half a file where a result is expected.
 */
export async function writeFileAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = temporaryPathFor(path);
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
