import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDimensions } from '../../src/imaging/dimensions.js';
import { sniffFormat } from '../../src/imaging/image-format.js';
import { EXAMPLES, SAMPLE_SIZES } from '../support/samples.js';

function webp(chunk: string, body: number[]): Uint8Array {
  const bytes = new Uint8Array(40);
  bytes.set(Buffer.from(`RIFF\0\0\0\0WEBP${chunk}\0\0\0\0`), 0);
  bytes.set(body, 20);
  return bytes;
}

describe('readDimensions', () => {
  it.each(Object.entries(SAMPLE_SIZES))('reads %s from its header', async (path, size) => {
    const bytes = await readFile(join(EXAMPLES, '..', path));
    expect(readDimensions(bytes, sniffFormat(bytes) ?? 'png')).toEqual(size);
  });

  it('finds a JPEG frame header after other segments, progressive too', () => {
    const app1 = [0xff, 0xe1, 0x00, 0x06, 1, 2, 3, 4];
    const sof2 = [0xff, 0xc2, 0x00, 0x11, 8, 0x01, 0x2c, 0x02, 0x58];
    const bytes = Uint8Array.from([0xff, 0xd8, ...app1, 0xff, ...sof2, ...new Array<number>(12).fill(0)]);
    expect(readDimensions(bytes, 'jpeg')).toEqual({ width: 600, height: 300 });
  });

  it('reads lossless and extended WebP headers', () => {
    const bits = (4000 - 1) | ((3000 - 1) << 14);
    const vp8l = webp('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff]);
    expect(readDimensions(vp8l, 'webp')).toEqual({ width: 4000, height: 3000 });
    const vp8x = webp('VP8X', [0x10, 0, 0, 0, 0x1f, 0x4e, 0x00, 0x0f, 0x27, 0x00]);
    expect(readDimensions(vp8x, 'webp')).toEqual({ width: 20000, height: 10000 });
  });

  it('gives up on headers that are cut short or not where they belong', () => {
    expect(readDimensions(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), 'png')).toBeUndefined();
    expect(readDimensions(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 4, 0, 0]), 'jpeg')).toBeUndefined();
    expect(readDimensions(webp('ALPH', []), 'webp')).toBeUndefined();
  });
});
