import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { request, type Dispatcher } from 'undici';
import { temporaryPathFor } from './atomic-file.js';
import { SNIFF_BYTES, sniffFormat, type ImageFormat } from './image-format.js';
import { DownloadError } from './ideogram/errors.js';

export interface DownloadOptions {
  /** The configured API; its origin is trusted for result links besides Ideogram's own hosts. */
  readonly apiUrl: URL;
  readonly maxBytes: number;
  readonly dispatcher: Dispatcher;
}

export interface Downloaded {
  /** Absolute path of the written file. */
  readonly path: string;
  readonly format: ImageFormat;
  readonly bytes: number;
}

/** Result links must point at Ideogram (or the configured API host, e.g. a test server): nowhere else. */
function checkLink(source: string, link: string, apiUrl: URL): URL {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new DownloadError(source, `the result link is not a URL (${link.slice(0, 80)})`);
  }
  const ideogram =
    url.protocol === 'https:' && (url.hostname === 'ideogram.ai' || url.hostname.endsWith('.ideogram.ai'));
  if (!ideogram && url.origin !== apiUrl.origin) {
    throw new DownloadError(source, `the result link points at ${url.origin}, which is not an Ideogram host`);
  }
  return url;
}

function isTransientNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('UND_ERR_') || code.startsWith('E'));
}

/**
 * Fetches one result at once (the links expire) and writes it atomically: into a hidden temporary file beside its
 * final place, renamed when complete, so a failed or cut download never leaves a half image behind. The API key
 * is never sent here. `destination` picks the final path from the format the bytes turn out to be.
 */
export async function downloadResult(
  source: string,
  link: string,
  destination: (format: ImageFormat) => string,
  options: DownloadOptions
): Promise<Downloaded> {
  const url = checkLink(source, link, options.apiUrl);
  let response: Dispatcher.ResponseData;
  try {
    // undici's request() follows no redirects: a link that redirects elsewhere fails below.
    response = await request(url, { method: 'GET', headers: { accept: 'image/*' }, dispatcher: options.dispatcher });
  } catch (error) {
    throw new DownloadError(source, (error as Error).message, undefined, isTransientNetworkError(error));
  }
  const { statusCode, headers, body } = response;
  try {
    if (statusCode !== 200) {
      const why = statusCode === 403 || statusCode === 410 ? ' (the link has expired or is invalid)' : '';
      throw new DownloadError(source, `HTTP ${statusCode}${why}`, statusCode, statusCode >= 500);
    }
    const type = String(headers['content-type'] ?? '');
    if (!type.startsWith('image/'))
      throw new DownloadError(source, `the link served ${type || 'no type'}, not an image`);
    const declared = Number(headers['content-length']);
    if (declared > options.maxBytes) {
      throw new DownloadError(source, `the result is ${declared} bytes, over the ${options.maxBytes}-byte cap`);
    }
    return await writeAtomically(source, body, destination, options.maxBytes);
  } finally {
    // undici reports an unread body's destruction as an 'error' event: unheard, it would crash the process.
    body.on('error', () => {});
    body.destroy();
  }
}

async function writeAtomically(
  source: string,
  body: AsyncIterable<Buffer>,
  destination: (format: ImageFormat) => string,
  maxBytes: number
): Promise<Downloaded> {
  const chunks = body[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  try {
    while (head.length < SNIFF_BYTES) {
      const next = await chunks.next();
      if (next.done) break;
      head = Buffer.concat([head, next.value]);
    }
  } catch (error) {
    throw new DownloadError(source, (error as Error).message, undefined, true);
  }
  const format = sniffFormat(head);
  if (!format) throw new DownloadError(source, 'the link served something that is not a PNG, JPEG or WebP image');

  const path = destination(format);
  const temporary = temporaryPathFor(path);
  await mkdir(dirname(path), { recursive: true });
  let bytes = 0;
  async function* capped(): AsyncGenerator<Buffer> {
    for (let chunk: Buffer | undefined = head; chunk;) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new DownloadError(source, `the result is over the ${maxBytes}-byte cap`);
      yield chunk;
      const next = await chunks.next();
      chunk = next.done ? undefined : next.value;
    }
  }
  try {
    await pipeline(capped, createWriteStream(temporary, { flags: 'wx' }));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof DownloadError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // Disk errors (ENOSPC, EACCES) are not worth fetching again; a cut stream is.
    const local = ['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'EISDIR', 'ENOTDIR'].includes(code);
    throw new DownloadError(source, (error as Error).message, undefined, !local);
  }
  return { path, format, bytes };
}
