/**
 * What the action's log, the command line, the job summary and the gallery say about a run, worded once so they
 * cannot drift apart. Plain text in, plain text out: where each line goes (and how it is escaped there) is the
 * caller's business.
 */
import type { RetryEvent } from './retry.js';
import { countByStatus, SOURCE_STATUSES, type SourceResult } from './results.js';

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
      return `${prefix} → ${outputs.join(', ')}${took}`;
    }
  }
}

/** `3 upscaled, 1 failed, 0 unsafe, 2 skipped, 4 deferred, of 10.`: the log, the CLI, the summary and the gallery. */
export function countsLine(results: readonly SourceResult[]): string {
  const counts = countByStatus(results);
  return `${SOURCE_STATUSES.map(status => `${counts[status]} ${status}`).join(', ')}, of ${results.length}.`;
}

/** A try that will be made again, e.g. `  a.png: Ideogram answered HTTP 503 (trying again in 0.4 s, retry 1)`. */
export function retryLine(file: string, { error, delayMs, retry }: RetryEvent): string {
  return `  ${file}: ${(error as Error).message} (trying again in ${(delayMs / 1000).toFixed(1)} s, retry ${retry})`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values in the summary and the gallery: paths, prompts and API messages are data. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => HTML_ESCAPES[c] ?? c);
}
