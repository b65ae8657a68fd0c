import { appendFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { NotRegularFileError, readTextIfThere } from '../fs/regular-file.js';
import { unreadableManifest, type ManifestEntry, type PendingJob } from './manifest-document.js';

/** A journal line: a finished source (`[source, entry]`), an accepted job, or a job that ended with nothing to collect. */
export type JournalLine =
  [string, ManifestEntry] | { readonly accepted: string; readonly job: PendingJob } | { readonly abandoned: string };

/**
 * Beside the manifest, one line per source as it finishes: appending is cheap whatever the manifest's size, so a
 * run killed at any instant leaves a record of every result it placed. The next load folds it in; a save ends it.
 */
export function journalPath(path: string): string {
  return `${path}.journal`;
}

/** The journal of the manifest at `path` (workspace-relative), in the workspace at `root`. */
export class Journal {
  private readonly file: string;
  /** Appends in order; whoever must see them all waits for `written`. */
  private appending: Promise<void> = Promise.resolve();

  constructor(
    root: string,
    private readonly path: string
  ) {
    this.file = join(root, journalPath(path));
  }

  /** What a run that was stopped left, line by line; a line cut short by a kill is left out. */
  async lines(): Promise<JournalLine[]> {
    const text = await readTextIfThere(this.file);
    if (text instanceof NotRegularFileError) throw unreadableManifest(journalPath(this.path), text.message);
    return (text?.split('\n') ?? []).flatMap(line => {
      try {
        return [JSON.parse(line) as JournalLine];
      } catch {
        // The last line of a run killed mid-write: that source was not done.
        return [];
      }
    });
  }

  append(line: JournalLine): Promise<void> {
    const text = `${JSON.stringify(line)}\n`;
    this.appending = this.appending.then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      await appendFile(this.file, text);
    });
    return this.appending;
  }

  /** Settles when every append asked for so far has. */
  get written(): Promise<void> {
    return this.appending;
  }

  /** Ends the journal, once the manifest holds what it recorded. */
  async end(): Promise<void> {
    await rm(this.file, { force: true });
  }
}
