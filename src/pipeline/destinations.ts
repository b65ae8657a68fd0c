import { constants } from 'node:fs';
import { access, lstat, realpath, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { SNIFF_BYTES, sniffFormat } from '../imaging/image-format.js';
import { Input } from '../inputs/inputs.js';
import { AS_RETURNED, type Conversion } from '../imaging/output-format.js';
import { possibleResultPaths, type OutputTemplate } from '../settings/output-path.js';
import { isInside, toPosixRelative, writablePathProblem } from '../fs/paths.js';
import { kindOf, openRegularFile } from '../fs/regular-file.js';
import { nameProblem } from '../imaging/source-image.js';

/** Longest name of one path component, in bytes, on the file systems runners use (ext4, APFS, NTFS). */
const NAME_MAX = 255;
/** Longest whole path Linux accepts. */
const PATH_MAX = 4095;

/** What may be written where: the action writes only its own results. */
export interface WriteRules {
  readonly workspace: string;
  /** Every source found, selected this run or not: never written over. */
  readonly sources: ReadonlySet<string>;
  /** Result paths the manifest records, each with the source it belongs to. */
  readonly earlier: ReadonlyMap<string, string>;
  /** The user allows replacing ordinary files (never a source, never anything under `.git`). */
  readonly overwrite: boolean;
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false
  );

/** Why the folder a result goes into cannot be made, or undefined: checked from its nearest existing ancestor. */
async function parentProblem(workspace: string, realWorkspace: string, path: string): Promise<string | undefined> {
  let ancestor = posix.dirname(path);
  while (ancestor !== '.' && !(await exists(join(workspace, ancestor)))) ancestor = posix.dirname(ancestor);
  const full = join(workspace, ancestor);
  const real = await realpath(full).catch(() => undefined);
  if (real === undefined) return `${ancestor} cannot be resolved`;
  if (real !== realWorkspace) {
    if (!isInside(realWorkspace, real)) return `${ancestor} leads outside the workspace (through a symbolic link)`;
    if (writablePathProblem(toPosixRelative(realWorkspace, real))) return `${ancestor} leads into a .git directory`;
  }
  if (!(await stat(full)).isDirectory()) return `${ancestor} is a file, not a folder`;
  const writable = await access(full, constants.W_OK).then(
    () => true,
    () => false
  );
  return writable ? undefined : `there is no permission to write in ${ancestor === '.' ? 'the workspace' : ancestor}`;
}

/** Whether the regular file at `full` is a PNG, JPEG or WebP by its first bytes (stat first: never blocks). */
async function holdsImage(full: string): Promise<boolean> {
  try {
    const { handle } = await openRegularFile(full);
    try {
      const head = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
      return sniffFormat(head.subarray(0, bytesRead)) !== undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * Where each source's results may go, checked before anything is sent for it, so nothing is paid for that could
 * not be written, and nothing is written that is not ours. Who may write each path is worked out up front from the
 * paths alone (pure, for every source found); the file system is asked per source, as the selection reaches it.
 * A source is refused when any place its results may take is a source (selected or not), under `.git`, outside
 * the workspace, over a name-length limit, a folder or other non-file, in a folder that cannot be made, a file that
 * is neither an earlier result of the same source nor allowed by `overwrite`, or a place where a source not sent
 * this run (one the manifest skips, or the event did not change) has its result.
 */
export class Destinations {
  /** Planned paths where a file stands that may be replaced; everywhere else a write adds a file or fails. */
  readonly replaceable = new Set<string>();
  /** Per folder a result goes into, why it cannot be made (or undefined): asked once per folder. */
  private readonly folders = new Map<string, Promise<string | undefined>>();

  private constructor(
    /** Each path two or more sources' results may take, with those sources. */
    private readonly shared: ReadonlyMap<string, readonly string[]>,
    private readonly paths: (source: string) => string[],
    private readonly template: OutputTemplate,
    private readonly rules: WriteRules,
    private readonly realWorkspace: string
  ) {}

  /** `every`: each source found, selected this run or not; `conversion` gives the results' extensions. */
  static async prepare(
    every: readonly string[],
    template: OutputTemplate,
    imagesPerSource: number,
    rules: WriteRules,
    conversion: Conversion = AS_RETURNED
  ): Promise<Destinations> {
    // Every path a source's results may take: each index, each format the bytes may come back as, once converted.
    const resultPaths = possibleResultPaths(template, conversion);
    const paths = (source: string): string[] =>
      imagesPerSource === 1
        ? resultPaths(source, 1)
        : [...new Set(Array.from({ length: imagesPerSource }, (_, i) => resultPaths(source, i + 1)).flat())];
    const first = new Map<string, string>();
    const shared = new Map<string, string[]>();
    for (const source of new Set(every)) {
      for (const path of paths(source)) {
        const owner = first.get(path);
        if (owner === undefined) first.set(path, source);
        else shared.set(path, [...(shared.get(path) ?? [owner]), source]);
      }
    }
    return new Destinations(shared, paths, template, rules, await realpath(rules.workspace));
  }

  /** The other sources whose results may take one of `source`'s paths: rare, and known from the paths alone. */
  rivals(source: string): string[] {
    if (this.shared.size === 0) return [];
    const rivals = this.paths(source).flatMap(path => this.shared.get(path) ?? []);
    return [...new Set(rivals)].filter(other => other !== source);
  }

  /**
   * Why `source` must not be sent, or undefined; `sent` says whether a rival is sent this run too (two sources of
   * one run sharing a path make the template unworkable: `planOutputs` stops the run for it before it starts).
   */
  async refusal(source: string, sent: (rival: string) => boolean): Promise<string | undefined> {
    // Said of the source itself, rather than of each result path it would pass on to.
    const badName = nameProblem(source);
    if (badName) return `not sent: the file ${badName}`;
    for (const path of this.paths(source)) {
      const other = this.shared.get(path)?.find(owner => owner !== source && !sent(owner));
      const problem =
        other === undefined
          ? await this.pathProblem(source, path)
          : `its result ${path} would also be the result of ${other}; rename one, or leave one out with a '!' pattern in '${Input.Files}'`;
      if (problem) return `not sent: ${problem}`;
    }
    return undefined;
  }

  /** Why `source` may not write `path`, or undefined; a file there it may replace goes into `replaceable`. */
  private async pathProblem(source: string, path: string): Promise<string | undefined> {
    const { rules } = this;
    const where = writablePathProblem(path);
    if (where) return `its result ${path} ${where}`;
    if (rules.sources.has(path)) return `its result would replace the source ${path}`;
    const long = path.split('/').find(part => Buffer.byteLength(part) > NAME_MAX);
    if (long) {
      return `its result's name ${long.slice(0, 40)}… is ${Buffer.byteLength(long)} bytes, over the file system's limit of ${NAME_MAX}`;
    }
    const full = join(rules.workspace, path);
    if (Buffer.byteLength(full) > PATH_MAX)
      return `its result's path is over the file system's limit of ${PATH_MAX} bytes`;
    const folder = posix.dirname(path);
    let parent = this.folders.get(folder);
    if (parent === undefined) {
      parent = parentProblem(rules.workspace, this.realWorkspace, path);
      this.folders.set(folder, parent);
    }
    const problem = await parent;
    if (problem) return `its result ${path} cannot be written: ${problem}`;
    const stats = await lstat(full).catch(() => undefined);
    if (stats === undefined) return undefined;
    if (!stats.isFile() && !stats.isSymbolicLink()) return `its result path ${path} is ${kindOf(stats)}`;
    // An image that neither the manifest nor the output path calls a result may be a source that this run's
    // patterns do not select (`{dir}/../{name}.{ext}` reaches them), or a link to one: `overwrite` never replaces
    // either (`holdsImage` follows the link, and is false for a dangling one).
    const ours = rules.earlier.get(path) === source || this.template.matches(path);
    if (rules.overwrite && !ours && (await holdsImage(full))) {
      return `${path} is an image that is not a result of this action (a source, even if this run does not select it); '${Input.Overwrite}' never replaces a source`;
    }
    if (rules.earlier.get(path) === source || rules.overwrite) {
      this.replaceable.add(path);
      return undefined;
    }
    const owner = rules.earlier.get(path);
    const what = owner === undefined ? 'is not a result of this action' : `is the result of ${owner}`;
    return `${path} already exists and ${what}; '${Input.Overwrite}: true' replaces it`;
  }
}
