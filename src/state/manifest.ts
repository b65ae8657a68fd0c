import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomically } from '../fs/atomic-file.js';
import { isInside } from '../fs/paths.js';
import { NotRegularFileError, readTextIfThere } from '../fs/regular-file.js';
import { canonical } from '../text/canonical-json.js';
import { Journal, type JournalLine } from './journal.js';
import {
  EMPTY_MANIFEST,
  entryPaths,
  entryProblem,
  manifestText,
  readDocument,
  unreadableManifest,
  type ManifestDocument,
  type ManifestEntry,
  type PendingJob,
  type RecordedOutput
} from './manifest-document.js';
import type { SourceResult } from './results.js';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  );
}

/** The manifest of one workspace: what it holds, what this run adds (journalled at once), and its saving. */
export class Manifest {
  private readonly entries: Map<string, ManifestEntry>;
  private readonly pending: Map<string, PendingJob>;
  private changed = false;
  /** Sources whose entries come from the branch head: their results are committed there, not in this checkout. */
  private readonly onBranch = new Set<string>();
  private readonly journal: Journal;
  /** What was wrong with the manifest as read, for the log. */
  readonly warnings: string[] = [];
  /** Why the file could not be read, when `force` started the manifest afresh instead: it holds nothing earlier. */
  private unreadable: Error | undefined;

  private constructor(
    /** Workspace-relative path. */
    readonly path: string,
    private readonly workspace: string,
    document: ManifestDocument
  ) {
    this.entries = new Map(Object.entries(document.sources));
    this.pending = new Map(Object.entries(document.pending ?? {}));
    this.journal = new Journal(workspace, path);
  }

  /**
   * Reads the manifest and what a run that was stopped left in its journal; a missing manifest is empty. One that
   * cannot be read stops the run before anything is sent (it would cost a full re-run), unless `force` is set:
   * everything is upscaled again anyway, so it starts afresh. Entries whose result paths leave the workspace or go
   * into `.git` are dropped with a warning, never trusted.
   */
  static async load(workspace: string, path: string, force = false): Promise<Manifest> {
    const text = await readTextIfThere(join(workspace, path));
    const read =
      text === undefined ? EMPTY_MANIFEST : text instanceof NotRegularFileError ? text.message : readDocument(text);
    if (typeof read === 'string' && !force) throw unreadableManifest(path, read);
    const manifest = new Manifest(path, workspace, typeof read === 'string' ? EMPTY_MANIFEST : read);
    if (typeof read === 'string') {
      manifest.unreadable = unreadableManifest(path, read);
      manifest.warnings.push(`The manifest ${path} ${read}; 'force' is set, so it is started afresh.`);
    }
    const lines = await manifest.journal.lines();
    for (const line of lines) manifest.fold(line);
    if (lines.length > 0) manifest.changed = true;
    manifest.dropUntrusted();
    return manifest;
  }

  /**
   * Throws what a load without `force` would have, when the file could not be read and this one started afresh:
   * for those (the cache) that must not add to a manifest whose earlier entries are unknown.
   */
  assertRead(): void {
    if (this.unreadable) throw this.unreadable;
  }

  private fold(line: JournalLine): void {
    if (Array.isArray(line)) {
      this.entries.set(...line);
      this.pending.delete(line[0]);
    } else if ('accepted' in line) {
      this.pending.set(line.accepted, line.job);
    } else {
      this.pending.delete(line.abandoned);
    }
  }

  /** Takes a line in, and appends it to the journal at once. */
  private add(line: JournalLine): Promise<void> {
    this.fold(line);
    this.changed = true;
    return this.journal.append(line);
  }

  /** The provider's id of a job accepted earlier for these very bytes and settings, still to be collected. */
  pendingJob(source: string, sha256: string, settings: Record<string, unknown>): string | undefined {
    const job = this.pending.get(source);
    return job && job.sha256 === sha256 && canonical(job.settings) === canonical(settings)
      ? job.generationId
      : undefined;
  }

  /** Records an accepted job in the journal at once: its id is the only handle on a paid job. */
  accepted(source: string, job: PendingJob): Promise<void> {
    return this.add({ accepted: source, job });
  }

  /** Forgets a job that ended with nothing to collect (a failed generation is not billed). */
  abandoned(source: string): Promise<void> {
    return this.pending.has(source) ? this.add({ abandoned: source }) : this.journal.written;
  }

  /**
   * The entries of another manifest (e.g. one restored from the cache) for the sources this one does not know. An
   * entry naming a result outside the workspace is never among them.
   */
  lacking(other: ManifestDocument): ReadonlyMap<string, ManifestEntry> {
    return new Map(
      Object.entries(other.sources).filter(
        ([source, entry]) => !this.entries.has(source) && this.trustworthy(source, entry)
      )
    );
  }

  /** Takes over what this manifest is `lacking` of another, and returns it. */
  adopt(other: ManifestDocument): ReadonlyMap<string, ManifestEntry> {
    const adopted = this.lacking(other);
    for (const [source, entry] of adopted) this.entries.set(source, entry);
    if (adopted.size > 0) this.changed = true;
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
      if ((mine && canonical(mine) === canonical(entry)) || !this.trustworthy(source, entry)) continue;
      this.entries.set(source, entry);
      this.onBranch.add(source);
      this.changed = true;
      taken++;
    }
    return taken;
  }

  /** Whether an entry from elsewhere is one this action wrote, naming the source and results inside the workspace. */
  private trustworthy(source: string, entry: ManifestEntry): boolean {
    return (
      entryProblem(entry) === undefined &&
      [source, ...entryPaths(entry)].every(path => isInside(this.workspace, resolve(this.workspace, path)))
    );
  }

  /** Every entry, for staging its results (e.g. into the cache). */
  get document(): ManifestDocument {
    return { version: 1, sources: Object.fromEntries(this.entries) };
  }

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

  /** What the manifest holds for `source`, if anything. */
  entry(source: string): ManifestEntry | undefined {
    return this.entries.get(source);
  }

  /** Whether the entry for `source` came from the branch head: its results are committed there, not on disk. */
  fromBranch(source: string): boolean {
    return this.onBranch.has(source);
  }

  /**
   * Whether every one of these results is in this checkout. `present` answers whether a result is there, when the
   * caller knows a cheaper way than a look per result.
   */
  async inCheckout(
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
   * and skipped sources keep what they had. `returned`: the results as the provider returned them, when these were
   * converted from them and they stay in place. The source's earlier results at other paths stay its own.
   */
  record(
    result: SourceResult,
    sha256: string,
    settings: Record<string, unknown>,
    at: Date,
    returned?: readonly RecordedOutput[]
  ): Promise<void> {
    if (result.status !== 'upscaled' && result.status !== 'unsafe') return this.journal.written;
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
    return this.add([result.source, entry]);
  }

  get hasChanges(): boolean {
    return this.changed;
  }

  /** Writes atomically and ends the journal. */
  async save(): Promise<void> {
    await this.journal.written;
    await writeFileAtomically(join(this.workspace, this.path), manifestText(this.entries, this.pending), {
      replace: true
    });
    // A kill before this line leaves a journal of entries the manifest already holds: folding it again is harmless.
    await this.journal.end();
    this.changed = false;
  }
}
