import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readRegularFile, sameVersion, versionOf } from '../fs/regular-file.js';
import { ImageProblem, type SourceImage } from './source-image.js';

/**
 * A source that is not the version checked (and hashed) any more: it changed, or went away, after the selection
 * read it. Nothing of it was sent whole, so nothing was billed; the next run takes it as it is then.
 */
export class SourceChangedError extends ImageProblem {
  override name = 'SourceChangedError';
}

const statOf = (path: string): Promise<Stats | undefined> => stat(path).catch(() => undefined);

/** Why the source is not the version checked, from what a stat of its path found there (nothing: it is gone). */
function changedOrGone(image: SourceImage, now: Stats | undefined): SourceChangedError {
  return new SourceChangedError(
    image.relativePath,
    now === undefined ? 'disappeared after it was found' : 'changed while it was being upscaled'
  );
}

/** @throws SourceChangedError unless the file on disk is still the version checked. */
export async function ensureUnchanged(image: SourceImage): Promise<void> {
  const now = await statOf(image.path);
  if (now === undefined || !sameVersion(versionOf(now), image.version)) throw changedOrGone(image, now);
}

/** The checked source's bytes, read whole (the local provider). @throws SourceChangedError if they changed */
export async function readChecked(image: SourceImage): Promise<Buffer> {
  const bytes = await readRegularFile(image.path).catch(async () => {
    throw changedOrGone(image, await statOf(image.path));
  });
  // Compared after reading: a change during the read changes the time, and a version the same after is the one read.
  await ensureUnchanged(image);
  return bytes;
}
