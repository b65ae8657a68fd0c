import { join, posix } from 'node:path';
import { readRegularFile } from '../fs/regular-file.js';

/** One `pattern attr…` line of a .gitattributes file, as it bears on the `filter` attribute. */
interface Rule {
  readonly matches: (path: string) => boolean;
  /** `filter=lfs` sets it; `-filter`, `!filter` or another filter unset it. */
  readonly lfs: boolean;
}

/** git's wildmatch for one pattern, as a regular expression over a path relative to the file's folder. */
function patternRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (pattern.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('/**', i) && i + 3 === pattern.length) {
      source += '/.*';
      i += 2;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) source += '\\[';
      else {
        source += `[${pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) source += `\\${pattern[++i]}`;
    else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** An attribute as git reads one: set, `-unset`, `!unspecified` or `name=value`. */
const ATTRIBUTE = /^[-!]?[A-Za-z0-9_.][-A-Za-z0-9_.]*(=\S*)?$/;

/** The rules of one .gitattributes text that say anything about `filter`; `dir` is its folder ('' at the root). */
export function parseGitAttributes(text: string, dir: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('[attr]')) continue;
    const [pattern = '', ...attributes] = line.split(/\s+/);
    // git drops a whole line that names an attribute it cannot parse.
    if (!attributes.every(attribute => ATTRIBUTE.test(attribute))) continue;
    const filter = attributes.filter(a => /^[-!]?filter(=|$)/.test(a)).at(-1);
    if (filter === undefined) continue;
    // A pattern without a slash matches a name at any depth below its folder; with one, the path from its folder.
    const anchored = pattern.replace(/\/$/, '').includes('/');
    const expression = patternRegExp(anchored ? pattern.replace(/^\//, '') : pattern);
    rules.push({
      lfs: filter === 'filter=lfs',
      matches: path => {
        if (dir !== '' && !path.startsWith(`${dir}/`)) return false;
        const relative = dir === '' ? path : path.slice(dir.length + 1);
        return expression.test(anchored ? relative : posix.basename(relative));
      }
    });
  }
  return rules;
}

/** The folders from the root down to a path's own: where the .gitattributes files that govern it live. */
function foldersOf(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}

/**
 * The paths (workspace-relative, `/`) that the workspace's .gitattributes files route to Git LFS: the last rule
 * that mentions `filter` wins, deeper files over shallower ones, as in git.
 */
export async function lfsPaths(workspace: string, paths: readonly string[]): Promise<Set<string>> {
  const cache = new Map<string, Promise<Rule[]>>();
  const rulesIn = (dir: string): Promise<Rule[]> => {
    let rules = cache.get(dir);
    if (!rules) {
      // Only a file: a .gitattributes link to /dev/zero would never end the read.
      rules = readRegularFile(join(workspace, dir, '.gitattributes')).then(
        bytes => parseGitAttributes(bytes.toString('utf8'), dir),
        () => []
      );
      cache.set(dir, rules);
    }
    return rules;
  };
  const routed = new Set<string>();
  for (const path of paths) {
    const rules = (await Promise.all(foldersOf(path).map(rulesIn))).flat();
    const last = rules.filter(rule => rule.matches(path)).at(-1);
    if (last?.lfs) routed.add(path);
  }
  return routed;
}
