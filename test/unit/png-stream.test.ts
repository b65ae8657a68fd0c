import { beforeAll, describe, expect, it } from '@jest/globals';
import decodePngWasm from '@jsquash/png/decode.js';
import { crc32, deflateSync } from 'node:zlib';
import { loadCodecs } from '../../src/imaging/codecs.js';
import { decodePngStreaming } from '../../src/imaging/png-stream.js';

/** Samples per pixel by colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
  return Buffer.concat([head, body, crc]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Filters one row as PNG encoders do, by type (0-4). */
function filterRow(type: number, row: Uint8Array, above: Uint8Array, bpp: number): Uint8Array {
  return row.map((value, i) => {
    const left = i < bpp ? 0 : (row[i - bpp] as number);
    const up = above[i] as number;
    const upLeft = i < bpp ? 0 : (above[i - bpp] as number);
    const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][type] as number;
    return (value - predicted) & 0xff;
  });
}

interface Made {
  readonly file: Buffer;
  readonly width: number;
  readonly height: number;
}

/**
 * An 8-bit PNG of a colour type with noisy content, each row under the next filter type in turn (so all five
 * occur), the compressed data split over three IDAT chunks (of which `idatParts` are kept); `extra` chunks go
 * before the data.
 */
function makePng(colorType: number, width: number, height: number, extra: Buffer[] = [], idatParts = 3): Made {
  const bpp = CHANNELS[colorType] as number;
  let state = 1;
  const noise = (): number => (state = (state * 1103515245 + 12345) & 0x7fffffff) >> 16;
  const raw: number[] = [];
  let above = new Uint8Array(width * bpp);
  for (let y = 0; y < height; y++) {
    const row = Uint8Array.from({ length: width * bpp }, (_, i) =>
      colorType === 3 ? noise() % 4 : (i * 7 + y * 13 + (noise() % 32)) & 0xff
    );
    raw.push(y % 5, ...filterRow(y % 5, row, above, bpp));
    above = row;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width);
  header.writeUInt32BE(height, 4);
  header.set([8, colorType, 0, 0, 0], 8);
  const data = deflateSync(Uint8Array.from(raw));
  const third = Math.ceil(data.length / 3);
  const parts = [0, 1, 2].map(i => chunk('IDAT', data.subarray(i * third, (i + 1) * third)));
  const file = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...extra,
    ...parts.slice(0, idatParts),
    chunk('IEND', new Uint8Array())
  ]);
  return { file, width, height };
}

const PALETTE = chunk('PLTE', Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 250, 250, 250]));

beforeAll(async () => {
  // Initialises the WebAssembly decoder the streaming one is compared with.
  await loadCodecs();
});

describe('the row-by-row PNG decoder', () => {
  it.each([
    ['grey', 0, []],
    ['RGB', 2, []],
    ['a palette', 3, [PALETTE]],
    ['a palette with transparency', 3, [PALETTE, chunk('tRNS', Uint8Array.from([0, 128]))]],
    ['grey and alpha', 4, []],
    ['RGBA', 6, []]
  ] as const)('decodes %s, every filter type, exactly as the WebAssembly decoder', async (_, colorType, extra) => {
    for (const [width, height] of [
      [1, 1],
      [7, 5],
      [64, 33]
    ] as const) {
      const { file } = makePng(colorType, width, height, [...extra]);
      const expected = await decodePngWasm(
        file.buffer.slice(file.byteOffset, file.byteOffset + file.length) as ArrayBuffer
      );
      const got = await decodePngStreaming(file);
      expect(got && { width: got.width, height: got.height }).toEqual({ width, height });
      expect(Buffer.from(got?.data ?? []).equals(Buffer.from(expected.data))).toBe(true);
    }
  });

  it('leaves the kinds it does not take to the other decoder: 16 bits, interlaced, a colour key', () => {
    const { file } = makePng(2, 4, 4);
    const variant = (at: number, value: number): Buffer => {
      const copy = Buffer.from(file);
      copy[at] = value;
      return copy;
    };
    // IHDR's body starts at 16: width, height, then bit depth (24), colour type, ..., interlace (28).
    return Promise.all([
      expect(decodePngStreaming(variant(24, 16))).resolves.toBeUndefined(),
      expect(decodePngStreaming(variant(28, 1))).resolves.toBeUndefined(),
      expect(
        decodePngStreaming(makePng(2, 4, 4, [chunk('tRNS', Uint8Array.from([0, 0, 0, 0, 0, 0]))]).file)
      ).resolves.toBeUndefined(),
      expect(decodePngStreaming(Buffer.from('not a png at all, just text'))).resolves.toBeUndefined()
    ]);
  });

  it('fails on image data that ends early or is damaged, through the codecs with what was wrong', async () => {
    const { file } = makePng(6, 32, 32);
    const codecs = await loadCodecs();
    // zlib's stream ends before the last row.
    await expect(decodePngStreaming(makePng(6, 32, 32, [], 2).file)).rejects.toThrow(/unexpected end of file/);
    await expect(codecs.decode(makePng(6, 32, 32, [], 2).file, 'png')).rejects.toThrow(/could not be decoded as PNG/);
    const damaged = Buffer.from(file);
    // Inside the first IDAT's compressed data: zlib's checks catch it.
    for (let i = 60; i < 90; i++) damaged[i] = 0x55;
    await expect(decodePngStreaming(damaged)).rejects.toThrow();
    await expect(codecs.decode(damaged, 'png')).rejects.toThrow(/could not be decoded as PNG/);
  });
});
