import type { Dimensions } from '../imaging/dimensions.js';
import type { ImageFileFacts } from '../imaging/image-file.js';
import { formatUsd } from '../text/money.js';
import {
  byAttention,
  costLine,
  countFitting,
  countsLine,
  formatBytes,
  markdownCode,
  presentCounts,
  STATUS_LABEL
} from './presentation.js';
import type { SourceResult } from '../state/results.js';

/** GitHub refuses a comment body longer than this many characters. */
export const COMMENT_LIMIT = 65_536;
/** Rows the table shows at most, however short: past this a comment is scrolled, not read. */
export const COMMENT_ROWS = 200;
/** Rows with before/after thumbnails: each loads two full-size images in the reader's browser. */
const THUMBNAIL_ROWS = 20;

/** Where the results can be seen: at a commit (thumbnails link to its files), in an artifact, on the run's page. */
export interface CommentLinks {
  /** `https://github.com/owner/repo`. */
  readonly repository: string;
  /** The run's page, where the job summary is. */
  readonly run: string | undefined;
  readonly commit?: { readonly sha: string; readonly branch: string };
  readonly artifact?: { readonly name: string; readonly url: string | undefined };
}

/** What a row shows of a source and its first result, read from the files. */
export interface RowFacts {
  readonly before: ImageFileFacts | undefined;
  readonly after: ImageFileFacts | undefined;
}

export interface CommentRequest {
  /** Hidden first line by which the comment is found again. */
  readonly marker: string;
  readonly results: readonly SourceResult[];
  readonly links: CommentLinks;
  /** Read only for the rows that can be shown. */
  readonly facts: (result: SourceResult) => Promise<RowFacts>;
  /** GitHub's limit unless a test says otherwise. */
  readonly limit?: number;
}

function resolution(dimensions: Dimensions | undefined): string {
  return dimensions ? `${dimensions.width}×${dimensions.height}` : '—';
}

function change(before: string, after: string | undefined): string {
  return after === undefined ? before : `${before} → ${after}`;
}

/** A file at the commit, each path segment percent-encoded: `blob` is its page, `raw` its bytes. */
function atCommit(links: CommentLinks, kind: 'blob' | 'raw', path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${links.repository}/${kind}/${links.commit?.sha ?? ''}/${encoded}`;
}

function thumbnail(links: CommentLinks, path: string, alt: string): string {
  return `<a href="${atCommit(links, 'blob', path)}"><img src="${atCommit(links, 'raw', path)}" height="64" alt="${alt}"></a>`;
}

function formatOf(path: string, facts: ImageFileFacts | undefined): string {
  const dot = path.lastIndexOf('.');
  return (facts?.format ?? (dot < 0 ? '—' : path.slice(dot + 1))).toUpperCase();
}

/** What this run paid for the source as Ideogram billed it, else what it was quoted; nothing when neither is known. */
function cost({ spentUsdMicros, quote }: SourceResult): string {
  if (spentUsdMicros !== undefined) return formatUsd(spentUsdMicros);
  if (!quote) return '—';
  return `${quote.qualifier === 'exact' ? '' : 'about '}${formatUsd(quote.usdMicros)} quoted`;
}

const costKnown = (result: SourceResult): boolean => result.spentUsdMicros !== undefined || result.quote !== undefined;

function row(
  result: SourceResult,
  facts: RowFacts,
  links: CommentLinks,
  { thumbnails, costs }: { thumbnails: boolean; costs: boolean }
): string {
  const output = result.outputs[0];
  const more = result.outputs.length > 1 ? ` (+${result.outputs.length - 1})` : '';
  const why = result.error && result.status !== 'upscaled' ? `<br>${markdownCode(result.error.slice(0, 200))}` : '';
  const cells = [
    markdownCode(result.source),
    `${STATUS_LABEL[result.status]}${why}`,
    change(resolution(facts.before?.dimensions), output && resolution(facts.after?.dimensions) + more),
    change(formatBytes(facts.before?.bytes), output && formatBytes(facts.after?.bytes)),
    output ? formatOf(output.path, facts.after) : '—',
    ...(costs ? [cost(result)] : [])
  ];
  if (links.commit) {
    const pictures = [
      thumbnail(links, result.source, 'before'),
      ...(output ? [thumbnail(links, output.path, 'after')] : [])
    ];
    cells.unshift(thumbnails ? pictures.join(' ') : '');
  }
  return `| ${cells.join(' | ')} |`;
}

function where(links: CommentLinks): string {
  const lines: string[] = [];
  if (links.commit) lines.push(`Committed to ${markdownCode(links.commit.branch)} as ${links.commit.sha.slice(0, 7)}.`);
  if (links.artifact) {
    const name = markdownCode(links.artifact.name);
    const artifact = links.artifact.url ? `[artifact ${name}](${links.artifact.url})` : `artifact ${name}`;
    lines.push(`Results: ${artifact}; open \`gallery/index.html\` in it to compare each original with its result.`);
  }
  return lines.join(' ');
}

function restLine(rest: readonly SourceResult[], links: CommentLinks): string {
  const summary = links.run ? `[job summary](${links.run})` : 'job summary';
  const gallery = links.artifact ? " and the artifact's gallery" : '';
  return `…and ${rest.length} more (${presentCounts(rest)}), left out to keep this comment within GitHub's limit: every source is in the ${summary}${gallery}.`;
}

/**
 * The pull request comment: counts, cost, where the results are, and a table of sources (failures first) with
 * resolution and size before → after, the format and the cost when known, thumbnails when the results were
 * committed. Never longer
 * than GitHub's limit: past a budget, the rest are counted in one line pointing to the summary and the artifact.
 */
export async function renderComment(request: CommentRequest): Promise<string> {
  const { results, links } = request;
  const sorted = byAttention(results);
  const head = [request.marker, '### Ideogram upscale', '', countsLine(results)];
  const money = costLine(results);
  if (money) head.push('', money);
  const pointer = where(links);
  if (pointer) head.push('', pointer);
  // A cost column only when Ideogram told a price: the local provider and the legacy endpoint report none.
  const costs = results.some(costKnown);
  const columns = ['Source', 'Status', 'Resolution', 'Size', 'Format', ...(costs ? ['Cost'] : [])];
  if (links.commit) columns.unshift('Before → after');
  const table = ['', `| ${columns.join(' | ')} |`, `|${' --- |'.repeat(columns.length)}`];
  const foot = links.run ? ['', `<sub>Updated by [this run](${links.run}).</sub>`] : [];

  const candidates = sorted.slice(0, COMMENT_ROWS);
  const rows: string[] = [];
  for (const [i, result] of candidates.entries()) {
    rows.push(row(result, await request.facts(result), links, { thumbnails: i < THUMBNAIL_ROWS, costs }));
  }
  // Room for everything but the rows, including the longest line that can count the rest.
  const fixed = [...head, ...table, ...foot, '', restLine(sorted, links)].join('\n').length;
  const shown = countFitting(rows, (request.limit ?? COMMENT_LIMIT) - fixed, line => line.length + 1);
  const rest = sorted.slice(shown);
  return [
    ...head,
    ...(shown > 0 ? [...table, ...rows.slice(0, shown)] : []),
    ...(rest.length > 0 ? ['', restLine(rest, links)] : []),
    ...foot
  ].join('\n');
}
