import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSummary } from '../../src/report/summary.js';
import type { RunOutcome } from '../../src/report/outcome.js';
import type { SourceResult } from '../../src/state/results.js';
import { makeTempDir, removeDir } from '../support/files.js';

/** GitHub's limit on what one step may write to its summary. */
const SUMMARY_LIMIT = 1024 * 1024;

function batch(count: number): SourceResult[] {
  return Array.from({ length: count }, (_, i): SourceResult => {
    const source = `assets/${'very-long-folder-name/'.repeat(6)}image-${i}.png`;
    return i % 100 === 5
      ? {
          source,
          status: 'failed',
          outputs: [],
          error: `Ideogram answered HTTP 422: ${'the image is not acceptable '.repeat(8)}`
        }
      : {
          source,
          status: 'upscaled',
          outputs: [{ path: `upscaled/${source}`, resolution: '2048x2048', seed: i, prompt: null }]
        };
  });
}

describe('the job summary', () => {
  let dir: string;
  let file: string;
  const saved = process.env.GITHUB_STEP_SUMMARY;
  beforeAll(async () => {
    dir = await makeTempDir('summary-');
    file = join(dir, 'summary.md');
    process.env.GITHUB_STEP_SUMMARY = file;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved;
    await removeDir(dir);
  });
  const summarise = async (results: SourceResult[], where: Partial<RunOutcome> = {}): Promise<string> => {
    await writeFile(file, '');
    await writeSummary({
      results,
      dryRun: undefined,
      resultsFile: '/runner/temp/ideogram-upscale-x/results.json',
      // Every result stored under an encoded name and as many left out: still within the limit.
      artifact: {
        id: 9,
        url: 'https://example.test/a',
        renamed: results.map(({ source }) => ({ path: `${source}:x`, storedAs: `${source}%3Ax` })),
        leftOut: results.map(({ source }) => ({ path: source, reason: 'it could not be read (ENOENT)' }))
      },
      ...where
    });
    return readFile(file, 'utf8');
  };

  it.each([1_000, 5_000, 50_000])(
    'stays under GitHub’s 1 MiB for %i sources, counting the rest in one line',
    async count => {
      const text = await summarise(batch(count));
      expect(Buffer.byteLength(text)).toBeLessThan(SUMMARY_LIMIT);
      const rows = (text.match(/<tr>/g) ?? []).length - 1;
      const rest = /…and (\d+) more \(([^)]*)\)/.exec(text);
      expect(rows + Number(rest?.[1] ?? 0)).toBe(count);
      if (rows < count) expect(text).toContain('before/after gallery (<code>gallery/index.html</code>)');
      // Failures are listed first, so the bound never hides them.
      expect(text.indexOf('❌ failed')).toBeLessThan(text.indexOf('✅ upscaled'));
    }
  );

  it.each([
    [
      'the results file and the artifact',
      {},
      'every source is in the results file (output <code>results-file</code>: <code>/runner/temp/ideogram-upscale-x/results.json</code>), and in <a href="https://example.test/a">artifact 9</a>: its <code>results.json</code> and before/after gallery (<code>gallery/index.html</code>).'
    ],
    [
      'the artifact alone (no results file)',
      { resultsFile: undefined },
      'every source is in <a href="https://example.test/a">artifact 9</a>: its before/after gallery (<code>gallery/index.html</code>).'
    ],
    [
      'the results file alone (committed, no artifact)',
      { artifact: undefined },
      'every source is in the results file (output <code>results-file</code>: <code>/runner/temp/ideogram-upscale-x/results.json</code>).'
    ],
    [
      'the log when there is neither',
      { resultsFile: undefined, artifact: undefined },
      "every source is in this step's log, one line per source."
    ]
  ])('the line counting the rest points to %s', async (_, where: Partial<RunOutcome>, line) => {
    const text = await summarise(batch(5_000), where);
    expect(text).toContain(line);
  });

  it.each([21, 57])(
    'of %i files stored under another name and as many left out, names 20 of each and counts the rest',
    async count => {
      const names = Array.from({ length: count }, (_, i) => `upscaled/a:${i}.png`);
      const text = await summarise(batch(3), {
        artifact: {
          id: 9,
          url: 'https://example.test/a',
          renamed: names.map(path => ({ path: `${path}x`, storedAs: `${path.replace(':', '%3A')}x` })),
          leftOut: names.map(path => ({ path, reason: `its name in the artifact is another file's` }))
        }
      });
      const renamedLine = text.split('\n').find(line => line.startsWith('In the artifact under')) ?? '';
      const leftOutLine = text.split('\n').find(line => line.startsWith('Left out of the artifact:')) ?? '';
      expect(renamedLine.match(/ as <code>/g)).toHaveLength(20);
      expect(renamedLine).toContain(
        `<code>upscaled/a:19.pngx</code> as <code>upscaled/a%3A19.pngx</code>, and ${count - 20} more (see the log).`
      );
      expect(leftOutLine.match(/<code>upscaled\/a:\d+\.png<\/code>: /g)).toHaveLength(20);
      expect(leftOutLine).toContain(
        `<code>upscaled/a:19.png</code>: its name in the artifact is another file&#39;s; and ${count - 20} more (see the log).`
      );
      expect(text).not.toContain('upscaled/a:20.png');
    }
  );

  it('lists every source of a small batch, with nothing left out', async () => {
    const text = await summarise(batch(20));
    expect((text.match(/<tr>/g) ?? []).length - 1).toBe(20);
    expect(text).not.toContain('more (');
  });
});
