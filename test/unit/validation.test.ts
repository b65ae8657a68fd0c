import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { controlCharacterIn, printable } from '../../src/text/printable.js';
import { checkImage, ImageProblem } from '../../src/imaging/source-image.js';
import { encodePng, jpegBytes, makeTempDir, removeDir, webpBytes } from '../support/files.js';
import { TINY_JPEG } from '../support/workspace.js';

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
      bytes: content.length,
      // The version checked, which the upload must still find.
      version: expect.objectContaining({ size: content.length })
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

  test('a file that disappeared after it was found', async () => {
    const problem = await problemWith(join(dir, 'gone.png'), 'gone.png');
    expect(problem.message).toBe('The file disappeared after it was found');
  });

  test('a folder named like an image', async () => {
    await mkdir(join(dir, 'folder.png'));
    const problem = await problemWith(join(dir, 'folder.png'), 'folder.png');
    expect(problem.message).toBe('The file is a directory, not a regular file');
  });

  test('a FIFO named like an image is refused without blocking (nothing ever writes to it)', async () => {
    const path = join(dir, 'pipe.png');
    execFileSync('mkfifo', [path]);
    const problem = await problemWith(path, 'pipe.png');
    expect(problem.message).toBe('The file is a named pipe (FIFO), not a regular file');
  });

  test.each(['line\nbreak.png', 'carriage\rreturn.png', 'escape\u001b[31m.png', 'tab\there.png', 'next\u0085line.png'])(
    'a path with a control character is refused before it is opened: %j',
    async name => {
      const problem = await problemWith(join(dir, 'does-not-matter.png'), `dir/${name}`);
      expect(problem.message).toMatch(
        /^The file has a control character \(((line feed|carriage return|tab), )?U\+00[0-9A-F]{2}\) in its path; rename it/
      );
      expect(controlCharacterIn(problem.message)).toBeUndefined();
      // Printed as it reads: nothing in it for the log's escaping to escape again.
      expect(printable(problem.message)).toBe(problem.message);
    }
  );
});

describe('damaged images are refused before they are sent, naming what is wrong', () => {
  const png = encodePng(16, 16);
  const iend = png.length - 12;
  const jpeg = jpegBytes();
  const webp = webpBytes();
  const withRiffSize = (bytes: Buffer, size: number): Buffer => {
    const copy = Buffer.from(bytes);
    copy.writeUInt32LE(size, 4);
    return copy;
  };
  test.each<[string, () => Buffer, RegExp]>([
    ['a PNG without IEND', () => png.subarray(0, iend), /cut short: it ends before its IEND chunk/],
    ['a PNG cut inside its image data', () => png.subarray(0, iend - 5), /cut short: its IDAT chunk runs past/],
    ['a PNG cut inside its header', () => png.subarray(0, 20), /cut short/],
    [
      'a PNG whose first chunk is not IHDR',
      () => Buffer.concat([png.subarray(0, 12), Buffer.from('XXXX'), png.subarray(16)]),
      /does not start with an IHDR/
    ],
    [
      'a PNG with a garbage chunk type',
      () => {
        const b = Buffer.from(png);
        b.write('\0\0\0\0', 37, 'latin1');
        return b;
      },
      /chunk at byte 33 has no valid type/
    ],
    ['a JPEG cut before EOI', () => jpeg.subarray(0, jpeg.length - 2), /must end with its end-of-image marker \(EOI\)/],
    ['a JPEG cut in half', () => TINY_JPEG.subarray(0, 40), /cut short|no frame header|no marker/],
    [
      'a JPEG without a frame header',
      () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xda, 0, 2, 0xff, 0xd9]),
      /before any frame header/
    ],
    [
      'a JPEG whose segment runs past the end',
      () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x40, 0, 0, 0, 0xff, 0xd9]),
      /segment runs past the end/
    ],
    [
      'a WebP whose RIFF size is larger than the file',
      () => withRiffSize(webp, webp.length),
      /cut short: its RIFF header says \d+ bytes, the file has \d+/
    ],
    [
      'a WebP whose RIFF size is smaller than the file',
      () => withRiffSize(webp, webp.length - 20),
      /damaged WebP: its RIFF header says/
    ],
    ['a WebP cut short', () => webp.subarray(0, 16), /cut short/],
    [
      'a WebP without an image chunk',
      () => {
        const b = Buffer.from(webp);
        b.write('JUNK', 12, 'latin1');
        return b;
      },
      /no VP8, VP8L or VP8X/
    ]
  ])('%s', async (name, bytes, reason) => {
    const problem = await problemWith(await file(`${name}.img`, bytes()), `imgs/${name}`);
    expect(problem.file).toBe(`imgs/${name}`);
    expect(problem.message).toMatch(reason);
  });

  test('whole images with padding after their end still pass', async () => {
    for (const [name, bytes] of [
      ['padded.png', Buffer.concat([png, Buffer.alloc(100)])],
      ['padded.jpg', Buffer.concat([jpeg, Buffer.alloc(100)])]
    ] as const) {
      await expect(checkImage(await file(name, bytes), name, 10 * MB)).resolves.toMatchObject({ bytes: bytes.length });
    }
  });
});
