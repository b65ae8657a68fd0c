import { mkdir, open, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomically } from '../../fs/atomic-file.js';
import { isInside } from '../../fs/paths.js';
import { fileChunks } from '../../fs/read-buffers.js';
import { openRegularFile, readRegularFile } from '../../fs/regular-file.js';
import { StoredNames } from '../../fs/stored-names.js';
import { probeImageFile, probeOpened } from '../../imaging/image-file.js';
import type { SourceResult } from '../../state/results.js';
import { GENERATOR_TAG, renderGallery, type Card, type Result, type Shown } from './page.js';

/** Folder inside the gallery that holds copies of the sources, by their workspace-relative paths. */
export const ORIGINALS = 'originals';

/** Refuses a non-empty folder that does not hold a gallery of ours. */
async function checkOurs(root: string): Promise<void> {
  const entries = await readdir(root).catch(() => [] as string[]);
  if (entries.length === 0) return;
  // Only a file: a FIFO there would block the read; anything else is not a gallery of ours.
  const page = await readRegularFile(join(root, 'index.html')).then(
    bytes => bytes.toString('utf8'),
    () => ''
  );
  if (!page.includes(GENERATOR_TAG)) {
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
  await writeFileAtomically(index, await renderGallery(cards, options.generatedAt ?? new Date()), { replace: true });
  return index;
}
