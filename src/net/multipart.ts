import { randomBytes } from 'node:crypto';
import { getDefaultHighWaterMark } from 'node:stream';
import { fileChunks } from '../fs/read-buffers.js';
import { openRegularFile } from '../fs/regular-file.js';

/** A text field of a form. */
export interface FieldPart {
  readonly name: string;
  readonly value: string;
}

/** A file of a form: streamed from disk, never held whole. */
export interface FilePart {
  readonly name: string;
  readonly path: string;
  readonly filename: string;
  readonly type: string;
  /** Its length, when known already (else read from the file system). */
  readonly size?: number;
  /**
   * Throws when the file is not the one to send any more: asked before its first byte, after its last (before the
   * form's end, so the request is not whole), and when a read fails. Its error is the request's.
   */
  readonly verify?: () => Promise<void>;
}

/** A `multipart/form-data` request body, with the headers that describe it. */
export interface MultipartBody {
  readonly headers: { readonly 'content-type': string; readonly 'content-length': string };
  readonly body: AsyncIterable<Uint8Array>;
}

/**
 * A chunk longer than a connection's high-water mark fills its write buffer: the HTTP client then waits for the
 * buffer to drain, which is when the bytes have left for the network, before it asks for the next chunk, and only
 * then is the read buffer filled again. A shorter chunk (a file's last) goes as a copy of its own.
 */
const FILLS_WRITE_BUFFER = getDefaultHighWaterMark(false);

/** A name in a part's header, escaped as browsers and undici's FormData escape it. */
function quoted(name: string): string {
  return name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

/** A field's line breaks as CRLF, as the form encoding requires. */
function crlf(value: string): string {
  return value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n');
}

/** The file's `size` bytes, through a reused read buffer; opened once the body is being sent. */
async function* fileBytes(part: FilePart, size: number): AsyncGenerator<Uint8Array> {
  await part.verify?.();
  try {
    const { handle } = await openRegularFile(part.path);
    try {
      for await (const chunk of fileChunks(handle, size)) {
        yield chunk.length > FILLS_WRITE_BUFFER ? chunk : Buffer.from(chunk);
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    await part.verify?.();
    throw error;
  }
  await part.verify?.();
}

/** A regular file's length. */
async function sizeOf(path: string): Promise<number> {
  const { handle, stats } = await openRegularFile(path);
  await handle.close();
  return stats.size;
}

/**
 * A form of text fields and files, in the order given, streamed: each file is read a chunk at a time as the
 * connection takes it, so an upload allocates nothing per chunk whatever the file's size. The length is known
 * beforehand and sent as `content-length`; a file that changes size meanwhile fails the request.
 */
export async function multipartBody(parts: readonly (FieldPart | FilePart)[]): Promise<MultipartBody> {
  const boundary = `----formdata-${randomBytes(16).toString('hex')}`;
  const pieces: (Buffer | { readonly part: FilePart; readonly size: number })[] = [];
  for (const part of parts) {
    const disposition = `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(part.name)}"`;
    if ('value' in part) {
      pieces.push(Buffer.from(`${disposition}\r\n\r\n${crlf(part.value)}\r\n`));
      continue;
    }
    pieces.push(
      Buffer.from(`${disposition}; filename="${quoted(part.filename)}"\r\nContent-Type: ${part.type}\r\n\r\n`),
      { part, size: part.size ?? (await sizeOf(part.path)) },
      Buffer.from('\r\n')
    );
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  const length = pieces.reduce((sum, piece) => sum + ('part' in piece ? piece.size : piece.length), 0);
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) },
    body: (async function* body(): AsyncGenerator<Uint8Array> {
      for (const piece of pieces) {
        if ('part' in piece) yield* fileBytes(piece.part, piece.size);
        else yield piece;
      }
    })()
  };
}
