import { constants } from 'node:fs';
import { access, lstat, realpath, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { SNIFF_BYTES, sniffFormat } from './image-format.js';
import { Input } from './inputs.js';
import { AS_RETURNED, type Conversion } from './output-format.js';
import { resultPaths, type OutputTemplate } from './output-path.js';
import { isInside, toPosixRelative, writablePathProblem } from './paths.js';
import { openRegularFile } from './regular-file.js';

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

export interface DestinationCheck {
  /** Sources that must not be sent, with why. */
  readonly refused: ReadonlyMap<string, string>;
  /** Planned paths where a file stands that may be replaced; everywhere else a write adds a file or fails. */
  readonly replaceable: ReadonlySet<string>;
}

/** Every path a source's results may take: each index, each format the bytes may come back as, once converted. */
export function possiblePaths(
  source: string,
  template: OutputTemplate,
  imagesPerSource: number,
  conversion: Conversion = AS_RETURNED
): string[] {
  const paths = new Set<string>();
  for (let index = 1; index <= imagesPerSource; index++) {
    for (const path of Object.values(resultPaths(source, template, index, conversion))) paths.add(path);
  }
  return [...paths];
}

function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  return 'a device';
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

/** Why `source` may not write `path`, or undefined; a file there it may replace goes into `replaceable`. */
async function pathProblem(
  source: string,
  path: string,
  rules: WriteRules,
  template: OutputTemplate,
  realWorkspace: string,
  replaceable: Set<string>
): Promise<string | undefined> {
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
  const parent = await parentProblem(rules.workspace, realWorkspace, path);
  if (parent) return `its result ${path} cannot be written: ${parent}`;
  const stats = await lstat(full).catch(() => undefined);
  if (stats === undefined) return undefined;
  if (!stats.isFile() && !stats.isSymbolicLink()) return `its result path ${path} is ${kindOf(stats)}`;
  // An image that neither the manifest nor the output path calls a result may be a source that this run's patterns
  // do not select (`{dir}/../{name}.{ext}` reaches them): `overwrite` never replaces one.
  const ours = rules.earlier.get(path) === source || template.matches(path);
  if (rules.overwrite && !ours && stats.isFile() && (await holdsImage(full))) {
    return `${path} is an image that is not a result of this action (a source, even if this run does not select it); '${Input.Overwrite}' never replaces a source`;
  }
  if (rules.earlier.get(path) === source || rules.overwrite) {
    replaceable.add(path);
    return undefined;
  }
  const owner = rules.earlier.get(path);
  const what = owner === undefined ? 'is not a result of this action' : `is the result of ${owner}`;
  return `${path} already exists and ${what}; '${Input.Overwrite}: true' replaces it`;
}

/**
 * Checks every planned destination before anything is sent, so nothing is paid for that could not be written, and
 * nothing is written that is not ours: returns the sources that must not be sent, with why, and the files the
 * others may write over. A source is refused
 * when any place its results may take is a source (selected or not), under `.git`, outside the workspace, over a
 * name-length limit, a folder or other non-file, in a folder that cannot be made, a file that is neither an earlier
 * result of the same source nor allowed by `overwrite`, or a place where a source not sent this run (one the
 * manifest skips, or the event did not change) has its result.
 */
export async function checkDestinations(
  work: readonly string[],
  every: readonly string[],
  template: OutputTemplate,
  imagesPerSource: number,
  rules: WriteRules,
  conversion: Conversion = AS_RETURNED
): Promise<DestinationCheck> {
  const owners = new Map<string, string[]>();
  for (const source of new Set([...every, ...work])) {
    for (const path of possiblePaths(source, template, imagesPerSource, conversion)) {
      owners.set(path, [...(owners.get(path) ?? []), source]);
    }
  }
  const realWorkspace = await realpath(rules.workspace);
  const sending = new Set(work);
  const refused = new Map<string, string>();
  const replaceable = new Set<string>();
  for (const source of work) {
    for (const path of possiblePaths(source, template, imagesPerSource, conversion)) {
      // Two sources of this run sharing a path make the template unworkable: planOutputs stops the run for it.
      const other = owners.get(path)?.find(owner => owner !== source && !sending.has(owner));
      const problem =
        other === undefined
          ? await pathProblem(source, path, rules, template, realWorkspace, replaceable)
          : `its result ${path} would also be the result of ${other}; rename one, or leave one out with a '!' pattern in '${Input.Files}'`;
      if (problem) {
        refused.set(source, `not sent: ${problem}`);
        break;
      }
    }
  }
  return { refused, replaceable };
}
