import type * as core from '@actions/core';
import { log } from './log.js';

export type AnnotationKind = 'error' | 'warning' | 'notice';
const KINDS: readonly AnnotationKind[] = ['error', 'warning', 'notice'];

/** GitHub shows at most this many annotations of each kind for a step, and drops the rest without a word. */
export const ANNOTATIONS_SHOWN_PER_STEP = 10;
/**
 * Per-file annotations of each kind; the rest of GitHub's ten are kept for the run's own few lines: the count of
 * what went to the log only, the step's failure (`core.setFailed`), a warning such as "Not committing".
 */
const PER_FILE = ANNOTATIONS_SHOWN_PER_STEP - 4;

const PLURAL: Record<AnnotationKind, string> = { error: 'errors', warning: 'warnings', notice: 'notices' };

/**
 * Annotations within what GitHub shows: past the budget, a file's annotation is written as a plain log line
 * instead, and `summarise` adds one annotation per kind saying how many more the log holds. A thousand failed
 * images then give six annotations and one "994 more errors in the log", rather than ten and silence.
 */
export class Annotations {
  private readonly shown: Record<AnnotationKind, number> = { error: 0, warning: 0, notice: 0 };
  private readonly logOnly: Record<AnnotationKind, number> = { error: 0, warning: 0, notice: 0 };

  /** About one file (or path): there can be thousands, so only the first few are annotations. */
  forFile(kind: AnnotationKind, message: string, properties?: core.AnnotationProperties): void {
    if (this.shown[kind] < PER_FILE) {
      this.shown[kind] += 1;
      log[kind](message, properties?.file);
    } else {
      this.logOnly[kind] += 1;
      log.info(`${kind}: ${message}`);
    }
  }

  /** About the run as a whole: a handful at most, always shown. */
  forRun(kind: AnnotationKind, message: string): void {
    log[kind](message);
  }

  /** One annotation per kind that overflowed: how many more the log holds. */
  summarise(): void {
    for (const kind of KINDS) {
      const more = this.logOnly[kind];
      if (more === 0) continue;
      log[kind](
        `${more} more ${more === 1 ? kind : PLURAL[kind]} in the log: GitHub shows ${ANNOTATIONS_SHOWN_PER_STEP} ${PLURAL[kind]} per step.`
      );
      this.logOnly[kind] = 0;
    }
  }
}
