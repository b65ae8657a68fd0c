import type { Pixels } from './pixels.js';

/**
 * Lanczos3 resampling in linear light with premultiplied alpha, as the WebAssembly resampler does it, but one row
 * at a time: it needs the RGBA it returns and a window of a few rows, where that resampler held the source, a
 * floating-point copy of it and an intermediate image in a memory that never shrinks (over 2 GB kept after an
 * 8192×8192 result is fitted into 4096).
 */

const LOBES = 3;

/** An sRGB byte as linear light. */
const TO_LINEAR = Float32Array.from({ length: 256 }, (_, byte) => {
  const c = byte / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

/** Steps of the table from linear light back to an sRGB byte: fine enough for the darkest byte step. */
const LINEAR_STEPS = 1 << 16;
const TO_SRGB = Uint8Array.from({ length: LINEAR_STEPS + 1 }, (_, i) => {
  const l = i / LINEAR_STEPS;
  const c = l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055;
  return Math.round(c * 255);
});

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/** The source indices and normalised weights that make each of `to` samples from `from`. */
interface Taps {
  readonly start: Int32Array;
  readonly count: Int32Array;
  /** `widest` weights per output sample. */
  readonly weights: Float32Array;
  readonly widest: number;
}

function taps(from: number, to: number): Taps {
  const ratio = from / to;
  // Shrinking widens the filter so every source sample counts; enlarging keeps it at three lobes.
  const scale = Math.max(ratio, 1);
  const support = LOBES * scale;
  const widest = Math.ceil(support) * 2 + 2;
  const start = new Int32Array(to);
  const count = new Int32Array(to);
  const weights = new Float32Array(to * widest);
  for (let j = 0; j < to; j++) {
    const center = (j + 0.5) * ratio;
    // Samples outside the image are left out and the rest normalised, so edges keep their brightness.
    const first = Math.max(0, Math.floor(center - support));
    const last = Math.min(from - 1, Math.ceil(center + support));
    let sum = 0;
    let n = 0;
    for (let i = first; i <= last && n < widest; i++, n++) {
      const x = (i + 0.5 - center) / scale;
      const w = Math.abs(x) < LOBES ? sinc(x) * sinc(x / LOBES) : 0;
      weights[j * widest + n] = w;
      sum += w;
    }
    for (let k = 0; k < n; k++) weights[j * widest + k] = (weights[j * widest + k] as number) / (sum || 1);
    start[j] = first;
    count[j] = n;
  }
  return { start, count, weights, widest };
}

/** One source row as premultiplied linear RGBA, resampled across to the target width. */
function resampleRow(image: Pixels, y: number, across: Taps, linear: Float32Array, out: Float32Array): void {
  const { data, width } = image;
  for (let x = 0, i = y * width * 4; x < width; x++, i += 4) {
    const alpha = (data[i + 3] as number) / 255;
    linear[x * 4] = (TO_LINEAR[data[i] as number] as number) * alpha;
    linear[x * 4 + 1] = (TO_LINEAR[data[i + 1] as number] as number) * alpha;
    linear[x * 4 + 2] = (TO_LINEAR[data[i + 2] as number] as number) * alpha;
    linear[x * 4 + 3] = alpha;
  }
  const { start, count, weights, widest } = across;
  for (let j = 0; j < start.length; j++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let k = 0, s = (start[j] as number) * 4, w = j * widest; k < (count[j] as number); k++, s += 4, w++) {
      const weight = weights[w] as number;
      r += (linear[s] as number) * weight;
      g += (linear[s + 1] as number) * weight;
      b += (linear[s + 2] as number) * weight;
      a += (linear[s + 3] as number) * weight;
    }
    out[j * 4] = r;
    out[j * 4 + 1] = g;
    out[j * 4 + 2] = b;
    out[j * 4 + 3] = a;
  }
}

function srgbByte(linear: number): number {
  const clamped = linear <= 0 ? 0 : linear >= 1 ? 1 : linear;
  return TO_SRGB[Math.round(clamped * LINEAR_STEPS)] as number;
}

/** Resamples `image` to `width`×`height` with Lanczos3, in linear light with premultiplied alpha. */
export function resizeLanczos3(image: Pixels, width: number, height: number): Pixels {
  const across = taps(image.width, width);
  const down = taps(image.height, height);
  const out = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  const linear = new Float32Array(image.width * 4);
  // The rows resampled across, kept while an output row may still need them: a ring indexed by source row.
  const ring = Array.from({ length: down.widest }, () => new Float32Array(width * 4));
  let next = 0;
  for (let j = 0; j < height; j++) {
    const first = down.start[j] as number;
    const n = down.count[j] as number;
    for (; next < first + n; next++) resampleRow(image, next, across, linear, ring[next % down.widest] as Float32Array);
    for (let x = 0; x < width * 4; x += 4) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let k = 0; k < n; k++) {
        const row = ring[(first + k) % down.widest] as Float32Array;
        const weight = down.weights[j * down.widest + k] as number;
        r += (row[x] as number) * weight;
        g += (row[x + 1] as number) * weight;
        b += (row[x + 2] as number) * weight;
        a += (row[x + 3] as number) * weight;
      }
      const o = j * width * 4 + x;
      const alpha = a <= 0 ? 0 : a >= 1 ? 1 : a;
      out[o] = alpha === 0 ? 0 : srgbByte(r / alpha);
      out[o + 1] = alpha === 0 ? 0 : srgbByte(g / alpha);
      out[o + 2] = alpha === 0 ? 0 : srgbByte(b / alpha);
      out[o + 3] = Math.round(alpha * 255);
    }
  }
  return { data: out, width, height };
}
