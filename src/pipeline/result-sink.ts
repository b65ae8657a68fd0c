import { link, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { temporaryPathFor, writeStreamAtomically } from '../fs/atomic-file.js';
import { CancelledError, unlessCut } from '../async/cancellation.js';
import { DownloadError, isTransientRead } from '../net/download.js';
import { EXTENSIONS, SNIFF_BYTES, sniffFormat, type ImageFormat } from '../imaging/image-format.js';
import { AS_RETURNED, passesUntouched, type Conversion } from '../imaging/output-format.js';
import { withRetries, type RetryPolicy } from '../async/retry.js';
import type { ResultBytes } from '../providers/provider.js';
import type { PlannedOutput } from '../settings/output-path.js';

export interface SavedResult {
  /** Workspace-relative path written. */
  readonly path: string;
  /** The format the bytes came in (before any conversion). */
  readonly format: ImageFormat;
  readonly bytes: number;
  /** The written image's size, e.g. `1600x1067`, when it was converted (and so maybe resized). */
  readonly resolution?: string;
}

export interface ResultSinkOptions {
  readonly workspace: string;
  /** Cap on one result: bounds what a misbehaving source of bytes can write. */
  readonly maxBytes: number;
  /** For reads that fail part-way; at most two more tries of the same result. */
  readonly retry: RetryPolicy;
  /** Once aborted, writes under way stop and leave nothing behind, and none starts. */
  readonly cut?: AbortSignal;
  /** Planned paths where a file stood that may be replaced (an earlier result of ours, or `overwrite`). */
  readonly replaceable: ReadonlySet<string>;
  /** What results are turned into; absent, they are written as they came. */
  readonly conversion?: Conversion;
}

/** A result arrived but could not be turned into the asked-for format; the bytes as they came are kept beside. */
export class ConversionError extends Error {
  override name = 'ConversionError';
  constructor(path: string, kept: string | undefined, cause: unknown) {
    const keptNote = kept ? `; the image as it came is kept at ${kept}` : '';
    super(`the result could not be converted for ${path}: ${(cause as Error).message}${keptNote}`);
    this.cause = cause;
  }
}

/** The file system refused a result (no space, no permission, a file where a folder should be). */
export class WriteError extends Error {
  override name = 'WriteError';
  constructor(path: string, cause: unknown) {
    super(`the result could not be written to ${path}: ${(cause as Error).message}`);
    this.cause = cause;
  }
}

/**
 * The one place results reach the file system: whatever the provider, each result is sniffed by its bytes,
 * capped, and written atomically (a hidden temporary file beside its planned path, renamed when complete), so a
 * failed or cut write never leaves half an image behind.
 */
export class ResultSink {
  constructor(private readonly options: ResultSinkOptions) {}

  /** Writes one result of `source` where the plan says. @throws DownloadError, WriteError */
  async save(source: string, planned: PlannedOutput, bytes: ResultBytes): Promise<SavedResult> {
    const { retry } = this.options;
    return withRetries(
      () => this.saveOnce(source, planned, bytes),
      { ...retry, maxRetries: Math.min(retry.maxRetries, 2) },
      error => (isTransientRead(error) ? { budget: 'errors' } : undefined)
    );
  }

  private async saveOnce(source: string, planned: PlannedOutput, bytes: ResultBytes): Promise<SavedResult> {
    const { cut } = this.options;
    const stream: AsyncIterable<Uint8Array> =
      bytes instanceof Uint8Array ? Readable.from([bytes]) : await unlessCut(bytes(), cut);
    const chunks = stream[Symbol.asyncIterator]();
    try {
      let head = new Uint8Array(0);
      while (head.length < SNIFF_BYTES) {
        const next = await chunks.next();
        if (next.done) break;
        head = Buffer.concat([head, next.value]);
      }
      const format = sniffFormat(head);
      if (!format) throw new DownloadError(source, 'the result is not a PNG, JPEG or WebP image (judged by its bytes)');
      const path = planned.paths[format];
      const target = join(this.options.workspace, path);
      const conversion = this.options.conversion ?? AS_RETURNED;
      if (passesUntouched(format, conversion)) {
        return { path, format, bytes: await this.writeAtomically(source, path, target, head, chunks) };
      }
      // Whole on disk first, beside its planned path: however many arrive at once, one at a time is decoded.
      const download = temporaryPathFor(target);
      try {
        await this.writeAtomically(source, path, download, head, chunks);
        return { path, format, ...(await this.convert(path, download, format, target, conversion)) };
      } finally {
        await rm(download, { force: true });
      }
    } finally {
      await chunks.return?.(undefined);
    }
  }

  /** Converts a downloaded result into `target`; if that fails, keeps the download beside it (it was paid for). */
  private async convert(
    path: string,
    download: string,
    format: ImageFormat,
    target: string,
    conversion: Conversion
  ): Promise<{ bytes: number; resolution: string }> {
    try {
      // A run being stopped does not wait for a conversion: the result is kept as it came (below).
      if (this.options.cut?.aborted) throw new CancelledError();
      // Loaded on the first conversion only: the codecs are WebAssembly, and most runs convert nothing.
      const { convertFile } = await import('../imaging/conversion.js');
      const replace = this.options.replaceable.has(path);
      return await convertFile({ from: download, format, to: target, conversion, consume: true, replace });
    } catch (error) {
      const kept = `${path}.${EXTENSIONS[format]}`;
      // link, not rename: it never replaces a file that is already there.
      const saved = await link(download, join(this.options.workspace, kept)).then(
        () => true,
        () => false
      );
      throw new ConversionError(path, saved ? kept : undefined, error);
    }
  }

  private async writeAtomically(
    source: string,
    path: string,
    target: string,
    head: Uint8Array,
    rest: AsyncIterator<Uint8Array>
  ): Promise<number> {
    const { maxBytes, cut, replaceable } = this.options;
    let written = 0;
    async function* capped(): AsyncGenerator<Uint8Array> {
      for (let chunk: Uint8Array | undefined = head; chunk;) {
        written += chunk.length;
        if (written > maxBytes) throw new DownloadError(source, `the result is over the ${maxBytes}-byte cap`);
        yield chunk;
        const next = await rest.next();
        chunk = next.done ? undefined : next.value;
      }
    }
    try {
      // Over an existing file only where the plan found one it may replace; elsewhere never, even if one appears.
      await writeStreamAtomically(target, capped(), { replace: replaceable.has(path), signal: cut });
    } catch (error) {
      if (cut?.aborted) throw new CancelledError();
      // A cut or refused stream is the reader's DownloadError (maybe worth another read); anything else is the disk's.
      if (error instanceof DownloadError) throw error;
      throw new WriteError(path, error);
    }
    return written;
  }
}
