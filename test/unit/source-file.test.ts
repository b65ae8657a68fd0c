/**
 * A checked source that is not that version any more when it is read or sent: said in words, "changed" or
 * "disappeared", whatever took its place, and never a wait on something that is not a regular file.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdir, open, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { versionOf } from '../../src/fs/regular-file.js';
import { ensureUnchanged, readChecked, SourceChangedError } from '../../src/imaging/source-file.js';
import type { SourceImage } from '../../src/imaging/source-image.js';
import { encodePng, makeTempDir, removeDir } from '../support/files.js';

const CHANGED = 'The file changed while it was being upscaled';
const GONE = 'The file disappeared after it was found';
/** A read waiting on a pipe for a writer never ends: such a test fails after this instead of hanging the suite. */
const HANGS_AFTER_MS = 5000;

let workspace: string;
/** FIFOs made: a reader a regression left waiting on one is let go, so the suite fails instead of hanging. */
let fifos: string[];

beforeEach(async () => {
  workspace = await makeTempDir('source-file-');
  fifos = [];
});
afterEach(async () => {
  for (const fifo of fifos) {
    // Opening the write end without blocking succeeds only if a reader waits; closing it gives that reader its end.
    await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK).then(
      handle => handle.close(),
      () => undefined
    );
  }
  await removeDir(workspace);
});

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
  fifos.push(path);
}

const BYTES = encodePng(8, 8, 1);

/** a.png as the selection checked it. */
async function checked(): Promise<SourceImage> {
  const path = join(workspace, 'a.png');
  await writeFile(path, BYTES);
  return { path, relativePath: 'a.png', format: 'png', bytes: BYTES.length, version: versionOf(await stat(path)) };
}

/** What may stand at the source's path once it was checked, and what the user is told. */
const AFTERWARDS: readonly [string, string, (path: string) => Promise<void>][] = [
  ['rewritten', CHANGED, path => writeFile(path, encodePng(9, 9, 2))],
  ['removed', GONE, path => rm(path)],
  [
    'swapped for a named pipe (FIFO)',
    CHANGED,
    async path => {
      await rm(path);
      mkfifo(path);
    }
  ],
  [
    'swapped for a link to a named pipe',
    CHANGED,
    async path => {
      await rm(path);
      mkfifo(join(workspace, 'pipe'));
      await symlink('pipe', path);
    }
  ],
  [
    'swapped for a folder',
    CHANGED,
    async path => {
      await rm(path);
      await mkdir(path);
    }
  ]
];

describe('readChecked: the bytes checked, or why not', () => {
  it('returns the bytes of a source left as it was checked', async () => {
    expect((await readChecked(await checked())).equals(BYTES)).toBe(true);
  });

  it.each(AFTERWARDS)(
    'a source %s: "%s", at once',
    async (_, message, change) => {
      const image = await checked();
      await change(image.path);
      const read = readChecked(image);
      await expect(read).rejects.toBeInstanceOf(SourceChangedError);
      await expect(read).rejects.toMatchObject({ file: 'a.png', message });
    },
    HANGS_AFTER_MS
  );
});

describe('ensureUnchanged: the same words before and after an upload', () => {
  it('lets a source left as it was checked go', async () => {
    await expect(ensureUnchanged(await checked())).resolves.toBeUndefined();
  });

  it.each(AFTERWARDS)(
    'a source %s: "%s"',
    async (_, message, change) => {
      const image = await checked();
      await change(image.path);
      await expect(ensureUnchanged(image)).rejects.toMatchObject({
        name: 'SourceChangedError',
        file: 'a.png',
        message
      });
    },
    HANGS_AFTER_MS
  );
});
