import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Destinations } from '../../src/pipeline/destinations.js';
import { discoverSources } from '../../src/pipeline/discovery.js';
import { upscaleAll, type Sendable } from '../../src/pipeline/engine.js';
import { IdeogramClient } from '../../src/providers/ideogram/client.js';
import { LegacyEndpoint } from '../../src/providers/ideogram/endpoint.js';
import { ideogramHosts } from '../../src/providers/ideogram/hosts.js';
import { InflightLimiter } from '../../src/providers/ideogram/inflight-limiter.js';
import { defaultRetryPolicy, type RetryEvent } from '../../src/async/retry.js';
import { IdeogramUpscaler } from '../../src/providers/ideogram/upscaler.js';
import { OutputTemplate, planOutputs, type OutputPlan } from '../../src/settings/output-path.js';
import { ResultSink } from '../../src/pipeline/result-sink.js';
import type { SourceResult } from '../../src/state/results.js';
import { selectSources, type Selected } from '../../src/pipeline/selection.js';
import { pngSize, startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { encodePng, jpegBytes, listFiles, makeTempDir, removeDir, webpBytes, writeFiles } from '../support/files.js';

const KEY = 'engine-test-key';
const MB = 1024 * 1024;
const PATTERNS = ['**/*.png', '**/*.jpg', '**/*.webp'];

let fake: FakeIdeogram;
let workspace: string;

beforeEach(async () => {
  fake = await startFakeIdeogram({ apiKey: KEY });
  workspace = await makeTempDir('engine-');
});

afterEach(async () => {
  await fake.close();
  await removeDir(workspace);
});

interface Batch {
  results: SourceResult[];
  /** Sources in the order they finished, with the `done` count reported for each. */
  finished: [string, number, number][];
  retries: [string, RetryEvent][];
  plan: OutputPlan;
  limiter: InflightLimiter;
}

/** Without a manifest, and checking content, the selection settles a source or checks it: nothing else. */
async function* sendable(selection: AsyncIterable<Selected>): AsyncGenerator<Sendable> {
  for await (const item of selection) {
    if (item.kind !== 'checked' && item.kind !== 'settled') throw new Error(`unexpected ${item.kind}`);
    yield item;
  }
}

/** Runs the real pipeline (discovery → plan → selection and check → upscale → download) against the fake. */
async function runBatch(
  options: {
    imageRequest?: Record<string, unknown>;
    places?: number;
    workers?: number;
    template?: string;
    onProgress?: (limiter: InflightLimiter) => void;
  } = {}
): Promise<Batch> {
  const imagesPerSource = (options.imageRequest?.num_images as number | undefined) ?? 1;
  const output = OutputTemplate.parse(options.template ?? 'upscaled/{dir}/{name}.{ext}', imagesPerSource);
  const discovery = await discoverSources(workspace, PATTERNS, path => output.matches(path));
  const plan = planOutputs(discovery.sources, output, imagesPerSource);
  const places = options.places ?? 4;
  const limiter = new InflightLimiter({ initial: places, ceiling: places });
  const finished: Batch['finished'] = [];
  const retries: Batch['retries'] = [];
  const apiUrl = new URL(fake.url);
  const retry = defaultRetryPolicy({ sleep: async () => {} });
  const upscaler = new IdeogramUpscaler({
    endpoint: new LegacyEndpoint(
      new IdeogramClient({ apiUrl, apiKey: KEY, timeoutMs: 10_000 }),
      options.imageRequest ?? {}
    ),
    limiter,
    retry,
    hosts: ideogramHosts(apiUrl),
    maxResultBytes: 50 * MB,
    downloadTimeoutMs: 10_000,
    onRetry: (file, event) => {
      retries.push([file, event]);
      options.onProgress?.(limiter);
    }
  });
  const destinations = await Destinations.prepare(discovery.sources, output, imagesPerSource, {
    workspace,
    sources: new Set(discovery.sources),
    earlier: new Map(),
    overwrite: false
  });
  try {
    const results = await upscaleAll(upscaler, {
      sources: sendable(
        selectSources(discovery.sources, { workspace, maxFileBytes: 10 * MB, destinations, sent: () => true })
      ),
      plan: source => plan.get(source) ?? [],
      sink: new ResultSink({ workspace, maxBytes: 50 * MB, retry, replaceable: destinations.replaceable }),
      workers: options.workers ?? places * 2,
      onResult: result => {
        finished.push([result.source, finished.length + 1, plan.size]);
        options.onProgress?.(limiter);
      }
    });
    // In the plan's order, to compare with it: they come back as they finish.
    const order = [...plan.keys()];
    results.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
    return { results, finished, retries, plan, limiter };
  } finally {
    await upscaler.close();
  }
}

/** The bytes the fake served, for comparing with what was written. */
function servedBytes(): Buffer[] {
  return [...fake.served.values()];
}

async function written(path: string): Promise<Buffer> {
  return readFile(join(workspace, path));
}

describe('a mixed batch', () => {
  beforeEach(async () => {
    await writeFiles(workspace, {
      'a/good.png': encodePng(40, 30),
      'b/flaky.png': encodePng(20, 20),
      'c/unsafe.png': encodePng(16, 16),
      'd/notes.png': 'these are notes, not a picture\n',
      'e/photo.jpg': jpegBytes(50, 25),
      'f/leaf.webp': webpBytes(30, 10),
      'g/stale.png': encodePng(12, 12)
    });
    fake.inject({ kind: 'status', status: 500 }, { fileName: 'flaky.png' });
    fake.inject({ kind: 'unsafe' }, { fileName: 'unsafe.png' });
    fake.inject({ kind: 'expired-url' }, { fileName: 'stale.png' });
  });

  test('each source gets its own status and reason; the others are still done', async () => {
    const { results, retries } = await runBatch();

    expect(results.map(result => [result.source, result.status])).toEqual([
      ['a/good.png', 'upscaled'],
      ['b/flaky.png', 'upscaled'],
      ['c/unsafe.png', 'unsafe'],
      ['d/notes.png', 'failed'],
      ['e/photo.jpg', 'upscaled'],
      ['f/leaf.webp', 'upscaled'],
      ['g/stale.png', 'failed']
    ]);
    const bySource = new Map(results.map(result => [result.source, result]));

    // Not an image: refused before sending, with the reason.
    expect(bySource.get('d/notes.png')?.error).toMatch(/not a JPEG, PNG or WebP/);
    expect(bySource.get('d/notes.png')?.outputs).toEqual([]);
    expect(fake.upscales.map(sent => sent.fileName)).not.toContain('notes.png');

    // A 500, then success: sent twice, reported as a retry, upscaled in the end.
    expect(fake.upscales.filter(sent => sent.fileName === 'flaky.png').map(sent => sent.status)).toEqual([500, 200]);
    expect(retries.map(([file, event]) => [file, (event.error as Error).name])).toEqual([
      ['b/flaky.png', 'ServerError']
    ]);
    expect(bySource.get('b/flaky.png')?.error).toBeUndefined();

    // Withheld as unsafe: reported, nothing written, the batch not failed for it.
    expect(bySource.get('c/unsafe.png')).toMatchObject({
      outputs: [],
      error: expect.stringMatching(/withheld.*unsafe/)
    });

    // The result link expired before it was fetched.
    expect(bySource.get('g/stale.png')?.error).toMatch(/expired/);
    expect(bySource.get('g/stale.png')?.outputs).toEqual([]);

    // What was written: one file per upscaled source, at the planned path, nothing else (no temporary files).
    expect(await listFiles(workspace)).toEqual([
      'a/good.png',
      'b/flaky.png',
      'c/unsafe.png',
      'd/notes.png',
      'e/photo.jpg',
      'f/leaf.webp',
      'g/stale.png',
      'upscaled/a/good.png',
      'upscaled/b/flaky.png',
      'upscaled/e/photo.png',
      'upscaled/f/leaf.png'
    ]);
  });

  test('outputs record the written file, its resolution, seed and prompt; the bytes are what was served', async () => {
    const { results } = await runBatch({ imageRequest: { prompt: 'a leaf', magic_prompt_option: 'OFF', seed: 99 } });
    const good = results.find(result => result.source === 'a/good.png');
    expect(good?.outputs).toEqual([{ path: 'upscaled/a/good.png', resolution: '80x60', seed: 99, prompt: 'a leaf' }]);
    const bytes = await written('upscaled/a/good.png');
    expect(pngSize(bytes)).toEqual({ width: 80, height: 60 });
    expect(servedBytes().some(served => served.equals(bytes))).toBe(true);
    expect(fake.stats.downloadsWithApiKey).toBe(0);
  });

  test('every source is reported once as it finishes, with a running count', async () => {
    const { finished } = await runBatch();
    expect(finished.map(([source]) => source).sort()).toEqual([
      'a/good.png',
      'b/flaky.png',
      'c/unsafe.png',
      'd/notes.png',
      'e/photo.jpg',
      'f/leaf.webp',
      'g/stale.png'
    ]);
    expect(finished.map(([, done, total]) => [done, total])).toEqual([1, 2, 3, 4, 5, 6, 7].map(done => [done, 7]));
  });
});

test('a slow source holds up none of the others: they finish first, and every one is there', async () => {
  await writeFiles(workspace, {
    '1-slow.png': encodePng(8, 8),
    '2-quick.png': encodePng(8, 8),
    '3-quick.png': encodePng(8, 8)
  });
  fake.inject({ kind: 'latency', ms: 300 }, { fileName: '1-slow.png' });
  const { results, finished, plan } = await runBatch({ places: 3 });
  expect(results.map(result => result.source)).toEqual([...plan.keys()]);
  expect(finished.at(-1)?.[0]).toBe('1-slow.png');
  expect(results.every(result => result.status === 'upscaled')).toBe(true);
});

test('num-images 2: both results written, as -1 and -2, each a different served image', async () => {
  await writeFiles(workspace, { 'cover.png': encodePng(30, 20), 'art/leaf.webp': webpBytes(10, 10) });
  const { results, plan } = await runBatch({ imageRequest: { num_images: 2 }, places: 4 });

  expect(results.map(result => [result.source, result.status, result.outputs.map(output => output.path)])).toEqual([
    ['art/leaf.webp', 'upscaled', ['upscaled/art/leaf-1.png', 'upscaled/art/leaf-2.png']],
    ['cover.png', 'upscaled', ['upscaled/cover-1.png', 'upscaled/cover-2.png']]
  ]);
  for (const result of results)
    expect(result.outputs.map(output => output.path)).toEqual(
      plan.get(result.source)?.map(planned => planned.paths.png)
    );

  const files = await Promise.all(['upscaled/cover-1.png', 'upscaled/cover-2.png'].map(written));
  expect(files[0]?.equals(files[1] ?? Buffer.alloc(0))).toBe(false);
  for (const bytes of files) expect(servedBytes().some(served => served.equals(bytes))).toBe(true);
  expect(fake.upscales.map(sent => sent.imageRequest)).toEqual([{ num_images: 2 }, { num_images: 2 }]);
  expect(fake.stats.downloads).toBe(4);
});

test('a 429 storm: every image upscaled, each billed once, and in flight kept to what the API allows', async () => {
  const images = 24;
  await writeFiles(
    workspace,
    Object.fromEntries(
      Array.from({ length: images }, (_, i) => [`img/${String(i).padStart(2, '0')}.png`, encodePng(8, 8, i)])
    )
  );
  fake.options.inflightLimit = 3;
  fake.options.latencyMs = 25;
  const limitsSeen: number[] = [];

  const { results, retries, limiter } = await runBatch({
    places: 8,
    workers: 16,
    onProgress: current => {
      limitsSeen.push(current.limit);
    }
  });

  expect(results.filter(result => result.status === 'upscaled')).toHaveLength(images);
  // Rejected requests are not billed; each image was admitted (and billed) exactly once.
  expect(fake.stats.admitted).toBe(images);
  expect(fake.stats.maxImagesInFlight).toBeLessThanOrEqual(3);
  // The first burst met a limit of 3: some were refused (how many of the 8 go at once depends on how fast the
  // selection hands the sources over, each checked first).
  expect(fake.stats.rejected429).toBeGreaterThan(0);
  expect(retries.every(([, event]) => (event.error as Error).name === 'RateLimitError')).toBe(true);
  expect(retries).toHaveLength(fake.stats.rejected429);

  // Once the first refusals settled, we kept near the 3 places the API allows, probing one or two above now and
  // then (our count runs a little behind the API's, which frees places as it answers), never back to 8.
  const afterBurst = limitsSeen.slice(5);
  expect(afterBurst.length).toBeGreaterThan(images / 2);
  expect(Math.max(...afterBurst)).toBeLessThanOrEqual(5);
  expect([...afterBurst].sort((a, b) => a - b)[Math.floor(afterBurst.length / 2)]).toBeLessThanOrEqual(4);
  expect(limiter.limit).toBeLessThanOrEqual(5);
  // Probing costs a refusal now and then, not one per request.
  expect(fake.stats.rejected429).toBeLessThan(images);
});

describe('packed requests: num-images without a seed fills the places', () => {
  const SOURCES = 6;
  beforeEach(async () => {
    await writeFiles(
      workspace,
      Object.fromEntries(Array.from({ length: SOURCES }, (_, i) => [`art/p${i}.png`, encodePng(8, 8, i)]))
    );
    // Long enough that the requests overlap.
    fake.options.latencyMs = 60;
  });

  /** The images each source was asked for, request by request. */
  const askedPerSource = (): Map<string, number[]> => {
    const asked = new Map<string, number[]>();
    for (const sent of fake.upscales) {
      if (sent.status !== 200) continue;
      asked.set(sent.fileName, [...(asked.get(sent.fileName) ?? []), sent.imageRequest.num_images as number]);
    }
    return asked;
  };

  test('4 images a source under 10 places: split to fill them, each image asked for once, numbered as planned', async () => {
    const { results, plan } = await runBatch({ imageRequest: { num_images: 4 }, places: 10 });
    expect(results.map(result => result.status)).toEqual(Array<string>(SOURCES).fill('upscaled'));
    for (const result of results) {
      expect(result.outputs.map(output => output.path)).toEqual(plan.get(result.source)?.map(p => p.paths.png));
    }
    const asked = askedPerSource();
    expect([...asked.values()].map(sizes => sizes.reduce((sum, n) => sum + n, 0))).toEqual(Array(SOURCES).fill(4));
    // Some source's images came in more than one request, and all 10 places were in use at once.
    expect([...asked.values()].some(sizes => sizes.length > 1)).toBe(true);
    expect(fake.stats.maxImagesInFlight).toBe(10);
    expect(fake.stats.admitted).toBe(fake.upscales.filter(sent => sent.status === 200).length);
    // Every written file is a different image: none was asked for twice.
    const files = await Promise.all(results.flatMap(result => result.outputs.map(output => written(output.path))));
    expect(new Set(files.map(bytes => bytes.toString('base64'))).size).toBe(SOURCES * 4);
  });

  test.each([1, 3])(
    'a fixed %i place(s), fewer than num-images 4: each image asked for once, in requests that fit, numbered as planned',
    async places => {
      const { results, plan } = await runBatch({ imageRequest: { num_images: 4 }, places });
      expect(results.map(result => result.status)).toEqual(Array<string>(SOURCES).fill('upscaled'));
      for (const result of results) {
        expect(result.outputs.map(output => output.path)).toEqual(plan.get(result.source)?.map(p => p.paths.png));
      }
      const asked = [...askedPerSource().values()];
      expect(asked.map(sizes => sizes.reduce((sum, n) => sum + n, 0))).toEqual(Array(SOURCES).fill(4));
      expect(Math.max(...asked.flat())).toBeLessThanOrEqual(places);
      expect(fake.stats.maxImagesInFlight).toBe(places);
      const files = await Promise.all(results.flatMap(result => result.outputs.map(output => written(output.path))));
      expect(new Set(files.map(bytes => bytes.toString('base64'))).size).toBe(SOURCES * 4);
    }
  );

  test('with a seed, one request per source: the seed makes its images one set', async () => {
    const { results } = await runBatch({ imageRequest: { num_images: 4, seed: 7 }, places: 10 });
    expect(results.every(result => result.status === 'upscaled' && result.outputs.length === 4)).toBe(true);
    expect(fake.upscales.map(sent => sent.imageRequest)).toEqual(Array(SOURCES).fill({ num_images: 4, seed: 7 }));
    expect(fake.stats.maxImagesInFlight).toBeLessThanOrEqual(8);
  });

  test('a stated limit below num-images: without a seed, requests shrink to fit it and everything is made', async () => {
    fake.options.inflightLimit = 3;
    fake.options.includeMaxInflight = true;
    const { results } = await runBatch({ imageRequest: { num_images: 4 }, places: 10 });
    expect(results.every(result => result.status === 'upscaled' && result.outputs.length === 4)).toBe(true);
    expect([...askedPerSource().values()].map(sizes => sizes.reduce((sum, n) => sum + n, 0))).toEqual(
      Array(SOURCES).fill(4)
    );
    expect(fake.stats.maxImagesInFlight).toBeLessThanOrEqual(3);
    // Learning the limit costs a few refusals, not one per request for as long as the retries last.
    expect(fake.stats.rejected429).toBeLessThan(SOURCES * 2);
  });

  test('a stated limit below num-images: with a seed, every source fails at once, saying why', async () => {
    fake.options.inflightLimit = 3;
    fake.options.includeMaxInflight = true;
    const { results, retries } = await runBatch({ imageRequest: { num_images: 4, seed: 7 }, places: 10 });
    expect(results.map(result => result.status)).toEqual(Array<string>(SOURCES).fill('failed'));
    for (const result of results) {
      expect(result.error).toMatch(/allows 3 image\(s\) in flight .* takes 4: with 'seed' set/);
    }
    expect(retries).toEqual([]);
    expect(fake.stats.admitted).toBe(0);
    // Only what went out before the first refusal was sent; the rest was refused here, unsent.
    expect(fake.stats.requests).toBeLessThanOrEqual(2);
  });
});
