import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DestinationTakenError, writeFileAtomically, writeStreamAtomically } from '../src/atomic-file.js';
import { makeTempDir, removeDir } from './support/files.js';

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
