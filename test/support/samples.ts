import { cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { makeTempDir } from './temp.js';

/** The sample images committed in examples/ (made by scripts/make-samples.ts). */
export const EXAMPLES = resolve(import.meta.dirname, '../../examples');

/** Their sizes, as drawn by the script. */
export const SAMPLE_SIZES: Record<string, { width: number; height: number }> = {
  'examples/badge.png': { width: 64, height: 64 },
  'examples/pattern.png': { width: 96, height: 64 },
  'examples/photos/landscape.jpg': { width: 120, height: 80 },
  'examples/webp/landscape.webp': { width: 120, height: 80 }
};

/** A fresh temporary workspace holding a copy of examples/, removed after the test file. */
export async function workspaceWithExamples(prefix = 'samples-'): Promise<string> {
  const dir = await makeTempDir(prefix);
  await cp(EXAMPLES, join(dir, 'examples'), { recursive: true });
  return dir;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export interface PngInfo {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
}

/**
 * Checks a PNG independently of the codecs under test: signature, every chunk's CRC, IHDR first and IEND last,
 * and that the inflated image data is exactly as long as the header says (8-bit RGBA or RGB, no interlace).
 * @throws Error saying what is wrong.
 */
export function inspectPng(bytes: Buffer): PngInfo {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('no PNG signature');
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length)) {
      throw new Error(`bad CRC in ${type}`);
    }
    chunks.push({ type, data });
    at += 12 + length;
  }
  const header = chunks[0];
  if (header?.type !== 'IHDR' || chunks.at(-1)?.type !== 'IEND') throw new Error('IHDR or IEND out of place');
  const info = {
    width: header.data.readUInt32BE(0),
    height: header.data.readUInt32BE(4),
    bitDepth: header.data[8] ?? 0,
    colorType: header.data[9] ?? 0
  };
  const channels = info.colorType === 6 ? 4 : info.colorType === 2 ? 3 : 0;
  if (info.bitDepth !== 8 || channels === 0 || header.data[12] !== 0)
    throw new Error(`unexpected format ${JSON.stringify(info)}`);
  const pixels = inflateSync(Buffer.concat(chunks.filter(chunk => chunk.type === 'IDAT').map(chunk => chunk.data)));
  if (pixels.length !== info.height * (1 + info.width * channels)) throw new Error('image data of the wrong length');
  return info;
}
