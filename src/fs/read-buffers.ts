import type { FileHandle } from 'node:fs/promises';

/** How much of a file one read takes. */
const READ_BYTES = 256 * 1024;

/** Buffers not in use; as many as files were read at once, at most. */
const spare: Buffer[] = [];

/**
 * An open file's bytes from where its position stands, a chunk at a time, read into one buffer taken from a pool and
 * given back when the reading ends. A stream would allocate a buffer per chunk, and those float until a garbage
 * collection: 40 to 90 MB on a batch of large images. Each chunk is a view of the buffer, valid until the next one is
 * asked for. With `size`, exactly that many bytes: a file that turns out longer or shorter throws.
 */
export async function* fileChunks(handle: FileHandle, size?: number): AsyncGenerator<Uint8Array> {
  const buffer = spare.pop() ?? Buffer.allocUnsafeSlow(READ_BYTES);
  try {
    for (let read = 0; ;) {
      const want = size === undefined ? buffer.length : Math.min(buffer.length, size - read);
      // With a size, one byte more is asked for at the end: there must be none.
      const { bytesRead } = await handle.read(buffer, 0, want === 0 ? 1 : want, null);
      if (want === 0 && bytesRead > 0) throw new Error(`the file grew past ${size} bytes while it was read`);
      if (bytesRead === 0) {
        if (size !== undefined && read < size) throw new Error(`the file shrank to ${read} bytes while it was read`);
        return;
      }
      read += bytesRead;
      yield buffer.subarray(0, bytesRead);
      // Without a size, a read short of what was asked is the end: a small file takes one read.
      if (size === undefined && bytesRead < want) return;
    }
  } finally {
    spare.push(buffer);
  }
}
