import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ImageBudget } from '../../src/pipeline/image-budget.js';
import { Input } from '../../src/inputs/inputs.js';
import { runJob } from '../../src/pipeline/run-job.js';
import { readSettings } from '../../src/settings/settings.js';
import { encodePng, startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { makeWorkspace } from '../support/workspace.js';

describe('ImageBudget', () => {
  const sources = ['a.png', 'b.png', 'c.png', 'd.png', 'e.png'];

  test.each([
    [1, 5, 5],
    [1, 3, 3],
    [2, 5, 2],
    [4, 7, 1],
    [4, 4, 1],
    [1, 100, 5]
  ])('%i image(s) per source under a cap of %i takes %i source(s), in order', (perSource, cap, taken) => {
    const budget = new ImageBudget(perSource, cap);
    const answers = sources.map(source => budget.take(source));
    expect(answers.map(answer => answer === undefined)).toEqual(sources.map((_, i) => i < taken));
    const deferred = answers.filter(answer => answer !== undefined);
    expect(deferred.map(result => result.source)).toEqual(sources.slice(taken));
    expect(deferred.every(result => result.status === 'deferred' && result.outputs.length === 0)).toBe(true);
  });

  test('no cap takes everything', () => {
    const budget = new ImageBudget(8, undefined);
    expect(sources.map(source => budget.take(source))).toEqual(sources.map(() => undefined));
  });
});

describe('max-images over several runs', () => {
  let ideogram: FakeIdeogram;
  beforeAll(async () => {
    ideogram = await startFakeIdeogram({ apiKey: 'budget-key', resultBytes: 'small' });
  });
  afterAll(() => ideogram.close());

  test('works a backlog off run by run, every image requested exactly once, deferred ones first next time', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`art/p${String(i).padStart(2, '0')}.png`, encodePng(8 + i, 8, i)])
    );
    const workspace = await makeWorkspace(files);
    const inputs: Partial<Record<Input, string>> = {
      [Input.ApiKey]: 'budget-key',
      [Input.ApiUrl]: ideogram.url,
      [Input.NumImages]: '2',
      [Input.MaxImages]: '9',
      [Input.Publish]: 'none'
    };
    const settings = readSettings(name => inputs[name] ?? '', workspace);
    try {
      const perRun: { upscaled: string[]; deferred: string[] }[] = [];
      for (let run = 0; run < 4; run++) {
        const { results } = await runJob(settings);
        perRun.push({
          upscaled: results.filter(r => r.status === 'upscaled').map(r => r.source),
          deferred: results.filter(r => r.status === 'deferred').map(r => r.source)
        });
      }
      // 9 images a run at 2 per source: 4 sources a run, then 3, then nothing left.
      expect(perRun.map(run => run.upscaled.length)).toEqual([4, 4, 3, 0]);
      expect(perRun.map(run => run.deferred.length)).toEqual([7, 3, 0, 0]);
      // What one run deferred is what the next one took first.
      expect(perRun[1]?.upscaled).toEqual(perRun[0]?.deferred.slice(0, 4));
      const sent = ideogram.upscales.map(upscale => upscale.fileName).sort();
      expect(sent).toEqual(
        Object.keys(files)
          .map(path => path.split('/').pop())
          .sort()
      );
      expect(ideogram.upscales.every(upscale => upscale.imageRequest.num_images === 2)).toBe(true);
      const manifest = JSON.parse(await readFile(join(workspace, '.github/upscaled-images.json'), 'utf8')) as {
        sources: Record<string, unknown>;
      };
      expect(Object.keys(manifest.sources).sort()).toEqual(Object.keys(files).sort());
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });
});
