/**
 * Paid work is never lost: the built bundle is killed at several points of a batch against the loopback fakes, then
 * the post entry runs with the state the runner passes. Whatever the moment, the manifest records exactly the
 * results on disk, no temporary file is left, the artifact holds exactly the finished results, and the next run
 * pays only for the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Manifest } from '../../src/state/manifest.js';
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
/** One results service (artifacts and cache) per case, as each case stands for a repository of its own. */
const services: FakeArtifactService[] = [];

async function freshService(): Promise<FakeArtifactService> {
  const service = await startFakeArtifactService();
  services.push(service);
  return service;
}

beforeAll(async () => {
  ideogram = await startFakeIdeogram({ apiKey: KEY, resultBytes: 'small', latencyMs: 250 });
});
afterAll(async () => {
  await ideogram.close();
  await Promise.all(services.map(service => service.close()));
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
  readonly service: FakeArtifactService;
  readonly main: ActionRun;
  readonly post: ActionRun;
  /** Sources the manifest records after the post step. */
  readonly recorded: string[];
  /** The result paths it names. */
  readonly results: string[];
  /** Upscale requests sent by when the signal was sent, and in all. */
  readonly sentBySignal: number;
  readonly sentAfter: number;
}

/** Runs the bundle, sends `signal` once `moment()` holds, then runs the post entry with the saved state. */
async function killAt(
  name: string,
  signal: NodeJS.Signals,
  moment: { stallMs: number; reached: () => boolean }
): Promise<Killed> {
  const workspace = await makeWorkspace(SOURCES);
  const service = await freshService();
  ideogram.resetStats();
  ideogram.options.downloadStallMs = moment.stallMs;
  let child: ChildProcess | undefined;
  const running = runAction({
    workspace,
    inputs: inputs(name),
    env: { ...service.env, GITHUB_RUN_ID: '9100' },
    onSpawn: spawned => (child = spawned)
  });
  await Promise.race([when(moment.reached), running]);
  child?.kill(signal);
  // Requests already on their way when the signal was sent still count as sent before it.
  const sentBySignal = ideogram.stats.requests + 2;
  const main = await running;
  const sentAfter = ideogram.stats.requests;
  const post = await runAction({
    workspace,
    inputs: inputs(name),
    env: { ...service.env, GITHUB_RUN_ID: '9100' },
    state: main.state,
    bundle: POST_BUNDLE
  });
  const manifest = await Manifest.load(workspace, MANIFEST);
  return {
    workspace,
    service,
    main,
    post,
    recorded: Object.keys(manifest.document.sources).sort(),
    results: [...manifest.resultOwners().keys()].sort(),
    sentBySignal,
    sentAfter
  };
}

/** The results the manifest names are exactly the result files on disk, and no temporary file is anywhere. */
async function expectConsistent(killed: Killed): Promise<void> {
  const manifest = await Manifest.load(killed.workspace, MANIFEST);
  const named = [...manifest.resultOwners().keys()].sort();
  const files = await listFiles(killed.workspace);
  expect(files.filter(path => path.startsWith('upscaled/'))).toEqual(named);
  expect(files.filter(path => path.endsWith('.part') || path.endsWith('.journal'))).toEqual([]);
  for (const path of named) await access(join(killed.workspace, path));
}

function artifactResults(killed: Killed, name: string): string[] {
  return [...killed.service.files(name).keys()].filter(path => path.startsWith('upscaled/')).sort();
}

/** Moments of a batch of 10 (two in flight at once, 250 ms each) to be stopped at. */
const MOMENTS = {
  'before the first result': { stallMs: 0, reached: () => ideogram.stats.requests >= 1 },
  'mid batch': { stallMs: 0, reached: () => ideogram.upscales.length >= 4 },
  // The download's second half comes 3 s later: within SIGINT's grace, past SIGTERM's.
  'during a download': { stallMs: 3000, reached: () => ideogram.stats.downloads >= 1 }
} as const;

const CASES = (['SIGINT', 'SIGTERM'] as const).flatMap(signal =>
  (Object.keys(MOMENTS) as (keyof typeof MOMENTS)[]).map(moment => [signal, moment] as const)
);

describe.each(CASES)('stopped with %s %s', (signal, moment) => {
  const name = `${signal}-${moment.replace(/ /g, '-')}`;
  let killed: Killed;
  beforeAll(async () => {
    killed = await killAt(name, signal, MOMENTS[moment]);
  });

  it('stops starting upscales, says what was done and what was not, and fails the step', () => {
    expect(killed.main.code).toBe(1);
    expect(killed.main.stdout).toContain(
      `::warning::Received ${signal}: starting no new upscale; what is in flight gets a few seconds to finish.`
    );
    expect(killed.main.stdout).toMatch(/::group::Not done \(\d+\): the next run takes these/);
    expect(killed.main.stdout).toMatch(
      new RegExp(
        `::error::Cancelled: \\d+ upscaled, .*, of 10\\. The manifest records the ${killed.recorded.length} finished source\\(s\\)`
      )
    );
    // Nothing new starts: at most the two in flight, and what is taken up before the signal lands.
    expect(killed.sentBySignal).toBeGreaterThanOrEqual(killed.sentAfter);
    expect(killed.recorded.length).toBeLessThan(10);
  });

  it('leaves a manifest that records exactly the results on disk, and no temporary file', async () => {
    await expectConsistent(killed);
  });

  it('the post step publishes exactly the finished results and the manifest', () => {
    expect(killed.post.code).toBe(0);
    expect(killed.post.stdout).toContain(
      `The upscale step stopped before publishing: publishing the ${killed.recorded.length} source(s) it finished.`
    );
    if (killed.recorded.length === 0) return;
    expect(artifactResults(killed, name)).toEqual(killed.results);
    expect(killed.service.files(name).has(MANIFEST)).toBe(true);
  });

  it('the next run pays only for the rest', async () => {
    ideogram.resetStats();
    ideogram.options.downloadStallMs = 0;
    const next = await runAction({
      workspace: killed.workspace,
      inputs: inputs(`next-${name}`),
      env: { ...killed.service.env, GITHUB_RUN_ID: '9101' }
    });
    expect(next.code).toBe(0);
    expect(ideogram.upscales.length).toBe(10 - killed.recorded.length);
    expect(next.outputs).toMatchObject({ skipped: String(killed.recorded.length) });
  });
});

describe('after a main step that published', () => {
  it('the post step does nothing', async () => {
    const service = await freshService();
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

describe('the command-line tool stopped with Ctrl-C (SIGINT) mid batch', () => {
  const CLI = resolve(import.meta.dirname, '../../dist/cli/index.js');
  let workspace: string;
  let stopped: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    workspace = await makeWorkspace(SOURCES);
    ideogram.resetStats();
    ideogram.options.downloadStallMs = 0;
    const child = spawn(process.execPath, [CLI, '--api-url', ideogram.url, '--concurrency', '2', 'pics/*.png'], {
      cwd: workspace,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, IDEOGRAM_API_KEY: KEY }
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    const closed = new Promise<number | null>(done => child.on('close', done));
    await Promise.race([when(() => ideogram.upscales.length >= 4), closed]);
    child.kill('SIGINT');
    stopped = { code: await closed, stdout, stderr };
  });

  it('prints what was done and what was not, writes its gallery of what was done, and exits 130', async () => {
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('Stopping (SIGINT): no new upscales');
    expect(stopped.stderr).toMatch(/Stopped\. Not done \(\d+; the next run takes them\):/);
    expect(stopped.stderr).toMatch(/\d+ upscaled, 0 failed, 0 unsafe, 0 skipped, \d+ deferred, of 10\./);
    expect(stopped.stderr).toContain('Gallery: gallery/index.html');
    const page = await readFile(join(workspace, 'gallery/index.html'), 'utf8');
    const manifest = await Manifest.load(workspace, 'upscaled/.ideogram-upscale.json');
    const done = Object.keys(manifest.document.sources);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(10);
    for (const source of done) expect(page).toContain(source);
    expect(stopped.stdout.split('\n').filter(Boolean).sort()).toEqual([...manifest.resultOwners().keys()].sort());
  });

  it('keeps a manifest of exactly the results on disk, and no temporary file', async () => {
    const manifest = await Manifest.load(workspace, 'upscaled/.ideogram-upscale.json');
    const files = await listFiles(workspace);
    expect(files.filter(path => path.startsWith('upscaled/') && path.endsWith('.png'))).toEqual(
      [...manifest.resultOwners().keys()].sort()
    );
    expect(files.filter(path => path.endsWith('.part') || path.endsWith('.journal'))).toEqual([]);
  });
});

describe('killed with SIGKILL during a download', () => {
  /** Named like ours but not abandoned by us: a user's files, and a write of a live process (this one). */
  const OTHERS = {
    'upscaled/pics/notes.part': 'a file of the user',
    'upscaled/pics/.upscale-draft.part': 'another',
    [`upscaled/pics/.upscale-${process.pid}-0123456789ab.part`]: 'a live run is writing this'
  };
  const ours = (path: string): boolean => /(^|\/)\.upscale-\d+-[0-9a-f]{12}\.part$/.test(path) && !(path in OTHERS);
  let workspace: string;
  let left: string[];
  let recorded: number;
  let next: ActionRun;
  let nextStarted: number;

  beforeAll(async () => {
    workspace = await makeWorkspace({ ...SOURCES, ...OTHERS });
    const service = await freshService();
    ideogram.resetStats();
    ideogram.options.downloadStallMs = 3000;
    let child: ChildProcess | undefined;
    let exited = false;
    const running = runAction({
      workspace,
      inputs: inputs('sigkill'),
      env: service.env,
      onSpawn: spawned => (child = spawned)
    }).finally(() => (exited = true));
    // Killed once a result is half-written: no handler runs, so its temporary file stays behind.
    while (!exited && !(await listFiles(workspace)).some(ours)) await new Promise(resolve => setTimeout(resolve, 5));
    child?.kill('SIGKILL');
    await running;
    left = (await listFiles(workspace)).filter(ours);
    recorded = Object.keys((await Manifest.load(workspace, MANIFEST)).document.sources).length;
    ideogram.resetStats();
    ideogram.options.downloadStallMs = 0;
    nextStarted = Date.now();
    next = await runAction({
      workspace,
      inputs: inputs('after-sigkill'),
      env: { ...service.env, GITHUB_RUN_ID: '9102' }
    });
  });

  it('the next run removes the temporary files it left, says so, and touches nothing else', async () => {
    expect(left.length).toBeGreaterThan(0);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain(`Removed ${left.length} temporary file(s) a killed run left behind: `);
    for (const path of left) expect(next.stdout).toContain(path);
    const files = await listFiles(workspace);
    expect(files.filter(path => path.endsWith('.part'))).toEqual(Object.keys(OTHERS).sort());
    for (const [path, content] of Object.entries(OTHERS))
      expect(await readFile(join(workspace, path), 'utf8')).toBe(content);
  });

  it('and pays only for the rest', () => {
    // The fake still answers, to no one, what was in flight when the first run was killed: those are not counted.
    expect(ideogram.upscales.filter(upscale => upscale.at >= nextStarted).length).toBe(10 - recorded);
  });
});
