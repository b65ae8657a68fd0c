import { createHash } from 'node:crypto';
import { access, appendFile, mkdir, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomically } from '../fs/atomic-file.js';
import { isInside, writablePathProblem } from '../fs/paths.js';
import { fileChunks } from '../fs/read-buffers.js';
import { NotRegularFileError, openRegularFile, readRegularFile } from '../fs/regular-file.js';
import type { SourceResult } from './results.js';

/**
 * The manifest remembers, per source, the content hash and the settings that produced its results, so an
 * unchanged image is never paid for twice. It is committed with the results.
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
   * The results as Ideogram returned them, kept beside converted `outputs` made from them: what a later change of
   * format, quality or size converts from, instead of from a converted (lossy, perhaps smaller) result.
   */
  readonly returned?: readonly RecordedOutput[];
  /**
   * Paths of the source's results under earlier settings (another format, say), left in place: still ours, so
   * a later run may write over them and never takes them for sources.
   */
  readonly former?: readonly string[];
  readonly upscaledAt: string;
  /** What Ideogram reported it billed, in micro-USD, when it did. */
  readonly spentUsdMicros?: number;
}

/**
 * A job Ideogram accepted (and will bill) whose result this run may not live to collect: recorded the moment it is
 * accepted, so the next run polls it instead of paying for the image again.
 */
export interface PendingJob {
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

/** A journal line: a finished source (`[source, entry]`), an accepted job, or a job that ended with nothing to collect. */
type JournalLine =
  [string, ManifestEntry] | { readonly accepted: string; readonly job: PendingJob } | { readonly abandoned: string };

const EMPTY: ManifestDocument = { version: 1, sources: {} };

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
 * SHA-256 of a freshly opened regular file's bytes, read through the handle, which stays open: the selection checks
 * the same file through it, by positioned reads.
 */
export async function hashOpened(handle: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fileChunks(handle)) hash.update(chunk);
  return hash.digest('hex');
}

/** The manifest's document, or why its text is not a manifest this action wrote. Parsed once: it can be large. */
function readDocument(text: string): ManifestDocument | string {
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

/** Why an entry as read from the file cannot be trusted, or undefined. */
function entryProblem(entry: unknown): string | undefined {
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
function entryPaths(entry: ManifestEntry): string[] {
  return [
    ...new Set([...[...entry.outputs, ...(entry.returned ?? [])].map(output => output.path), ...(entry.former ?? [])])
  ];
}

/** JSON with sorted keys, so equal settings compare equal whatever order they were written in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** @throws Error when the text is not a manifest this action wrote. */
export function parseManifest(text: string, path: string): ManifestDocument {
  const document = readDocument(text);
  if (typeof document === 'string') throw unreadableManifest(path, document);
  return document;
}

function unreadableManifest(path: string, problem: string): Error {
  return new Error(
    `The manifest ${path} ${problem}; nothing was sent. Fix or delete it, set 'force: true' to start it afresh, or 'manifest: none' to run without one.`
  );
}

/**
 * The text at `path`, undefined when nothing is there, or why what is there is not a file (a FIFO would block the
 * read, a link to /dev/zero never end it).
 */
async function readIfThere(path: string): Promise<string | NotRegularFileError | undefined> {
  try {
    return (await readRegularFile(path)).toString('utf8');
  } catch (error) {
    if (error instanceof NotRegularFileError) return error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  );
}

/**
 * Beside the manifest, one line per source as it finishes: appending is cheap whatever the manifest's size, so a
 * run killed at any instant leaves a record of every result it placed. The next load folds it in; a save ends it.
 */
export function journalPath(path: string): string {
  return `${path}.journal`;
}

/** Earlier results a conversion can start from, and the entry that records them. */
export interface Recorded {
  readonly entry: ManifestEntry;
  readonly from: readonly RecordedOutput[];
  /** `from` is as Ideogram returned it: never fitted into a box, so any box can be made from it. */
  readonly asReturned: boolean;
}

export class Manifest {
  private readonly entries: Map<string, ManifestEntry>;
  private readonly pending: Map<string, PendingJob>;
  private changed = false;
  /** Sources whose entries come from the branch head: their results are committed there, not in this checkout. */
  private readonly onBranch = new Set<string>();
  /** Journal appends in order; a save waits for them. */
  private appending: Promise<void> = Promise.resolve();

  private constructor(
    /** Workspace-relative path. */
    readonly path: string,
    private readonly workspace: string,
    document: ManifestDocument
  ) {
    this.entries = new Map(Object.entries(document.sources));
    this.pending = new Map(Object.entries(document.pending ?? {}));
  }

  /**
   * Reads the manifest and what a run that was stopped left in its journal; a missing manifest is empty. One that
   * cannot be read stops the run before anything is sent (it would cost a full re-run), unless `force` is set:
   * everything is upscaled again anyway, so it starts afresh. Entries whose result paths leave the workspace or go
   * into `.git` are dropped with a warning, never trusted.
   */
  static async load(workspace: string, path: string, force = false): Promise<Manifest> {
    const text = await readIfThere(join(workspace, path));
    const read = text === undefined ? EMPTY : text instanceof NotRegularFileError ? text.message : readDocument(text);
    if (typeof read === 'string' && !force) throw unreadableManifest(path, read);
    const manifest = new Manifest(path, workspace, typeof read === 'string' ? EMPTY : read);
    if (typeof read === 'string')
      manifest.warnings.push(`The manifest ${path} ${read}; 'force' is set, so it is started afresh.`);
    const journal = await readIfThere(join(workspace, journalPath(path)));
    if (journal instanceof NotRegularFileError) throw unreadableManifest(journalPath(path), journal.message);
    for (const line of journal?.split('\n') ?? []) {
      let record: JournalLine;
      try {
        record = JSON.parse(line) as JournalLine;
      } catch {
        // The last line of a run killed mid-write: that source was not done.
        continue;
      }
      manifest.fold(record);
      manifest.changed = true;
    }
    manifest.dropUntrusted();
    return manifest;
  }

  private fold(record: JournalLine): void {
    if (Array.isArray(record)) {
      this.entries.set(...record);
      this.pending.delete(record[0]);
    } else if ('accepted' in record) {
      this.pending.set(record.accepted, record.job);
    } else {
      this.pending.delete(record.abandoned);
    }
  }

  /** Appends to the journal, in order. */
  private journal(record: JournalLine): Promise<void> {
    const journal = join(this.workspace, journalPath(this.path));
    const line = `${JSON.stringify(record)}\n`;
    this.appending = this.appending.then(async () => {
      await mkdir(dirname(journal), { recursive: true });
      await appendFile(journal, line);
    });
    return this.appending;
  }

  /** The id of a job accepted earlier for these very bytes and settings, still to be collected. */
  pendingJob(source: string, sha256: string, settings: Record<string, unknown>): string | undefined {
    const job = this.pending.get(source);
    return job && job.sha256 === sha256 && canonical(job.settings) === canonical(settings)
      ? job.generationId
      : undefined;
  }

  /** Records an accepted job in the journal at once: its id is the only handle on a paid job. */
  accepted(source: string, job: PendingJob): Promise<void> {
    this.changed = true;
    this.fold({ accepted: source, job });
    return this.journal({ accepted: source, job });
  }

  /** Forgets a job that ended with nothing to collect (a failed generation is not billed). */
  abandoned(source: string): Promise<void> {
    if (!this.pending.has(source)) return this.appending;
    this.changed = true;
    this.fold({ abandoned: source });
    return this.journal({ abandoned: source });
  }

  /**
   * Takes over the entries of another manifest (e.g. one restored from the cache) for the sources this one does
   * not know, and returns them. An entry naming a result outside the workspace is never taken.
   */
  adopt(other: ManifestDocument): ReadonlyMap<string, ManifestEntry> {
    const adopted = new Map<string, ManifestEntry>();
    for (const [source, entry] of Object.entries(other.sources)) {
      const inside = entryProblem(entry) === undefined && this.isInside([source, ...entryPaths(entry)]);
      if (this.entries.has(source) || !inside) continue;
      this.entries.set(source, entry);
      adopted.set(source, entry);
      this.changed = true;
    }
    return adopted;
  }

  /**
   * Takes the entries of the branch head's manifest that differ from this checkout's: on a re-run, the checkout is
   * the original commit, and the head holds what the first attempt committed. Their results count as present
   * (they are on the branch) without being on disk. Returns how many were taken.
   */
  takeFromBranch(head: ManifestDocument): number {
    let taken = 0;
    for (const [source, entry] of Object.entries(head.sources)) {
      const mine = this.entries.get(source);
      if (
        (mine && canonical(mine) === canonical(entry)) ||
        entryProblem(entry) !== undefined ||
        !this.isInside([source, ...entryPaths(entry)])
      ) {
        continue;
      }
      this.entries.set(source, entry);
      this.onBranch.add(source);
      this.changed = true;
      taken++;
    }
    return taken;
  }

  private isInside(paths: readonly string[]): boolean {
    return paths.every(path => isInside(this.workspace, resolve(this.workspace, path)));
  }

  /** Every entry, for staging its results (e.g. into the cache). */
  get document(): ManifestDocument {
    return { version: 1, sources: Object.fromEntries(this.entries) };
  }

  /** What was wrong with the manifest as read, for the log. */
  readonly warnings: string[] = [];

  private dropUntrusted(): void {
    for (const [source, entry] of this.entries) {
      const why = entryProblem(entry);
      if (why === undefined) continue;
      this.entries.delete(source);
      this.warnings.push(`Ignoring the manifest's entry for ${source}: ${why}.`);
    }
  }

  /**
   * Every result path the manifest knows, former ones included, with the source it belongs to: never to be taken
   * as a source, and only that source may write over it.
   */
  resultOwners(): Map<string, string> {
    return new Map(
      [...this.entries].flatMap(([source, entry]) => entryPaths(entry).map(path => [path, source] as const))
    );
  }

  /** The entry that makes `source` free to skip: same bytes, same settings, results still there or on the branch. */
  async unchanged(
    source: string,
    sha256: string,
    settings: Record<string, unknown>,
    present?: (path: string) => Promise<boolean>
  ): Promise<ManifestEntry | undefined> {
    const entry = this.entries.get(source);
    if (!entry || entry.sha256 !== sha256 || canonical(entry.settings) !== canonical(settings)) return undefined;
    if (this.onBranch.has(source)) return entry;
    return (await this.inCheckout(entry.outputs, present)) ? entry : undefined;
  }

  /**
   * What a conversion can start again from, for these bytes whatever settings made the entry: the results as
   * Ideogram returned them when they are all still in this checkout, else the latest results if they are.
   * Results only on the branch head are not here to be read.
   */
  async recorded(source: string, sha256: string): Promise<Recorded | undefined> {
    const entry = this.entries.get(source);
    if (!entry || entry.sha256 !== sha256) return undefined;
    // Results written as they came (no `output` in the settings) are the returned ones themselves.
    const returned = entry.returned ?? (entry.settings.output === undefined ? entry.outputs : undefined);
    if (returned && (await this.inCheckout(returned))) return { entry, from: returned, asReturned: true };
    return (await this.inCheckout(entry.outputs)) ? { entry, from: entry.outputs, asReturned: false } : undefined;
  }

  /** `present` answers whether a result is there, when the caller knows a cheaper way than a look per result. */
  private async inCheckout(
    outputs: readonly RecordedOutput[],
    present: (path: string) => Promise<boolean> = path => exists(join(this.workspace, path))
  ): Promise<boolean> {
    for (const output of outputs) {
      if (!(await present(output.path))) return false;
    }
    return true;
  }

  /**
   * Records what this run produced, its results already in place, and appends it to the journal at once; failed
   * and skipped sources keep what they had. `returned`: the results as Ideogram returned them, when these were
   * converted from them and they stay in place. The source's earlier results at other paths stay its own.
   */
  record(
    result: SourceResult,
    sha256: string,
    settings: Record<string, unknown>,
    at: Date,
    returned?: readonly RecordedOutput[]
  ): Promise<void> {
    if (result.status !== 'upscaled' && result.status !== 'unsafe') return this.appending;
    const outputs = result.outputs.map(({ path, resolution, seed }) => ({ path, resolution, seed }));
    const previous = this.entries.get(result.source);
    const now = new Set([...outputs, ...(returned ?? [])].map(output => output.path));
    const former = previous ? entryPaths(previous).filter(path => !now.has(path)) : [];
    const entry: ManifestEntry = {
      sha256,
      settings,
      status: result.status,
      outputs,
      ...(returned === undefined ? {} : { returned }),
      ...(former.length === 0 ? {} : { former }),
      upscaledAt: at.toISOString(),
      ...(result.spentUsdMicros === undefined ? {} : { spentUsdMicros: result.spentUsdMicros })
    };
    this.fold([result.source, entry]);
    this.changed = true;
    return this.journal([result.source, entry]);
  }

  get hasChanges(): boolean {
    return this.changed;
  }

  /** Writes atomically, sources sorted so the committed file diffs cleanly, and ends the journal. */
  async save(): Promise<void> {
    await this.appending;
    const sorted = <T>(map: Map<string, T>): Record<string, T> =>
      Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
    const document = {
      version: 1,
      sources: sorted(this.entries),
      ...(this.pending.size > 0 ? { pending: sorted(this.pending) } : {})
    };
    await writeFileAtomically(join(this.workspace, this.path), `${JSON.stringify(document, null, 2)}\n`, {
      replace: true
    });
    // A kill before this line leaves a journal of entries the manifest already holds: folding it again is harmless.
    await rm(join(this.workspace, journalPath(this.path)), { force: true });
    this.changed = false;
  }
}
