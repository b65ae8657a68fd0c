import { posix } from 'node:path';
import { GLOBSTAR, Minimatch } from 'minimatch';

const IS_WINDOWS = process.platform === 'win32';

/** @actions/glob's matcher options, so a pattern means here what it means in the rest of GitHub Actions. */
const MINIMATCH_OPTIONS = {
  dot: true,
  nobrace: true,
  nocase: IS_WINDOWS,
  nocomment: true,
  noext: true,
  nonegate: true
} as const;

/** Paths are matched absolute with `/` separators, whatever the platform (Windows' `\` becomes `/`). */
export function toGlobPath(path: string): string {
  return IS_WINDOWS ? path.replace(/\\/g, '/') : path;
}

/** Escapes the glob characters of a literal path, as @actions/glob does with the folder a pattern is relative to. */
function globEscape(path: string): string {
  return (IS_WINDOWS ? path : path.replace(/\\/g, '\\\\'))
    .replace(/(\[)(?=[^/]+\])/g, '[[]')
    .replace(/\?/g, '[?]')
    .replace(/\*/g, '[*]');
}

/** The literal name a pattern segment stands for (escapes and one-character classes undone), or '' for a glob. */
function literalOf(segment: string): string {
  let literal = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '\\' && !IS_WINDOWS && i + 1 < segment.length) {
      literal += segment[++i];
      continue;
    }
    if (c === '*' || c === '?') return '';
    if (c === '[' && i + 1 < segment.length) {
      let set = '';
      let closed = -1;
      for (let j = i + 1; j < segment.length; j++) {
        const d = segment[j] as string;
        if (d === '\\' && !IS_WINDOWS && j + 1 < segment.length) {
          set += segment[++j];
        } else if (d === ']') {
          closed = j;
          break;
        } else {
          set += d;
        }
      }
      if (closed >= 0) {
        if (set.length > 1) return '';
        if (set) {
          literal += set;
          i = closed;
          continue;
        }
      }
    }
    literal += c;
  }
  return literal;
}

function isAbsoluteGlob(pattern: string): boolean {
  return pattern.startsWith('/') || (IS_WINDOWS && /^[A-Za-z]:\//.test(pattern));
}

/** One line of the `files` input, anchored at the workspace: a port of @actions/glob's pattern, on minimatch. */
class Pattern {
  /** Where the walk for this pattern starts: the literal folders before its first glob. */
  readonly searchPath: string;
  /** `dir/` matches folders only, so as a file pattern it takes nothing. */
  readonly foldersOnly: boolean;
  /** Ends in `**`: matches everything below a folder it matches (tested with a trailing `/`, as @actions/glob). */
  readonly endsInGlobstar: boolean;
  private readonly minimatch: Minimatch;
  /** Each compiled alternative's last part, which must match a file's name; undefined for `**`. */
  private readonly lastParts: readonly (Minimatch['set'][number][number] | undefined)[];

  constructor(
    readonly negate: boolean,
    /** Absolute, `/`-separated, normalised, without a trailing `/`. */
    readonly body: string,
    foldersOnly: boolean,
    /** An exclusion's implied `/**`: tested without the trailing `/`, as @actions/glob does. */
    private readonly implied = false
  ) {
    this.foldersOnly = foldersOnly;
    const segments = body.split('/');
    this.endsInGlobstar = segments[segments.length - 1] === '**';
    // The first segment is the root ('' for `/`, or a drive such as `C:`), never a glob.
    const [rootSegment = '', ...rest] = segments;
    let globFound = false;
    const literal = rest.map(literalOf).filter(segment => !globFound && !(globFound = segment === ''));
    this.searchPath = `${rootSegment}/${literal.join('/')}`;
    this.minimatch = new Minimatch(body, MINIMATCH_OPTIONS);
    this.lastParts = this.minimatch.set.map(parts => {
      const last = parts[parts.length - 1];
      return last === GLOBSTAR ? undefined : last;
    });
  }

  /** Whether the path (absolute, `/`-separated) matches. */
  matches(path: string): boolean {
    return this.test(this.endsInGlobstar && !this.implied ? `${path}/` : path);
  }

  /** Whether everything below the folder matches: a pattern ending in `**` that matches `folder/`. */
  coversAllBelow(folder: string): boolean {
    return this.endsInGlobstar && this.test(`${folder}/`);
  }

  private test(subject: string): boolean {
    return this.nameMayMatch(subject) && this.minimatch.match(subject);
  }

  /**
   * A quick first test: unless a pattern ends in `**`, its last part must match the path's last name, so
   * comparing that one name (with minimatch's own segment matcher) turns away most paths at a fraction of the
   * cost of a full match. (minimatch's `makeRe()` would be quicker still, but it disagrees with `match()` on
   * patterns ending in `/**`, which `match()` gets right.)
   */
  private nameMayMatch(subject: string): boolean {
    const name = subject.slice(subject.lastIndexOf('/') + 1);
    return this.lastParts.some(last => last === undefined || this.minimatch.matchOne([name], [last], false));
  }

  /** Whether a path below the folder could match. */
  couldMatchBelow(folder: string): boolean {
    if (posix.dirname(folder) === folder) return true;
    return this.minimatch.matchOne(folder.split('/'), this.minimatch.set[0] ?? [], true);
  }
}

/**
 * The `files` patterns, as @actions/glob reads them (the same syntax, `!` exclusions applied in order, case
 * sensitive except on Windows, dot files included), with one difference: they select files only. A pattern
 * matching a folder does not take the folder's contents (say `dir/**` for that); an exclusion matching a folder
 * still excludes everything in it, as in @actions/glob.
 */
export class FilePatterns {
  private constructor(private readonly patterns: readonly Pattern[]) {}

  /** Relative patterns are anchored at `workspace`; `.` and `..` segments are resolved. */
  static parse(lines: readonly string[], workspace: string): FilePatterns {
    const root = globEscape(toGlobPath(workspace));
    const patterns: Pattern[] = [];
    for (const line of lines) {
      let text = line.trim();
      let negate = false;
      while (text.startsWith('!')) {
        negate = !negate;
        text = text.slice(1).trim();
      }
      if (text === '') continue;
      text = toGlobPath(text);
      const anchored = posix.normalize(isAbsoluteGlob(text) ? text : `${root}/${text}`);
      const foldersOnly = anchored.endsWith('/') && anchored.length > 1;
      const body = foldersOnly ? anchored.slice(0, -1) : anchored;
      const pattern = new Pattern(negate, body, foldersOnly);
      patterns.push(pattern);
      if (negate && (foldersOnly || !pattern.endsInGlobstar)) {
        patterns.push(new Pattern(true, `${body === '/' ? '' : body}/**`, false, true));
      }
    }
    return new FilePatterns(patterns);
  }

  /** The folders to walk: no two of them one inside the other. */
  get searchPaths(): string[] {
    const key = (path: string): string => (IS_WINDOWS ? path.toLowerCase() : path);
    const candidates = new Set(this.patterns.filter(p => !p.negate && !p.foldersOnly).map(p => key(p.searchPath)));
    const roots: string[] = [];
    const taken = new Set<string>();
    for (const pattern of this.patterns) {
      if (pattern.negate || pattern.foldersOnly || taken.has(key(pattern.searchPath))) continue;
      let hasAncestor = false;
      for (let path = pattern.searchPath, up = posix.dirname(path); up !== path; path = up, up = posix.dirname(up)) {
        if (candidates.has(key(up))) {
          hasAncestor = true;
          break;
        }
      }
      if (!hasAncestor) {
        roots.push(pattern.searchPath);
        taken.add(key(pattern.searchPath));
      }
    }
    return roots;
  }

  /** Whether the file (absolute, `/`-separated) is selected: the last pattern that matches it decides. */
  selects(file: string): boolean {
    let selected = false;
    for (const pattern of this.patterns) {
      if (pattern.foldersOnly || selected !== pattern.negate) continue;
      if (pattern.matches(file)) selected = !pattern.negate;
    }
    return selected;
  }

  /**
   * Whether the folder may hold a selected file: some pattern could match below it, and no exclusion takes
   * everything below it (`!**\/node_modules/**`) without a later pattern taking some back. Folders answering no
   * are not walked, which is most of the time saved in a large repository.
   */
  mayHoldSelected(folder: string): boolean {
    // Backwards, so that `possible` says whether a later pattern could take back what an exclusion removes.
    let possible = false;
    for (let i = this.patterns.length - 1; i >= 0; i--) {
      const pattern = this.patterns[i] as Pattern;
      if (pattern.foldersOnly) continue;
      if (!pattern.negate) {
        possible ||= pattern.couldMatchBelow(folder);
      } else if (!possible && pattern.coversAllBelow(folder)) {
        return false;
      }
    }
    return possible;
  }
}
