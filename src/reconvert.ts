import { join } from 'node:path';
import { convertFile } from './conversion.js';
import { probeImageFile } from './image-file.js';
import type { ManifestEntry } from './manifest.js';
import type { Conversion } from './output-format.js';
import type { PlannedOutput } from './result-sink.js';
import type { OutputRecord, SourceResult } from './results.js';

/**
 * Converts a source's earlier results (still in the workspace) to where the plan puts them in the format, quality
 * and size now asked for: no request, nothing paid. The earlier files are left as they are.
 */
export async function reconvert(
  workspace: string,
  source: string,
  entry: ManifestEntry,
  planned: readonly PlannedOutput[],
  conversion: Conversion
): Promise<SourceResult> {
  const started = performance.now();
  const seconds = (): number => Math.round((performance.now() - started) / 100) / 10;
  const outputs: OutputRecord[] = [];
  try {
    for (const [i, earlier] of entry.outputs.entries()) {
      const from = join(workspace, earlier.path);
      const format = (await probeImageFile(from))?.format;
      const plannedOutput = planned[i];
      if (!format || !plannedOutput) throw new Error(`the earlier result ${earlier.path} is not an image we can read`);
      const path = plannedOutput.paths[format];
      // Over a file only where it is one of this source's own earlier results.
      const replace = entry.outputs.some(output => output.path === path);
      const { resolution } = await convertFile({
        from,
        format,
        to: join(workspace, path),
        conversion,
        consume: false,
        replace
      });
      outputs.push({ path, resolution, seed: earlier.seed, prompt: null });
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
  return { source, status: 'upscaled', outputs, seconds: seconds() };
}
