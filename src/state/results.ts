import type { NotSentError } from '../providers/provider.js';
import type { QuoteRecord } from '../text/money.js';
/**
 * What happened to one source: the `results` output holds one of these per source. `deferred`: not sent in this
 * run because a cap (`max-images`) was reached; the next run takes it first.
 */
export const SOURCE_STATUSES = ['upscaled', 'failed', 'unsafe', 'skipped', 'deferred'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

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
  /** Why it failed, was withheld, skipped or deferred. */
  readonly error?: string;
  /** Wall time spent on this source. */
  readonly seconds?: number;
  /** The price Ideogram quoted for it (a dry run, or `max-cost`), in micro-USD. */
  readonly quote?: QuoteRecord;
  /** What Ideogram reports it billed, in micro-USD. */
  readonly spentUsdMicros?: number;
  /** The earlier results this run converted (another format, quality or size) instead of sending the source. */
  readonly convertedFrom?: readonly string[];
}

export function countByStatus(results: readonly SourceResult[]): Record<SourceStatus, number> {
  const counts = Object.fromEntries(SOURCE_STATUSES.map(status => [status, 0])) as Record<SourceStatus, number>;
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

/** The result of a source nothing was sent for, whichever stage held it back. */
export function notSentResult(source: string, why: NotSentError): SourceResult {
  return { source, status: why.status, outputs: [], error: why.message, ...(why.quote ? { quote: why.quote } : {}) };
}
