import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomically } from './atomic-file.js';
import { isInside } from './paths.js';
import { readDimensions, type Dimensions } from './image-dimensions.js';
import { sniffFormat } from './image-format.js';
import { countsLine, escapeHtml } from './presentation.js';
import type { OutputRecord, SourceResult } from './results.js';

/** Folder inside the gallery that holds copies of the sources, by their workspace-relative paths. */
export const ORIGINALS = 'originals';

const TITLE = 'Upscaled images: before and after';

/** Marks the pages we write, so a folder of the user's is never written over. */
const GENERATOR = 'ideogram-upscale gallery';

/** Refuses a non-empty folder that does not hold a gallery of ours. */
async function checkOurs(root: string): Promise<void> {
  const entries = await readdir(root).catch(() => [] as string[]);
  if (entries.length === 0) return;
  const page = await readFile(join(root, 'index.html'), 'utf8').catch(() => '');
  if (!page.includes(`<meta name="generator" content="${GENERATOR}">`)) {
    throw new Error(`${root} already holds files that are not a gallery of ours; choose another folder`);
  }
}

export interface GalleryOptions {
  /** When the results were made; now if unset. */
  readonly generatedAt?: Date;
  /** Where the results' workspace-relative paths point; the workspace if unset (e.g. an artifact's staging folder). */
  readonly resultsRoot?: string;
}

interface Original {
  /** Link from the page, or undefined when the source could not be copied. */
  readonly href: string | undefined;
  readonly bytes: number | undefined;
  readonly dimensions: Dimensions | undefined;
}

interface Result {
  readonly record: OutputRecord;
  readonly href: string;
  /** Undefined when the file is not where the record says. */
  readonly bytes: number | undefined;
}

interface Card {
  readonly result: SourceResult;
  readonly original: Original;
  readonly outputs: readonly Result[];
}

/** A relative link from the gallery's folder to a file, each segment percent-encoded. */
function link(dir: string, file: string): string {
  return relative(dir, file).split(sep).map(encodeURIComponent).join('/');
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/** Copies one source into the gallery, so the page still shows it where the workspace is not beside it. */
async function copyOriginal(dir: string, workspace: string, source: string): Promise<Original> {
  const from = resolve(workspace, source);
  const to = resolve(dir, ORIGINALS, source);
  if (!isInside(workspace, from) || !isInside(join(dir, ORIGINALS), to))
    return { href: undefined, bytes: undefined, dimensions: undefined };
  try {
    const bytes = await readFile(from);
    await mkdir(dirname(to), { recursive: true });
    await writeFile(to, bytes);
    const format = sniffFormat(bytes);
    return { href: link(dir, to), bytes: bytes.length, dimensions: format && readDimensions(bytes, format) };
  } catch {
    return { href: undefined, bytes: undefined, dimensions: undefined };
  }
}

async function collect(dir: string, workspace: string, resultsRoot: string, result: SourceResult): Promise<Card> {
  const original = await copyOriginal(dir, workspace, result.source);
  const outputs = await Promise.all(
    result.outputs.map(async (record): Promise<Result> => {
      const file = resolve(resultsRoot, record.path);
      return { record, href: link(dir, file), bytes: await sizeOf(file) };
    })
  );
  return { result, original, outputs };
}

function parseResolution(resolution: string | null | undefined): Dimensions | undefined {
  const match = /^(\d+)x(\d+)$/.exec(resolution ?? '');
  return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
}

function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function sizeCell(bytes: number | undefined): string {
  return bytes === undefined ? '<td>missing</td>' : `<td title="${bytes} bytes">${formatBytes(bytes)}</td>`;
}

const STATUS_TEXT: Record<SourceResult['status'], string> = {
  upscaled: 'upscaled',
  failed: 'failed',
  unsafe: 'withheld as unsafe',
  skipped: 'skipped',
  deferred: 'deferred to a later run'
};

function renderCompare(card: Card, index: number): string {
  const { result, original, outputs } = card;
  const source = escapeHtml(result.source);
  // Shown at the result's size, so the two line up and the result is seen pixel for pixel.
  const shown = parseResolution(outputs[0]?.record.resolution) ?? original.dimensions;
  const size = shown ? ` width="${shown.width}" height="${shown.height}"` : '';
  const before = original.href
    ? `<img class="before" src="${escapeHtml(original.href)}"${size} alt="Original of ${source}">`
    : `<p class="missing">The original could not be copied into the gallery.</p>`;
  const first = outputs[0];
  if (!first || !original.href) {
    return `<div class="single">${before}${first ? `<img class="before" src="${escapeHtml(first.href)}" alt="Result 1 of ${source}">` : ''}</div>`;
  }
  return `<div class="compare" data-compare>
      <div class="pane">${before}</div>
      <div class="pane after"><img id="after-${index}" class="after" src="${escapeHtml(first.href)}" alt="Result of ${source}"></div>
      <input type="range" min="0" max="100" value="50" step="1" aria-label="Split between original and result of ${source}">
      <span class="divider" aria-hidden="true"></span>
    </div>
    <div class="modes" role="group" aria-label="View">
      <button type="button" data-mode="slider" aria-pressed="true">Slider</button>
      <button type="button" data-mode="side" aria-pressed="false">Side by side</button>
      <span class="legend">Original on the left, result on the right.</span>
    </div>`;
}

function renderRows(card: Card, index: number): string {
  const { original, outputs } = card;
  const originalResolution = original.dimensions ? `${original.dimensions.width}x${original.dimensions.height}` : '—';
  const rows = [
    `<tr><th scope="row">Original</th><td>${original.href ? `<a href="${escapeHtml(original.href)}">${escapeHtml(card.result.source)}</a>` : escapeHtml(card.result.source)}</td>${sizeCell(original.bytes)}<td>${originalResolution}</td><td>—</td><td>—</td></tr>`
  ];
  outputs.forEach((output, i) => {
    const { record } = output;
    const chosen =
      outputs.length > 1 && original.href
        ? `<label><input type="radio" name="pick-${index}" data-target="after-${index}" value="${escapeHtml(output.href)}"${i === 0 ? ' checked' : ''}> Result ${i + 1}</label>`
        : `Result${outputs.length > 1 ? ` ${i + 1}` : ''}`;
    rows.push(
      `<tr><th scope="row">${chosen}</th><td><a href="${escapeHtml(output.href)}">${escapeHtml(record.path)}</a></td>${sizeCell(output.bytes)}<td>${escapeHtml(record.resolution ?? '—')}</td><td>${record.seed === null ? '—' : String(record.seed)}</td><td class="prompt">${escapeHtml(record.prompt ?? '—')}</td></tr>`
    );
  });
  return `<table>
      <thead><tr><th scope="col"></th><th scope="col">File</th><th scope="col">Size</th><th scope="col">Resolution</th><th scope="col">Seed</th><th scope="col">Prompt</th></tr></thead>
      <tbody>${rows.join('\n        ')}</tbody>
    </table>`;
}

function renderCard(card: Card, index: number): string {
  const { result } = card;
  const took = result.seconds === undefined ? '' : ` <span class="took">${result.seconds.toFixed(1)} s</span>`;
  const error = result.error ? `\n    <p class="error">${escapeHtml(result.error)}</p>` : '';
  return `<article class="card" data-status="${result.status}" data-mode="slider">
    <h2><code>${escapeHtml(result.source)}</code> <span class="status">${STATUS_TEXT[result.status]}</span>${took}</h2>${error}
    ${renderCompare(card, index)}
    ${renderRows(card, index)}
  </article>`;
}

const STYLE = `
:root { color-scheme: light dark; --line: #8884; --accent: #6d5dfc; font-family: system-ui, sans-serif; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; }
header p { margin: .25rem 0; }
.card { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 1rem 0; }
.card h2 { font-size: 1rem; margin: 0 0 .75rem; overflow-wrap: anywhere; }
.status { font-weight: normal; padding: .1rem .5rem; border-radius: 1rem; background: #2a83; }
[data-status="failed"] .status { background: #e334; }
[data-status="unsafe"] .status { background: #ea33; }
[data-status="skipped"] .status { background: #8883; }
.took { font-weight: normal; opacity: .7; }
.error { color: #d33; overflow-wrap: anywhere; }
.compare { position: relative; --split: 50%; max-width: 100%; width: fit-content; user-select: none; }
.compare img, .single img { display: block; max-width: 100%; height: auto; max-height: 70vh; }
.compare .pane { position: relative; }
.compare .pane.after { position: absolute; inset: 0; clip-path: inset(0 0 0 var(--split)); }
.compare .pane.after img { width: 100%; height: 100%; max-height: none; object-fit: contain; }
.compare input[type="range"] { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0; cursor: ew-resize; }
.compare .divider { position: absolute; top: 0; bottom: 0; left: var(--split); width: 2px; margin-left: -1px; background: var(--accent); pointer-events: none; }
.compare input[type="range"]:focus-visible ~ .divider { width: 4px; margin-left: -2px; }
[data-mode="side"] .compare { display: grid; grid-template-columns: repeat(2, minmax(0, max-content)); gap: .5rem; width: auto; }
[data-mode="side"] .compare .pane.after { position: relative; clip-path: none; }
[data-mode="side"] .compare .pane.after img { width: auto; height: auto; max-height: 70vh; }
[data-mode="side"] .compare input[type="range"], [data-mode="side"] .compare .divider { display: none; }
.modes { margin: .5rem 0; display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.legend { opacity: .7; font-size: .9rem; }
[data-mode="side"] .legend { display: none; }
.modes button[aria-pressed="true"] { outline: 2px solid var(--accent); }
table { border-collapse: collapse; margin-top: .5rem; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .25rem .5rem; border-top: 1px solid var(--line); vertical-align: top; }
td a { overflow-wrap: anywhere; }
.prompt { max-width: 30rem; overflow-wrap: anywhere; }
`;

const SCRIPT = `
for (const card of document.querySelectorAll('.card')) {
  const compare = card.querySelector('[data-compare]');
  if (!compare) continue;
  const range = compare.querySelector('input[type="range"]');
  const split = () => compare.style.setProperty('--split', range.value + '%');
  range.addEventListener('input', split);
  split();
  for (const button of card.querySelectorAll('button[data-mode]')) {
    button.addEventListener('click', () => {
      card.dataset.mode = button.dataset.mode;
      for (const other of card.querySelectorAll('button[data-mode]')) {
        other.setAttribute('aria-pressed', String(other === button));
      }
    });
  }
  for (const pick of card.querySelectorAll('input[data-target]')) {
    pick.addEventListener('change', () => {
      if (pick.checked) document.getElementById(pick.dataset.target).src = pick.value;
    });
  }
}
`;

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** The whole page; everything inline, links relative, and a policy that lets nothing else load. */
function renderGallery(cards: readonly Card[], options: GalleryOptions = {}): string {
  const when = (options.generatedAt ?? new Date())
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
  const policy = `default-src 'none'; img-src 'self' file: data:; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="${GENERATOR}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<title>${TITLE}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${TITLE}</h1>
  <p>${countsLine(cards.map(card => card.result))} Made ${when}.</p>
  <p>Drag across an image to move the split between the original and its result.</p>
</header>
<main>
  ${cards.map(renderCard).join('\n  ')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/**
 * Writes `dir/index.html`, a before-and-after page with one card per source, and copies the sources into
 * `dir/originals/<source path>`. Results are not copied: the page links to them relative to `dir`, so `dir` and the
 * results must keep their places relative to each other (e.g. `dir` = `<workspace>/gallery` and an artifact rooted at
 * the workspace, holding `gallery/` beside `upscaled/`). Returns the page's path.
 */
export async function writeGallery(
  dir: string,
  workspace: string,
  results: readonly SourceResult[],
  options: GalleryOptions = {}
): Promise<string> {
  const root = resolve(dir);
  await checkOurs(root);
  const cards: Card[] = [];
  // One at a time: sources can be large, and the order of the page is the order of the results.
  const resultsRoot = resolve(options.resultsRoot ?? workspace);
  for (const result of results) cards.push(await collect(root, resolve(workspace), resultsRoot, result));
  const index = join(root, 'index.html');
  await writeFileAtomically(index, renderGallery(cards, options));
  return index;
}
