import { readdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Jest's globalTeardown: the run's temporary folder (TMPDIR, made by global-setup.ts) must be empty. It is removed
 * either way, and TMPDIR points to its parent again.
 */
export default async function globalTeardown(): Promise<void> {
  const folder = process.env.TMPDIR;
  if (!folder) throw new Error('TMPDIR is unset: test/support/global-setup.ts did not run');
  process.env.TMPDIR = dirname(folder);
  const left = (await readdir(folder)).sort();
  await rm(folder, { recursive: true, force: true, maxRetries: 3 });
  if (left.length > 0) {
    throw new Error(
      `The tests left ${left.length} entries in the temporary folder: ${left.join(', ')}. ` +
        'Each test must remove what it makes there (makeTempDir in test/support/temp.ts does it for you).'
    );
  }
}
