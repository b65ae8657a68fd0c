/**
 * Draws the sample images in examples/ (committed, so a fresh clone can try the tool with no key):
 *
 *   tsx scripts/make-samples.ts
 *
 * Each picture is drawn from shapes with anti-aliased edges, so a 2× upscale shows its filter, and encoded with the
 * same WebAssembly codecs the local provider uses (mozjpeg and libwebp for the JPEG and WebP samples). The output
 * is the same on every run.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import encodeJpeg, { init as initJpegEncode } from '@jsquash/jpeg/encode.js';
import encodePng, { init as initPngEncode } from '@jsquash/png/encode.js';
import encodeWebp, { init as initWebpEncode } from '@jsquash/webp/encode.js';

const ROOT = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

type Rgba = readonly [number, number, number, number];
/** Whether the point (x, y), in pixels, is inside the shape. */
type Shape = (x: number, y: number) => boolean;

class Canvas {
  readonly data: Uint8ClampedArray<ArrayBuffer>;
  constructor(
    readonly width: number,
    readonly height: number,
    fill: (x: number, y: number) => Rgba
  ) {
    this.data = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) this.set(x, y, fill(x / width, y / height));
  }

  private set(x: number, y: number, [r, g, b, a]: Rgba): void {
    this.data.set([r, g, b, a], (y * this.width + x) * 4);
  }

  /** Paints a shape in one colour, 4×4 samples a pixel for smooth edges (source-over, straight alpha). */
  draw(shape: Shape, [r, g, b, a]: Rgba): this {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        let hits = 0;
        for (let sy = 0; sy < 4; sy++)
          for (let sx = 0; sx < 4; sx++) if (shape(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
        if (hits === 0) continue;
        const alpha = (a / 255) * (hits / 16);
        const at = (y * this.width + x) * 4;
        const under = (this.data[at + 3] ?? 0) / 255;
        const out = alpha + under * (1 - alpha);
        const mix = (top: number, bottom: number): number => (top * alpha + bottom * under * (1 - alpha)) / (out || 1);
        this.data.set(
          [mix(r, this.data[at] ?? 0), mix(g, this.data[at + 1] ?? 0), mix(b, this.data[at + 2] ?? 0), out * 255],
          at
        );
      }
    }
    return this;
  }

  image(): ImageData {
    return { data: this.data, width: this.width, height: this.height, colorSpace: 'srgb' };
  }
}

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring =
  (cx: number, cy: number, outer: number, inner: number): Shape =>
  (x, y) =>
    circle(cx, cy, outer)(x, y) && !circle(cx, cy, inner)(x, y);
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x < x1 && y >= y0 && y < y1;
const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

/** A badge on a transparent background: alpha edges. */
function badge(): Canvas {
  return new Canvas(64, 64, () => [0, 0, 0, 0])
    .draw(circle(32, 32, 29), [109, 93, 252, 255])
    .draw(ring(32, 32, 24, 20), [255, 255, 255, 230])
    .draw((x, y) => Math.abs(x - 32) + Math.abs(y - 32) <= 11, [255, 204, 64, 255]);
}

/** Stripes and circles on a gradient: fine detail and hard edges. */
function pattern(): Canvas {
  const canvas = new Canvas(96, 64, (u, v) => [lerp(20, 60, v), lerp(40, 120, u), lerp(90, 160, 1 - v), 255]);
  for (let i = 0; i < 6; i++) canvas.draw(rect(8 + i * 6, 8, 10 + i * 6, 56), [240, 240, 240, 255]);
  for (let i = 0; i < 4; i++)
    canvas.draw(circle(60 + (i % 2) * 20, 18 + Math.floor(i / 2) * 28, 8 - i), [255, 120 + i * 30, 60, 255]);
  return canvas;
}

/** A little landscape: smooth gradients, as in a photograph. */
function landscape(): Canvas {
  return new Canvas(120, 80, (_u, v) => [lerp(255, 70, v), lerp(170, 130, v), lerp(90, 220, v), 255])
    .draw(circle(88, 28, 12), [255, 236, 160, 255])
    .draw((x, y) => y > 52 + 10 * Math.sin(x / 14), [60, 120, 70, 255])
    .draw((x, y) => y > 64 + 6 * Math.sin(x / 9 + 1), [40, 90, 50, 255]);
}

async function compile(path: string): Promise<WebAssembly.Module> {
  return WebAssembly.compile(await readFile(require.resolve(path)));
}

async function save(path: string, bytes: ArrayBuffer): Promise<void> {
  const file = join(ROOT, 'examples', path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, new Uint8Array(bytes));
  console.log(`examples/${path} ${bytes.byteLength} bytes`);
}

type InitWith = (module: WebAssembly.Module) => Promise<unknown>;
await initPngEncode(await compile('@jsquash/png/codec/pkg/squoosh_png_bg.wasm'));
await (initJpegEncode as unknown as InitWith)(await compile('@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm'));
// libwebp's encoder picks its SIMD build where WebAssembly has SIMD, as on every Node.js this project supports.
await (initWebpEncode as unknown as InitWith)(await compile('@jsquash/webp/codec/enc/webp_enc_simd.wasm'));

await save('badge.png', await encodePng(badge().image()));
await save('pattern.png', await encodePng(pattern().image()));
await save('photos/landscape.jpg', await encodeJpeg(landscape().image(), { quality: 85 }));
await save('webp/landscape.webp', await encodeWebp(landscape().image(), { quality: 85 }));
