import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { crc32 } from 'node:zlib';
import { encodePng } from '../fakes/ideogram-server.js';

export { encodePng };
export { makeTempDir, removeDir } from './temp.js';

/** A minimal JPEG: SOI, an APP0 segment and a SOF0 naming `width`×`height`, then EOI. */
export function jpegBytes(width = 32, height = 24): Buffer {
  const app0 = Buffer.concat([Buffer.from([0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(9)]);
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(64), Buffer.from([0xff, 0xd9])]);
}

/**
 * A whole, valid PNG of about `bytes` bytes: a small image with a private ancillary chunk of random bytes before
 * IEND (decoders skip it). Big enough, an upload of it is still under way when a server resets the connection.
 */
export function paddedPng(bytes: number, seed = 0): Buffer {
  const png = encodePng(16, 16, seed);
  const data = randomBytes(Math.max(0, bytes - png.length - 12));
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write('prVt', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), head, data, crc, png.subarray(iend)]);
}

/** A minimal lossless WebP header (RIFF/WEBP/VP8L) naming `width`×`height`. */
export function webpBytes(width = 32, height = 24): Buffer {
  const vp8l = Buffer.alloc(13);
  vp8l.write('VP8L', 0);
  vp8l.writeUInt32LE(5, 4);
  vp8l[8] = 0x2f;
  vp8l.writeUInt32LE((width - 1) | ((height - 1) << 14), 9);
  const file = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), vp8l, Buffer.alloc(32)]);
  file.writeUInt32LE(file.length - 8, 4);
  return file;
}

/** Writes `files` (workspace-relative path → content) under `root`, creating folders. */
export async function writeFiles(root: string, files: Record<string, Buffer | string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
}

/** Every file under `root` (hidden ones too), relative with `/`, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter(entry => entry.isFile())
    .map(entry => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * What can stand where the action expects a file it reads whole, and must never be read as one: a read of a named
 * pipe waits for a writer, one of /dev/zero never ends. Each makes its kind at `path`.
 */
export const NOT_FILES: Readonly<Record<string, (path: string) => Promise<void>>> = {
  'a named pipe': path => {
    execFileSync('mkfifo', [path]);
    return Promise.resolve();
  },
  'a link to /dev/zero': path => symlink('/dev/zero', path),
  'a folder': async path => {
    await mkdir(path);
  }
};
