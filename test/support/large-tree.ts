import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapLimited } from '../../src/async/map-limited.js';

export interface LargeTree {
  /** Workspace-relative paths of the images, sorted. */
  readonly images: readonly string[];
  /** How many other files (not images) it holds. */
  readonly others: number;
  readonly folders: number;
}

const IMAGE_EXTENSIONS = ['png', 'jpg', 'webp', 'PNG', 'jpeg'];
const OTHER_EXTENSIONS = ['ts', 'md', 'json', 'txt', 'js', 'css', 'html', 'svg', 'pngx', 'yml'];

/**
 * A repository-like tree for the discovery benchmark: folders three wide down to `depth` levels of files, the
 * images spread evenly among the other files, and `node_modules` folders (some PNGs among their files) that the
 * default patterns exclude. Contents are one byte: discovery never reads them.
 */
export async function writeLargeTree(
  root: string,
  { images, others, depth }: { images: number; others: number; depth: number }
): Promise<LargeTree> {
  const folders: string[] = [];
  const grow = (path: string, level: number): void => {
    folders.push(path);
    if (level >= depth - 1) return;
    for (const name of ['src', 'lib', level % 2 === 0 ? 'assets' : 'node_modules']) grow(`${path}/${name}`, level + 1);
  };
  grow('repo', 0);
  const slots = Array.from({ length: images + others }, (_, i) => folders[i % folders.length] as string);
  const open = slots.flatMap((folder, i) => (folder.split('/').includes('node_modules') ? [] : [i]));
  if (open.length < images) throw new RangeError('too few files outside node_modules for that many images');
  // Images evenly spread over the slots outside node_modules; node_modules gets PNGs too, which are excluded.
  const imageSlots = new Set(Array.from({ length: images }, (_, k) => open[Math.floor((k * open.length) / images)]));
  const files = slots.map((folder, i) => {
    const extension = imageSlots.has(i)
      ? IMAGE_EXTENSIONS[i % IMAGE_EXTENSIONS.length]
      : folder.endsWith('node_modules') && i % 3 === 0
        ? 'png'
        : OTHER_EXTENSIONS[i % OTHER_EXTENSIONS.length];
    return `${folder}/file-${i}.${extension}`;
  });
  const taken = files.filter((_, i) => imageSlots.has(i));
  await mapLimited(folders, 8, folder => mkdir(join(root, folder), { recursive: true }));
  await mapLimited(files, 16, file => writeFile(join(root, file), 'x'));
  return { images: taken.sort(), others, folders: folders.length };
}
