import type { getOctokit } from '@actions/github';

export type GitHubClient = ReturnType<typeof getOctokit>;

/**
 * Octokit for the repository's API (GITHUB_API_URL, as on GitHub Enterprise). Loaded only when a run needs
 * GitHub, to keep start-up fast for the runs that don't.
 */
export async function createGitHubClient(token: string): Promise<GitHubClient> {
  const { getOctokit } = await import('@actions/github');
  return getOctokit(token);
}
