import { readFile, stat } from 'node:fs/promises';
import { sameVersion, versionOf } from './regular-file.js';
import { ImageProblem, type SourceImage } from './validation.js';

/**
 * A source that is not the version checked (and hashed) any more: it changed, or went away, after the selection
 * read it. Nothing of it was sent whole, so nothing was billed; the next run takes it as it is then.
 */
export class SourceChangedError extends ImageProblem {
  override name = 'SourceChangedError';
}

/** Why the source is not the version checked: gone, or changed. */
async function changedOrGone(image: SourceImage): Promise<SourceChangedError> {
  const now = await stat(image.path).catch(() => undefined);
  return new SourceChangedError(
    image.relativePath,
    now === undefined ? 'disappeared after it was found' : 'changed while it was being upscaled'
  );
}

/** @throws SourceChangedError unless the file on disk is still the version checked. */
export async function ensureUnchanged(image: SourceImage): Promise<void> {
  const now = await stat(image.path).catch(() => undefined);
  if (now === undefined || !sameVersion(versionOf(now), image.version)) throw await changedOrGone(image);
}

/** The checked source's bytes, read whole (the local provider). @throws SourceChangedError if they changed */
export async function readChecked(image: SourceImage): Promise<Buffer> {
  const bytes = await readFile(image.path).catch(async () => {
    throw await changedOrGone(image);
  });
  // Compared after reading: a change during the read changes the time, and a version the same after is the one read.
  await ensureUnchanged(image);
  return bytes;
}
