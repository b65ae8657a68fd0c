import { join } from 'node:path';
import { Readable } from 'node:stream';
import { writeStreamAtomically } from './atomic-file.js';
import { CancelledError, unlessCut } from './cancellation.js';
import { DownloadError, isTransientRead } from './download.js';
import { SNIFF_BYTES, sniffFormat, type ImageFormat } from './image-format.js';
import { withRetries, type RetryPolicy } from './retry.js';

/**
 * A result's bytes as a provider hands them over: in memory, or a way to open them as a stream (opened again when
 * a read fails part-way with a transient `DownloadError`).
 */
export type ResultBytes = Uint8Array | (() => Promise<AsyncIterable<Uint8Array>>);

/**
 * Where one result goes, fixed before anything is sent (`planOutputs`) and checked for collisions there: one
 * workspace-relative path per format the bytes may turn out to be, so the sink follows the plan whatever arrives.
 */
export interface PlannedOutput {
  /** 1-based, within its source. */
  readonly index: number;
  readonly paths: Readonly<Record<ImageFormat, string>>;
}

export interface SavedResult {
  /** Workspace-relative path written. */
  readonly path: string;
  readonly format: ImageFormat;
  readonly bytes: number;
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
      // Conversion to the user's output format slots in here, between the sniffed bytes and the planned path.
      const path = planned.paths[format];
      const written = await this.writeAtomically(source, path, head, chunks);
      return { path, format, bytes: written };
    } finally {
      await chunks.return?.(undefined);
    }
  }

  private async writeAtomically(
    source: string,
    path: string,
    head: Uint8Array,
    rest: AsyncIterator<Uint8Array>
  ): Promise<number> {
    const { maxBytes, workspace, cut, replaceable } = this.options;
    const target = join(workspace, path);
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
