import { planOutputs, plannedOutputs, type PlannedOutput } from '../settings/output-path.js';
import type { Settings } from '../settings/settings.js';
import { Destinations } from './destinations.js';
import { skippedByManifest, type ManifestLookup } from './selection.js';

/** Where each source's results go, fixed before anything is sent, and who may write there. */
export interface JobPlan {
  readonly destinations: Destinations;
  /** The planned result paths of a source. */
  readonly plan: (source: string) => PlannedOutput[];
  /** Whether a source that shares a result path with another is sent by this run. */
  readonly sent: (source: string) => boolean;
}

/**
 * The plan for this run's selection. Who may write each result path is known from the paths alone; only sources
 * that share one (rare) need to know before the run whether the others are sent, so only those are looked up first.
 * @throws Error when two sources both sent would write one path: the template does not work for them (nothing sent).
 */
export async function planJob(
  settings: Settings,
  discovered: readonly string[],
  selected: readonly string[],
  earlierResults: ReadonlyMap<string, string>,
  lookup: ManifestLookup | undefined
): Promise<JobPlan> {
  const { workspace } = settings;
  const { template, imagesPerSource, overwrite, conversion } = settings.output;
  const destinations = await Destinations.prepare(
    discovered,
    template,
    imagesPerSource,
    { workspace, sources: new Set(discovered), earlier: earlierResults, overwrite },
    conversion
  );
  const selectedSet = new Set(selected);
  const rivals = new Set(
    selected.flatMap(source => {
      const others = destinations.rivals(source).filter(other => selectedSet.has(other));
      return others.length > 0 ? [source, ...others] : [];
    })
  );
  const skippedRivals = new Set<string>();
  for (const source of rivals) {
    if (lookup && (await skippedByManifest(source, workspace, lookup))) skippedRivals.add(source);
  }
  const sent = (rival: string): boolean => selectedSet.has(rival) && !skippedRivals.has(rival);
  planOutputs([...rivals].filter(sent), template, imagesPerSource, conversion);
  return {
    destinations,
    sent,
    plan: source => plannedOutputs(source, template, imagesPerSource, conversion)
  };
}
