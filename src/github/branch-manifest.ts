import type { GitHubClient } from './client.js';

export interface BranchFile {
  readonly owner: string;
  readonly repo: string;
  readonly branch: string;
  /** Repository-relative path, `/`-separated. */
  readonly path: string;
}

/**
 * A file's text at the head of a branch, read through the Git Data API (no checkout needed): undefined when the
 * branch or the file does not exist. Also the head commit it was read from.
 */
export async function readAtBranchHead(
  github: GitHubClient,
  { owner, repo, branch, path }: BranchFile
): Promise<{ readonly text: string; readonly commit: string } | undefined> {
  let commit: string;
  try {
    commit = (await github.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
  let tree = (await github.rest.git.getCommit({ owner, repo, commit_sha: commit })).data.tree.sha;
  // Folder by folder: a recursive listing of a large repository is truncated.
  const parts = path.split('/');
  for (const [i, part] of parts.entries()) {
    const { data } = await github.rest.git.getTree({ owner, repo, tree_sha: tree });
    const entry = data.tree.find(item => item.path === part);
    const last = i === parts.length - 1;
    if (!entry?.sha || entry.type !== (last ? 'blob' : 'tree')) return undefined;
    if (last) {
      const blob = await github.rest.git.getBlob({ owner, repo, file_sha: entry.sha });
      return { text: Buffer.from(blob.data.content, 'base64').toString('utf8'), commit };
    }
    tree = entry.sha;
  }
  return undefined;
}
