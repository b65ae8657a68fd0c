/**
 * What the action's log, the command line, the job summary and the gallery say about a run, worded once so they
 * cannot drift apart. Plain text in, plain text out: where each line goes (and how it is escaped there) is the
 * caller's business.
 */
import { formatUsd } from '../text/money.js';
import { printable } from '../text/printable.js';
import type { RetryEvent } from '../async/retry.js';
import type { Settings } from '../settings/settings.js';
import { countByStatus, SOURCE_STATUSES, type SourceResult, type SourceStatus } from '../state/results.js';

/** `[3/12] assets/hero.png → upscaled/assets/hero.png 2048x1280 (4.1 s)`: one line as each source finishes. */
export function resultLine(result: SourceResult, done: number, total: number): string {
  const prefix = `[${done}/${total}] ${result.source}`;
  const took = result.seconds === undefined ? '' : ` (${result.seconds.toFixed(1)} s)`;
  switch (result.status) {
    case 'failed':
      return `${prefix} failed: ${result.error ?? 'unknown error'}${took}`;
    case 'unsafe':
      return `${prefix} withheld by Ideogram's safety check${took}`;
    case 'skipped':
    case 'deferred':
      return `${prefix} ${result.status}: ${result.error ?? ''}`;
    case 'upscaled': {
      const outputs = result.outputs.map(output => `${output.path}${output.resolution ? ` ${output.resolution}` : ''}`);
      const from = result.convertedFrom ? ` converted from ${result.convertedFrom.join(', ')}, nothing sent;` : '';
      return `${prefix} →${from} ${outputs.join(', ')}${took}`;
    }
  }
}

/** `3 upscaled, 1 failed, 0 unsafe, 2 skipped, 4 deferred, of 10.`: the log, the CLI, the summary and the gallery. */
export function countsLine(results: readonly SourceResult[]): string {
  const counts = countByStatus(results);
  return `${SOURCE_STATUSES.map(status => `${counts[status]} ${status}`).join(', ')}, of ${results.length}.`;
}

/**
 * What a dry run would have done: `Dry run: would send 3 request(s) for 12 image(s); nothing was sent.` The local
 * provider sends nothing, so it says how many images it would upscale and that nothing was written.
 */
export function dryRunLine({ provider, output }: Settings, requests: number): string {
  return provider.kind === 'local'
    ? `Dry run: would upscale ${requests} image(s) on this machine; nothing was written.`
    : `Dry run: would send ${requests} request(s) for ${requests * output.imagesPerSource} image(s); nothing was sent.`;
}

/** What a first stop grants the work in flight, in the action's log and on the command line alike. */
export const IN_FLIGHT_GRACE = 'what is in flight gets a few seconds to finish';

/** What a stopped run did not do (cancelled before it was sent, or failed), which the next run takes. */
export function notDone(results: readonly SourceResult[]): string[] {
  return results
    .filter(result => result.status === 'deferred' || result.status === 'failed')
    .map(result => `${result.source}: ${result.error ?? result.status}`);
}

/** A try that will be made again, e.g. `  a.png: Ideogram answered HTTP 503 (trying again in 0.4 s, retry 1)`. */
export function retryLine(file: string, { error, delayMs, retry }: RetryEvent): string {
  return `  ${file}: ${(error as Error).message} (trying again in ${(delayMs / 1000).toFixed(1)} s, retry ${retry})`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text and attribute values in the summary and the gallery: paths, prompts and API messages are data, shown
 * printable (a line break would end the summary's table) and escaped (links are percent-encoded already).
 */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"']/g, c => HTML_ESCAPES[c] ?? c);
}

/** `1.2 MB`: a file's size as people read it (— when unknown). */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A status as the summary's and the pull request comment's tables show it. */
export const STATUS_LABEL: Readonly<Record<SourceStatus, string>> = {
  upscaled: '✅ upscaled',
  failed: '❌ failed',
  unsafe: '⚠️ unsafe',
  skipped: '⏭️ skipped',
  deferred: '⏸️ deferred'
};

const ATTENTION: readonly SourceStatus[] = ['failed', 'unsafe', 'upscaled', 'deferred', 'skipped'];

/** Results in the order a bounded table lists them: failures first, then what is new, what was done before last. */
export function byAttention(results: readonly SourceResult[]): SourceResult[] {
  return [...results].sort((a, b) => ATTENTION.indexOf(a.status) - ATTENTION.indexOf(b.status));
}

/** `12 upscaled, 3 skipped`: the statuses present among `results`, for the line that counts what a table left out. */
export function presentCounts(results: readonly SourceResult[]): string {
  const counts = countByStatus(results);
  return SOURCE_STATUSES.filter(status => counts[status] > 0)
    .map(status => `${counts[status]} ${status}`)
    .join(', ');
}

/**
 * How many of `rows`, in order, fit in `budget` as `size` measures them: what a table that must stay under a
 * limit (a comment's characters, a summary's bytes) can show before it counts the rest in one line.
 */
export function countFitting(rows: readonly string[], budget: number, size: (row: string) => number): number {
  let used = 0;
  for (const [i, row] of rows.entries()) {
    used += size(row);
    if (used > budget) return i;
  }
  return rows.length;
}

/**
 * Text as a Markdown code span inside a table cell: shown literally (no Markdown, no HTML), with `|` escaped so it
 * cannot split the cell and line breaks flattened so it cannot end the row.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Money over a run, in micro-USD: what was quoted for what was (or in a dry run, would be) sent, and billed. */
export interface CostTotals {
  /** Sources quoted and sent (or, in a dry run, quoted). */
  readonly quoted: number;
  readonly quotedUsdMicros: number;
  /** Of those, estimates; the total may then reach `upperBoundUsdMicros`. */
  readonly estimates: number;
  readonly upperBoundUsdMicros: number;
  /** Sources held back by max-cost, and what they were quoted. */
  readonly deferred: number;
  readonly deferredUsdMicros: number;
  /** Sources whose bill Ideogram reported, and the sum. */
  readonly billed: number;
  readonly spentUsdMicros: number;
}

export function costTotals(results: readonly SourceResult[]): CostTotals {
  const totals = {
    quoted: 0,
    quotedUsdMicros: 0,
    estimates: 0,
    upperBoundUsdMicros: 0,
    deferred: 0,
    deferredUsdMicros: 0,
    billed: 0,
    spentUsdMicros: 0
  };
  for (const { quote, status, spentUsdMicros } of results) {
    if (spentUsdMicros !== undefined) {
      totals.billed += 1;
      totals.spentUsdMicros += spentUsdMicros;
    }
    if (!quote) continue;
    if (status === 'deferred') {
      totals.deferred += 1;
      totals.deferredUsdMicros += quote.upperBoundUsdMicros ?? quote.usdMicros;
      continue;
    }
    totals.quoted += 1;
    totals.quotedUsdMicros += quote.usdMicros;
    totals.upperBoundUsdMicros += quote.upperBoundUsdMicros ?? quote.usdMicros;
    if (quote.qualifier === 'estimate') totals.estimates += 1;
  }
  return totals;
}

/** A USD amount for an output, e.g. `0.50332`: a plain decimal, exact to the micro-dollar. */
export function usdOutput(micros: number): string {
  return formatUsd(micros).slice(1);
}

/**
 * `Quoted $0.50332 for 4 image(s) (exact). Deferred 2 image(s) quoted $0.25166 past max-cost. Billed $0.37749 for 3
 * image(s), as Ideogram reported.` Undefined when nothing was quoted or billed.
 */
export function costLine(results: readonly SourceResult[]): string | undefined {
  const totals = costTotals(results);
  const parts: string[] = [];
  if (totals.quoted > 0) {
    const kind =
      totals.estimates === 0
        ? 'exact'
        : `${totals.estimates} estimate(s): at most ${formatUsd(totals.upperBoundUsdMicros)}`;
    parts.push(`Quoted ${formatUsd(totals.quotedUsdMicros)} for ${totals.quoted} image(s) (${kind}).`);
  }
  if (totals.deferred > 0) {
    parts.push(`Deferred ${totals.deferred} image(s) quoted ${formatUsd(totals.deferredUsdMicros)} past max-cost.`);
  }
  if (totals.billed > 0) {
    parts.push(`Billed ${formatUsd(totals.spentUsdMicros)} for ${totals.billed} image(s), as Ideogram reported.`);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
