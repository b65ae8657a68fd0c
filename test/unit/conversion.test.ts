import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { convertFile } from '../../src/imaging/conversion.js';
import { readDimensions } from '../../src/imaging/dimensions.js';
import { sniffFormat } from '../../src/imaging/image-format.js';
import { loadCodecs } from '../../src/imaging/codecs.js';
import { AS_RETURNED, fitWithin, type Conversion, type OutputFormat } from '../../src/imaging/output-format.js';
import { planOutputs } from '../../src/settings/output-path.js';
import { OutputTemplate } from '../../src/settings/output-path.js';
import { ConversionError, ResultSink } from '../../src/pipeline/result-sink.js';
import { defaultRetryPolicy } from '../../src/async/retry.js';
import { encodePng, makeTempDir, removeDir } from '../support/files.js';

const convert = (format: OutputFormat, extra: Partial<Conversion> = {}): Conversion => ({
  ...AS_RETURNED,
  format,
  quality: format === 'png' ? undefined : 70,
  ...extra
});

/** What a file holds, judged by its bytes: the format, and its size from the header (AVIF: the ispe box). */
function inspect(bytes: Uint8Array): { format: string; width: number; height: number } {
  if (Buffer.from(bytes.subarray(4, 12)).toString('latin1') === 'ftypavif') {
    const at = Buffer.from(bytes).indexOf('ispe');
    return {
      format: 'avif',
      width: Buffer.from(bytes).readUInt32BE(at + 8),
      height: Buffer.from(bytes).readUInt32BE(at + 12)
    };
  }
  const format = sniffFormat(bytes);
  if (!format) throw new Error('not an image');
  const size = readDimensions(bytes, format);
  return { format, width: size?.width ?? 0, height: size?.height ?? 0 };
}

let dir: string;
let photo: Buffer;

beforeAll(async () => {
  dir = await makeTempDir('conversion-');
  // A photo-like 600×400 PNG: a resampled gradient, so lossy encoders have something to do.
  const codecs = await loadCodecs();
  photo = Buffer.from(
    await codecs.encodePng(codecs.resize(await codecs.decode(encodePng(60, 40, 5), 'png'), 600, 400))
  );
});
afterAll(() => removeDir(dir));

describe('fitWithin', () => {
  it.each([
    [{ width: 2000, height: 1000 }, { maxWidth: 1000 }, { width: 1000, height: 500 }],
    [
      { width: 1000, height: 2000 },
      { maxWidth: 1000, maxHeight: 500 },
      { width: 250, height: 500 }
    ],
    [
      { width: 300, height: 200 },
      { maxWidth: 1000, maxHeight: 1000 },
      { width: 300, height: 200 }
    ],
    [{ width: 5000, height: 3 }, { maxWidth: 100 }, { width: 100, height: 1 }]
  ])('fits %j in %j as %j, keeping the aspect and never enlarging', (size, box, expected) => {
    expect(fitWithin(size, { ...AS_RETURNED, ...box })).toEqual(expected);
  });
});

describe('convertFile', () => {
  it.each(['webp', 'avif', 'jpeg', 'png'] as const)(
    'writes %s at the asked size, smaller than the PNG',
    async format => {
      const from = join(dir, `photo-${format}.png`);
      await writeFile(from, photo);
      const to = join(dir, `out-${format}`);
      const converted = await convertFile({
        from,
        format: 'png',
        to,
        conversion: convert(format, { maxWidth: 300 }),
        consume: false,
        replace: false
      });
      const bytes = await readFile(to);
      expect(inspect(bytes)).toEqual({ format, width: 300, height: 200 });
      expect(converted).toEqual({ resolution: '300x200', bytes: bytes.length });
      if (format !== 'png') expect(bytes.length).toBeLessThan(photo.length);
      // An earlier result stays where it is.
      expect(await readFile(from)).toEqual(photo);
    }
  );

  it('keeps the bytes as they are when nothing has to change', async () => {
    const from = join(dir, 'same.png');
    await writeFile(from, photo);
    await convertFile({
      from,
      format: 'png',
      to: join(dir, 'same-out.png'),
      conversion: convert('png', { maxWidth: 4000 }),
      consume: true,
      replace: false
    });
    expect(await readFile(join(dir, 'same-out.png'))).toEqual(photo);
    expect((await readdir(dir)).includes('same.png')).toBe(false);
  });

  it('a higher quality makes a larger file', async () => {
    const sizes: number[] = [];
    for (const quality of [20, 90]) {
      const from = join(dir, `q${quality}.png`);
      await writeFile(from, photo);
      sizes.push(
        (
          await convertFile({
            from,
            format: 'png',
            to: join(dir, `q${quality}.webp`),
            conversion: convert('webp', { quality }),
            consume: true,
            replace: false
          })
        ).bytes
      );
    }
    expect(sizes[1]).toBeGreaterThan(sizes[0] as number);
  });
});

describe('the result sink converting', () => {
  const template = OutputTemplate.parse('out/{name}.{ext}', 1);
  const sinkFor = (workspace: string, conversion: Conversion): ResultSink =>
    new ResultSink({
      workspace,
      maxBytes: 50 * 1024 * 1024,
      retry: defaultRetryPolicy({ maxRetries: 0 }),
      conversion,
      replaceable: new Set<string>()
    });

  it('writes the result in the asked format at the planned path, {ext} following the format', async () => {
    const workspace = await makeTempDir('sink-convert-');
    try {
      const conversion = convert('webp', { maxHeight: 100 });
      const [planned] = planOutputs(['a.png'], template, 1, conversion).get('a.png') ?? [];
      expect(planned?.paths).toEqual({ png: 'out/a.webp', jpeg: 'out/a.webp', webp: 'out/a.webp' });
      const saved = await sinkFor(workspace, conversion).save('a.png', planned!, photo);
      expect(saved).toMatchObject({ path: 'out/a.webp', format: 'png', resolution: '150x100' });
      expect(inspect(await readFile(join(workspace, 'out/a.webp')))).toEqual({
        format: 'webp',
        width: 150,
        height: 100
      });
      // Nothing left beside it: no download, no temporary file.
      expect(await readdir(join(workspace, 'out'))).toEqual(['a.webp']);
    } finally {
      await removeDir(workspace);
    }
  });

  it('keeps a result it cannot convert beside its planned path: it was paid for', async () => {
    const workspace = await makeTempDir('sink-broken-');
    try {
      const conversion = convert('avif');
      const [planned] = planOutputs(['b.png'], template, 1, conversion).get('b.png') ?? [];
      // A PNG signature and nothing decodable after it.
      const broken = Buffer.concat([photo.subarray(0, 40), Buffer.alloc(400)]);
      const error = await sinkFor(workspace, conversion)
        .save('b.png', planned!, broken)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConversionError);
      expect((error as Error).message).toMatch(/could not be converted for out\/b\.avif: .*kept at out\/b\.avif\.png$/);
      expect(await readFile(join(workspace, 'out/b.avif.png'))).toEqual(broken);
      expect(await readdir(join(workspace, 'out'))).toEqual(['b.avif.png']);
    } finally {
      await removeDir(workspace);
    }
  });
});
