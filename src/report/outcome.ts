import type { SourceResult } from '../state/results.js';

/** Where the results were published, as the reports show it. */
export interface Published {
  readonly artifact?: PublishedArtifact;
  readonly commit?: { readonly sha: string; readonly branch: string; readonly files: number };
  /**
   * What could not be published, each in a sentence: the caller sets the outputs and writes the summary first,
   * then fails the step with these.
   */
  readonly failures?: readonly string[];
}

export interface PublishedArtifact {
  readonly id: number;
  /** Where a person downloads it, when the run's URL is known. */
  readonly url: string | undefined;
  /** Files stored under another name, because the artifact service refuses theirs (see `artifactPath`). */
  readonly renamed: readonly StoredAs[];
  /** Files left out of the artifact, each with why; the rest went in. */
  readonly leftOut: readonly LeftOut[];
}

/** A workspace path and the path it has inside the artifact. */
export interface StoredAs {
  readonly path: string;
  readonly storedAs: string;
}

export interface LeftOut {
  readonly path: string;
  readonly reason: string;
}

/** What the run did, as the outputs and the summary report it: the results and where they were published. */
export interface RunOutcome extends Published {
  readonly results: readonly SourceResult[];
  /** On a dry run, what it would have done (`dryRunLine`); undefined on a real one. */
  readonly dryRun: string | undefined;
  /** The whole results document, when it could be written. */
  readonly resultsFile: string | undefined;
}
