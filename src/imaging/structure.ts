import type { ImageFormat } from './image-format.js';

/** Reads `length` bytes at `at` (fewer at the end of the file). */
export type ByteReader = (at: number, length: number) => Promise<Uint8Array>;

/** Headers read per chunk or segment; far more than any real image has, and a bound on a hostile one. */
const MAX_STEPS = 100_000;

function u16be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function u32be(bytes: Uint8Array, at: number): number {
  return u16be(bytes, at) * 0x10000 + u16be(bytes, at + 2);
}

function u32le(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16)) + (bytes[at + 3] ?? 0) * 0x1000000
  );
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** PNG: IHDR first, then chunk after chunk, each within the file, until IEND. */
async function png(read: ByteReader, size: number): Promise<string | undefined> {
  for (let at = 8, step = 0; step < MAX_STEPS; step++) {
    if (at + 12 > size) return 'is cut short: it ends before its IEND chunk';
    const header = await read(at, 8);
    const length = u32be(header, 0);
    const type = ascii(header, 4, 4);
    if (step === 0 && (type !== 'IHDR' || length !== 13))
      return 'is a damaged PNG: it does not start with an IHDR header';
    if (!/^[A-Za-z]{4}$/.test(type)) return `is a damaged PNG: the chunk at byte ${at} has no valid type`;
    if (at + 12 + length > size) return `is cut short: its ${type} chunk runs past the end of the file`;
    if (type === 'IEND') return undefined;
    at += 12 + length;
  }
  return 'is a damaged PNG: too many chunks to check';
}

// Start-of-frame markers: every SOFn but DHT (C4), JPG (C8) and DAC (CC).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: segments from SOI to a frame header, each within the file, and the EOI marker at the end. */
async function jpeg(read: ByteReader, size: number): Promise<string | undefined> {
  let framed = false;
  for (let at = 2, step = 0; !framed; step++) {
    if (step >= MAX_STEPS || at + 4 > size) return 'is a damaged JPEG: it has no frame header (SOF)';
    const header = await read(at, 4);
    if (header[0] !== 0xff) return `is a damaged JPEG: no marker where one should be (byte ${at})`;
    const marker = header[1] ?? 0;
    if (marker === 0xff)
      at += 1; // fill byte
    else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8))
      at += 2; // markers without a length
    else if (marker === 0xd9 || marker === 0xda)
      return 'is a damaged JPEG: its image data comes before any frame header (SOF)';
    else {
      const length = u16be(header, 2);
      if (length < 2 || at + 2 + length > size) return 'is cut short: a JPEG segment runs past the end of the file';
      framed = SOF.has(marker);
      at += 2 + length;
    }
  }
  // Encoders may pad the end with zeros; the last marker before them must be EOI (FF D9).
  const tail = await read(Math.max(0, size - 1024), Math.min(size, 1024));
  let end = tail.length;
  while (end > 0 && tail[end - 1] === 0) end--;
  return tail[end - 2] === 0xff && tail[end - 1] === 0xd9
    ? undefined
    : 'is cut short: a JPEG must end with its end-of-image marker (EOI), and this one does not';
}

/** WebP: the RIFF header's size matches the file's, and the first chunk is an image chunk that fits in it. */
async function webp(read: ByteReader, size: number): Promise<string | undefined> {
  if (size < 20) return 'is cut short: a WebP file is longer than its header';
  const header = await read(0, 20);
  const riff = u32le(header, 4) + 8;
  if (riff !== size) {
    return riff > size
      ? `is cut short: its RIFF header says ${riff} bytes, the file has ${size}`
      : `is a damaged WebP: its RIFF header says ${riff} bytes, the file has ${size}`;
  }
  const chunk = ascii(header, 12, 4);
  if (!['VP8 ', 'VP8L', 'VP8X'].includes(chunk)) return 'is a damaged WebP: it holds no VP8, VP8L or VP8X image chunk';
  if (20 + u32le(header, 16) > size) return `is cut short: its ${chunk.trim()} chunk runs past the end of the file`;
  return undefined;
}

/**
 * What is wrong with an image's structure, read from its headers and its tail (never the whole file), or
 * undefined when it holds together. `size` is the file's length; the format was judged by its first bytes.
 */
export function structureProblem(format: ImageFormat, read: ByteReader, size: number): Promise<string | undefined> {
  return format === 'png' ? png(read, size) : format === 'jpeg' ? jpeg(read, size) : webp(read, size);
}
