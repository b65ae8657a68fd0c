import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import {
  DestinationTakenError,
  removeAbandonedTemporaries,
  writeFileAtomically,
  writeStreamAtomically
} from '../../src/fs/atomic-file.js';
import { makeTempDir, removeDir } from '../support/files.js';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('atomic-');
});
afterEach(async () => {
  await removeDir(dir);
});

function* failing(after: number): Generator<Uint8Array> {
  for (let i = 0; i < after; i++) yield Buffer.from(`chunk ${i}\n`);
  throw new Error('the stream broke');
}

describe('atomic writes leave either the whole file or nothing, and never a temporary file', () => {
  test.each([0, 1, 5])('a stream that fails after %i chunk(s)', async chunks => {
    // Many at once: a temporary file created after its removal was the old writer's race.
    const writes = Array.from({ length: 20 }, (_, i) =>
      writeStreamAtomically(join(dir, 'nested', `result-${i}.png`), failing(chunks))
    );
    for (const outcome of await Promise.allSettled(writes)) expect(outcome.status).toBe('rejected');
    expect(await readdir(join(dir, 'nested'))).toEqual([]);
  });

  test('a whole file lands complete, under a name as long as the file system allows', async () => {
    const name = `${'n'.repeat(251)}.png`;
    await writeFileAtomically(join(dir, name), 'result');
    expect(await readdir(dir)).toEqual([name]);
  });

  test('without `replace`, an existing file is left byte-identical and the write refused', async () => {
    const path = join(dir, 'taken.png');
    await writeFile(path, 'the user file');
    await expect(writeFileAtomically(path, 'result')).rejects.toBeInstanceOf(DestinationTakenError);
    expect(await readFile(path, 'utf8')).toBe('the user file');
    expect(await readdir(dir)).toEqual(['taken.png']);
  });

  test('with `replace`, it is replaced whole', async () => {
    const path = join(dir, 'ours.png');
    await writeFile(path, 'an earlier result');
    await writeFileAtomically(path, 'the new result', { replace: true });
    expect(await readFile(path, 'utf8')).toBe('the new result');
    expect(await readdir(dir)).toEqual(['ours.png']);
  });
});

describe('temporary files a killed write left behind', () => {
  /** The id of a process that has ended. */
  async function deadPid(): Promise<number> {
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise(exited => child.on('exit', exited));
    return child.pid as number;
  }

  test('are removed where their process is gone; nothing else is touched', async () => {
    const dead = await deadPid();
    await mkdir(join(dir, 'out', '.upscale-1-0123456789ab.part'), { recursive: true });
    const files = {
      abandoned: [`a/.upscale-${dead}-0123456789ab.part`, `out/.upscale-${dead}-ffffffffffff.part`],
      kept: [
        // A live process's (this one's) write, and files of the user's named alike.
        `a/.upscale-${process.pid}-0123456789ab.part`,
        'a/notes.part',
        'a/.upscale-draft.part',
        `a/.upscale-${dead}-0123456789ab.part.bak`,
        `a/upscale-${dead}-0123456789ab.part`,
        `a/.upscale-${dead}-0123456789AB.part`
      ]
    };
    for (const path of [...files.abandoned, ...files.kept]) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), 'x');
    }
    const removed = await removeAbandonedTemporaries(['a', 'out', 'a', 'missing'].map(folder => join(dir, folder)));
    expect(removed.map(path => relative(dir, path)).sort()).toEqual(files.abandoned.sort());
    const left = (await readdir(dir, { recursive: true })).map(path => path.split(sep).join('/'));
    for (const path of files.kept) expect(left).toContain(path);
    // A folder named like a temporary file is not a file of ours.
    expect(left).toContain('out/.upscale-1-0123456789ab.part');
    for (const path of files.abandoned) expect(left).not.toContain(path);
  });

  test('a write names its temporary file after its process, so a later run can tell it from a live one', async () => {
    const chunks = (async function* (): AsyncGenerator<Uint8Array> {
      yield Buffer.from('first');
      const names = await readdir(dir);
      expect(names).toEqual([expect.stringMatching(new RegExp(`^\\.upscale-${process.pid}-[0-9a-f]{12}\\.part$`))]);
      expect(await removeAbandonedTemporaries([dir])).toEqual([]);
      yield Buffer.from(' second');
    })();
    await writeStreamAtomically(join(dir, 'result.png'), chunks);
    expect(await readFile(join(dir, 'result.png'), 'utf8')).toBe('first second');
  });
});
