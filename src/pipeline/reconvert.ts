import { join } from 'node:path';
import { probeImageFile } from '../imaging/image-file.js';
import type { Manifest } from '../state/manifest.js';
import type { ManifestEntry, RecordedOutput } from '../state/manifest-document.js';
import type { Conversion } from '../imaging/output-format.js';
import type { PlannedOutput } from '../settings/output-path.js';
import type { OutputRecord, SourceResult } from '../state/results.js';

/** Earlier results a conversion can start from, and the entry that records them. */
export interface Recorded {
  readonly entry: ManifestEntry;
  readonly from: readonly RecordedOutput[];
  /** `from` is as the provider returned it: never fitted into a box, so any box can be made from it. */
  readonly asReturned: boolean;
}

/**
 * What a conversion can start again from, for these bytes whatever settings made the entry: the results as the
 * provider returned them when they are all still in this checkout, else the latest results if they are. Results
 * only on the branch head are not here to be read.
 */
export async function recordedResults(
  manifest: Manifest,
  source: string,
  sha256: string
): Promise<Recorded | undefined> {
  const entry = manifest.entry(source);
  if (!entry || entry.sha256 !== sha256) return undefined;
  // Results written as they came (no `output` in the settings) are the returned ones themselves.
  const returned = entry.returned ?? (entry.settings.output === undefined ? entry.outputs : undefined);
  if (returned && (await manifest.inCheckout(returned))) return { entry, from: returned, asReturned: true };
  return (await manifest.inCheckout(entry.outputs)) ? { entry, from: entry.outputs, asReturned: false } : undefined;
}

export interface Reconversion {
  readonly planned: readonly PlannedOutput[];
  readonly conversion: Conversion;
  /** Planned paths where a file stands that may be replaced (see the destination check). */
  readonly replaceable: ReadonlySet<string>;
}

/**
 * Converts a source's earlier results (still in the workspace) to where the plan puts them in the format, quality
 * and size now asked for: no request, nothing paid. The earlier files are left as they are.
 */
export async function reconvert(
  workspace: string,
  source: string,
  earlier: Recorded,
  { planned, conversion, replaceable }: Reconversion
): Promise<SourceResult> {
  const started = performance.now();
  const seconds = (): number => Math.round((performance.now() - started) / 100) / 10;
  const outputs: OutputRecord[] = [];
  try {
    // Loaded on the first conversion only, from the one chunk the result sink loads too: the codecs are WebAssembly.
    const { convertFile } = await import('../imaging/conversion.js');
    for (const [i, output] of earlier.from.entries()) {
      const from = join(workspace, output.path);
      const format = (await probeImageFile(from))?.format;
      const plannedOutput = planned[i];
      if (!format || !plannedOutput) throw new Error(`the earlier result ${output.path} is not an image we can read`);
      const path = plannedOutput.paths[format];
      const { resolution } = await convertFile({
        from,
        format,
        to: join(workspace, path),
        conversion,
        consume: false,
        // Over a file only where the destination check found one of ours (or `overwrite` allows it).
        replace: replaceable.has(path)
      });
      outputs.push({ path, resolution, seed: output.seed, prompt: null });
    }
  } catch (error) {
    return {
      source,
      status: 'failed',
      outputs,
      error: `converting the earlier result: ${(error as Error).message}`,
      seconds: seconds()
    };
  }
  const convertedFrom = earlier.from.map(output => output.path);
  return { source, status: 'upscaled', outputs, seconds: seconds(), convertedFrom };
}

/** The box an earlier conversion fitted results into, as its manifest entry recorded it. */
function recordedLimit(entry: ManifestEntry, side: 'maxWidth' | 'maxHeight'): number | undefined {
  const output = entry.settings.output as Partial<Record<string, unknown>> | undefined;
  const value = output?.[side];
  return typeof value === 'number' ? value : undefined;
}

/**
 * Whether earlier results can be converted again instead of paying for a new upscale: results as Ideogram
 * returned them always can; converted ones unless they were fitted into a box smaller than the one now asked for
 * (results are never enlarged).
 */
export function canReconvert({ entry, asReturned }: Recorded, conversion: Conversion): boolean {
  return (
    asReturned ||
    (['maxWidth', 'maxHeight'] as const).every(side => {
      const before = recordedLimit(entry, side);
      const now = conversion[side];
      return before === undefined || (now !== undefined && now <= before);
    })
  );
}
