/**
 * Paid work is never lost: the built bundle is killed at several points of a batch against the loopback fakes, then
 * the post entry runs with the state the runner passes. Whatever the moment, the manifest records exactly the
 * results on disk, no temporary file is left, the artifact holds exactly the finished results, and the next run
 * pays only for the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { Manifest } from '../../src/manifest.js';
import { startFakeArtifactService, type FakeArtifactService } from '../fakes/artifact-server.js';
import { encodePng, startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { listFiles } from '../support/files.js';
import { POST_BUNDLE, runAction, type ActionRun } from '../support/run-action.js';
import { makeWorkspace } from '../support/workspace.js';

const KEY = 'sk-interrupt-0123456789';
const SOURCES = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [`pics/p${String(i).padStart(2, '0')}.png`, encodePng(16 + i, 12, i)])
);
const MANIFEST = '.github/upscaled-images.json';

let ideogram: FakeIdeogram;
let service: FakeArtifactService;

beforeAll(async () => {
  ideogram = await startFakeIdeogram({ apiKey: KEY, resultBytes: 'small', latencyMs: 250 });
  service = await startFakeArtifactService();
});
afterAll(async () => {
  await ideogram.close();
  await service.close();
});

/** Resolves once `ready()` holds, checked every few milliseconds. */
async function when(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise(resolve => setTimeout(resolve, 5));
}

function inputs(artifact: string): Record<string, string> {
  return { 'api-key': KEY, 'api-url': ideogram.url, concurrency: '2', 'artifact-name': artifact };
}

interface Killed {
  readonly workspace: string;
  readonly main: ActionRun;
  readonly post: ActionRun;
  /** Sources the manifest records after the post step. */
  readonly recorded: string[];
}

/** Runs the bundle, sends `signal` once `moment()` holds, then runs the post entry with the saved state. */
async function killAt(name: string, signal: NodeJS.Signals, moment: () => boolean): Promise<Killed> {
  const workspace = await makeWorkspace(SOURCES);
  ideogram.resetStats();
  ideogram.options.downloadStallMs = 0;
  let child: ChildProcess | undefined;
  const running = runAction({
    workspace,
    inputs: inputs(name),
    env: { ...service.env, GITHUB_RUN_ID: '9100' },
    onSpawn: spawned => (child = spawned)
  });
  await Promise.race([when(moment), running]);
  child?.kill(signal);
  const main = await running;
  const post = await runAction({
    workspace,
    inputs: inputs(name),
    env: { ...service.env, GITHUB_RUN_ID: '9100' },
    state: main.state,
    bundle: POST_BUNDLE
  });
  const manifest = await Manifest.load(workspace, MANIFEST);
  return { workspace, main, post, recorded: Object.keys(manifest.document.sources).sort() };
}

/** The results the manifest names are exactly the result files on disk, and no temporary file is anywhere. */
async function expectConsistent(killed: Killed): Promise<void> {
  const manifest = await Manifest.load(killed.workspace, MANIFEST);
  const named = [...manifest.resultPaths()].sort();
  const files = await listFiles(killed.workspace);
  expect(files.filter(path => path.startsWith('upscaled/'))).toEqual(named);
  expect(files.filter(path => path.endsWith('.part') || path.endsWith('.journal'))).toEqual([]);
  for (const path of named) await access(join(killed.workspace, path));
}

function artifactResults(name: string): string[] {
  return [...service.files(name).keys()].filter(path => path.startsWith('upscaled/')).sort();
}

describe.each(['SIGKILL'] as const)('killed with %s mid batch', signal => {
  let killed: Killed;
  beforeAll(async () => {
    killed = await killAt(`mid-${signal}`, signal, () => ideogram.upscales.length >= 4);
  });

  it('leaves a manifest that records exactly the results on disk', async () => {
    expect(killed.recorded.length).toBeGreaterThanOrEqual(1);
    expect(killed.recorded.length).toBeLessThan(10);
    await expectConsistent(killed);
  });

  it('the post step publishes exactly the finished results and the manifest', async () => {
    expect(killed.post.code).toBe(0);
    expect(killed.post.stdout).toContain(
      `The upscale step stopped before publishing: publishing the ${killed.recorded.length} source(s) it finished.`
    );
    const manifest = await Manifest.load(killed.workspace, MANIFEST);
    expect(artifactResults(`mid-${signal}`)).toEqual([...manifest.resultPaths()].sort());
    expect(service.files(`mid-${signal}`).has(MANIFEST)).toBe(true);
  });

  it('the next run pays only for the rest', async () => {
    ideogram.resetStats();
    const next = await runAction({
      workspace: killed.workspace,
      inputs: inputs(`next-${signal}`),
      env: { ...service.env, GITHUB_RUN_ID: '9101' }
    });
    expect(next.code).toBe(0);
    expect(ideogram.upscales.length).toBe(10 - killed.recorded.length);
    expect(next.outputs).toMatchObject({ skipped: String(killed.recorded.length) });
  });
});

describe('after a main step that published', () => {
  it('the post step does nothing', async () => {
    const workspace = await makeWorkspace({ 'one.png': encodePng(8, 8) });
    const main = await runAction({ workspace, inputs: inputs('complete'), env: service.env });
    expect(main.code).toBe(0);
    const uploads = service.artifacts.length;
    const post = await runAction({
      workspace,
      inputs: inputs('complete'),
      env: service.env,
      state: main.state,
      bundle: POST_BUNDLE
    });
    expect(post.code).toBe(0);
    expect(post.stdout).toBe('');
    expect(service.artifacts.length).toBe(uploads);
  });
});
