/**
 * The built bundle, run exactly as the runner runs it (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, the
 * Node.js version action.yml names), against the loopback Ideogram API and artifact service.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeArtifactService, type FakeArtifactService } from '../fakes/artifact-server.js';
import { encodePng, pngSize, startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { TINY_JPEG, makeWorkspace } from '../support/workspace.js';

const KEY = 'sk-e2e-0123456789abcdef';

interface ResultEntry {
  source: string;
  status: string;
  outputs: { path: string; resolution: string | null; seed: number | null; prompt: string | null }[];
  error?: string;
}

let ideogram: FakeIdeogram;
let artifacts: FakeArtifactService;

beforeAll(async () => {
  ideogram = await startFakeIdeogram({ apiKey: KEY, latencyMs: 50 });
  artifacts = await startFakeArtifactService();
});
afterAll(async () => {
  await ideogram.close();
  await artifacts.close();
});

function sources(): Record<string, Buffer | string> {
  return {
    'assets/hero.png': encodePng(64, 40, 1),
    'assets/icons/star.png': encodePng(16, 16, 2),
    'photos/cat.jpg': TINY_JPEG,
    'assets/notes.png': 'this is text, not a picture',
    // A result of an earlier run: must never be sent again.
    'upscaled/assets/old.png': encodePng(8, 8, 3),
    'README.md': '# pictures'
  };
}

/** Everything a person could see; the runner consumes `::add-mask::` itself and shows nothing of it. */
function expectKeyNowhere(run: ActionRun): void {
  const log = run.stdout.replace(/^::add-mask::.*$/gm, '');
  for (const text of [log, run.stderr, run.summary, JSON.stringify(run.outputs)]) {
    expect(text).not.toContain(KEY);
  }
}

describe('the bundle as the runner runs it', () => {
  let workspace: string;
  let run: ActionRun;
  let results: ResultEntry[];

  beforeAll(async () => {
    workspace = await makeWorkspace(sources());
    ideogram.resetStats();
    run = await runAction({
      workspace,
      inputs: { 'api-key': KEY, 'api-url': ideogram.url, resemblance: '60', 'retention-days': '5' },
      env: artifacts.env
    });
    results = JSON.parse(run.outputs.results ?? '[]') as ResultEntry[];
  });

  it('upscales every image, reports the bad one with its reason, and fails the step for it', () => {
    expect(run.code).toBe(1);
    expect(results.map(r => [r.source, r.status])).toEqual([
      ['assets/hero.png', 'upscaled'],
      ['assets/icons/star.png', 'upscaled'],
      ['assets/notes.png', 'failed'],
      ['photos/cat.jpg', 'upscaled']
    ]);
    expect(results.find(r => r.source === 'assets/notes.png')?.error).toMatch(/not a JPEG, PNG or WebP/);
    expect(run.stdout).toMatch(/::error file=assets\/notes\.png::.*not a JPEG, PNG or WebP/);
    expect(run.stdout).toMatch(/\[\d\/4\] assets\/hero\.png → upscaled\/assets\/hero\.png 128x80 \(\d+\.\d s\)/);
    expect(run.outputs).toMatchObject({ upscaled: '3', failed: '1', skipped: '0', unsafe: '0' });
  });

  it('sends only what is set, with the key, and never takes earlier results as sources', () => {
    expect(ideogram.upscales.map(u => u.fileName).sort()).toEqual(['cat.jpg', 'hero.png', 'star.png']);
    for (const upscale of ideogram.upscales) {
      expect(upscale.imageRequest).toEqual({ resemblance: 60 });
      expect(upscale.headers['api-key']).toBe(KEY);
    }
    expect(ideogram.upscales.find(u => u.fileName === 'cat.jpg')?.fileContentType).toBe('image/jpeg');
  });

  it('writes byte-identical results under upscaled/ with the result format as extension, sources untouched', async () => {
    const written = (run.outputs.files ?? '').split('\n').sort();
    expect(written).toEqual(['upscaled/assets/hero.png', 'upscaled/assets/icons/star.png', 'upscaled/photos/cat.png']);
    const served = new Set([...ideogram.served.values()].map(bytes => bytes.toString('base64')));
    for (const path of written) {
      expect(served.has((await readFile(join(workspace, path))).toString('base64'))).toBe(true);
    }
    expect(pngSize(await readFile(join(workspace, 'upscaled/assets/hero.png')))).toEqual({ width: 128, height: 80 });
    expect(await readFile(join(workspace, 'assets/hero.png'))).toEqual(sources()['assets/hero.png']);
    expect(await readdir(join(workspace, 'upscaled/assets'))).toEqual(['hero.png', 'icons', 'old.png']);
    // The gallery goes to the artifact only, never into the workspace.
    expect(await readdir(workspace)).not.toContain('gallery');
    expect(ideogram.stats.downloadsWithApiKey).toBe(0);
  });

  it('uploads the results, the manifest and a before/after gallery as an artifact, and reports where to get it', async () => {
    const artifact = artifacts.artifacts.find(a => a.name === 'upscaled-images');
    expect(artifact?.finalized).toBe(true);
    const files = artifacts.files('upscaled-images');
    expect([...files.keys()].sort()).toEqual([
      '.github/upscaled-images.json',
      'gallery/index.html',
      'gallery/originals/assets/hero.png',
      'gallery/originals/assets/icons/star.png',
      'gallery/originals/assets/notes.png',
      'gallery/originals/photos/cat.jpg',
      'results.json',
      'upscaled/assets/hero.png',
      'upscaled/assets/icons/star.png',
      'upscaled/photos/cat.png'
    ]);
    const page = files.get('gallery/index.html')?.toString('utf8') ?? '';
    expect(page).toContain('src="../upscaled/assets/hero.png"');
    expect(page).toContain('src="originals/assets/hero.png"');
    expect(files.get('upscaled/photos/cat.png')).toEqual(await readFile(join(workspace, 'upscaled/photos/cat.png')));
    expect(JSON.parse(files.get('results.json')?.toString('utf8') ?? '')).toEqual(results);
    const days = (Date.parse(artifact?.expiresAt ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(4.9);
    expect(days).toBeLessThan(5.1);
    expect(run.outputs['artifact-id']).toBe(String(artifact?.id));
    expect(run.outputs['artifact-url']).toBe(
      `https://github.com/octo/pictures/actions/runs/4242/artifacts/${artifact?.id}`
    );
  });

  it('writes the whole results document to results-file, and says the results output is complete', async () => {
    expect(run.outputs['results-truncated']).toBe('false');
    expect(JSON.parse(await readFile(run.outputs['results-file'] ?? '', 'utf8'))).toEqual(results);
  });

  it('writes a job summary with a row per source', () => {
    expect(run.summary).toContain('3 upscaled, 1 failed, 0 unsafe, 0 skipped, 0 deferred, of 4.');
    expect(run.summary).toContain('<code>photos/cat.jpg</code>');
    expect(run.summary).toContain('<code>upscaled/photos/cat.png</code>');
    expect(run.summary).toMatch(/not a JPEG, PNG or WebP/);
    expect(run.summary).toContain(run.outputs['artifact-url']);
  });

  it('never shows the API key', () => {
    expectKeyNowhere(run);
    expect(run.stdout).toContain(`::add-mask::${KEY}`);
  });
});

describe('failing fast on bad settings', () => {
  it('names the input, the value and the range, and sends nothing', async () => {
    const workspace = await makeWorkspace({ 'a.png': encodePng(4, 4) });
    ideogram.resetStats();
    const run = await runAction({ workspace, inputs: { 'api-key': KEY, 'api-url': ideogram.url, detail: '101' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Input 'detail' must be a whole number from 1 to 100; got '101'.");
    expect(ideogram.stats.requests).toBe(0);
    expectKeyNowhere(run);
  });

  it('refuses a missing key', async () => {
    const workspace = await makeWorkspace({ 'a.png': encodePng(4, 4) });
    const run = await runAction({ workspace, inputs: { 'api-url': ideogram.url } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::Input 'api-key' is required/);
  });
});

describe('dry run and publish none', () => {
  it('lists what would be sent without calling the API or needing a key', async () => {
    const workspace = await makeWorkspace(sources());
    ideogram.resetStats();
    const run = await runAction({
      workspace,
      inputs: { 'api-url': ideogram.url, 'dry-run': 'true', 'num-images': '3' },
      env: artifacts.env
    });
    expect(run.code).toBe(0);
    expect(ideogram.stats.requests).toBe(0);
    expect(run.outputs).toMatchObject({ upscaled: '0', skipped: '4', files: '', 'artifact-id': '' });
    const line = 'Dry run: would send 4 request(s) for 12 image(s); nothing was sent.';
    expect(run.stdout).toContain(`${line}\n`);
    expect(run.summary).toContain(line);
  });

  it('counts only what it would send: not what the manifest says is done', async () => {
    const workspace = await makeWorkspace(sources());
    const inputs = { 'api-key': KEY, 'api-url': ideogram.url, 'num-images': '3', publish: 'none' };
    const first = await runAction({ workspace, inputs: { ...inputs, 'fail-on-error': 'false' }, env: artifacts.env });
    expect(first.outputs).toMatchObject({ upscaled: '3', failed: '1' });
    await writeFile(join(workspace, 'assets/new.png'), encodePng(12, 12, 4));

    ideogram.resetStats();
    const dry = await runAction({ workspace, inputs: { ...inputs, 'dry-run': 'true' }, env: artifacts.env });
    expect(dry.code).toBe(0);
    expect(ideogram.stats.requests).toBe(0);
    // The new image and the one that failed; the three done before are skipped.
    expect(dry.stdout).toContain('Dry run: would send 2 request(s) for 6 image(s); nothing was sent.');
  });

  it('a re-run sends again only a source whose result is gone: a result removed by hand, or never made', async () => {
    const workspace = await makeWorkspace(sources());
    const inputs = { 'api-key': KEY, 'api-url': ideogram.url, publish: 'none', 'fail-on-error': 'false' };
    await runAction({ workspace, inputs, env: artifacts.env });
    await rm(join(workspace, 'upscaled/assets/icons/star.png'));
    ideogram.resetStats();
    const again = await runAction({ workspace, inputs, env: artifacts.env });
    expect(again.outputs).toMatchObject({ upscaled: '1', skipped: '2', failed: '1' });
    expect(ideogram.upscales.filter(upscale => upscale.status === 200).map(upscale => upscale.fileName)).toEqual([
      'star.png'
    ]);
  });

  it('leaves results in the workspace for later steps, passes with fail-on-error false', async () => {
    const workspace = await makeWorkspace(sources());
    const before = artifacts.artifacts.length;
    const run = await runAction({
      workspace,
      inputs: { 'api-key': KEY, 'api-url': ideogram.url, publish: 'none', 'fail-on-error': 'false' },
      env: artifacts.env
    });
    expect(run.code).toBe(0);
    expect(artifacts.artifacts.length).toBe(before);
    expect((await stat(join(workspace, 'upscaled/assets/hero.png'))).isFile()).toBe(true);
    expect(run.outputs.failed).toBe('1');
  });
});
