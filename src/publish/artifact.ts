import { copyFile, link, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeGallery } from '../gallery.js';
import type { SourceResult } from '../results.js';
import { RESULTS_FILE_NAME } from '../results-file.js';

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
  /** For the before/after gallery at the artifact's root. */
  readonly results: readonly SourceResult[];
  /** The whole results document, put at the artifact's root (under its own name unless a file has that path). */
  readonly resultsFile?: string;
  readonly retentionDays: number | undefined;
}

/** A hard link costs nothing; across file systems, a copy. */
async function place(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(() => copyFile(from, to));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter(entry => entry.isFile()).map(entry => join(entry.parentPath, entry.name));
}

/**
 * Uploads the results, with a before/after gallery (`gallery/index.html` and copies of the originals), as one
 * workflow artifact. The artifact is assembled in a staging folder, so the gallery never lands in the workspace
 * (where it could overwrite a folder of the user's or be committed). The artifact client is loaded only when
 * used: it is a large part of the bundle and of its start-up cost.
 */
export async function uploadArtifact(request: ArtifactRequest, env: NodeJS.ProcessEnv): Promise<PublishedArtifact> {
  const staging = await mkdtemp(join(env.RUNNER_TEMP ?? tmpdir(), 'upscaled-artifact-'));
  try {
    for (const file of request.files) await place(join(request.workspace, file), join(staging, file));
    await writeGallery(join(staging, 'gallery'), request.workspace, request.results, { resultsRoot: staging });
    if (request.resultsFile && !request.files.includes(RESULTS_FILE_NAME)) {
      await place(request.resultsFile, join(staging, RESULTS_FILE_NAME));
    }
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const { id } = await new DefaultArtifactClient().uploadArtifact(
      request.name,
      await listFiles(staging),
      staging,
      // Images are already compressed: zipping them again costs time and saves nothing.
      { compressionLevel: 0, ...(request.retentionDays === undefined ? {} : { retentionDays: request.retentionDays }) }
    );
    if (id === undefined) throw new Error(`The artifact service did not return an id for '${request.name}'`);
    const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
    return { id, url: repo && run ? `${server}/${repo}/actions/runs/${run}/artifacts/${id}` : undefined };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
