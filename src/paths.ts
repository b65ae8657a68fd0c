import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` lies strictly below `root` (both absolute): the check that keeps reads and writes in the workspace. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** A path relative to `root`, with `/` separators whatever the platform: how sources and results are named. */
export function toPosixRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
