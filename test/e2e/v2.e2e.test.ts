/**
 * Ideogram's v2 upscalers through the built bundle, run as the runner runs it, and through the built CLI, against
 * the loopback Ideogram's v2 surface: every model, price quotes, max-cost, async jobs that survive a crash, failed
 * and unsafe generations, and the legacy endpoint's successor notice.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SUCCESSOR_LINK, encodePng, pngSize, startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { runAction } from '../support/run-action.js';
import { makeWorkspace } from '../support/workspace.js';

const KEY = 'sk-e2e-v2-0123456789abcdef';
const CLI = resolve(import.meta.dirname, '../../dist/cli/index.js');

interface ResultEntry {
  source: string;
  status: string;
  outputs: { path: string; resolution: string | null }[];
  error?: string;
  quote?: { usdMicros: number; qualifier: string; upperBoundUsdMicros?: number };
  spentUsdMicros?: number;
}

let ideogram: FakeIdeogram;

beforeAll(async () => {
  ideogram = await startFakeIdeogram({ apiKey: KEY });
});
afterAll(() => ideogram.close());
afterEach(() => {
  ideogram.v2.onAccepted = undefined;
  ideogram.v2.options.generationMs = 40;
});

function inputs(extra: Record<string, string>): Record<string, string> {
  return { 'api-key': KEY, 'api-url': ideogram.url, publish: 'none', 'changed-only': 'false', ...extra };
}

function results(outputs: Record<string, string>): ResultEntry[] {
  return JSON.parse(outputs.results ?? '[]') as ResultEntry[];
}

/** Log lines that mention `text`, as the runner shows them. */
function lines(stdout: string, text: string): string[] {
  return stdout.split('\n').filter(line => line.includes(text));
}

describe('every v2 model, through the bundle', () => {
  it.each<[string, Record<string, string>, string]>([
    ['auto', { 'upscale-factor': 'x4' }, '160x120'],
    ['topaz-standard-2', { 'model-options': '{denoise: 0.2, sharpen: 0.4}' }, '80x60'],
    ['topaz-text-refine', { seed: '7', 'upscale-factor': 'x8' }, '320x240'],
    ['topaz-wonder-3-5', { 'enhancement-strength': 'low' }, '80x60'],
    ['topaz-wonder-4', { 'upscale-factor': 'x4' }, '160x120'],
    ['topaz-bloom-2', { creativity: '4', prompt: 'crisp knit texture' }, '80x60'],
    ['topaz-redefine', { 'model-options': 'texture: 2\ndetail: true\ndetail_strength: 3' }, '80x60'],
    ['nano-banana-pro', { 'resolution-tier': '1K' }, '1024x768']
  ])('%s: sent as its own form, polled to completion, written at the planned path', async (model, extra, size) => {
    const workspace = await makeWorkspace({ 'art/photo.png': encodePng(40, 30, 1) });
    const before = ideogram.v2.requests.length;
    const run = await runAction({ workspace, inputs: inputs({ model, ...extra }) });

    expect(run.code).toBe(0);
    const [entry] = results(run.outputs);
    expect(entry).toMatchObject({ source: 'art/photo.png', status: 'upscaled' });
    expect(entry?.outputs).toEqual([
      { path: 'upscaled/art/photo.png', resolution: size, seed: expect.any(Number), prompt: null }
    ]);
    expect(pngSize(await readFile(join(workspace, 'upscaled/art/photo.png')))).toBeDefined();
    const sent = ideogram.v2.requests.slice(before);
    expect(sent.map(request => [request.model, request.status, request.dryRun])).toEqual([[model, 200, false]]);
    expect(sent[0]?.fields).toMatchObject({ async: 'true', private: 'true' });
    expect(run.outputs['spent-usd']).toMatch(/^\d+\.\d+$/);
    const manifest = JSON.parse(await readFile(join(workspace, '.github/upscaled-images.json'), 'utf8')) as {
      sources: Record<string, { settings: Record<string, unknown>; spentUsdMicros?: number }>;
      pending?: unknown;
    };
    expect(manifest.sources['art/photo.png']?.settings).toMatchObject({ provider: 'ideogram', model });
    expect(manifest.sources['art/photo.png']?.spentUsdMicros).toBe(entry?.spentUsdMicros);
    expect(manifest.pending).toBeUndefined();
  });
});

describe('the manifest fingerprint', () => {
  it('holds the model, the factor and every option: unchanged skips, any change redoes', async () => {
    const workspace = await makeWorkspace({ 'a.png': encodePng(16, 16, 1) });
    const settings = { model: 'topaz-redefine', 'upscale-factor': 'x2', 'model-options': '{texture: 2}' };
    const sent = (): number => ideogram.v2.stats.submitted;
    const runWith = async (extra: Record<string, string>): Promise<string | undefined> => {
      const run = await runAction({ workspace, inputs: inputs({ ...settings, ...extra }) });
      expect(run.code).toBe(0);
      return results(run.outputs)[0]?.status;
    };
    const before = sent();
    expect(await runWith({})).toBe('upscaled');
    expect(await runWith({})).toBe('skipped');
    expect(await runWith({ 'model-options': 'texture: 2' })).toBe('skipped');
    expect(await runWith({ 'model-options': '{texture: 3}' })).toBe('upscaled');
    expect(await runWith({ 'model-options': '{texture: 3}', 'upscale-factor': 'x4' })).toBe('upscaled');
    expect(await runWith({ model: 'auto', 'model-options': '', 'upscale-factor': 'x4' })).toBe('upscaled');
    expect(sent() - before).toBe(4);
  }, 60_000);
});

describe('price before paying', () => {
  it('dry run: each image quoted exactly as it would be sent, the total in the log, outputs and summary', async () => {
    const workspace = await makeWorkspace({
      'a.png': encodePng(1024, 1024, 1),
      'b.png': encodePng(512, 256, 2),
      'c.png': encodePng(64, 64, 3)
    });
    ideogram.v2.inject({ kind: 'estimate' }, { fileName: 'c.png' });
    const before = ideogram.v2.stats.submitted;
    const run = await runAction({
      workspace,
      inputs: inputs({ model: 'topaz-standard-2', 'upscale-factor': 'x2', 'dry-run': 'true' })
    });

    expect(run.code).toBe(0);
    expect(ideogram.v2.stats.submitted).toBe(before);
    const byName = new Map(results(run.outputs).map(entry => [entry.source, entry]));
    // 2048×2048 at $0.03 an output megapixel, as Ideogram quoted it in the contract's recordings.
    expect(byName.get('a.png')?.quote).toEqual({ usdMicros: 125830, qualifier: 'exact', creditMillis: 12583 });
    expect(byName.get('b.png')?.quote?.usdMicros).toBe(15729);
    expect(byName.get('c.png')?.quote).toMatchObject({
      qualifier: 'estimate',
      upperBoundUsdMicros: expect.any(Number)
    });
    expect(run.stdout).toMatch(/\[\d\/3\] a\.png skipped: dry run: quoted \$0\.12583 \(exact, 12\.583 credits\)\n/);
    // 125830 + 15729 + 492 (128×128 for c.png) micro-dollars.
    expect(byName.get('c.png')?.quote?.usdMicros).toBe(492);
    expect(run.outputs['quoted-usd']).toBe('0.142051');
    expect(lines(run.stdout, 'Quoted $')).toHaveLength(1);
    expect(run.summary).toContain('Quoted $');
    expect(run.summary).toContain('1 estimate(s): at most');
    console.log(
      `dry run printed:\n${[...lines(run.stdout, 'dry run: quoted'), ...lines(run.stdout, 'Quoted $')].join('\n')}`
    );
  });

  it('max-cost stops before the running total of quotes would pass it; the rest are deferred with their quotes', async () => {
    const workspace = await makeWorkspace({
      '1.png': encodePng(1024, 1024, 1),
      '2.png': encodePng(1024, 1024, 2),
      '3.png': encodePng(1024, 1024, 3),
      '4.png': encodePng(1024, 1024, 4)
    });
    const submitted = ideogram.v2.stats.submitted;
    // Each is quoted $0.12583: two fit under $0.30, a third would pass it.
    const run = await runAction({
      workspace,
      inputs: inputs({ model: 'topaz-standard-2', 'max-cost': '0.30', concurrency: '1' })
    });

    expect(run.code).toBe(0);
    expect(ideogram.v2.stats.submitted - submitted).toBe(2);
    const statuses = results(run.outputs).map(entry => entry.status);
    expect(statuses.filter(status => status === 'upscaled')).toHaveLength(2);
    expect(statuses.filter(status => status === 'deferred')).toHaveLength(2);
    expect(run.outputs.deferred).toBe('2');
    expect(run.outputs['quoted-usd']).toBe('0.25166');
    expect(run.outputs['spent-usd']).toBe('0.25166');
    expect(lines(run.stdout, 'deferred: not sent: max-cost $0.30 reached')).toHaveLength(2);
    console.log(
      `max-cost run printed:\n${[...lines(run.stdout, 'deferred:'), ...lines(run.stdout, 'Quoted $')].join('\n')}`
    );
  });

  it('max-cost with legacy fails before anything is sent, naming the input', async () => {
    const workspace = await makeWorkspace({ 'a.png': encodePng(16, 16, 1) });
    const run = await runAction({ workspace, inputs: inputs({ 'max-cost': '1' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::Input 'max-cost' is for the v2 models/);
  });
});

describe('checked before sending', () => {
  it('a source too large for its factor names the largest factor that fits; the others go on', async () => {
    const workspace = await makeWorkspace({ 'big.png': encodePng(3000, 1000, 1), 'small.png': encodePng(100, 100, 2) });
    const before = ideogram.v2.requests.length;
    const run = await runAction({
      workspace,
      inputs: inputs({ model: 'auto', 'upscale-factor': 'x4', 'fail-on-error': 'false' })
    });
    const byName = new Map(results(run.outputs).map(entry => [entry.source, entry]));
    expect(byName.get('big.png')?.status).toBe('failed');
    expect(byName.get('big.png')?.error).toBe(
      "The file is 3000x1000; at x4 the result would be 12000x4000, over the 8192-px limit of model 'auto'; the largest factor that fits is x2"
    );
    expect(byName.get('small.png')?.status).toBe('upscaled');
    expect(ideogram.v2.requests.slice(before).map(request => request.fileName)).toEqual(['small.png']);
  });

  it('a nano-banana-pro source already at its tier names the tier above it', async () => {
    const workspace = await makeWorkspace({ 'wide.png': encodePng(2048, 1024, 1) });
    const run = await runAction({ workspace, inputs: inputs({ model: 'nano-banana-pro', 'fail-on-error': 'false' }) });
    expect(results(run.outputs)[0]?.error).toMatch(
      /already at or above the 2K tier .*; the largest tier above it is 4K/
    );
  });
});

describe('async jobs', () => {
  it('a crash after acknowledgement: the re-run polls the recorded job and never pays again', async () => {
    const workspace = await makeWorkspace({ 'slow.png': encodePng(32, 32, 1) });
    ideogram.v2.options.generationMs = 6000;
    let runner: ChildProcess | undefined;
    let acknowledged = '';
    ideogram.v2.onAccepted = id => {
      acknowledged = id;
      // Give the client a moment to record the id, then kill it mid-poll, as a cancelled runner would.
      setTimeout(() => runner?.kill('SIGKILL'), 500);
    };
    const submitted = ideogram.v2.stats.submitted;
    const crashed = await runAction({
      workspace,
      inputs: inputs({ model: 'topaz-bloom-2' }),
      onSpawn: child => (runner = child)
    });
    expect(crashed.code).toBeNull();
    // The id was journalled beside the manifest the moment Ideogram accepted the job.
    const journal = await readFile(join(workspace, '.github/upscaled-images.json.journal'), 'utf8');
    expect(
      journal
        .split('\n')
        .filter(line => line !== '')
        .map(line => JSON.parse(line) as unknown)
    ).toEqual([{ accepted: 'slow.png', job: expect.objectContaining({ generationId: acknowledged }) }]);

    ideogram.v2.onAccepted = undefined;
    const rerun = await runAction({ workspace, inputs: inputs({ model: 'topaz-bloom-2' }) });
    expect(rerun.code).toBe(0);
    expect(ideogram.v2.stats.submitted - submitted).toBe(1);
    expect(results(rerun.outputs)[0]).toMatchObject({ source: 'slow.png', status: 'upscaled' });
    const after = JSON.parse(await readFile(join(workspace, '.github/upscaled-images.json'), 'utf8')) as {
      pending?: unknown;
      sources: Record<string, unknown>;
    };
    expect(after.pending).toBeUndefined();
    expect(after.sources['slow.png']).toBeDefined();
  }, 30_000);

  it('polls answered 429 wait for Retry-After, then collect the job', async () => {
    const workspace = await makeWorkspace({ 'a.png': encodePng(16, 16, 1) });
    ideogram.v2.inject({ kind: 'poll-429', times: 2, retryAfterSeconds: 1 }, { fileName: 'a.png' });
    const poll429 = ideogram.v2.stats.poll429;
    const run = await runAction({ workspace, inputs: inputs({ model: 'auto' }) });
    expect(run.code).toBe(0);
    expect(ideogram.v2.stats.poll429 - poll429).toBe(2);
    expect(results(run.outputs)[0]?.status).toBe('upscaled');
  }, 30_000);

  it('a failed generation fails its source with the reason; an unsafe one is reported and billed', async () => {
    const workspace = await makeWorkspace({ 'bad.png': encodePng(16, 16, 1), 'nsfw.png': encodePng(16, 16, 2) });
    ideogram.v2.inject({ kind: 'generation-failed', reason: 'content_policy_violation' }, { fileName: 'bad.png' });
    ideogram.v2.inject({ kind: 'unsafe' }, { fileName: 'nsfw.png' });
    const run = await runAction({ workspace, inputs: inputs({ model: 'topaz-redefine' }) });
    expect(run.code).toBe(1);
    const byName = new Map(results(run.outputs).map(entry => [entry.source, entry]));
    expect(byName.get('bad.png')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/generation \S+ failed: content_policy_violation$/)
    });
    expect(byName.get('nsfw.png')).toMatchObject({ status: 'unsafe', outputs: [], spentUsdMicros: expect.any(Number) });
    const manifest = JSON.parse(await readFile(join(workspace, '.github/upscaled-images.json'), 'utf8')) as {
      pending?: unknown;
      sources: Record<string, unknown>;
    };
    // The failed job is forgotten (not billed: a re-run sends it again); the unsafe one is never asked for again.
    expect(manifest.pending).toBeUndefined();
    expect(Object.keys(manifest.sources)).toEqual(['nsfw.png']);
  });

  it('in-flight places are held until each job completes', async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p${i}.png`, encodePng(16, 16, i)]));
    const workspace = await makeWorkspace(files);
    ideogram.options.inflightLimit = 2;
    ideogram.v2.options.generationMs = 300;
    try {
      const rejected = ideogram.stats.rejected429;
      ideogram.stats.maxImagesInFlight = 0;
      const run = await runAction({ workspace, inputs: inputs({ model: 'auto', concurrency: '2' }) });
      expect(run.code).toBe(0);
      expect(ideogram.stats.maxImagesInFlight).toBe(2);
      expect(ideogram.stats.rejected429).toBe(rejected);
    } finally {
      ideogram.options.inflightLimit = 10;
    }
  }, 30_000);
});

describe('the legacy endpoint', () => {
  it('logs its successor and a deprecation once, whatever the number of images', async () => {
    const workspace = await makeWorkspace({ 'a.png': encodePng(16, 16, 1), 'b.png': encodePng(16, 16, 2) });
    ideogram.options.deprecation = '@1767225600';
    try {
      const run = await runAction({ workspace, inputs: inputs({}) });
      expect(run.code).toBe(0);
      expect(lines(run.stdout, SUCCESSOR_LINK)).toEqual([
        `::notice::Ideogram names a successor to POST /upscale: ${SUCCESSOR_LINK} (set 'model' to use a v2 upscaler). Ideogram marks POST /upscale deprecated (Deprecation: @1767225600)`
      ]);
    } finally {
      ideogram.options.deprecation = '';
    }
  });
});

describe('the command-line tool', () => {
  function cli(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [CLI, '--api-url', ideogram.url, ...args], {
        cwd,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, IDEOGRAM_API_KEY: KEY }
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', chunk => (stdout += chunk));
      child.stderr.on('data', chunk => (stderr += chunk));
      child.on('error', fail);
      child.on('close', code => done({ code, stdout, stderr }));
    });
  }

  it('--model with --dry-run prints each quote and the total', async () => {
    const cwd = await makeWorkspace({ 'a.png': encodePng(1024, 1024, 1) });
    const run = await cli(cwd, ['--model', 'topaz-bloom-2', '--dry-run', 'a.png']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('a.png skipped: dry run: quoted $0.377488 (exact, 37.749 credits)');
    expect(run.stderr).toContain('Quoted $0.377488 for 1 image(s) (exact).');
    console.log(`CLI dry run printed:\n${run.stderr}`);
  });

  it('--model-options checked against the model: exit 2 naming the flag, the model and its fields', async () => {
    const cwd = await makeWorkspace({ 'a.png': encodePng(16, 16, 1) });
    const run = await cli(cwd, ['--model', 'topaz-bloom-2', '--model-options', '{denoise: 0.5}', 'a.png']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--model-options has 'denoise', which model 'topaz-bloom-2' does not take; its fields: /
    );
  });

  it('--max-cost stops mid-batch', async () => {
    const cwd = await makeWorkspace({ 'a.png': encodePng(1024, 1024, 1), 'b.png': encodePng(1024, 1024, 2) });
    const run = await cli(cwd, ['--model', 'auto', '--max-cost', '0.3', '--concurrency', '1', '--no-gallery', '*.png']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/1 upscaled, 0 failed, 0 unsafe, 0 skipped, 1 deferred, of 2\./);
    expect(run.stderr).toContain(
      'Quoted $0.251659 for 1 image(s) (exact). Deferred 1 image(s) quoted $0.251659 past max-cost.'
    );
  });
});
