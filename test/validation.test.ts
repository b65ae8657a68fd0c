import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkImage, ImageProblem } from '../src/validation.js';
import { encodePng, jpegBytes, makeTempDir, removeDir, webpBytes } from './support/files.js';
import { TINY_JPEG } from './support/workspace.js';

const MB = 1024 * 1024;
let dir: string;

beforeAll(async () => {
  dir = await makeTempDir('validation-');
});
afterAll(async () => {
  await removeDir(dir);
});

async function file(name: string, content: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The ImageProblem `checkImage` throws for this file. */
async function problemWith(path: string, relativePath: string, maxBytes = 10 * MB): Promise<ImageProblem> {
  const error: unknown = await checkImage(path, relativePath, maxBytes).then(
    () => undefined,
    (thrown: unknown) => thrown
  );
  expect(error).toBeInstanceOf(ImageProblem);
  return error as ImageProblem;
}

describe('recognised by their bytes, whatever the extension', () => {
  test.each<[string, () => Buffer, 'png' | 'jpeg' | 'webp']>([
    ['real.png', () => encodePng(8, 8), 'png'],
    ['real.jpg', () => jpegBytes(), 'jpeg'],
    ['tiny.jpeg', () => TINY_JPEG, 'jpeg'],
    ['real.webp', () => webpBytes(), 'webp'],
    ['png-named.jpg', () => encodePng(8, 8), 'png'],
    ['jpeg-named.webp', () => jpegBytes(), 'jpeg'],
    ['webp-named.PNG', () => webpBytes(), 'webp'],
    ['no-extension', () => encodePng(3, 3), 'png']
  ])('%s is a %s', async (name, bytes, format) => {
    const content = bytes();
    const path = await file(name, content);
    await expect(checkImage(path, `imgs/${name}`, 10 * MB)).resolves.toEqual({
      path,
      relativePath: `imgs/${name}`,
      format,
      bytes: content.length
    });
  });
});

describe('refused, with a reason', () => {
  test('a text file named .png', async () => {
    const problem = await problemWith(
      await file('notes.png', 'just some notes, not an image at all\n'),
      'docs/notes.png'
    );
    expect(problem.file).toBe('docs/notes.png');
    expect(problem.message).toMatch(/not a JPEG, PNG or WebP image/);
    expect(problem.message).toMatch(/content, not its name/);
  });

  test.each<[string, Buffer]>([
    ['anim.gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['bitmap.png', Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)])],
    [
      'riff-not-webp.webp',
      Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE'), Buffer.alloc(20)])
    ],
    ['half-a-signature.png', encodePng(4, 4).subarray(0, 5)]
  ])('another format or a broken header: %s', async (name, content) => {
    expect((await problemWith(await file(name, content), name)).message).toMatch(/not a JPEG, PNG or WebP/);
  });

  test('an empty file', async () => {
    const problem = await problemWith(await file('empty.png', ''), 'empty.png');
    expect(problem.message).toBe('The file is empty');
  });

  test('a file over the size limit: the message gives both sizes', async () => {
    const big = Buffer.concat([encodePng(8, 8), Buffer.alloc(1.5 * MB)]);
    const problem = await problemWith(await file('big.png', big), 'big.png', 1 * MB);
    expect(problem.message).toMatch(/is 1\.5 MB; the API accepts at most 1\.0 MB/);
  });

  test('just over the limit: the sizes shown still differ', async () => {
    const big = Buffer.concat([encodePng(8, 8), Buffer.alloc(10 * MB)]).subarray(0, 10 * MB + 1);
    const problem = await problemWith(await file('edge.png', big), 'edge.png', 10 * MB);
    const sizes = /is (.+); the API accepts at most (.+)$/.exec(problem.message);
    expect(sizes).not.toBeNull();
    expect(sizes?.[1]).not.toBe(sizes?.[2]);
  });

  test('exactly at the limit is accepted', async () => {
    const exact = Buffer.concat([encodePng(8, 8), Buffer.alloc(MB)]).subarray(0, MB);
    await expect(checkImage(await file('exact.png', exact), 'exact.png', MB)).resolves.toMatchObject({ bytes: MB });
  });

  test('the size is checked on large non-images too, before anything else is read', async () => {
    const problem = await problemWith(await file('huge.txt.png', Buffer.alloc(2 * MB, 'a')), 'huge.txt.png', MB);
    expect(problem.message).toMatch(/2\.0 MB/);
  });

  test('a missing file', async () => {
    const problem = await problemWith(join(dir, 'gone.png'), 'gone.png');
    expect(problem.message).toMatch(/cannot be read \(ENOENT\)/);
  });

  test('a folder named like an image', async () => {
    await mkdir(join(dir, 'folder.png'));
    const problem = await problemWith(join(dir, 'folder.png'), 'folder.png');
    expect(problem.message).toMatch(/not a regular file/);
  });
});
