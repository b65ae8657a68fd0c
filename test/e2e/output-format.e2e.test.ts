/**
 * Output formats and sizes through the built bundle: results converted on the way to disk, and a change of format,
 * quality or size converting the earlier results again instead of paying for new upscales.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodePng, startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { makeWorkspace } from '../support/workspace.js';

const KEY = 'sk-format-test';

interface ResultEntry {
  source: string;
  status: string;
  outputs: { path: string; resolution: string | null }[];
}

let ideogram: FakeIdeogram;
let workspace: string;

beforeAll(async () => {
  ideogram = await startFakeIdeogram({ apiKey: KEY });
  workspace = await makeWorkspace({ 'art/a.png': encodePng(40, 30, 1), 'art/b.png': encodePng(30, 40, 2) });
});
afterAll(() => ideogram.close());

async function run(inputs: Record<string, string>): Promise<{ run: ActionRun; results: ResultEntry[]; calls: number }> {
  ideogram.resetStats();
  const result = await runAction({
    workspace,
    inputs: { 'api-key': KEY, 'api-url': ideogram.url, publish: 'none', ...inputs }
  });
  expect(result.code).toBe(0);
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
    expect(done.stdout).toContain('upscaled/art/a.webp 80x60');
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

  it('a smaller box is converted from the earlier result; {ext} follows the format', async () => {
    const { results, calls } = await run({ 'output-format': 'avif', 'max-width': '20' });
    expect(calls).toBe(0);
    expect(results.map(r => [r.outputs[0]?.path, r.outputs[0]?.resolution])).toEqual([
      ['upscaled/art/a.avif', '20x15'],
      ['upscaled/art/b.avif', '20x27']
    ]);
    expect(await header('upscaled/art/a.avif')).toContain('ftypavif');
  });

  it('a larger box than the earlier results fit in is upscaled again: results are never enlarged', async () => {
    // The PNGs of the first run are no longer in the manifest (it records the latest results), so the destination
    // check would refuse them as not ours: overwrite lets this run replace them.
    const { results, calls } = await run({ 'output-format': 'jpeg', 'max-width': '70', overwrite: 'true' });
    expect(calls).toBe(2);
    expect(results.map(r => [r.outputs[0]?.path, r.outputs[0]?.resolution])).toEqual([
      ['upscaled/art/a.jpg', '70x53'],
      ['upscaled/art/b.jpg', '60x80']
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
