/**
 * Re-runs are free in artifact mode: the built bundle keeps its manifest and results in the Actions cache (the real
 * @actions/cache against the loopback results service), so a fresh checkout pays only for what is not done.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeArtifactService, type FakeArtifactService } from '../fakes/artifact-server.js';
import { encodePng, startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { makeWorkspace } from '../support/workspace.js';

const KEY = 'sk-cache-0123456789';

let ideogram: FakeIdeogram;
let results: FakeArtifactService;

beforeAll(async () => {
  ideogram = await startFakeIdeogram({ apiKey: KEY, resultBytes: 'small' });
  results = await startFakeArtifactService();
});
afterAll(async () => {
  await ideogram.close();
  await results.close();
});

const SOURCES = {
  'art/a.png': encodePng(20, 10, 1),
  'art/b.png': encodePng(12, 12, 2),
  'art/deep/c.png': encodePng(9, 7, 3)
};

/** A run on a fresh checkout of `files`, as attempt `attempt` of run 7001 unless told otherwise. */
async function run(
  files: Record<string, Buffer>,
  options: { attempt: number; inputs?: Record<string, string>; env?: Record<string, string> }
): Promise<ActionRun & { workspace: string; sent: string[] }> {
  const workspace = await makeWorkspace(files);
  ideogram.resetStats();
  const outcome = await runAction({
    workspace,
    inputs: {
      'api-key': KEY,
      'api-url': ideogram.url,
      'num-images': '2',
      'artifact-name': `upscaled-${options.attempt}`,
      ...options.inputs
    },
    env: { ...results.env, GITHUB_RUN_ID: '7001', GITHUB_RUN_ATTEMPT: String(options.attempt), ...options.env }
  });
  return { ...outcome, workspace, sent: ideogram.upscales.map(upscale => upscale.fileName).sort() };
}

function artifactFiles(name: string): string[] {
  // The gallery and the results document are the run's own; these are the results.
  return [...results.files(name).keys()].filter(path => !path.startsWith('gallery/') && path !== 'results.json').sort();
}

const ALL_RESULTS = [
  '.github/upscaled-images.json',
  'upscaled/art/a-1.png',
  'upscaled/art/a-2.png',
  'upscaled/art/b-1.png',
  'upscaled/art/b-2.png',
  'upscaled/art/deep/c-1.png',
  'upscaled/art/deep/c-2.png'
];

describe('re-runs in artifact mode, with the Actions cache', () => {
  let first: Awaited<ReturnType<typeof run>>;
  let rerun: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    first = await run(SOURCES, { attempt: 1 });
    rerun = await run(SOURCES, { attempt: 2 });
  });

  it('the first run pays for every image and saves the results in the cache', () => {
    expect(first.code).toBe(0);
    expect(first.sent).toEqual(['a.png', 'b.png', 'c.png']);
    expect(first.stdout).toContain('::notice::No earlier results in the Actions cache for these settings');
    expect(first.stdout).toMatch(
      /Saved the manifest and 6 result file\(s\) to the Actions cache \(ideogram-upscale-[0-9a-f]{16}-7001-1\)/
    );
    expect(artifactFiles('upscaled-1')).toEqual(ALL_RESULTS);
  });

  it('a re-run on a fresh checkout makes no request to Ideogram and still publishes a complete artifact', async () => {
    expect(rerun.code).toBe(0);
    expect(rerun.sent).toEqual([]);
    expect(rerun.stdout).toContain('Restored 3 source(s) done earlier (6 result file(s)) from the Actions cache');
    expect(rerun.outputs).toMatchObject({ upscaled: '0', skipped: '3', failed: '0' });
    expect(artifactFiles('upscaled-2')).toEqual(ALL_RESULTS);
    for (const path of ALL_RESULTS.slice(1)) {
      expect(results.files('upscaled-2').get(path)).toEqual(results.files('upscaled-1').get(path));
      expect(await readFile(join(rerun.workspace, path))).toEqual(results.files('upscaled-1').get(path));
    }
    // Nothing new: no second cache entry for the same results.
    expect(results.cacheEntries.filter(entry => entry.finalized)).toHaveLength(1);
  });

  it('a later push pays only for the changed and the new images, and a later run of the same settings finds both', async () => {
    const changed = { ...SOURCES, 'art/b.png': encodePng(12, 12, 9), 'art/new.png': encodePng(5, 5, 5) };
    const push = await run(changed, {
      attempt: 1,
      env: { GITHUB_RUN_ID: '7002' },
      inputs: { 'artifact-name': 'push' }
    });
    expect(push.code).toBe(0);
    expect(push.sent).toEqual(['b.png', 'new.png']);
    const scan = await run(changed, {
      attempt: 1,
      env: { GITHUB_RUN_ID: '7003' },
      inputs: { 'artifact-name': 'scan' }
    });
    expect(scan.sent).toEqual([]);
    expect(artifactFiles('scan')).toEqual([...ALL_RESULTS, 'upscaled/art/new-1.png', 'upscaled/art/new-2.png'].sort());
  });

  it('other settings never reuse these results', async () => {
    const other = await run(SOURCES, {
      attempt: 1,
      env: { GITHUB_RUN_ID: '7004' },
      inputs: { resemblance: '35', 'artifact-name': 'other' }
    });
    expect(other.sent).toEqual(['a.png', 'b.png', 'c.png']);
    expect(other.stdout).toContain('::notice::No earlier results in the Actions cache for these settings');
  });

  it('a cache service that fails is a notice, and the run goes on and succeeds', async () => {
    results.failNext('cache-lookup', 403);
    const broken = await run(SOURCES, {
      attempt: 1,
      env: { GITHUB_RUN_ID: '7005' },
      inputs: { 'artifact-name': 'broken' }
    });
    expect(broken.code).toBe(0);
    expect(broken.stdout).toMatch(/::warning::Failed to restore/);
    expect(broken.stdout).not.toContain('::error::');
    expect(broken.sent).toEqual(['a.png', 'b.png', 'c.png']);
  });

  it('cache: false leaves the cache alone', async () => {
    const entries = results.cacheEntries.length;
    const off = await run(SOURCES, {
      attempt: 1,
      env: { GITHUB_RUN_ID: '7006' },
      inputs: { cache: 'false', 'artifact-name': 'off' }
    });
    expect(off.code).toBe(0);
    expect(off.sent).toEqual(['a.png', 'b.png', 'c.png']);
    expect(results.cacheEntries.length).toBe(entries);
  });
});
