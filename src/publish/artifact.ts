import { join } from 'node:path';

export interface PublishedArtifact {
  readonly id: number;
  /** Where a person downloads it, when the run's URL is known. */
  readonly url: string | undefined;
}

export interface ArtifactRequest {
  readonly name: string;
  readonly workspace: string;
  /** Workspace-relative paths; they keep these paths inside the artifact. */
  readonly files: readonly string[];
  readonly retentionDays: number | undefined;
}

/**
 * Uploads the results as one workflow artifact through the runner's artifact service. Loaded only when used:
 * the artifact client is a large part of the bundle and most of its start-up cost.
 */
export async function uploadArtifact(request: ArtifactRequest, env: NodeJS.ProcessEnv): Promise<PublishedArtifact> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const { id } = await client.uploadArtifact(
    request.name,
    request.files.map(file => join(request.workspace, file)),
    request.workspace,
    // Images are already compressed: zipping them again costs time and saves nothing.
    { compressionLevel: 0, ...(request.retentionDays === undefined ? {} : { retentionDays: request.retentionDays }) }
  );
  if (id === undefined) throw new Error(`The artifact service did not return an id for '${request.name}'`);
  const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return { id, url: repo && run ? `${server}/${repo}/actions/runs/${run}/artifacts/${id}` : undefined };
}
