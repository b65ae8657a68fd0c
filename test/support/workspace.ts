import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeTempDir } from './temp.js';

/** A 1×1 baseline JPEG, the smallest real one, ending with its end-of-image marker (EOI). */
export const TINY_JPEG = Buffer.concat([
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64'
  ),
  Buffer.from([0xff, 0xd9])
]);

/** Makes a fresh workspace folder holding `files` (path → content), removed after the test file. */
export async function makeWorkspace(files: Record<string, Buffer | string>): Promise<string> {
  const root = await makeTempDir('workspace-');
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}
