import { log } from '../report/log.js';
import { Input } from '../inputs/inputs.js';
import type { GitHubAccess, GitHubClient } from './client.js';
import type { RunContext } from './event.js';

/** What the event changed, or why every matching image is taken instead. */
export type ChangedFiles =
  | { readonly kind: 'changed'; readonly paths: ReadonlySet<string>; readonly description: string }
  | { readonly kind: 'all'; readonly reason: string };

// GitHub lists at most this many files of a comparison, and of a pull request; a list that long may be cut.
const COMPARE_FILE_CAP = 300;
const PULL_FILE_CAP = 3000;

function changedPaths(files: readonly { filename: string; status: string }[]): Set<string> {
  // Removed files have nothing to upscale; renamed and copied ones have new bytes at a new path.
  return new Set(files.filter(file => file.status !== 'removed').map(file => file.filename));
}

/**
 * The images a push or pull request added or modified. Other events, a new branch, a force push, or a list
 * GitHub may have cut short all fall back to every matching image, with the reason.
 */
export async function findChangedFiles(github: GitHubClient, context: RunContext): Promise<ChangedFiles> {
  const { owner, repo, event } = context;
  if (event.kind === 'push') {
    if (event.noBase)
      return { kind: 'all', reason: 'a new branch or a force push has no earlier commit to compare with' };
    let files;
    try {
      const { data } = await github.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${event.before}...${event.after}`
      });
      files = data.files ?? [];
    } catch (error) {
      if ((error as { status?: number }).status === 404) {
        return { kind: 'all', reason: `the pushed-over commit ${event.before.slice(0, 7)} is gone (force push?)` };
      }
      throw error;
    }
    if (files.length >= COMPARE_FILE_CAP) return { kind: 'all', reason: `the push changed ${files.length}+ files` };
    return {
      kind: 'changed',
      paths: changedPaths(files),
      description: `files changed by ${event.before.slice(0, 7)}..${event.after.slice(0, 7)}`
    };
  }
  if (event.kind === 'pull_request') {
    const files = await github.paginate(github.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: event.number,
      per_page: 100
    });
    if (files.length >= PULL_FILE_CAP)
      return { kind: 'all', reason: `the pull request changes ${files.length}+ files` };
    return {
      kind: 'changed',
      paths: changedPaths(files),
      description: `files changed by pull request #${event.number}`
    };
  }
  return { kind: 'all', reason: `a ${event.name || 'manual'} event has no list of changed files` };
}

/** With `changed-only`, the paths the push or pull request changed; undefined means every matching image. */
export async function changedSources(
  settings: { readonly changedOnly: boolean; readonly token: string },
  github: GitHubAccess,
  env: NodeJS.ProcessEnv
): Promise<Set<string> | undefined> {
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (!settings.changedOnly || !['push', 'pull_request', 'pull_request_target'].includes(event)) return undefined;
  if (!settings.token) {
    log.info(`No '${Input.GithubToken}': taking every matching image, not only the changed ones.`);
    return undefined;
  }
  const { client, context } = await github();
  const changed = await findChangedFiles(client, context);
  if (changed.kind === 'all') {
    log.info(`Taking every matching image: ${changed.reason}.`);
    return undefined;
  }
  log.info(
    `Taking only the ${changed.description} (${changed.paths.size} file(s)); '${Input.ChangedOnly}: false' takes all.`
  );
  return new Set(changed.paths);
}
