/** What happened to one source: the `results` output holds one of these per source. */
export type SourceStatus = 'upscaled' | 'failed' | 'unsafe' | 'skipped';

export interface OutputRecord {
  /** Workspace-relative path of the written result. */
  readonly path: string;
  /** e.g. `2048x1280`, as the API reported it. */
  readonly resolution: string | null;
  readonly seed: number | null;
  readonly prompt: string | null;
}

export interface SourceResult {
  /** Workspace-relative path of the source. */
  readonly source: string;
  readonly status: SourceStatus;
  readonly outputs: readonly OutputRecord[];
  /** Why it failed, was withheld or skipped. */
  readonly error?: string;
  /** Wall time spent on this source. */
  readonly seconds?: number;
}

export function countByStatus(results: readonly SourceResult[]): Record<SourceStatus, number> {
  const counts: Record<SourceStatus, number> = { upscaled: 0, failed: 0, unsafe: 0, skipped: 0 };
  for (const result of results) counts[result.status] += 1;
  return counts;
}

/** Paths this run wrote (skipped sources list their earlier results, which this run did not write). */
export function writtenFiles(results: readonly SourceResult[]): string[] {
  return results.flatMap(result => (result.status === 'skipped' ? [] : result.outputs.map(output => output.path)));
}

/** The `results` document (the action's output, the CLI's --json): one record per source, without timings. */
export function resultsDocument(results: readonly SourceResult[]): Omit<SourceResult, 'seconds'>[] {
  return results.map(({ seconds: _seconds, ...rest }) => rest);
}
