import * as core from '@actions/core';
import { Annotations } from './annotations.js';
import { log } from './log.js';
import type { Discovery } from '../pipeline/discovery.js';
import type { RunOutcome } from './outcome.js';
import {
  byAttention,
  costLine,
  costTotals,
  countFitting,
  countsLine,
  escapeHtml,
  presentCounts,
  resultLine,
  STATUS_LABEL,
  usdOutput
} from './presentation.js';
import { RESULTS_FILE_NAME } from './results-file.js';
import { countByStatus, resultsDocument, SOURCE_STATUSES, writtenFiles, type SourceResult } from '../state/results.js';

/** The step's annotations: one step is one process, so one budget (see `Annotations`). */
export const annotations = new Annotations();

/**
 * The result line as each source finishes: failures are errors and withheld images warnings, tied to the file.
 * A skipped source gets a line only for its price (a dry run's quote): the discovery group lists the sources and a
 * count line follows, and a re-run of 10,000 unchanged images would spend a good part of its time writing 10,000
 * lines that say so.
 */
export function logResult(result: SourceResult, done: number, total: number): void {
  if (result.status === 'skipped' && result.quote === undefined) return;
  const line = resultLine(result, done, total);
  if (result.status === 'failed') {
    annotations.forFile('error', line, { file: result.source });
  } else if (result.status === 'unsafe') {
    annotations.forFile('warning', line, { file: result.source });
  } else {
    log.info(line);
    if (result.status === 'upscaled' && result.error) {
      annotations.forFile('warning', `${result.source}: ${result.error}`, { file: result.source });
    }
  }
}

export function logDiscovery(discovery: Discovery): void {
  log.group(`Found ${discovery.sources.length} image(s)`, [
    ...discovery.sources,
    ...discovery.passedOver.map(({ path, reason }) => `passed over ${path}: ${reason}`)
  ]);
  for (const { path, why, reason } of discovery.passedOver) {
    if (why === 'outside') annotations.forFile('warning', `Not upscaling ${path}: ${reason}`);
  }
}

/** GitHub refuses a step output over 1 MiB; a little less, for the file command's own framing. */
export const OUTPUT_LIMIT_BYTES = 1024 * 1024 - 4096;

/** As many of `items` as fit in `OUTPUT_LIMIT_BYTES` once joined (and wrapped in `open`/`close`), in order. */
export function fitOutput(
  items: readonly string[],
  separator: string,
  open = '',
  close = ''
): { text: string; kept: number } {
  let size = Buffer.byteLength(open + close);
  let kept = 0;
  for (const item of items) {
    size += Buffer.byteLength(item) + (kept > 0 ? Buffer.byteLength(separator) : 0);
    if (size > OUTPUT_LIMIT_BYTES) break;
    kept += 1;
  }
  return { text: `${open}${items.slice(0, kept).join(separator)}${close}`, kept };
}

/**
 * Sets the step outputs later steps read. `results` and `files` hold what fits under GitHub's 1 MiB: with
 * thousands of sources they would be refused (or the step fail), on exactly the runs where they matter most. Then
 * `results-truncated` is true, a warning says how much each holds, and `results-file` has everything.
 */
export function setOutputs(outcome: RunOutcome): void {
  const counts = countByStatus(outcome.results);
  const records = resultsDocument(outcome.results).map(record => JSON.stringify(record));
  const paths = writtenFiles(outcome.results);
  const results = fitOutput(records, ',', '[', ']');
  const files = fitOutput(paths, '\n');
  core.setOutput('results', results.text);
  core.setOutput('results-file', outcome.resultsFile ?? '');
  const truncated = results.kept < records.length || files.kept < paths.length;
  core.setOutput('results-truncated', String(truncated));
  if (truncated) {
    const held = [
      ...(results.kept < records.length ? [`'results' holds ${results.kept} of ${records.length} sources`] : []),
      ...(files.kept < paths.length ? [`'files' holds ${files.kept} of ${paths.length} paths`] : [])
    ];
    const whole = outcome.resultsFile
      ? `the whole document is in 'results-file' (${outcome.resultsFile})${outcome.artifact ? ' and in the artifact' : ''}`
      : 'the results file could not be written';
    annotations.forRun('warning', `GitHub caps a step output at 1 MiB: ${held.join(' and ')}; ${whole}.`);
  }
  for (const status of SOURCE_STATUSES) core.setOutput(status, counts[status]);
  core.setOutput('files', files.text);
  core.setOutput('commit-sha', outcome.commit?.sha ?? '');
  core.setOutput('artifact-id', outcome.artifact ? String(outcome.artifact.id) : '');
  core.setOutput('artifact-url', outcome.artifact?.url ?? '');
  const totals = costTotals(outcome.results);
  core.setOutput('quoted-usd', totals.quoted > 0 ? usdOutput(totals.quotedUsdMicros) : '');
  core.setOutput('spent-usd', totals.billed > 0 ? usdOutput(totals.spentUsdMicros) : '');
}

/** GitHub takes at most 1 MiB of summary from a step; the table stops well before, whatever the batch. */
export const SUMMARY_TABLE_BYTES = 512 * 1024;
/** Files the summary names in one list (stored under another name, left out); the log lists them all. */
const SUMMARY_NAMES = 20;
/** Rows the summary's table shows at most: past this, a table is searched, not read. */
export const SUMMARY_ROWS = 1000;

/** The first `SUMMARY_NAMES` of `items` as `show` writes each, then how many more the log has. */
function someOf<T>(items: readonly T[], show: (item: T) => string, separator: string): string {
  const shown = items.slice(0, SUMMARY_NAMES).map(show);
  if (items.length > SUMMARY_NAMES) shown.push(`and ${items.length - SUMMARY_NAMES} more (see the log)`);
  return shown.join(separator);
}

function cell(lines: readonly string[]): string {
  return lines.join('<br>') || '—';
}

/**
 * Where every source is, for the line that counts what the summary's table leaves out: the results file (the
 * `results` output may be cut short too), the artifact's copy of it and its gallery, else the step's log.
 */
function wholeRecord({ resultsFile, artifact }: RunOutcome): string {
  const places: string[] = [];
  if (resultsFile)
    places.push(`the results file (output <code>results-file</code>: <code>${escapeHtml(resultsFile)}</code>)`);
  if (artifact) {
    const name = `artifact ${artifact.id}`;
    const linked = artifact.url ? `<a href="${escapeHtml(artifact.url)}">${name}</a>` : name;
    const document = resultsFile ? `<code>${RESULTS_FILE_NAME}</code> and ` : '';
    places.push(`${linked}: its ${document}before/after gallery (<code>gallery/index.html</code>)`);
  }
  return places.length > 0 ? places.join(', and in ') : "this step's log, one line per source";
}

/** The job summary: counts, a link to the artifact, and a row per source. */
export async function writeSummary(outcome: RunOutcome): Promise<void> {
  const total = outcome.results.length;
  const summary = core.summary.addHeading(outcome.dryRun ? 'Ideogram upscale — dry run' : 'Ideogram upscale', 2);
  summary.addRaw(outcome.dryRun ?? countsLine(outcome.results), true);
  const costs = costLine(outcome.results);
  if (costs) summary.addRaw(escapeHtml(costs), true);
  if (outcome.commit) {
    summary.addRaw(
      `Committed ${outcome.commit.files} file(s) to <code>${escapeHtml(outcome.commit.branch)}</code> as <code>${outcome.commit.sha.slice(0, 7)}</code>.`,
      true
    );
  }
  if (outcome.artifact?.url) {
    summary.addRaw('Results: ').addLink(`artifact ${outcome.artifact.id}`, outcome.artifact.url).addEOL();
  }
  for (const failure of outcome.failures ?? []) summary.addRaw(`❌ Not published: ${escapeHtml(failure)}.`, true);
  const renamed = outcome.artifact?.renamed ?? [];
  if (renamed.length > 0) {
    const names = someOf(
      renamed,
      ({ path, storedAs }) => `<code>${escapeHtml(path)}</code> as <code>${escapeHtml(storedAs)}</code>`,
      ', '
    );
    summary.addRaw(
      `In the artifact under a percent-encoded name (the artifact service refuses some characters in names): ${names}.`,
      true
    );
  }
  const leftOut = outcome.artifact?.leftOut ?? [];
  if (leftOut.length > 0) {
    const names = someOf(
      leftOut,
      ({ path, reason }) => `<code>${escapeHtml(path)}</code>: ${escapeHtml(reason)}`,
      '; '
    );
    summary.addRaw(`Left out of the artifact: ${names}.`, true);
  }
  if (total > 0) {
    const sorted = byAttention(outcome.results);
    const rows = sorted.slice(0, SUMMARY_ROWS).map(result => {
      const outputs = result.outputs;
      const detail = result.error ? `<br>${escapeHtml(result.error)}` : '';
      return [
        `<code>${escapeHtml(result.source)}</code>`,
        `${STATUS_LABEL[result.status]}${detail}`,
        cell(outputs.map(output => `<code>${escapeHtml(output.path)}</code>`)),
        cell(outputs.map(output => output.resolution ?? '')),
        cell(outputs.map(output => (output.seed === null ? '' : String(output.seed))))
      ];
    });
    // As the summary writes a row: each cell in <td></td>, the row in <tr></tr>.
    const shown = countFitting(
      rows.map(cells => cells.join('')),
      SUMMARY_TABLE_BYTES,
      row => Buffer.byteLength(row) + 9 * 5 + 9
    );
    summary.addTable([
      [
        { data: 'Source', header: true },
        { data: 'Status', header: true },
        { data: 'Output', header: true },
        { data: 'Resolution', header: true },
        { data: 'Seed', header: true }
      ],
      ...rows.slice(0, shown)
    ]);
    const rest = sorted.slice(shown);
    if (rest.length > 0) {
      summary.addRaw(
        `…and ${rest.length} more (${presentCounts(rest)}), left out to keep this summary within GitHub's limit: every source is in ${wholeRecord(outcome)}.`,
        true
      );
    }
  }
  await summary.write();
}
