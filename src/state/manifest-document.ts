import { writablePathProblem } from '../fs/paths.js';

/**
 * The manifest's file: per source, the content hash and the settings that produced its results, so an unchanged
 * image is never paid for twice. It is committed with the results.
 */
/** One result file as the manifest records it. */
export interface RecordedOutput {
  readonly path: string;
  readonly resolution: string | null;
  readonly seed: number | null;
}

export interface ManifestEntry {
  /** SHA-256 of the source's bytes. */
  readonly sha256: string;
  /** What produced the results: the provider and the API request fields. */
  readonly settings: Record<string, unknown>;
  /** `unsafe` entries are kept too: Ideogram bills a withheld result, so it is not asked for again. */
  readonly status: 'upscaled' | 'unsafe';
  readonly outputs: readonly RecordedOutput[];
  /**
   * The results as the provider returned them, kept beside converted `outputs` made from them: what a later change
   * of format, quality or size converts from, instead of from a converted (lossy, perhaps smaller) result.
   */
  readonly returned?: readonly RecordedOutput[];
  /**
   * Paths of the source's results under earlier settings (another format, say), left in place: still ours, so
   * a later run may write over them and never takes them for sources.
   */
  readonly former?: readonly string[];
  readonly upscaledAt: string;
  /** What the provider reported it billed, in micro-USD, when it did. */
  readonly spentUsdMicros?: number;
}

/**
 * A job a provider accepted (and will bill) whose result the run may not live to collect: recorded the moment it is
 * accepted, so the next run collects it instead of paying for the image again.
 */
export interface PendingJob {
  /** The provider's id for the job; named after Ideogram's generation id, the only provider with such jobs. */
  readonly generationId: string;
  /** The source's bytes and settings it was sent with: a changed source or setting makes it stale. */
  readonly sha256: string;
  readonly settings: Record<string, unknown>;
  readonly acceptedAt: string;
}

export interface ManifestDocument {
  readonly version: 1;
  readonly sources: Readonly<Record<string, ManifestEntry>>;
  readonly pending?: Readonly<Record<string, PendingJob>>;
}

export const EMPTY_MANIFEST: ManifestDocument = { version: 1, sources: {} };

/** The manifest's document, or why its text is not a manifest this action wrote. Parsed once: it can be large. */
export function readDocument(text: string): ManifestDocument | string {
  let document: Partial<ManifestDocument>;
  try {
    document = JSON.parse(text) as Partial<ManifestDocument>;
  } catch (error) {
    return `is not valid JSON (${(error as Error).message})`;
  }
  if (document?.version !== 1 || typeof document.sources !== 'object' || document.sources === null) {
    return 'is not one this action wrote (version 1)';
  }
  return document as ManifestDocument;
}

/** @throws Error when the text is not a manifest this action wrote. */
export function parseManifest(text: string, path: string): ManifestDocument {
  const document = readDocument(text);
  if (typeof document === 'string') throw unreadableManifest(path, document);
  return document;
}

/** The error that stops a run on a manifest (or its journal) at `path` that cannot be read, saying the ways out. */
export function unreadableManifest(path: string, problem: string): Error {
  return new Error(
    `The manifest ${path} ${problem}; nothing was sent. Fix or delete it, set 'force: true' to start it afresh, or 'manifest: none' to run without one.`
  );
}

/** Why an entry as read from the file cannot be trusted, or undefined. */
export function entryProblem(entry: unknown): string | undefined {
  const { sha256, outputs, returned, former } = (entry ?? {}) as Record<string, unknown>;
  if (
    typeof sha256 !== 'string' ||
    !Array.isArray(outputs) ||
    (returned !== undefined && !Array.isArray(returned)) ||
    (former !== undefined && !Array.isArray(former))
  ) {
    return 'it is not an entry this action wrote';
  }
  const paths = [
    ...[...(outputs as unknown[]), ...((returned ?? []) as unknown[])].map(
      output => (output as { path?: unknown } | null)?.path
    ),
    ...((former ?? []) as unknown[])
  ];
  for (const path of paths) {
    if (typeof path !== 'string') return 'it is not an entry this action wrote';
    const problem = writablePathProblem(path);
    if (problem) return `its result ${path} ${problem}`;
  }
  return undefined;
}

/** Every path an entry names: its results, the ones they were converted from, and its former ones. */
export function entryPaths(entry: ManifestEntry): string[] {
  return [
    ...new Set([...[...entry.outputs, ...(entry.returned ?? [])].map(output => output.path), ...(entry.former ?? [])])
  ];
}

/** The file's text: sources sorted so the committed file diffs cleanly. */
export function manifestText(
  sources: ReadonlyMap<string, ManifestEntry>,
  pending: ReadonlyMap<string, PendingJob>
): string {
  const sorted = <T>(map: ReadonlyMap<string, T>): Record<string, T> =>
    Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
  const document = {
    version: 1,
    sources: sorted(sources),
    ...(pending.size > 0 ? { pending: sorted(pending) } : {})
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
