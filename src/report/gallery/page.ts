/*
 * The gallery's HTML, from the cards that index.ts collects: markup only, no files written or copied here. Every
 * text from a file or a result goes through escapeHtml.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Dimensions } from '../../imaging/dimensions.js';
import type { OutputRecord, SourceResult } from '../../state/results.js';
import { countsLine, escapeHtml, formatBytes } from '../presentation.js';
import { wireViewers } from './viewer.js';

const TITLE = 'Upscaled images: before and after';

/** Marks the pages we write, so a folder of the user's is never written over. */
export const GENERATOR_TAG = '<meta name="generator" content="ideogram-upscale gallery">';

/** An image as the page shows it; `dimensions` is undefined when its header cannot be read (no `<img>` then). */
export interface Shown {
  /** Link from the page, or undefined when the file is not there. */
  readonly href: string | undefined;
  readonly bytes: number | undefined;
  readonly dimensions: Dimensions | undefined;
  /** A result that is not where it should be: the page says it is missing. */
  readonly missing: boolean;
}

export interface Result extends Shown {
  readonly record: OutputRecord;
}

export interface Card {
  readonly result: SourceResult;
  readonly original: Shown;
  readonly outputs: readonly Result[];
}

type Viewable = Shown & { readonly href: string; readonly dimensions: Dimensions };

function resolution(dimensions: Dimensions | undefined): string {
  return dimensions ? `${dimensions.width}×${dimensions.height}` : '—';
}

const STATUS_TEXT: Record<SourceResult['status'], string> = {
  upscaled: 'upscaled',
  failed: 'failed',
  unsafe: 'withheld as unsafe',
  skipped: 'skipped',
  deferred: 'deferred to a later run'
};

/** How a card's message reads: only a failure is an error; a skip is a plain note. */
const MESSAGE_CLASS: Record<SourceResult['status'], string> = {
  upscaled: 'warning',
  failed: 'error',
  unsafe: 'warning',
  skipped: 'note',
  deferred: 'note'
};

function layer(role: 'before' | 'after', shown: Viewable, alt: string, id = ''): string {
  const { width, height } = shown.dimensions;
  return `<img${id ? ` id="${id}"` : ''} class="layer ${role}" src="${escapeHtml(shown.href)}" width="${width}" height="${height}" alt="${escapeHtml(alt)}" draggable="false">`;
}

function viewable<T extends Shown>(shown: T): shown is T & Viewable {
  return shown.href !== undefined && shown.dimensions !== undefined;
}

/** What a viewer shows: its layers in a box of `size`, the result's when there is one. */
interface Figure {
  readonly size: Dimensions;
  readonly legend: string;
  /** The view's name; a comparison's view is also the slider of its split, which its script moves. */
  readonly label: string;
  readonly comparison: boolean;
  readonly layers: readonly string[];
}

/** The zoom buttons and a legend over the view, which scrolls the stage that holds the layers. */
function renderFigure({ size, legend, label, comparison, layers }: Figure): string {
  const slider = comparison
    ? ' role="slider" aria-valuemin="0" aria-valuemax="100" aria-valuenow="50" aria-valuetext="50%"'
    : '';
  return `<figure class="viewer" data-viewer data-zoom="fit" data-w="${size.width}" data-h="${size.height}">
      <div class="tools" role="group" aria-label="Zoom">
        <button type="button" data-zoom="fit" aria-pressed="true">Fit</button>
        <button type="button" data-zoom="1" aria-pressed="false">100%</button>
        <button type="button" data-zoom="2" aria-pressed="false">200%</button>
        <span class="legend">${legend}</span>
      </div>
      <div class="view" tabindex="0"${slider} aria-label="${escapeHtml(label)}">
        <div class="stage">
          ${layers.join('\n          ')}
        </div>
      </div>
    </figure>`;
}

/**
 * The comparison: the original and the result stacked in one box the size of the result (both stretched to it, so
 * they line up pixel for pixel whatever their aspect ratio), the result cut at a movable split. One scrolling view
 * holds both layers, so when zoomed they pan together. Without both, the one there is, alone.
 */
function renderViewer(card: Card, index: number): string {
  const { result, original, outputs } = card;
  const first = outputs.find(viewable);
  const name = result.source;
  if (viewable(original) && first) {
    return renderFigure({
      size: first.dimensions,
      legend: 'Original left of the line, result right of it.',
      label: `Split between the original and the result of ${name}`,
      comparison: true,
      layers: [
        layer('before', original, `Original of ${name}`),
        layer('after', first, `Result of ${name}`, `after-${index}`),
        '<span class="divider" aria-hidden="true"><span class="handle"></span></span>'
      ]
    });
  }
  const only = first ?? (viewable(original) ? original : undefined);
  if (only) {
    const what = only === original ? `Original of ${name}` : `Result of ${name}`;
    return renderFigure({
      size: only.dimensions,
      legend:
        only === original
          ? 'The original; there is no result to compare with.'
          : 'The result; the original could not be copied.',
      label: what,
      comparison: false,
      layers: [layer('before', only, what)]
    });
  }
  const why = original.href ? 'the source could not be read as an image' : 'the original could not be copied';
  return `<p class="placeholder">No preview: ${why}.</p>`;
}

function renderRows(card: Card, index: number): string {
  const { original, outputs } = card;
  const cells = (file: string, shown: Shown, seed: string, prompt: string): string =>
    `<td data-label="File">${file}</td><td data-label="Size"${shown.bytes === undefined ? '' : ` title="${shown.bytes} bytes"`}>${shown.missing ? 'missing' : formatBytes(shown.bytes)}</td><td data-label="Resolution">${resolution(shown.dimensions)}</td><td data-label="Seed">${seed}</td><td data-label="Prompt" class="prompt">${prompt}</td>`;
  const source = escapeHtml(card.result.source);
  const rows = [
    `<tr><th scope="row">Original</th>${cells(original.href ? `<a href="${escapeHtml(original.href)}">${source}</a>` : source, original, '—', '—')}</tr>`
  ];
  const pickable = outputs.filter(viewable).length > 1 && viewable(original);
  outputs.forEach((output, i) => {
    const { record } = output;
    const label = `Result${outputs.length > 1 ? ` ${i + 1}` : ''}`;
    const chosen =
      pickable && viewable(output)
        ? `<label><input type="radio" name="pick-${index}" data-target="after-${index}" data-w="${output.dimensions.width}" data-h="${output.dimensions.height}" value="${escapeHtml(output.href)}"${output === outputs.find(viewable) ? ' checked' : ''}> ${label}</label>`
        : label;
    const file = output.href
      ? `<a href="${escapeHtml(output.href)}">${escapeHtml(record.path)}</a>`
      : escapeHtml(record.path);
    rows.push(
      `<tr><th scope="row">${chosen}</th>${cells(file, output, record.seed === null ? '—' : String(record.seed), escapeHtml(record.prompt ?? '—'))}</tr>`
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
  const message = result.error
    ? `\n    <p class="${MESSAGE_CLASS[result.status]}">${escapeHtml(result.error)}</p>`
    : '';
  return `<article class="card" data-status="${result.status}">
    <h2><code>${escapeHtml(result.source)}</code> <span class="status">${STATUS_TEXT[result.status]}</span>${took}</h2>${message}
    ${renderViewer(card, index)}
    ${renderRows(card, index)}
  </article>`;
}

/**
 * The page's stylesheet, inlined into each page. A top-level `new URL(literal, import.meta.url)`, which ncc's asset
 * relocator copies into dist/ beside the bundle (the form and its caveats: imaging/wasm-files.ts).
 */
const STYLESHEET = new URL('./gallery.css', import.meta.url);

/** The viewers' function, called where it stands. */
const SCRIPT = `(${wireViewers.toString()})();`;

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** The whole page; everything inline, links relative, and a policy that lets nothing else load. */
export async function renderGallery(cards: readonly Card[], generatedAt: Date): Promise<string> {
  const style = await readFile(STYLESHEET, 'utf8');
  const when = generatedAt
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
  const policy = `default-src 'none'; img-src 'self' file: data:; style-src ${hash(style)}; script-src ${hash(SCRIPT)}; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${GENERATOR_TAG}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<title>${TITLE}</title>
<style>${style}</style>
</head>
<body>
<header>
  <h1>${TITLE}</h1>
  <p>${countsLine(cards.map(card => card.result))} Made ${when}.</p>
  <p>Drag across an image, or focus it and press <kbd>←</kbd> <kbd>→</kbd>, to move the split between the original and its result. Zoom with the buttons or <kbd>f</kbd> <kbd>1</kbd> <kbd>2</kbd>; when zoomed, drag or press <kbd>Shift</kbd>+arrows to pan both images together.</p>
</header>
<main>
  ${cards.map(renderCard).join('\n  ')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
