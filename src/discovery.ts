import { realpath } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import * as glob from '@actions/glob';
import { isInside, toPosixRelative } from './paths.js';

export interface Discovery {
  /** Workspace-relative paths with `/` separators, sorted. */
  readonly sources: readonly string[];
  /** Matches that were not taken, with why: outside the workspace, or one of our own results. */
  readonly passedOver: readonly { readonly path: string; readonly reason: string }[];
}

/** Anchors each pattern at the workspace, keeping a leading `!`. */
function anchor(workspace: string, pattern: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  return `${negated ? '!' : ''}${isAbsolute(body) ? body : join(workspace, body)}`;
}

/**
 * Finds the source images: files matching the patterns whose real location (after symlinks) is inside the
 * workspace, leaving out anything that looks like a result of ours so a run never feeds on its own output.
 */
export async function discoverSources(
  workspace: string,
  patterns: readonly string[],
  isResult: (relativePath: string) => boolean
): Promise<Discovery> {
  const globber = await glob.create(patterns.map(pattern => anchor(workspace, pattern)).join('\n'), {
    matchDirectories: false,
    followSymbolicLinks: true,
    omitBrokenSymbolicLinks: true
  });
  const realWorkspace = await realpath(workspace);
  const sources = new Set<string>();
  const passedOver: { path: string; reason: string }[] = [];
  for await (const match of globber.globGenerator()) {
    const path = toPosixRelative(workspace, match);
    if (!isInside(workspace, match) || !isInside(realWorkspace, await realpath(match))) {
      passedOver.push({ path: match, reason: 'outside the workspace (directly or through a symbolic link)' });
    } else if (isResult(path)) {
      passedOver.push({ path, reason: 'an upscaled result (matches output-path)' });
    } else {
      sources.add(path);
    }
  }
  return { sources: [...sources].sort(), passedOver };
}
