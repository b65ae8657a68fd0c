import type { getOctokit } from '@actions/github';
import { readRunContext, type RunContext } from './event.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** GitHub's API and the run's event, made on first use: a run that needs neither never loads Octokit. */
export type GitHubAccess = () => Promise<{ readonly client: GitHubClient; readonly context: RunContext }>;

export function lazyGitHub(token: string, env: NodeJS.ProcessEnv): GitHubAccess {
  let made: ReturnType<GitHubAccess> | undefined;
  return () =>
    (made ??= (async () => ({ client: await createGitHubClient(token), context: await readRunContext(env) }))());
}

/**
 * Octokit for the repository's API (GITHUB_API_URL, as on GitHub Enterprise). Loaded only when a run needs
 * GitHub, to keep start-up fast for the runs that don't.
 */
export async function createGitHubClient(token: string): Promise<GitHubClient> {
  const { getOctokit } = await import('@actions/github');
  return getOctokit(token);
}
