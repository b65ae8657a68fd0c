import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomically } from '../../fs/atomic-file.js';
import { isInside } from '../../fs/paths.js';
import { fileChunks } from '../../fs/read-buffers.js';
import { openRegularFile, readRegularFile } from '../../fs/regular-file.js';
import type { Dimensions } from '../../imaging/dimensions.js';
import { probeImageFile, probeOpened } from '../../imaging/image-file.js';
import { countsLine, escapeHtml, formatBytes } from '../presentation.js';
import { StoredNames } from '../../fs/stored-names.js';
import { wireViewers } from './viewer.js';
import type { OutputRecord, SourceResult } from '../../state/results.js';

/** Folder inside the gallery that holds copies of the sources, by their workspace-relative paths. */
export const ORIGINALS = 'originals';

const TITLE = 'Upscaled images: before and after';

/** Marks the pages we write, so a folder of the user's is never written over. */
const GENERATOR = 'ideogram-upscale gallery';

/** Refuses a non-empty folder that does not hold a gallery of ours. */
async function checkOurs(root: string): Promise<void> {
  const entries = await readdir(root).catch(() => [] as string[]);
  if (entries.length === 0) return;
  // Only a file: a FIFO there would block the read; anything else is not a gallery of ours.
  const page = await readRegularFile(join(root, 'index.html')).then(
    bytes => bytes.toString('utf8'),
    () => ''
  );
  if (!page.includes(`<meta name="generator" content="${GENERATOR}">`)) {
    throw new Error(`${root} already holds files that are not a gallery of ours; choose another folder`);
  }
}

export interface GalleryOptions {
  /** When the results were made; now if unset. */
  readonly generatedAt?: Date;
  /** Where the results' workspace-relative paths point; the workspace if unset (e.g. an artifact's staging folder). */
  readonly resultsRoot?: string;
  /**
   * Where a result is under `resultsRoot`, where that differs from its workspace path (an artifact stores names its
   * service refuses encoded), or undefined when it is not there (left out of an artifact): then it is named, not
   * linked. The page always shows the real path.
   */
  readonly storedAs?: (path: string) => string | undefined;
  /**
   * The name a source's copy has among the originals, where it differs (the artifact's encoding). Of two sources
   * given one name, the first is copied and the second shown without its original, never with the first's.
   */
  readonly originalAs?: (path: string) => string;
}

/** An image as the page shows it; `dimensions` is undefined when its header cannot be read (no `<img>` then). */
interface Shown {
  /** Link from the page, or undefined when the file is not there. */
  readonly href: string | undefined;
  readonly bytes: number | undefined;
  readonly dimensions: Dimensions | undefined;
  /** A result that is not where it should be: the page says it is missing. */
  readonly missing: boolean;
}

interface Result extends Shown {
  readonly record: OutputRecord;
}

interface Card {
  readonly result: SourceResult;
  readonly original: Shown;
  readonly outputs: readonly Result[];
}

type Viewable = Shown & { readonly href: string; readonly dimensions: Dimensions };

const NOTHING: Shown = { href: undefined, bytes: undefined, dimensions: undefined, missing: false };
/** A result not under `resultsRoot` (left out of an artifact): named, not linked, and said missing. */
const LEFT_OUT: Shown = { ...NOTHING, missing: true };

/** A relative link from the gallery's folder to a file, each segment percent-encoded. */
function link(dir: string, file: string): string {
  return relative(dir, file).split(sep).map(encodeURIComponent).join('/');
}

/** Copies a source to `to` among the originals, so the page still shows it where the workspace is not beside it. */
async function copyInto(dir: string, from: string, to: string): Promise<Shown> {
  if (!isInside(join(dir, ORIGINALS), to)) throw new Error(`${to} is outside the gallery's originals`);
  // A source that failed may be a FIFO: only a regular file is ever opened. Copied a chunk at a time: read whole,
  // each original floated until a garbage collection.
  const opened = await openRegularFile(from);
  try {
    await mkdir(dirname(to), { recursive: true });
    const copy = await open(to, 'w');
    try {
      for await (const chunk of fileChunks(opened.handle)) await copy.write(chunk);
    } finally {
      await copy.close();
    }
    // Its dimensions from the source while it is open, not from the copy opened again.
    const { dimensions } = await probeOpened(opened);
    return { href: link(dir, to), bytes: opened.stats.size, dimensions, missing: false };
  } finally {
    await opened.handle.close();
  }
}

/** A source's copy in the gallery, under the name `originals` gives it; nothing when it cannot be copied there. */
async function copyOriginal(dir: string, workspace: string, source: string, originals: StoredNames): Promise<Shown> {
  const from = resolve(workspace, source);
  if (!isInside(workspace, from)) return NOTHING;
  try {
    const placing = await originals.place(source, storedAs => copyInto(dir, from, resolve(dir, ORIGINALS, storedAs)));
    return placing.taken ? NOTHING : placing.value;
  } catch {
    return NOTHING;
  }
}

async function readResult(dir: string, file: string): Promise<Shown> {
  const facts = await probeImageFile(file);
  return { href: link(dir, file), bytes: facts?.bytes, dimensions: facts?.dimensions, missing: facts === undefined };
}

interface Places {
  readonly resultsRoot: string;
  readonly storedAs: (path: string) => string | undefined;
  readonly originals: StoredNames;
}

async function collect(dir: string, workspace: string, places: Places, result: SourceResult): Promise<Card> {
  const original = await copyOriginal(dir, workspace, result.source, places.originals);
  const outputs: Result[] = [];
  for (const record of result.outputs) {
    const storedAs = places.storedAs(record.path);
    const shown = storedAs === undefined ? LEFT_OUT : await readResult(dir, resolve(places.resultsRoot, storedAs));
    outputs.push({ record, ...shown });
  }
  return { result, original, outputs };
}

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

const ZOOM_BUTTONS = `<button type="button" data-zoom="fit" aria-pressed="true">Fit</button>
        <button type="button" data-zoom="1" aria-pressed="false">100%</button>
        <button type="button" data-zoom="2" aria-pressed="false">200%</button>`;

function layer(role: 'before' | 'after', shown: Viewable, alt: string, id = ''): string {
  const { width, height } = shown.dimensions;
  return `<img${id ? ` id="${id}"` : ''} class="layer ${role}" src="${escapeHtml(shown.href)}" width="${width}" height="${height}" alt="${escapeHtml(alt)}" draggable="false">`;
}

function viewable<T extends Shown>(shown: T): shown is T & Viewable {
  return shown.href !== undefined && shown.dimensions !== undefined;
}

/**
 * The comparison: the original and the result stacked in one box the size of the result (both stretched to it, so
 * they line up pixel for pixel whatever their aspect ratio), the result cut at a movable split. One scrolling view
 * holds both layers, so when zoomed they pan together.
 */
function renderViewer(card: Card, index: number): string {
  const { result, original, outputs } = card;
  const first = outputs.find(viewable);
  const name = result.source;
  if (viewable(original) && first) {
    const { width, height } = first.dimensions;
    return `<figure class="viewer" data-viewer data-zoom="fit" data-w="${width}" data-h="${height}">
      <div class="tools" role="group" aria-label="Zoom">
        ${ZOOM_BUTTONS}
        <span class="legend">Original left of the line, result right of it.</span>
      </div>
      <div class="view" tabindex="0" role="slider" aria-label="Split between the original and the result of ${escapeHtml(name)}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="50" aria-valuetext="50%">
        <div class="stage">
          ${layer('before', original, `Original of ${name}`)}
          ${layer('after', first, `Result of ${name}`, `after-${index}`)}
          <span class="divider" aria-hidden="true"><span class="handle"></span></span>
        </div>
      </div>
    </figure>`;
  }
  const only = first ?? (viewable(original) ? original : undefined);
  if (only) {
    const what = only === original ? `Original of ${name}` : `Result of ${name}`;
    const { width, height } = only.dimensions;
    return `<figure class="viewer" data-viewer data-zoom="fit" data-w="${width}" data-h="${height}">
      <div class="tools" role="group" aria-label="Zoom">
        ${ZOOM_BUTTONS}
        <span class="legend">${only === original ? 'The original; there is no result to compare with.' : 'The result; the original could not be copied.'}</span>
      </div>
      <div class="view" tabindex="0" aria-label="${escapeHtml(what)}">
        <div class="stage">${layer('before', only, what)}</div>
      </div>
    </figure>`;
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
async function renderGallery(cards: readonly Card[], options: GalleryOptions = {}): Promise<string> {
  const style = await readFile(STYLESHEET, 'utf8');
  const when = (options.generatedAt ?? new Date())
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
  const policy = `default-src 'none'; img-src 'self' file: data:; style-src ${hash(style)}; script-src ${hash(SCRIPT)}; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="${GENERATOR}">
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
  const places: Places = {
    resultsRoot: resolve(options.resultsRoot ?? workspace),
    storedAs: options.storedAs ?? (path => path),
    originals: new StoredNames(options.originalAs ?? (path => path))
  };
  for (const result of results) cards.push(await collect(root, resolve(workspace), places, result));
  const index = join(root, 'index.html');
  await writeFileAtomically(index, await renderGallery(cards, options), { replace: true });
  return index;
}
