/**
 * The engine against a stub provider, with a real ResultSink writing into a temporary workspace: what each kind of
 * provider outcome becomes in the results and on disk.
 */
import { beforeEach, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Cancellation } from '../../src/async/cancellation.js';
import { defaultRetryPolicy } from '../../src/async/retry.js';
import type { SourceImage } from '../../src/imaging/source-image.js';
import { upscaleAll, type Sendable } from '../../src/pipeline/engine.js';
import { ResultSink } from '../../src/pipeline/result-sink.js';
import { NotSentError, type ProducedImage, type Provider } from '../../src/providers/provider.js';
import { OutputTemplate, plannedOutputs } from '../../src/settings/output-path.js';
import type { SourceResult } from '../../src/state/results.js';
import { encodePng, listFiles, makeTempDir, writeFiles } from '../support/files.js';

let workspace: string;
beforeEach(async () => {
  workspace = await makeTempDir('engine-provider-');
});

/** A provider that answers each source as `answer` says; what `answer` throws, the request fails with. */
function stub(
  answer: (image: SourceImage, stopped?: AbortSignal) => ProducedImage[] | Promise<ProducedImage[]>
): Provider {
  return {
    produce: (image, stopped) => Promise.resolve().then(() => answer(image, stopped)),
    close: () => Promise.resolve()
  };
}

const image = (bytes: Uint8Array): ProducedImage => ({
  kind: 'image',
  bytes,
  resolution: '64x64',
  seed: 7,
  prompt: 'p'
});

async function run(
  provider: Provider,
  sources: string[],
  options: { imagesPerSource?: number; cancellation?: Cancellation; workers?: number } = {}
): Promise<Map<string, SourceResult>> {
  const perSource = options.imagesPerSource ?? 1;
  const template = OutputTemplate.parse('upscaled/{name}{index}.{ext}', perSource);
  // Each source is written as the selection would hand it over: one by one, while the first are being sent.
  async function* checked(): AsyncGenerator<Sendable> {
    for (const source of sources) {
      await writeFiles(workspace, { [source]: encodePng(8, 8, 1) });
      const version = { dev: 0, ino: 0, size: 0, mtimeMs: 0 };
      yield {
        kind: 'checked',
        image: { path: join(workspace, source), relativePath: source, format: 'png', bytes: 0, version }
      };
    }
  }
  const results = await upscaleAll(provider, {
    sources: checked(),
    plan: source => plannedOutputs(source, template, perSource),
    sink: new ResultSink({
      workspace,
      maxBytes: 1024 * 1024,
      retry: defaultRetryPolicy({ sleep: async () => {} }),
      replaceable: new Set()
    }),
    workers: options.workers ?? 2,
    ...(options.cancellation ? { cancellation: options.cancellation } : {})
  });
  return new Map(results.map(result => [result.source, result]));
}

test('the bytes a provider returns are written where the plan says, and recorded', async () => {
  const bytes = encodePng(64, 64, 3);
  const results = await run(
    stub(() => [image(bytes)]),
    ['a.png']
  );
  expect(results.get('a.png')).toMatchObject({
    status: 'upscaled',
    outputs: [{ path: 'upscaled/a1.png', resolution: '64x64', seed: 7, prompt: 'p' }]
  });
  expect(await readFile(join(workspace, 'upscaled/a1.png'))).toEqual(bytes);
});

const withheld: ProducedImage = { kind: 'withheld', reason: 'withheld by the safety check' };

test('withheld: all of them is "unsafe" with nothing written; some of them is upscaled with a note', async () => {
  const results = await run(
    stub(({ relativePath }) =>
      relativePath === 'all.png' ? [withheld, withheld] : [image(encodePng(64, 64, 4)), withheld]
    ),
    ['all.png', 'some.png'],
    { imagesPerSource: 2 }
  );
  expect(results.get('all.png')).toMatchObject({
    status: 'unsafe',
    outputs: [],
    error: 'withheld by the safety check'
  });
  expect(results.get('some.png')).toMatchObject({ status: 'upscaled', error: '1 of 2 results withheld as unsafe' });
  expect((await listFiles(workspace)).filter(path => path.startsWith('upscaled/'))).toEqual(['upscaled/some1.png']);
});

test('one image of several failing fails its source, naming why; the others are written and the batch goes on', async () => {
  const results = await run(
    stub(({ relativePath }) =>
      relativePath === 'a.png'
        ? [image(encodePng(64, 64, 5)), { kind: 'failed', error: new Error('Ideogram answered HTTP 500') }]
        : [image(encodePng(64, 64, 6)), image(encodePng(64, 64, 7))]
    ),
    ['a.png', 'b.png'],
    { imagesPerSource: 2 }
  );
  expect(results.get('a.png')).toMatchObject({
    status: 'failed',
    error: 'Ideogram answered HTTP 500',
    outputs: [{ path: 'upscaled/a1.png' }]
  });
  expect(results.get('b.png')).toMatchObject({ status: 'upscaled' });
});

test("a failure names its stage: the provider's own error, or the save of the result", async () => {
  const results = await run(
    stub(({ relativePath }) => {
      if (relativePath === 'thrown.png') throw new Error('Could not reach Ideogram: ECONNREFUSED');
      return [image(new TextEncoder().encode('<html>not an image</html>'))];
    }),
    ['thrown.png', 'garbage.png']
  );
  expect(results.get('thrown.png')).toMatchObject({
    status: 'failed',
    outputs: [],
    error: 'Could not reach Ideogram: ECONNREFUSED'
  });
  expect(results.get('garbage.png')).toMatchObject({
    status: 'failed',
    error: expect.stringMatching(/^Could not download the result: the result is not a PNG, JPEG or WebP image/)
  });
  expect((await listFiles(workspace)).filter(path => path.startsWith('upscaled/'))).toEqual([]);
});

test('a result where a folder stands fails as a write, naming the path', async () => {
  await writeFiles(workspace, { 'upscaled/a1.png/inside': 'x' });
  const results = await run(
    stub(() => [image(encodePng(64, 64, 8))]),
    ['a.png']
  );
  expect(results.get('a.png')).toMatchObject({
    status: 'failed',
    error: expect.stringMatching(/^the result could not be written to upscaled\/a1\.png: /)
  });
});

test('a cancellation: the source in flight is cut and failed, the next is not started', async () => {
  const cancellation = new Cancellation();
  const asked: string[] = [];
  const provider = stub(({ relativePath }, stopped) => {
    asked.push(relativePath);
    if (stopped?.aborted) return Promise.reject(NotSentError.cancelled());
    // Waits until the cancellation: a request that never answers.
    cancellation.cutNow();
    return new Promise<ProducedImage[]>(() => {});
  });
  const results = await run(provider, ['a.png', 'b.png'], { cancellation, workers: 1 });
  expect(asked).toEqual(['a.png']);
  expect([...results.values()]).toEqual([
    expect.objectContaining({ source: 'a.png', status: 'failed', error: 'cut off in flight by the cancellation' })
  ]);
});

test('a provider that declines before sending (not started) leaves the source deferred', async () => {
  const results = await run(
    stub(() => Promise.reject(NotSentError.cancelled())),
    ['a.png']
  );
  expect(results.get('a.png')).toMatchObject({ status: 'deferred', error: 'not started: the run was cancelled' });
});

test('a provider that hands back nothing at all fails the source, rather than calling it withheld', async () => {
  const results = await run(
    stub(() => []),
    ['a.png']
  );
  expect(results.get('a.png')).toMatchObject({
    status: 'failed',
    outputs: [],
    error: 'the provider handed back no result'
  });
});

test.each([
  ['capped', 'deferred'],
  ['stopped', 'failed']
] as const)('a source not sent because %s is %s, with its quote kept', async (reason, status) => {
  const quote = { usdMicros: 125_830, qualifier: 'exact' as const };
  const results = await run(
    stub(() => Promise.reject(new NotSentError(reason, `not sent: ${reason}`, quote))),
    ['a.png']
  );
  expect(results.get('a.png')).toMatchObject({ status, error: `not sent: ${reason}`, quote });
});
