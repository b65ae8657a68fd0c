/**
 * A source that changes or goes away after it was found and checked, through the built bundle: it is reported in
 * words ("changed while it was being upscaled", "disappeared after it was found"), never with a library's message,
 * nothing is billed for it, the others go on, and the manifest records the hash of exactly the bytes that were sent.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodePng, startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { paddedPng, removeDir } from '../support/files.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { makeWorkspace } from '../support/workspace.js';

const KEY = 'sk-source-changes-0123456789';
const MB = 1024 * 1024;

let ideogram: FakeIdeogram;
let workspace: string;
/** What the test does to the workspace when the nth upscale request arrives. */
let onArrival: (nth: number) => void;

beforeEach(async () => {
  onArrival = () => undefined;
  ideogram = await startFakeIdeogram({
    apiKey: KEY,
    maxFileBytes: 25 * MB,
    resultBytes: 'small',
    onUpscaleArrived: nth => onArrival(nth)
  });
});
afterEach(async () => {
  await ideogram.close();
  await removeDir(workspace);
});

interface Entry {
  readonly source: string;
  readonly status: string;
  readonly error?: string;
}

function run(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    workspace,
    inputs: {
      'api-key': KEY,
      'api-url': ideogram.url,
      publish: 'none',
      'fail-on-error': 'false',
      files: '*.png',
      ...inputs
    }
  });
}

function bySource(action: ActionRun): Map<string, Entry> {
  return new Map((JSON.parse(action.outputs.results ?? '[]') as Entry[]).map(entry => [entry.source, entry]));
}

async function manifestHashes(): Promise<Record<string, string>> {
  const text = await readFile(join(workspace, '.github/upscaled-images.json'), 'utf8');
  const { sources } = JSON.parse(text) as { sources: Record<string, { sha256: string }> };
  return Object.fromEntries(Object.entries(sources).map(([source, entry]) => [source, entry.sha256]));
}

/** No library's words where the user reads: Node's Blob, undici, or an errno. */
function expectOurWords(action: ActionRun): void {
  for (const text of [action.stdout, JSON.stringify(action.outputs)]) {
    expect(text).not.toMatch(/NotReadableError|could not be read|Unable to open file|ERR_|ENOENT|other side closed/);
  }
}

it('changed or deleted while it waits for its turn: not sent, said in words, the others done', async () => {
  workspace = await makeWorkspace({
    'a.png': encodePng(24, 24, 1),
    'b.png': encodePng(24, 24, 2),
    'c.png': encodePng(24, 24, 3),
    'd.png': encodePng(24, 24, 4)
  });
  // One place: a.png holds it for a while; by then b.png, c.png and d.png were found, hashed and checked.
  ideogram.inject({ kind: 'latency', ms: 1500 }, { fileName: 'a.png' });
  onArrival = nth => {
    if (nth !== 1) return;
    setTimeout(() => {
      void writeFile(join(workspace, 'b.png'), encodePng(30, 30, 9));
      void rm(join(workspace, 'c.png'));
    }, 400);
  };
  const action = await run({ concurrency: '1' });
  const results = bySource(action);
  expect(results.get('a.png')).toMatchObject({ status: 'upscaled' });
  expect(results.get('b.png')).toMatchObject({
    status: 'failed',
    error: 'The file changed while it was being upscaled'
  });
  expect(results.get('c.png')).toMatchObject({ status: 'failed', error: 'The file disappeared after it was found' });
  expect(results.get('d.png')).toMatchObject({ status: 'upscaled' });
  expect(action.stdout).toMatch(/b\.png failed: The file changed while it was being upscaled/);
  expectOurWords(action);
  // Only what was checked went out, and the manifest holds the hash of exactly those bytes.
  const sent = ideogram.upscales.filter(upscale => upscale.status === 200);
  expect(sent.map(upscale => upscale.fileName).sort()).toEqual(['a.png', 'd.png']);
  expect(await manifestHashes()).toEqual(
    Object.fromEntries(sent.map(upscale => [upscale.fileName, upscale.fileSha256]).sort())
  );
});

it('changed while it is being sent: the upload is cut at once, said in words, and nothing recorded for it', async () => {
  // Large enough that most of it is still on disk when the request arrives at the server.
  const big = paddedPng(20 * MB, 5);
  workspace = await makeWorkspace({ 'big.png': big, 'small.png': encodePng(24, 24, 6) });
  onArrival = nth => {
    if (nth === 1) appendFileSync(join(workspace, 'big.png'), 'one more line');
  };
  const action = await run({ concurrency: '1', 'max-file-size': '25', 'request-timeout': '120' });
  const results = bySource(action);
  expect(results.get('big.png')).toMatchObject({
    status: 'failed',
    error: 'The file changed while it was being upscaled'
  });
  expect(results.get('small.png')).toMatchObject({ status: 'upscaled' });
  expectOurWords(action);
  // Not a wait for the rest of a body that never comes: the request timeout (two minutes) is past the test's.
  expect(ideogram.upscales.filter(upscale => upscale.status === 200).map(upscale => upscale.fileName)).toEqual([
    'small.png'
  ]);
  const hashes = await manifestHashes();
  expect(Object.keys(hashes)).toEqual(['small.png']);
  expect(hashes['small.png']).toBe(
    createHash('sha256')
      .update(encodePng(24, 24, 6))
      .digest('hex')
  );
});

describe.each([
  ['the legacy endpoint', {}],
  ['a v2 model', { model: 'topaz-standard-2', 'upscale-factor': 'x2' }]
])('through %s', (_, model: Record<string, string>) => {
  it('replaced by a named pipe or a folder, or removed, while it waits: not opened, said in words, the others done', async () => {
    workspace = await makeWorkspace(
      Object.fromEntries(['a', 'pipe', 'gone', 'folder', 'e'].map((name, i) => [`${name}.png`, encodePng(24, 24, i)]))
    );
    // One place: a.png holds it while the others, found and checked, wait their turn and are swapped.
    ideogram.inject({ kind: 'latency', ms: 1500 }, { fileName: 'a.png' });
    ideogram.v2.options.generationMs = 1500;
    let swapped = false;
    const swap = (): void => {
      if (swapped) return;
      swapped = true;
      setTimeout(() => {
        void (async () => {
          await rm(join(workspace, 'pipe.png'));
          // Opening a named pipe for reading waits for a writer, which never comes.
          execFileSync('mkfifo', [join(workspace, 'pipe.png')]);
          await rm(join(workspace, 'gone.png'));
          await rm(join(workspace, 'folder.png'));
          await mkdir(join(workspace, 'folder.png'));
        })();
      }, 400);
    };
    onArrival = swap;
    ideogram.v2.onAccepted = swap;
    const action = await run({ concurrency: '1', ...model });
    const results = bySource(action);
    expect(results.get('a.png')).toMatchObject({ status: 'upscaled' });
    expect(results.get('e.png')).toMatchObject({ status: 'upscaled' });
    for (const name of ['pipe.png', 'folder.png']) {
      expect(results.get(name)).toMatchObject({
        status: 'failed',
        error: 'The file changed while it was being upscaled'
      });
    }
    expect(results.get('gone.png')).toMatchObject({
      status: 'failed',
      error: 'The file disappeared after it was found'
    });
    expectOurWords(action);
  }, 60_000);
});
