import { copyFile, link, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeGallery } from '../report/gallery/index.js';
import type { SourceResult } from '../state/results.js';
import { RESULTS_FILE_NAME } from '../report/results-file.js';
import { StoredNames } from '../fs/stored-names.js';
import type { LeftOut, PublishedArtifact } from '../report/outcome.js';

/**
 * Characters the artifact service refuses in a file's path: @actions/artifact checks for them before it uploads
 * anything (validateFilePath), and one such path fails the whole artifact.
 */
const REFUSED = /[":<>|*?\r\n]/;

/**
 * The path a file has inside the artifact: its workspace path, or, when the artifact service would refuse that,
 * the same with each refused character and each `%` percent-encoded (`a:b.png` → `a%3Ab.png`), so that decoding it
 * (`decodeURIComponent`) gives back the path the manifest and the results record.
 */
export function artifactPath(path: string): string {
  if (!REFUSED.test(path)) return path;
  return path.replace(/[":<>|*?\r\n%]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Puts each file in the staging folder at its artifact path. One that cannot go in (it vanished, or its encoded
 * name is another file's) is left out with its reason, never failing the rest. Returns where each file went in.
 */
async function stage(
  workspace: string,
  staging: string,
  files: readonly string[]
): Promise<{ placed: ReadonlyMap<string, string>; leftOut: LeftOut[] }> {
  const names = new StoredNames(artifactPath);
  const leftOut: LeftOut[] = [];
  for (const path of files) {
    try {
      const placing = await names.place(path, storedAs => place(join(workspace, path), join(staging, storedAs)));
      if (placing.taken) {
        leftOut.push({ path, reason: `its name in the artifact, ${placing.storedAs}, is another file's` });
      }
    } catch (error) {
      leftOut.push({ path, reason: `it could not be read (${(error as Error).message})` });
    }
  }
  return { placed: names.placed, leftOut };
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
    const { placed, leftOut } = await stage(request.workspace, staging, request.files);
    // The gallery links what went in, where it went: never a left-out file's name that another file holds.
    await writeGallery(join(staging, 'gallery'), request.workspace, request.results, {
      resultsRoot: staging,
      storedAs: path => placed.get(path),
      originalAs: artifactPath
    });
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
    const url = repo && run ? `${server}/${repo}/actions/runs/${run}/artifacts/${id}` : undefined;
    const renamed = [...placed]
      .filter(([path, storedAs]) => storedAs !== path)
      .map(([path, storedAs]) => ({ path, storedAs }));
    return { id, url, renamed, leftOut };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
