import { beforeAll, describe, expect, it } from '@jest/globals';
import { resize as resizeWasm } from '@jsquash/resize/lib/resize/pkg/squoosh_resize.js';
import { loadCodecs } from '../../src/imaging/codecs.js';
import type { Pixels } from '../../src/imaging/pixels.js';
import { resizeLanczos3 } from '../../src/imaging/lanczos.js';
import { encodePng } from '../support/files.js';

let photo: Pixels;

beforeAll(async () => {
  const codecs = await loadCodecs();
  // Photo-like: a small picture enlarged smoothly, so every region has gradients and edges.
  photo = codecs.resize(await codecs.decode(encodePng(40, 30, 5), 'png'), 600, 400);
});

/** What the WebAssembly resampler makes: Lanczos3, linear light, premultiplied alpha. */
function reference(image: Pixels, width: number, height: number): Uint8ClampedArray {
  const source = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return resizeWasm(source, image.width, image.height, width, height, 3, true, true);
}

function solid(width: number, height: number, rgba: readonly number[]): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { data, width, height };
}

describe('Lanczos3 row by row', () => {
  it.each([
    [300, 200],
    [599, 399],
    [173, 115],
    [64, 43],
    [7, 5],
    [1, 1],
    [600, 400]
  ])('shrinks 600×400 to %i×%i as the WebAssembly resampler does, within a level or two', (width, height) => {
    const got = resizeLanczos3(photo, width, height);
    expect([got.width, got.height, got.data.length]).toEqual([width, height, width * height * 4]);
    const expected = reference(photo, width, height);
    let sum = 0;
    let worst = 0;
    for (let i = 0; i < expected.length; i++) {
      const d = Math.abs((got.data[i] as number) - (expected[i] as number));
      sum += d;
      worst = Math.max(worst, d);
    }
    expect(sum / expected.length).toBeLessThan(1);
    expect(worst).toBeLessThanOrEqual(3);
  });

  it.each([[[0, 0, 0, 255]], [[255, 255, 255, 255]], [[1, 128, 254, 255]], [[200, 10, 90, 128]], [[0, 0, 0, 0]]])(
    'keeps a flat %j exactly, edges included',
    rgba => {
      const got = resizeLanczos3(solid(97, 61, rgba), 31, 20);
      const expected = solid(31, 20, rgba[3] === 0 ? [0, 0, 0, 0] : rgba).data;
      expect(Buffer.from(got.data).equals(Buffer.from(expected))).toBe(true);
    }
  );
});
