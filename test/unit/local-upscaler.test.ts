import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IMAGE_FORMATS, sniffFormat, type ImageFormat } from '../../src/imaging/image-format.js';
import { loadCodecs } from '../../src/imaging/codecs.js';
import { LocalUpscaler, MAX_RESULT_PIXELS } from '../../src/providers/local/upscaler.js';
import type { ProducedImage } from '../../src/providers/provider.js';
import { versionOf } from '../../src/fs/regular-file.js';
import { ResultSink } from '../../src/pipeline/result-sink.js';
import { defaultRetryPolicy } from '../../src/async/retry.js';
import type { SourceImage } from '../../src/imaging/source-image.js';
import { inspectPng, SAMPLE_SIZES, workspaceWithExamples } from '../support/samples.js';

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
  return { path, relativePath, format, bytes: bytes.length, version: versionOf(await stat(path)) };
}

interface Written {
  readonly format: ImageFormat;
  /** Absolute path. */
  readonly path: string;
  readonly resolution: string | null;
  readonly seed: number | null;
  readonly prompt: string | null;
}

/** Upscales `image` and saves its one result through the result sink, as the engine does, to `where` (relative). */
async function produceInto(image: SourceImage, where: (format: ImageFormat) => string): Promise<Written> {
  const produced: ProducedImage[] = await upscaler.produce(image);
  expect(produced).toHaveLength(1);
  const [result] = produced;
  if (result?.kind !== 'image') throw new Error(`expected an image, got ${JSON.stringify(result)}`);
  const sink = new ResultSink({
    workspace,
    maxBytes: 1 << 30,
    retry: defaultRetryPolicy({ maxRetries: 0 }),
    replaceable: new Set()
  });
  const paths = Object.fromEntries(IMAGE_FORMATS.map(format => [format, where(format)]));
  const saved = await sink.save(
    image.relativePath,
    { index: 1, paths: paths as Record<ImageFormat, string> },
    result.bytes
  );
  const { resolution, seed, prompt } = result;
  return { format: saved.format, path: join(workspace, saved.path), resolution, seed, prompt };
}

/** Results go to out/<name>-1.<format>. */
function produced(image: SourceImage, name: string): Promise<Written> {
  return produceInto(image, format => join('out', `${name}-1.${format}`));
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
    const name = path.replace(/\W/g, '_');
    const image = await produced(await source(path), name);

    expect(image).toEqual({
      format: 'png',
      path: join(workspace, 'out', `${name}-1.png`),
      resolution: `${size.width * 2}x${size.height * 2}`,
      seed: null,
      prompt: null
    });
    expect(inspectPng(await readFile(image.path))).toMatchObject({ width: size.width * 2, height: size.height * 2 });
  });

  it('keeps colours and alpha: a flat image stays flat (to rounding)', async () => {
    await writeFile(join(workspace, 'flat.png'), await solidPng(5, 3, [200, 40, 10, 128]));
    const image = await produced(await source('flat.png'), 'flat');

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

    const image = await produced(await source('rotated.jpg'), 'rotated');
    expect(image.resolution).toBe('160x240');
  });

  it('says why a damaged file cannot be read, and goes on with the next', async () => {
    const png = await readFile(join(workspace, 'examples/badge.png'));
    await writeFile(join(workspace, 'damaged.png'), Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 7)]));
    const jpeg = await readFile(join(workspace, 'examples/photos/landscape.jpg'));
    await writeFile(join(workspace, 'damaged.jpg'), Buffer.concat([jpeg.subarray(0, 30), Buffer.alloc(100, 7)]));
    const stderr = jest.spyOn(process.stderr, 'write');

    await expect(produced(await source('damaged.png'), 'damaged')).rejects.toThrow(
      /^The file could not be decoded as PNG \(the file is damaged or unsupported\)$/
    );
    // libjpeg's own words, which it would otherwise print.
    await expect(produced(await source('damaged.jpg'), 'damaged')).rejects.toThrow(
      /^The file could not be decoded as JPEG \(.+\)$/
    );
    expect(stderr).not.toHaveBeenCalled();
    stderr.mockRestore();
    await produced(await source('examples/badge.png'), 'after-damage');
  });

  it('refuses an image whose result would be too large, from its header alone', async () => {
    const png = await solidPng(2, 2, [0, 0, 0, 255]);
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(10_000, 20);
    await writeFile(join(workspace, 'huge.png'), png);

    await expect(produced(await source('huge.png'), 'huge')).rejects.toThrow(
      `The image is 20000x10000; its 2× result would be 800.0 MP, over the local provider's ${MAX_RESULT_PIXELS / 1e6}.0 MP limit`
    );
  });

  it('a result that cannot be written is refused with its path, and leaves no temporary file', async () => {
    await writeFile(join(workspace, 'not-a-folder'), 'x');
    await expect(
      produceInto(await source('examples/badge.png'), () => join('not-a-folder', 'badge.png'))
    ).rejects.toThrow(/could not be written to not-a-folder\/badge\.png/);
    expect((await readdir(workspace)).filter(name => name.endsWith('.part'))).toEqual([]);
  });

  it('takes many sources at once and works through them one by one', async () => {
    const paths = Object.keys(SAMPLE_SIZES);
    const results = await Promise.all(paths.map(async (path, i) => produced(await source(path), `many-${i}`)));
    expect(results.map(result => result.resolution)).toEqual(
      paths.map(path => `${(SAMPLE_SIZES[path]?.width ?? 0) * 2}x${(SAMPLE_SIZES[path]?.height ?? 0) * 2}`)
    );
    const leftovers = (await readdir(join(workspace, 'out'))).filter(name => name.endsWith('.part'));
    expect(leftovers).toEqual([]);
  });
});
