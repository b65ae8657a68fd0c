import { isAbsolute, posix, relative, sep } from 'node:path';
import { controlCharacterIn } from '../text/printable.js';

/** An empty, `.` or `..` segment: what makes a path need resolving before it can be compared by prefix. */
const NOT_PLAIN = /(?:^|\/)(?:\.\.?)?(?:\/|$)/;

/**
 * `path` relative to `root` by prefix alone, when that is certain: `/` separators and a plain tail below `root`.
 * Discovery asks this of every file it finds, and `path.relative` resolves both paths each time.
 */
function plainRelative(root: string, path: string): string | undefined {
  if (sep !== '/' || path.length <= root.length + 1 || path[root.length] !== '/' || !path.startsWith(root)) {
    return undefined;
  }
  const tail = path.slice(root.length + 1);
  return NOT_PLAIN.test(tail) ? undefined : tail;
}

/** Whether `path` lies strictly below `root` (both absolute): the check that keeps reads and writes in the workspace. */
export function isInside(root: string, path: string): boolean {
  if (plainRelative(root, path) !== undefined) return true;
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** A path relative to `root`, with `/` separators whatever the platform: how sources and results are named. */
export function toPosixRelative(root: string, path: string): string {
  return plainRelative(root, path) ?? relative(root, path).split(sep).join('/');
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
