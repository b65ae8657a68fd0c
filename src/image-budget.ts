import { Input } from './inputs.js';
import type { SourceResult } from './results.js';

export interface Budgeted {
  /** Sources to send in this run, in order. */
  readonly taken: readonly string[];
  /** Sources past the cap, as `deferred` results. */
  readonly deferred: readonly SourceResult[];
}

/**
 * Takes sources in order while their images (`imagesPerSource` each) fit under `maxImages`; the rest are deferred
 * to a later run, which (the manifest skipping what is done) takes them first. No cap: everything is taken.
 */
export function withinBudget(
  sources: readonly string[],
  imagesPerSource: number,
  maxImages: number | undefined
): Budgeted {
  if (maxImages === undefined) return { taken: sources, deferred: [] };
  const fits = Math.floor(maxImages / imagesPerSource);
  const error = `past '${Input.MaxImages}' (${maxImages} images); a later run takes it first`;
  return {
    taken: sources.slice(0, fits),
    deferred: sources.slice(fits).map(source => ({ source, status: 'deferred', outputs: [], error }))
  };
}
