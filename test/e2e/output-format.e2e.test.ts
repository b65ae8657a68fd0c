/**
 * Output formats and sizes through the built bundle: results converted on the way to disk, and a change of format,
 * quality or size converting the earlier results again instead of paying for new upscales.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodePng, startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { makeWorkspace } from '../support/workspace.js';

const KEY = 'sk-format-test';

interface ResultEntry {
  source: string;
  status: string;
  outputs: { path: string; resolution: string | null }[];
  error?: string;
  convertedFrom?: string[];
}

let ideogram: FakeIdeogram;
let workspace: string;

beforeAll(async () => {
  ideogram = await startFakeIdeogram({ apiKey: KEY });
  workspace = await makeWorkspace({ 'art/a.png': encodePng(40, 30, 1), 'art/b.png': encodePng(30, 40, 2) });
});
afterAll(() => ideogram.close());

async function run(
  inputs: Record<string, string>,
  code = 0
): Promise<{ run: ActionRun; results: ResultEntry[]; calls: number }> {
  ideogram.resetStats();
  const result = await runAction({
    workspace,
    inputs: { 'api-key': KEY, 'api-url': ideogram.url, publish: 'none', ...inputs }
  });
  expect(result.code).toBe(code);
  return {
    run: result,
    results: JSON.parse(result.outputs.results ?? '[]') as ResultEntry[],
    calls: ideogram.upscales.length
  };
}

const header = async (path: string): Promise<string> =>
  (await readFile(join(workspace, path))).subarray(0, 16).toString('latin1');

describe('output-format, quality and size', () => {
  it('writes results as Ideogram returns them by default', async () => {
    const { results, calls } = await run({});
    expect(calls).toBe(2);
    expect(results.map(r => r.outputs[0]?.path)).toEqual(['upscaled/art/a.png', 'upscaled/art/b.png']);
    expect(results.map(r => r.outputs[0]?.resolution)).toEqual(['80x60', '60x80']);
  });

  it('a new format converts the earlier results again, with no new upscale', async () => {
    const { results, calls, run: done } = await run({ 'output-format': 'webp', quality: '70' });
    expect(calls).toBe(0);
    expect(results.map(r => [r.status, r.outputs[0]?.path])).toEqual([
      ['upscaled', 'upscaled/art/a.webp'],
      ['upscaled', 'upscaled/art/b.webp']
    ]);
    expect(await header('upscaled/art/a.webp')).toMatch(/^RIFF....WEBP/s);
    expect(done.stdout).toMatch(
      /\[1\/2\] art\/a\.png → converted from upscaled\/art\/a\.png, nothing sent; upscaled\/art\/a\.webp 80x60 \(\d+\.\d s\)/
    );
    expect(results[0]).toMatchObject({ convertedFrom: ['upscaled/art/a.png'] });
    const manifest = JSON.parse(await readFile(join(workspace, '.github/upscaled-images.json'), 'utf8')) as {
      sources: Record<string, { settings: { output?: unknown } }>;
    };
    expect(manifest.sources['art/a.png']?.settings.output).toEqual({ format: 'webp', quality: 70 });
  });

  it('the same settings again: nothing to do', async () => {
    const { results, calls } = await run({ 'output-format': 'webp', quality: '70' });
    expect(calls).toBe(0);
    expect(results.map(r => r.status)).toEqual(['skipped', 'skipped']);
  });

  it('a smaller box is converted from the PNGs as returned; {ext} follows the format; a file not ours is kept', async () => {
    await writeFile(join(workspace, 'upscaled/art/b.avif'), 'made by hand');
    // A source that failed makes the step fail.
    const { results, calls, run: done } = await run({ 'output-format': 'avif', 'max-width': '20' }, 1);
    expect(calls).toBe(0);
    expect(done.stdout).toContain('::error');
    expect(results.map(r => [r.status, r.outputs[0]?.path, r.outputs[0]?.resolution])).toEqual([
      ['upscaled', 'upscaled/art/a.avif', '20x15'],
      ['failed', undefined, undefined]
    ]);
    expect(results[1]?.error).toBe(
      "not sent: upscaled/art/b.avif already exists and is not a result of this action; 'overwrite: true' replaces it"
    );
    expect(await readFile(join(workspace, 'upscaled/art/b.avif'), 'utf8')).toBe('made by hand');
    expect(await header('upscaled/art/a.avif')).toContain('ftypavif');
  });

  it('back to an earlier format: its older file is ours, converted over, and nothing is paid', async () => {
    const before = await readFile(join(workspace, 'upscaled/art/a.webp'));
    const { results, calls } = await run({ 'output-format': 'webp', quality: '90' });
    expect(calls).toBe(0);
    expect(results.map(r => [r.status, r.outputs[0]?.path, r.outputs[0]?.resolution])).toEqual([
      ['upscaled', 'upscaled/art/a.webp', '80x60'],
      ['upscaled', 'upscaled/art/b.webp', '60x80']
    ]);
    expect((await readFile(join(workspace, 'upscaled/art/a.webp'))).equals(before)).toBe(false);
  });

  it('a larger box than the last one is made from the PNGs as returned, not paid for again', async () => {
    const { results, calls } = await run({ 'output-format': 'jpeg', 'max-width': '70' });
    expect(calls).toBe(0);
    expect(results.map(r => [r.status, r.outputs[0]?.path, r.outputs[0]?.resolution])).toEqual([
      ['upscaled', 'upscaled/art/a.jpg', '70x53'],
      ['upscaled', 'upscaled/art/b.jpg', '60x80']
    ]);
  });

  it('without the PNGs, a larger box is upscaled again: results are never enlarged', async () => {
    await rm(join(workspace, 'upscaled/art/a.png'));
    await rm(join(workspace, 'upscaled/art/b.png'));
    const { results, calls } = await run({ 'output-format': 'jpeg', 'max-width': '75' });
    expect(calls).toBe(2);
    expect(results.map(r => [r.status, r.outputs[0]?.path, r.outputs[0]?.resolution])).toEqual([
      ['upscaled', 'upscaled/art/a.jpg', '75x56'],
      ['upscaled', 'upscaled/art/b.jpg', '60x80']
    ]);
  });

  it('an upscale may write where the earlier formats left files: they are ours, with no overwrite', async () => {
    // As returned, a result may come back as PNG, JPEG or WebP: each of those paths is checked, and the WebP
    // files of the earlier runs stand at one of them.
    const { results, calls } = await run({});
    expect(calls).toBe(2);
    expect(results.map(r => [r.status, r.outputs[0]?.path, r.outputs[0]?.resolution])).toEqual([
      ['upscaled', 'upscaled/art/a.png', '80x60'],
      ['upscaled', 'upscaled/art/b.png', '60x80']
    ]);
  });

  it('refuses a quality for PNG, naming the input', async () => {
    const result = await runAction({
      workspace,
      inputs: { 'api-key': KEY, 'api-url': ideogram.url, publish: 'none', 'output-format': 'png', quality: '80' }
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "::error::Input 'quality' applies to the lossy formats (webp, avif, jpeg); 'output-format' is png; got '80'."
    );
  });
});

describe('a source Ideogram withheld as unsafe', () => {
  it('is not asked for again when only the format changes: it was billed, and there is nothing to convert', async () => {
    const space = await makeWorkspace({ 'art/ok.png': encodePng(40, 30, 3), 'art/bad.png': encodePng(30, 30, 4) });
    const inputs = { 'api-key': KEY, 'api-url': ideogram.url, publish: 'none', 'fail-on-error': 'false' };
    ideogram.resetStats();
    ideogram.inject({ kind: 'unsafe' }, { fileName: 'bad.png' });
    const first = await runAction({ workspace: space, inputs });
    expect(JSON.parse(first.outputs.results ?? '[]')).toMatchObject([
      { source: 'art/bad.png', status: 'unsafe' },
      { source: 'art/ok.png', status: 'upscaled' }
    ]);
    ideogram.resetStats();
    const again = await runAction({ workspace: space, inputs: { ...inputs, 'output-format': 'jpeg' } });
    expect(ideogram.upscales.length).toBe(0);
    const results = JSON.parse(again.outputs.results ?? '[]') as ResultEntry[];
    expect(results.map(r => [r.source, r.status, r.outputs[0]?.path])).toEqual([
      ['art/bad.png', 'skipped', undefined],
      ['art/ok.png', 'upscaled', 'upscaled/art/ok.jpg']
    ]);
    expect(results[0]?.error).toMatch(/^Ideogram withheld its result as unsafe on .*; nothing to convert \(/);
  });
});
