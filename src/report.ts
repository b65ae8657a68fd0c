import * as core from '@actions/core';
import type { Discovery } from './discovery.js';
import type { RetryEvent } from './retry.js';
import type { Published } from './publish/publish.js';
import {
  countByStatus,
  countsLine,
  resultsDocument,
  SOURCE_STATUSES,
  writtenFiles,
  type SourceResult
} from './results.js';

/** One line as each source finishes, e.g. `[3/12] assets/hero.png → upscaled/assets/hero.png 2048x1280 (4.1 s)`. */
export function logResult(result: SourceResult, done: number, total: number): void {
  const prefix = `[${done}/${total}] ${result.source}`;
  const took = result.seconds === undefined ? '' : ` (${result.seconds.toFixed(1)} s)`;
  if (result.status === 'failed') {
    core.error(`${prefix} failed: ${result.error ?? 'unknown error'}${took}`, { file: result.source });
  } else if (result.status === 'unsafe') {
    core.warning(`${prefix} withheld by Ideogram's safety check${took}`, { file: result.source });
  } else if (result.status === 'skipped' || result.status === 'deferred') {
    core.info(`${prefix} ${result.status}: ${result.error ?? ''}`);
  } else {
    const outputs = result.outputs.map(output => `${output.path}${output.resolution ? ` ${output.resolution}` : ''}`);
    core.info(`${prefix} → ${outputs.join(', ')}${took}`);
    if (result.error) core.warning(`${result.source}: ${result.error}`, { file: result.source });
  }
}

/** A try that will be made again, e.g. `  a.png: Ideogram answered HTTP 503 (trying again in 0.4 s, retry 1)`. */
export function retryLine(file: string, { error, delayMs, retry }: RetryEvent): string {
  return `  ${file}: ${(error as Error).message} (trying again in ${(delayMs / 1000).toFixed(1)} s, retry ${retry})`;
}

export function logDiscovery(discovery: Discovery): void {
  core.startGroup(`Found ${discovery.sources.length} image(s)`);
  for (const source of discovery.sources) core.info(source);
  for (const { path, reason } of discovery.passedOver) core.info(`passed over ${path}: ${reason}`);
  core.endGroup();
  for (const { path, reason } of discovery.passedOver) {
    if (reason.startsWith('outside')) core.warning(`Not upscaling ${path}: ${reason}`);
  }
}

/** What the run did, as the outputs and the summary report it: the results and where they were published. */
export interface RunOutcome extends Published {
  readonly results: readonly SourceResult[];
  readonly dryRun: boolean;
  /** Images a dry run would ask for (requests × num-images). */
  readonly imagesPerSource: number;
}

/** Sets the step outputs later steps read. */
export function setOutputs(outcome: RunOutcome): void {
  const counts = countByStatus(outcome.results);
  core.setOutput('results', JSON.stringify(resultsDocument(outcome.results)));
  for (const status of SOURCE_STATUSES) core.setOutput(status, counts[status]);
  core.setOutput('files', writtenFiles(outcome.results).join('\n'));
  core.setOutput('commit-sha', outcome.commit?.sha ?? '');
  core.setOutput('artifact-id', outcome.artifact ? String(outcome.artifact.id) : '');
  core.setOutput('artifact-url', outcome.artifact?.url ?? '');
}

const STATUS_LABEL: Record<SourceResult['status'], string> = {
  upscaled: '✅ upscaled',
  failed: '❌ failed',
  unsafe: '⚠️ unsafe',
  skipped: '⏭️ skipped',
  deferred: '⏸️ deferred'
};

function escapeCell(text: string): string {
  return text.replace(/[&<>"]/g, c => `&#${c.charCodeAt(0)};`);
}

function cell(lines: readonly string[]): string {
  return lines.join('<br>') || '—';
}

/** The job summary: counts, a link to the artifact, and a row per source. */
export async function writeSummary(outcome: RunOutcome): Promise<void> {
  const total = outcome.results.length;
  const summary = core.summary.addHeading(outcome.dryRun ? 'Ideogram upscale — dry run' : 'Ideogram upscale', 2);
  if (outcome.dryRun) {
    summary.addRaw(
      `Would send ${total} request(s) for ${total * outcome.imagesPerSource} image(s). Nothing was sent.`,
      true
    );
  } else {
    summary.addRaw(countsLine(outcome.results), true);
  }
  if (outcome.commit) {
    summary.addRaw(
      `Committed ${outcome.commit.files} file(s) to <code>${escapeCell(outcome.commit.branch)}</code> as <code>${outcome.commit.sha.slice(0, 7)}</code>.`,
      true
    );
  }
  if (outcome.artifact?.url) {
    summary.addRaw('Results: ').addLink(`artifact ${outcome.artifact.id}`, outcome.artifact.url).addEOL();
  }
  if (total > 0) {
    summary.addTable([
      [
        { data: 'Source', header: true },
        { data: 'Status', header: true },
        { data: 'Output', header: true },
        { data: 'Resolution', header: true },
        { data: 'Seed', header: true }
      ],
      ...outcome.results.map(result => {
        const outputs = result.outputs;
        const detail = result.error ? `<br>${escapeCell(result.error)}` : '';
        return [
          `<code>${escapeCell(result.source)}</code>`,
          `${STATUS_LABEL[result.status]}${detail}`,
          cell(outputs.map(output => `<code>${escapeCell(output.path)}</code>`)),
          cell(outputs.map(output => output.resolution ?? '')),
          cell(outputs.map(output => (output.seed === null ? '' : String(output.seed))))
        ];
      })
    ]);
  }
  await summary.write();
}
