import { once } from 'node:events';
import { createInflate } from 'node:zlib';
import type { Pixels } from './pixels.js';

/**
 * A PNG decoder for the images Ideogram returns (8 bits a channel, not interlaced) that inflates and unfilters
 * row by row into the RGBA it returns: it needs that buffer and two rows, where the WebAssembly decoder holds the
 * file, the whole inflated image and the RGBA in a module memory that never shrinks (over 400 MB kept for an
 * 8192×8192 result). Anything else is left to that decoder.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Samples per pixel by PNG colour type: grey, RGB, palette index, grey + alpha, RGBA. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

interface Layout {
  readonly width: number;
  readonly height: number;
  readonly colorType: number;
  /** RGBA per palette index, for colour type 3. */
  readonly palette: Uint8Array | undefined;
  /** The zlib stream, in the IDAT chunks' pieces. */
  readonly data: readonly Uint8Array[];
}

/** The file's layout when this decoder can take it, else undefined (the WebAssembly decoder then does). */
function layoutOf(bytes: Uint8Array): Layout | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33 || !SIGNATURE.equals(bytes.subarray(0, 8))) return undefined;
  let header: { width: number; height: number; colorType: number } | undefined;
  let rgb: Uint8Array | undefined;
  let alpha: Uint8Array | undefined;
  const data: Uint8Array[] = [];
  for (let at = 8; at + 12 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (body.length !== length) return undefined;
    if (type === 'IHDR') {
      const [depth, colorType, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || colorType === undefined || !(colorType in CHANNELS)) return undefined;
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), colorType };
    } else if (type === 'PLTE') {
      rgb = body;
    } else if (type === 'tRNS') {
      // A colour key on a grey or RGB image: rare, and the other decoder knows it.
      if (header?.colorType !== 3) return undefined;
      alpha = body;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (!header || header.width === 0 || header.height === 0 || data.length === 0) return undefined;
  if (header.colorType === 3 && !rgb) return undefined;
  let palette: Uint8Array | undefined;
  if (rgb) {
    palette = new Uint8Array(256 * 4);
    for (let i = 0; i * 3 + 2 < rgb.length && i < 256; i++) {
      palette.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
      palette[i * 4 + 3] = alpha?.[i] ?? 255;
    }
  }
  return { ...header, palette, data };
}

function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const pl = Math.abs(p - left);
  const pu = Math.abs(p - up);
  const pul = Math.abs(p - upLeft);
  if (pl <= pu && pl <= pul) return left;
  return pu <= pul ? up : upLeft;
}

/** Undoes a row's filter in place, given the row above (zeros for the first). */
function unfilter(filter: number, row: Uint8Array, above: Uint8Array, bpp: number): void {
  const n = row.length;
  switch (filter) {
    case 0:
      return;
    case 1:
      for (let i = bpp; i < n; i++) row[i] = (row[i] as number) + (row[i - bpp] as number);
      return;
    case 2:
      for (let i = 0; i < n; i++) row[i] = (row[i] as number) + (above[i] as number);
      return;
    case 3:
      for (let i = 0; i < n; i++) {
        const left = i < bpp ? 0 : (row[i - bpp] as number);
        row[i] = (row[i] as number) + ((left + (above[i] as number)) >> 1);
      }
      return;
    case 4:
      for (let i = 0; i < n; i++) {
        const left = i < bpp ? 0 : (row[i - bpp] as number);
        const upLeft = i < bpp ? 0 : (above[i - bpp] as number);
        row[i] = (row[i] as number) + paeth(left, above[i] as number, upLeft);
      }
      return;
    default:
      throw new Error(`a row has the unknown filter type ${filter}`);
  }
}

/** Writes one unfiltered row as RGBA at `out[offset…]`. */
function expand(row: Uint8Array, { colorType, palette }: Layout, out: Uint8ClampedArray, offset: number): void {
  const width = row.length / (CHANNELS[colorType] as number);
  for (let x = 0, o = offset; x < width; x++, o += 4) {
    if (colorType === 6) {
      out.set(row.subarray(x * 4, x * 4 + 4), o);
    } else if (colorType === 2) {
      out[o] = row[x * 3] as number;
      out[o + 1] = row[x * 3 + 1] as number;
      out[o + 2] = row[x * 3 + 2] as number;
      out[o + 3] = 255;
    } else if (colorType === 3) {
      const p = (row[x] as number) * 4;
      out.set((palette as Uint8Array).subarray(p, p + 4), o);
    } else {
      const grey = row[colorType === 0 ? x : x * 2] as number;
      out[o] = grey;
      out[o + 1] = grey;
      out[o + 2] = grey;
      out[o + 3] = colorType === 0 ? 255 : (row[x * 2 + 1] as number);
    }
  }
}

/**
 * Decodes an 8-bit, non-interlaced PNG, or returns undefined for any other kind (16 bits, fewer than 8, interlaced,
 * a colour key), which the caller decodes otherwise.
 * @throws Error when the image data is damaged or ends early.
 */
export async function decodePngStreaming(bytes: Uint8Array): Promise<Pixels | undefined> {
  const layout = layoutOf(bytes);
  if (!layout) return undefined;
  const { width, height, colorType } = layout;
  const bpp = CHANNELS[colorType] as number;
  const stride = width * bpp;
  const out = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  let row = new Uint8Array(stride + 1);
  let above = new Uint8Array(stride + 1);
  let filled = 0;
  let y = 0;

  const inflater = createInflate();
  const feeding = (async () => {
    for (const part of layout.data) {
      if (!inflater.write(part)) await once(inflater, 'drain');
    }
    inflater.end();
  })();
  // Awaited below; a damaged stream fails the loop first, and this must not be left unhandled meanwhile.
  feeding.catch(() => undefined);
  for await (const chunk of inflater as AsyncIterable<Buffer>) {
    for (let at = 0; at < chunk.length && y < height;) {
      const take = Math.min(stride + 1 - filled, chunk.length - at);
      row.set(chunk.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled < stride + 1) break;
      // Byte 0 is the filter; the pixels follow it, and `above` is laid out alike.
      unfilter(row[0] as number, row.subarray(1), above.subarray(1), bpp);
      expand(row.subarray(1), layout, out, y * width * 4);
      [row, above] = [above, row];
      filled = 0;
      y++;
    }
  }
  await feeding;
  if (y < height) throw new Error(`the image data ends after ${y} of ${height} rows`);
  return { data: out, width, height };
}
