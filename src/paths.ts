import { isAbsolute, posix, relative, sep } from 'node:path';
import { controlCharacterIn } from './printable.js';

/** Whether `path` lies strictly below `root` (both absolute): the check that keeps reads and writes in the workspace. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** A path relative to `root`, with `/` separators whatever the platform: how sources and results are named. */
export function toPosixRelative(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/**
 * Why a workspace-relative path (with `/`) may not be written to, or undefined: it must stay inside the workspace,
 * never go into a `.git` directory (git's own files: a result there could rewrite the repository's configuration),
 * and hold no control character.
 */
export function writablePathProblem(path: string): string | undefined {
  const normal = posix.normalize(path);
  if (posix.isAbsolute(normal) || /^[A-Za-z]:/.test(normal)) return 'is an absolute path';
  if (normal === '..' || normal.startsWith('../')) return 'is outside the workspace';
  if (normal.split('/').some(part => part.toLowerCase() === '.git')) return 'is inside a .git directory';
  const control = controlCharacterIn(path);
  return control ? `has a control character (${control})` : undefined;
}
