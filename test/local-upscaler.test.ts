import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sniffFormat } from '../src/image-format.js';
import { loadCodecs } from '../src/local/codecs.js';
import { LocalUpscaler, MAX_RESULT_PIXELS } from '../src/local/upscaler.js';
import type { Destination, ProducedImage } from '../src/provider.js';
import type { SourceImage } from '../src/validation.js';
import { inspectPng, SAMPLE_SIZES, workspaceWithExamples } from './support/samples.js';

let workspace: string;
let upscaler: LocalUpscaler;

beforeAll(async () => {
  workspace = await workspaceWithExamples('local-upscaler-');
});

beforeEach(() => {
  upscaler = new LocalUpscaler();
});

afterEach(() => upscaler.close());

afterAll(() => rm(workspace, { recursive: true, force: true }));

async function source(relativePath: string): Promise<SourceImage> {
  const path = join(workspace, relativePath);
  const bytes = await readFile(path);
  const format = sniffFormat(bytes);
  if (!format) throw new Error(`${relativePath} is not an image`);
  return { path, relativePath, format, bytes: bytes.length };
}

/** Results go to out/<name>-<index>.<ext>, and each call is recorded. */
function destination(name: string, calls: unknown[][] = []): Destination {
  return (index, format) => {
    calls.push([index, format]);
    return join(workspace, 'out', `${name}-${index}.${format}`);
  };
}

function written(produced: ProducedImage[]): Extract<ProducedImage, { kind: 'written' }> {
  expect(produced).toHaveLength(1);
  const [image] = produced;
  if (image?.kind !== 'written') throw new Error(`expected a written image, got ${JSON.stringify(image)}`);
  return image;
}

/** A PNG of one colour, made with the codecs under test. */
async function solidPng(width: number, height: number, rgba: [number, number, number, number]): Promise<Buffer> {
  const codecs = await loadCodecs();
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return Buffer.from(await codecs.encodePng({ data, width, height }));
}

describe('LocalUpscaler', () => {
  it.each(Object.entries(SAMPLE_SIZES))('makes one PNG of twice the size from %s', async (path, size) => {
    const calls: unknown[][] = [];
    const name = path.replace(/\W/g, '_');
    const image = written(await upscaler.produce(await source(path), destination(name, calls)));

    expect(calls).toEqual([[1, 'png']]);
    expect(image).toEqual({
      kind: 'written',
      path: join(workspace, 'out', `${name}-1.png`),
      resolution: `${size.width * 2}x${size.height * 2}`,
      seed: null,
      prompt: null
    });
    expect(inspectPng(await readFile(image.path))).toMatchObject({ width: size.width * 2, height: size.height * 2 });
  });

  it('keeps colours and alpha: a flat image stays flat (to rounding)', async () => {
    await writeFile(join(workspace, 'flat.png'), await solidPng(5, 3, [200, 40, 10, 128]));
    const image = written(await upscaler.produce(await source('flat.png'), destination('flat')));

    const pixels = await (await loadCodecs()).decode(await readFile(image.path), 'png');
    expect([pixels.width, pixels.height]).toEqual([10, 6]);
    const expected = [200, 40, 10, 128];
    let worst = 0;
    for (let i = 0; i < pixels.data.length; i++)
      worst = Math.max(worst, Math.abs((pixels.data[i] ?? 0) - (expected[i % 4] ?? 0)));
    // Resampled in linear light with premultiplied alpha: each step back rounds.
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('turns a JPEG upright as its EXIF orientation says', async () => {
    const jpeg = await readFile(join(workspace, 'examples/photos/landscape.jpg'));
    // APP1 "Exif": a big-endian TIFF header and one IFD entry, Orientation (0x0112) = 6 (rotate 90° clockwise).
    const tiff = Buffer.from([
      0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0
    ]);
    const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, payload.length + 2]), payload]);
    await writeFile(join(workspace, 'rotated.jpg'), Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]));

    const image = written(await upscaler.produce(await source('rotated.jpg'), destination('rotated')));
    expect(image.resolution).toBe('160x240');
  });

  it('says why a damaged file cannot be read, and goes on with the next', async () => {
    const png = await readFile(join(workspace, 'examples/badge.png'));
    await writeFile(join(workspace, 'damaged.png'), Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 7)]));
    const jpeg = await readFile(join(workspace, 'examples/photos/landscape.jpg'));
    await writeFile(join(workspace, 'damaged.jpg'), Buffer.concat([jpeg.subarray(0, 30), Buffer.alloc(100, 7)]));
    const stderr = jest.spyOn(process.stderr, 'write');

    await expect(upscaler.produce(await source('damaged.png'), destination('damaged'))).rejects.toThrow(
      /^The file could not be decoded as PNG \(the file is damaged or unsupported\)$/
    );
    // libjpeg's own words, which it would otherwise print.
    await expect(upscaler.produce(await source('damaged.jpg'), destination('damaged'))).rejects.toThrow(
      /^The file could not be decoded as JPEG \(.+\)$/
    );
    expect(stderr).not.toHaveBeenCalled();
    stderr.mockRestore();
    written(await upscaler.produce(await source('examples/badge.png'), destination('after-damage')));
  });

  it('refuses an image whose result would be too large, from its header alone', async () => {
    const png = await solidPng(2, 2, [0, 0, 0, 255]);
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(10_000, 20);
    await writeFile(join(workspace, 'huge.png'), png);

    await expect(upscaler.produce(await source('huge.png'), destination('huge'))).rejects.toThrow(
      `The image is 20000x10000; its 2× result would be 800.0 MP, over the local provider's ${MAX_RESULT_PIXELS / 1e6}.0 MP limit`
    );
  });

  it('reports a result it cannot write as lost, and leaves no temporary file', async () => {
    await writeFile(join(workspace, 'not-a-folder'), 'x');
    const produced = await upscaler.produce(await source('examples/badge.png'), () =>
      join(workspace, 'not-a-folder', 'badge.png')
    );
    expect(produced).toEqual([
      { kind: 'lost', error: expect.objectContaining({ message: expect.stringMatching(/could not be written/) }) }
    ]);
    expect((await readdir(workspace)).filter(name => name.endsWith('.part'))).toEqual([]);
  });

  it('takes many sources at once and works through them one by one', async () => {
    const paths = Object.keys(SAMPLE_SIZES);
    const results = await Promise.all(
      paths.map(async (path, i) => upscaler.produce(await source(path), destination(`many-${i}`)))
    );
    expect(results.map(produced => written(produced).resolution)).toEqual(
      paths.map(path => `${(SAMPLE_SIZES[path]?.width ?? 0) * 2}x${(SAMPLE_SIZES[path]?.height ?? 0) * 2}`)
    );
    const leftovers = (await readdir(join(workspace, 'out'))).filter(name => name.endsWith('.part'));
    expect(leftovers).toEqual([]);
  });
});
