import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { fileChunks } from './read-buffers.js';
import { openRegularFile } from './regular-file.js';

/** SHA-256 of a regular file's bytes; anything else is refused before it is opened (a FIFO would block). */
export async function hashFile(path: string): Promise<string> {
  const { handle } = await openRegularFile(path);
  try {
    return await hashOpened(handle);
  } finally {
    await handle.close();
  }
}

/**
 * SHA-256 of a freshly opened regular file's bytes, read through the handle, which stays open: a caller may check
 * the same file through it, by positioned reads.
 */
export async function hashOpened(handle: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fileChunks(handle)) hash.update(chunk);
  return hash.digest('hex');
}
