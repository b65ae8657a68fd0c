import { openAsBlob } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { sameVersion, versionOf } from './regular-file.js';
import { ImageProblem, type SourceImage } from './validation.js';

/**
 * A source that is not the version checked (and hashed) any more: it changed, or went away, after the selection
 * read it. Nothing of it was sent whole, so nothing was billed; the next run takes it as it is then.
 */
export class SourceChangedError extends ImageProblem {
  override name = 'SourceChangedError';
}

/** Why the source is not the version checked: gone, or changed. */
async function changedOrGone(image: SourceImage): Promise<SourceChangedError> {
  const now = await stat(image.path).catch(() => undefined);
  return new SourceChangedError(
    image.relativePath,
    now === undefined ? 'disappeared after it was found' : 'changed while it was being upscaled'
  );
}

/** @throws SourceChangedError unless the file on disk is still the version checked. */
async function ensureUnchanged(image: SourceImage): Promise<void> {
  const now = await stat(image.path).catch(() => undefined);
  if (now === undefined || !sameVersion(versionOf(now), image.version)) throw await changedOrGone(image);
}

/** A source for an upload, read from disk as it is sent; `failed` aborts if it changes on the way. */
export interface SourceUpload {
  /** For a multipart form: a Blob-like whose reads fail with `SourceChangedError` once the file changes. */
  readonly blob: Blob;
  /** Aborted (with the `SourceChangedError`) when a read fails: the request must end there, not wait for bytes. */
  readonly failed: AbortSignal;
}

/**
 * The checked source as an upload. Node's file Blob takes the file's size and time when it is made and fails a read
 * once they change; made first, then compared with the version checked, it sends exactly the bytes that were
 * checked and hashed, or fails. A failed read aborts the request: undici would otherwise wait for the rest of the
 * body until the server gave up.
 * @throws SourceChangedError when the file is already another version, or gone
 */
export async function openUpload(image: SourceImage, type: string): Promise<SourceUpload> {
  let blob: Blob;
  try {
    blob = await openAsBlob(image.path, { type });
  } catch {
    throw await changedOrGone(image);
  }
  await ensureUnchanged(image);
  const controller = new AbortController();
  const stream = (): ReadableStream<Uint8Array> => {
    const reader = blob.stream().getReader();
    return new ReadableStream<Uint8Array>({
      async pull(into) {
        try {
          const { done, value } = await reader.read();
          if (done) into.close();
          else into.enqueue(value);
        } catch {
          const error = await changedOrGone(image);
          controller.abort(error);
          into.error(error);
        }
      },
      cancel: reason => reader.cancel(reason)
    });
  };
  // Blob-like (undici's FormData takes any object tagged Blob with a `stream`): a Blob's own methods read it whole.
  const guarded = {
    [Symbol.toStringTag]: 'Blob',
    size: blob.size,
    type: blob.type,
    stream,
    arrayBuffer: async () => new Response(stream()).arrayBuffer(),
    text: async () => new Response(stream()).text(),
    slice: () => {
      throw new Error('a source upload is sent whole');
    }
  } as unknown as Blob;
  return { blob: guarded, failed: controller.signal };
}

/** The checked source's bytes, read whole (the local provider). @throws SourceChangedError if they changed */
export async function readChecked(image: SourceImage): Promise<Buffer> {
  const bytes = await readFile(image.path).catch(async () => {
    throw await changedOrGone(image);
  });
  // Compared after reading: a change during the read changes the time, and a version the same after is the one read.
  await ensureUnchanged(image);
  return bytes;
}
