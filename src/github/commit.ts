import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitHubClient } from './client.js';
import { mapLimited } from '../async/map-limited.js';
import { parseRetryAfter, withRetries, type RetryDecision, type RetryPolicy } from '../async/retry.js';
import { redact } from '../text/secrets.js';
import type { CommitAuthor } from '../settings/publishing.js';

export interface CommitRequest {
  readonly owner: string;
  readonly repo: string;
  readonly branch: string;
  readonly workspace: string;
  /** Workspace-relative paths; they keep these paths in the repository. */
  readonly files: readonly string[];
  readonly message: string;
  readonly author: CommitAuthor | undefined;
}

export type CommitOutcome =
  | { readonly kind: 'committed'; readonly sha: string; readonly branch: string }
  /** The token may not write here (a fork's pull request, a read-only token): the caller falls back. */
  | { readonly kind: 'refused'; readonly reason: string };

/** Blobs created at once: GitHub's secondary rate limits punish bursts of content-creating requests. */
const BLOB_PARALLELISM = 4;
/** Times to rebuild the commit on a branch that moved meanwhile. */
const MAX_RACES = 5;

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

function isSecondaryRateLimit(error: HttpError): boolean {
  return error.status === 429 || (error.status === 403 && /rate limit/i.test(error.message ?? ''));
}

/** GitHub's rule: wait out rate limits as told (`retry-after`), resend on server errors. */
export function githubRule(error: unknown): RetryDecision | undefined {
  const http = error as HttpError;
  if (isSecondaryRateLimit(http)) {
    return { budget: 'rate-limit', retryAfterMs: parseRetryAfter(http.response?.headers ?? {}) ?? 60_000 };
  }
  if (http.status !== undefined && http.status >= 500) return { budget: 'errors' };
  return undefined;
}

function refusal(error: unknown): string | undefined {
  const http = error as HttpError;
  if ((http.status === 403 && !isSecondaryRateLimit(http)) || http.status === 401 || http.status === 404) {
    return `GitHub refused the write (HTTP ${http.status}: ${redact(http.message ?? 'no message')})`;
  }
  return undefined;
}

/**
 * Commits the files to the branch through the Git Data API — blobs, one tree on the head's tree, one commit —
 * and moves the branch without force. No git binary or checkout needed. With no author given, GitHub authors
 * the commit and signs it when the token is the workflow's. If the branch moves meanwhile, the commit is rebuilt
 * on the new head; it never forces.
 */
export async function commitFiles(
  github: GitHubClient,
  request: CommitRequest,
  retry: RetryPolicy
): Promise<CommitOutcome> {
  const { owner, repo, branch } = request;
  const call = <T>(fn: () => Promise<T>): Promise<T> => withRetries(fn, retry, githubRule);
  try {
    const blobs = await mapLimited(request.files, BLOB_PARALLELISM, async path => {
      const content = (await readFile(join(request.workspace, path))).toString('base64');
      const { data } = await call(() => github.rest.git.createBlob({ owner, repo, content, encoding: 'base64' }));
      return { path, mode: '100644' as const, type: 'blob' as const, sha: data.sha };
    });
    const identity = request.author ? { author: request.author, committer: request.author } : {};
    for (let race = 0; ; race++) {
      const head = await call(() => github.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }));
      const parent = head.data.object.sha;
      const base = await call(() => github.rest.git.getCommit({ owner, repo, commit_sha: parent }));
      const tree = await call(() =>
        github.rest.git.createTree({ owner, repo, base_tree: base.data.tree.sha, tree: blobs })
      );
      const commit = await call(() =>
        github.rest.git.createCommit({
          owner,
          repo,
          message: request.message,
          tree: tree.data.sha,
          parents: [parent],
          ...identity
        })
      );
      try {
        await github.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.data.sha, force: false });
        return { kind: 'committed', sha: commit.data.sha, branch };
      } catch (error) {
        // 422 "not a fast forward": someone pushed meanwhile; build again on their commit.
        if ((error as HttpError).status !== 422 || race + 1 >= MAX_RACES) throw error;
      }
    }
  } catch (error) {
    const reason = refusal(error);
    if (reason) return { kind: 'refused', reason };
    throw error;
  }
}
