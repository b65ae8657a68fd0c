/**
 * GitHub's limits on what a step hands back: an output over 1 MiB is refused, and only ten annotations of each
 * kind are shown per step. A run over 10,000 sources must stay within both and say where the rest is.
 */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Annotations, ANNOTATIONS_SHOWN_PER_STEP } from '../../src/report/annotations.js';
import { OUTPUT_LIMIT_BYTES, setOutputs } from '../../src/report/summary.js';
import type { RunOutcome } from '../../src/report/outcome.js';
import { writeResultsFile } from '../../src/report/results-file.js';
import { resultsDocument, type SourceResult } from '../../src/state/results.js';
import { makeTempDir, removeDir } from '../support/files.js';
import { parseOutputFile } from '../support/run-action.js';

const MIB = 1024 * 1024;

let dir: string;
let stdout: string;
const savedOutput = process.env.GITHUB_OUTPUT;

beforeEach(async () => {
  dir = await makeTempDir('report-limits-');
  process.env.GITHUB_OUTPUT = join(dir, 'output');
  await writeFile(process.env.GITHUB_OUTPUT, '');
  stdout = '';
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout += String(chunk);
    return true;
  });
});

afterEach(async () => {
  jest.restoreAllMocks();
  process.env.GITHUB_OUTPUT = savedOutput;
  await removeDir(dir);
});

/** `count` sources in deep folders, each with four results, some failed with a long reason. */
function manySources(count: number): SourceResult[] {
  return Array.from({ length: count }, (_, i): SourceResult => {
    const source = `assets/marketing/campaigns/2026/spring/hero-images/variant-${String(i).padStart(5, '0')}.png`;
    if (i % 10 === 0) {
      return {
        source,
        status: 'failed',
        outputs: [],
        error: `Ideogram answered HTTP 400: ${'the image is bad; '.repeat(8)}`
      };
    }
    return {
      source,
      status: 'upscaled',
      outputs: [1, 2, 3, 4].map(n => ({
        path: `upscaled/${source.replace(/\.png$/, `-${n}.png`)}`,
        resolution: '2048x1280',
        seed: 123456 + n,
        prompt: 'A bright spring morning over a field of tulips, soft light, high detail'
      })),
      seconds: 4.2
    };
  });
}

function outcome(results: SourceResult[], resultsFile: string | undefined): RunOutcome {
  return { results, dryRun: undefined, resultsFile };
}

async function outputs(): Promise<Record<string, string>> {
  return parseOutputFile(await readFile(process.env.GITHUB_OUTPUT as string, 'utf8'));
}

describe('the results and files outputs', () => {
  test('for 10,000 sources: each under 1 MiB, the first entries whole, marked truncated, all in the file', async () => {
    const results = manySources(10_000);
    expect(Buffer.byteLength(JSON.stringify(resultsDocument(results)))).toBeGreaterThan(2 * MIB);
    const file = await writeResultsFile(results, dir);
    setOutputs(outcome(results, file));

    const out = await outputs();
    for (const [name, value] of Object.entries(out)) {
      expect([name, Buffer.byteLength(value) < MIB]).toEqual([name, true]);
    }
    const held = JSON.parse(out.results ?? '') as unknown[];
    expect(held.length).toBeGreaterThan(1000);
    expect(held).toEqual(resultsDocument(results).slice(0, held.length));
    const files = (out.files ?? '').split('\n');
    expect(files).toEqual(results.flatMap(r => r.outputs.map(o => o.path)).slice(0, files.length));
    expect(out['results-truncated']).toBe('true');
    expect(out['results-file']).toBe(file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(resultsDocument(results));
    expect(stdout).toMatch(
      new RegExp(
        `::warning::GitHub caps a step output at 1 MiB: 'results' holds ${held.length} of 10000 sources and 'files' holds ${files.length} of 36000 paths; the whole document is in 'results-file' \\(${file}\\)`
      )
    );
    expect(out.upscaled).toBe('9000');
  });

  test('a document that fits is the output whole, and nothing is said', async () => {
    const results = manySources(50);
    setOutputs(outcome(results, '/tmp/results.json'));
    const out = await outputs();
    expect(JSON.parse(out.results ?? '')).toEqual(resultsDocument(results));
    expect(out['results-truncated']).toBe('false');
    expect(stdout).not.toContain('::warning');
  });

  test('an entry is never cut in half: what is held is whole entries, within the limit', async () => {
    // Sources of a size that puts the limit in the middle of an entry.
    const results = manySources(3_000).map(r => ({ ...r, error: 'x'.repeat(333) }));
    setOutputs(outcome(results, undefined));
    const out = await outputs();
    expect(Buffer.byteLength(out.results ?? '')).toBeLessThanOrEqual(OUTPUT_LIMIT_BYTES);
    const held = JSON.parse(out.results ?? '') as unknown[];
    expect(held).toEqual(resultsDocument(results).slice(0, held.length));
    expect(stdout).toMatch(/the results file could not be written/);
  });
});

describe('annotations', () => {
  const lines = (kind: string): string[] => stdout.split('\n').filter(line => line.startsWith(`::${kind}`));

  test.each(['error', 'warning', 'notice'] as const)(
    '1,000 %ss: a few annotated, the rest in the log, and one annotation counting them',
    kind => {
      const annotations = new Annotations();
      for (let i = 0; i < 1000; i++) annotations.forFile(kind, `image-${i}.png went wrong`, { file: `image-${i}.png` });
      annotations.summarise();
      const shown = lines(kind);
      expect(shown.length).toBeLessThan(ANNOTATIONS_SHOWN_PER_STEP);
      expect(shown[0]).toBe(`::${kind} file=image-0.png::image-0.png went wrong`);
      const perFile = shown.length - 1;
      expect(shown.at(-1)).toBe(
        `::${kind}::${1000 - perFile} more ${kind}s in the log: GitHub shows ${ANNOTATIONS_SHOWN_PER_STEP} ${kind}s per step.`
      );
      // Every one of them is still in the log.
      for (let i = 0; i < 1000; i++) expect(stdout).toContain(`image-${i}.png went wrong`);
    }
  );

  test('room is left for the run’s own lines and the step’s failure', () => {
    const annotations = new Annotations();
    for (let i = 0; i < 50; i++) annotations.forFile('error', `e${i}`);
    annotations.forRun('error', 'the run broke');
    annotations.summarise();
    expect(lines('error').length).toBeLessThan(ANNOTATIONS_SHOWN_PER_STEP);
    expect(stdout).toContain('::error::the run broke');
  });

  test('a few are all annotations, with nothing to count', () => {
    const annotations = new Annotations();
    for (let i = 0; i < 3; i++) annotations.forFile('warning', `w${i}`);
    annotations.summarise();
    expect(lines('warning')).toEqual(['::warning::w0', '::warning::w1', '::warning::w2']);
  });
});
