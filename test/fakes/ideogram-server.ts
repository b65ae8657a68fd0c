/**
 * A faithful fake of Ideogram's legacy `POST /upscale` endpoint (see /work/shared/ideogram/), served over real
 * HTTP on 127.0.0.1 with a random port. Used by integration tests and by the benchmark script, so it must not
 * import jest.
 *
 * - The multipart body is parsed with busboy while it streams: the image is hashed and counted, only its first
 *   bytes are kept (magic bytes, PNG/WebP dimensions; JPEG dimensions come from a tiny streaming marker parser).
 * - The in-flight limit counts IMAGES (num_images) across the whole server. Admission is decided as soon as a
 *   valid `image_request` part has been read (or at the end of the body if it comes after the file), and the
 *   places are held until the response has been sent (or the socket closed).
 * - Result links are signed (HMAC-SHA256), expire, and serve real PNGs generated lazily.
 */
import busboy from 'busboy';
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { createV2Surface, type V2Surface } from './ideogram-v2.js';

// ---------------------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------------------

export interface FakeIdeogramOptions {
  /** Expected `Api-Key` header. Default `'test-api-key'`. */
  apiKey?: string;
  /** Images (not requests) allowed in flight at once. Default 10. */
  inflightLimit?: number;
  /** Simulated generation time for each admitted request. Default 0. */
  latencyMs?: number;
  /** Add `max_inflight_requests` to the 429 body. Default false. */
  includeMaxInflight?: boolean;
  /** `Retry-After` (seconds) on the 429; 0 means no header. Default 0. */
  retryAfterSeconds?: number;
  /** Lifetime of result links. Default 3600. */
  urlTtlSeconds?: number;
  /** Largest accepted `image_file`. Default 10 MiB. */
  maxFileBytes?: number;
  /** `'scaled'`: results are PNGs of the upscaled size (2x, each side capped at 4096, aspect kept).
   *  `'small'`: every result is the same 16x16 PNG buffer (metadata still claims 2x). Default `'scaled'`. */
  resultBytes?: 'scaled' | 'small';
  /** Result downloads send their first half, then wait this long before the rest (a slow link). Default 0. */
  downloadStallMs?: number;
  /**
   * How result downloads misbehave: `'stall'` sends the headers and half the image, then nothing more, ever;
   * `'endless'` sends the image's start and then more bytes every few milliseconds, forever (no length given).
   * Default `'none'`.
   */
  downloadFault?: 'none' | 'stall' | 'endless';
  /** A `Deprecation` header on every legacy answer (e.g. `@1767225600`); empty: none. Default empty. */
  deprecation?: string;
  /**
   * Called as each `POST /upscale` arrives, before any of its body is read (`nth` counts from 1): a test changes a
   * source there, at a moment it chooses, while the client is still sending it or has others waiting.
   */
  onUpscaleArrived?: (nth: number) => void;
  /** Longest side of a result (Ideogram's own results stay within 4096). Default 4096. */
  maxResultSide?: number;
}

/** Where the legacy answers point (`Link: <…>; rel="successor-version"`), as Ideogram's older endpoints do. */
export const SUCCESSOR_LINK = 'https://developer.ideogram.ai/v2/api-reference/images/upscale/auto';

export type Fault =
  | { kind: 'status'; status: number; body?: object | string; headers?: Record<string, string> }
  | { kind: 'malformed-json' }
  | { kind: 'unsafe' }
  | { kind: 'latency'; ms: number }
  | { kind: 'destroy' }
  | { kind: 'expired-url' }
  | { kind: 'foreign-url'; url: string }
  | { kind: 'wrong-type' }
  /**
   * The connection is reset as soon as the request arrives, while its body is still being uploaded: the server
   * never has the image. Taken by the next request whatever its file (its name is not known yet).
   */
  | { kind: 'reset-upload' };

export interface RecordedUpscale {
  imageRequest: Record<string, unknown>;
  rawImageRequest: string;
  fileName: string;
  fileContentType: string;
  fileBytes: number;
  fileSha256: string;
  headers: Record<string, string | string[] | undefined>;
  /** HTTP status sent; 0 when the socket was destroyed without an answer. */
  status: number;
  /** Arrival time (ms since epoch). */
  at: number;
}

export interface FakeIdeogramStats {
  /** `POST /upscale` requests received (any outcome). */
  requests: number;
  /** When the first of them arrived (ms since epoch), even if its client went away before an answer. */
  firstRequestAt: number | undefined;
  /** Requests that passed validation and took places in flight. */
  admitted: number;
  rejected429: number;
  imagesInFlight: number;
  maxImagesInFlight: number;
  /** GET requests for result links (any outcome). */
  downloads: number;
  /** Of those, how many carried an `Api-Key` header (a correct client sends none). */
  downloadsWithApiKey: number;
  /** Requests whose connection was reset mid-upload (`reset-upload`); they are in `requests`, not in `upscales`. */
  uploadsReset: number;
}

export interface FakeIdeogram {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash); the API is `${url}/upscale`. */
  url: string;
  /** Live options: change them at any time. */
  options: Required<FakeIdeogramOptions>;
  stats: FakeIdeogramStats;
  /** One record per `POST /upscale`, pushed when its response is sent. */
  upscales: RecordedUpscale[];
  /** URL pathname -> bytes served with status 200 for that result link. */
  served: Map<string, Buffer>;
  /** Queue a fault for an upcoming admitted request (or the next one whose source file has that name). */
  inject(fault: Fault, match?: { fileName?: string }): void;
  /** `POST /v2/image/upscale/{model}` and `GET /v2/generations/{id}`. */
  v2: V2Surface;
  /** Zero the counters and clear `upscales` (the live `imagesInFlight` is kept). */
  resetStats(): void;
  /** Drop the faults queued for requests that never came. */
  clearFaults(): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// PNG helpers
// ---------------------------------------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf: Buffer, crc = 0xffffffff): number {
  let c = crc;
  for (let i = 0; i < buf.length; i++) c = (CRC_TABLE[(c ^ (buf[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return c;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE((crc32(out.subarray(4, 8 + data.length)) ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}

/** Compressed image data of an RGB gradient (red across, blue down, green from the seed). Cheap even at 4096². */
function gradientIdat(width: number, height: number, seed: number): Buffer {
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(height * stride);
  const green = (seed * 97 + 40) & 0xff;
  const red = (x: number): number => Math.floor((x * 255) / Math.max(1, width - 1));
  const blue = (y: number): number => Math.floor((y * 255) / Math.max(1, height - 1));
  // Row 0, filter None.
  for (let x = 0; x < width; x++) {
    raw[1 + x * 3] = red(x);
    raw[2 + x * 3] = green;
    raw[3 + x * 3] = blue(0);
  }
  // Other rows, filter Up: only the blue delta is non-zero, and only on some rows.
  for (let y = 1; y < height; y++) {
    const o = y * stride;
    raw[o] = 2;
    const d = blue(y) - blue(y - 1);
    if (d !== 0) for (let x = 0; x < width; x++) raw[o + 3 + x * 3] = d;
  }
  return zlib.deflateSync(raw, { level: 1 });
}

function assemblePng(width: number, height: number, idat: Buffer, text?: Record<string, string>): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const parts = [PNG_SIGNATURE, pngChunk('IHDR', ihdr)];
  for (const [k, v] of Object.entries(text ?? {})) parts.push(pngChunk('tEXt', Buffer.from(`${k}\0${v}`, 'latin1')));
  parts.push(pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** A real, valid RGB PNG of the given size (a gradient; `seed` changes its colour). */
export function encodePng(width: number, height: number, seed = 0): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`bad PNG size ${width}x${height}`);
  }
  return assemblePng(width, height, gradientIdat(width, height, seed));
}

/** Width and height from a PNG's IHDR, or undefined when `buf` does not start like a PNG. */
export function pngSize(buf: Buffer): { width: number; height: number } | undefined {
  if (buf.length < 24 || !buf.subarray(0, 8).equals(PNG_SIGNATURE) || buf.toString('latin1', 12, 16) !== 'IHDR') {
    return undefined;
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------------------------
// Source image sniffing
// ---------------------------------------------------------------------------------------------------------------

export type ImageKind = 'png' | 'jpeg' | 'webp';

export function sniff(head: Buffer): ImageKind | undefined {
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') {
    return 'webp';
  }
  return undefined;
}

export function webpSize(head: Buffer): { width: number; height: number } | undefined {
  if (head.length < 30) return undefined;
  const chunk = head.toString('latin1', 12, 16);
  if (chunk === 'VP8X') {
    return { width: 1 + head.readUIntLE(24, 3), height: 1 + head.readUIntLE(27, 3) };
  }
  if (chunk === 'VP8L' && head[20] === 0x2f) {
    const bits = head.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ' && head[23] === 0x9d && head[24] === 0x01 && head[25] === 0x2a) {
    return { width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff };
  }
  return undefined;
}

/** Finds a JPEG's SOFn dimensions while the file streams, skipping segments without buffering them. */
export class JpegSizeScanner {
  size: { width: number; height: number } | undefined;
  private done = false;
  private offset = 0; // bytes seen so far
  private state: 'soi' | 'ff' | 'marker' | 'len' | 'skip' | 'sof' = 'soi';
  private need = 2; // bytes still to read/skip in the current state
  private acc: number[] = [];
  private marker = 0;

  feed(chunk: Buffer): void {
    let i = 0;
    while (!this.done && i < chunk.length) {
      if (this.state === 'skip') {
        const n = Math.min(this.need, chunk.length - i);
        i += n;
        this.need -= n;
        if (this.need === 0) this.state = 'ff';
        continue;
      }
      const b = chunk[i++] as number;
      this.offset++;
      switch (this.state) {
        case 'soi':
          if (--this.need === 0) this.state = 'ff';
          break;
        case 'ff':
          if (b === 0xff) this.state = 'marker';
          else this.done = true; // not at a marker: give up
          break;
        case 'marker':
          if (b === 0xff) break; // fill byte
          this.marker = b;
          if ((b >= 0xd0 && b <= 0xd8) || b === 0x01) {
            this.state = 'ff'; // standalone marker
          } else if (b === 0xd9 || b === 0xda) {
            this.done = true; // EOI / start of scan before any SOF
          } else {
            this.state = 'len';
            this.acc = [];
          }
          break;
        case 'len':
          this.acc.push(b);
          if (this.acc.length === 2) {
            const len = ((this.acc[0] as number) << 8) | (this.acc[1] as number);
            const m = this.marker;
            const isSof = m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
            if (isSof) {
              this.state = 'sof';
              this.acc = [];
            } else if (len < 2) {
              this.done = true;
            } else {
              this.state = 'skip';
              this.need = len - 2;
              if (this.need === 0) this.state = 'ff';
            }
          }
          break;
        case 'sof':
          this.acc.push(b);
          if (this.acc.length === 5) {
            const a = this.acc as [number, number, number, number, number];
            const height = (a[1] << 8) | a[2];
            const width = (a[3] << 8) | a[4];
            if (width > 0 && height > 0) this.size = { width, height };
            this.done = true;
          }
          break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Request validation
// ---------------------------------------------------------------------------------------------------------------

const MAGIC_PROMPT_OPTIONS = ['AUTO', 'ON', 'OFF'];
const MAGIC_PROMPT_VERSIONS = ['V_0', 'V_0_1', 'V_0_2', 'V_0_3', 'V_0_4', 'V_0_5', 'V_0_6', 'V_0_7', 'V_0_8'];
const INT_RANGES: Record<string, [number, number]> = {
  resemblance: [1, 100],
  detail: [1, 100],
  num_images: [1, 8],
  seed: [0, 2147483647]
};
const KNOWN_FIELDS = new Set(['prompt', 'magic_prompt_option', 'magic_prompt_version', ...Object.keys(INT_RANGES)]);

export interface Reply {
  status: number;
  body: object | string;
  headers?: Record<string, string>;
}

export function problem(status: number, title: string, detail: string): Reply {
  return {
    status,
    body: { type: 'about:blank', title, detail, status },
    headers: { 'Content-Type': 'application/problem+json' }
  };
}

const badRequest = (detail: string): Reply => problem(400, 'Bad Request', detail);

/** Parses and checks `image_request` against the spec (unknown fields are rejected). */
function validateImageRequest(raw: string): { value: Record<string, unknown> } | { reply: Reply } {
  const bad = (detail: string): { reply: Reply } => ({ reply: problem(400, 'Bad Request', detail) });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return bad(`image_request is not valid JSON: ${JSON.stringify(raw.slice(0, 80))}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return bad(`${JSON.stringify(parsed)} is not of type 'object' - 'image_request'`);
  }
  const req = parsed as Record<string, unknown>;
  for (const key of Object.keys(req)) {
    if (!KNOWN_FIELDS.has(key)) {
      return bad(`Additional properties are not allowed ('${key}' was unexpected) - 'image_request'`);
    }
  }
  if ('prompt' in req && typeof req.prompt !== 'string') {
    return bad(`${JSON.stringify(req.prompt)} is not of type 'string' - 'image_request.prompt'`);
  }
  for (const [key, [min, max]] of Object.entries(INT_RANGES)) {
    if (!(key in req)) continue;
    const v = req[key];
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      return bad(`${JSON.stringify(v)} is not of type 'integer' - 'image_request.${key}'`);
    }
    if (v < min || v > max) return bad(`${key} must be between ${min} and ${max}`);
  }
  if ('magic_prompt_option' in req && !MAGIC_PROMPT_OPTIONS.includes(req.magic_prompt_option as string)) {
    return bad(
      `${JSON.stringify(req.magic_prompt_option)} is not one of ${JSON.stringify(MAGIC_PROMPT_OPTIONS)} - 'image_request.magic_prompt_option'`
    );
  }
  if ('magic_prompt_version' in req && !MAGIC_PROMPT_VERSIONS.includes(req.magic_prompt_version as string)) {
    return bad(
      `${JSON.stringify(req.magic_prompt_version)} is not one of ${JSON.stringify(MAGIC_PROMPT_VERSIONS)} - 'image_request.magic_prompt_version'`
    );
  }
  return { value: req };
}

const MAGIC_SUBJECTS = [
  'a quiet harbour at dawn',
  'a red fox in fresh snow',
  'a neon-lit street after rain',
  'a bowl of ripe apricots on linen',
  'an old lighthouse on a rocky cape'
];

function resultPrompt(req: Record<string, unknown>): string {
  const given = typeof req.prompt === 'string' ? req.prompt : '';
  const option = typeof req.magic_prompt_option === 'string' ? req.magic_prompt_option : 'AUTO';
  if (given && option === 'OFF') return given;
  if (given) return `${given}. Rendered with crisp detail, balanced natural light and refined textures.`;
  const subject = MAGIC_SUBJECTS[randomInt(MAGIC_SUBJECTS.length)] ?? MAGIC_SUBJECTS[0];
  return `A high-resolution photograph of ${subject}, sharp focus, fine textures and soft natural lighting.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------------------------

const DEFAULTS: Required<FakeIdeogramOptions> = {
  apiKey: 'test-api-key',
  inflightLimit: 10,
  latencyMs: 0,
  includeMaxInflight: false,
  retryAfterSeconds: 0,
  urlTtlSeconds: 3600,
  maxFileBytes: 10 * 1024 * 1024,
  resultBytes: 'scaled',
  maxResultSide: 4096,
  downloadStallMs: 0,
  downloadFault: 'none',
  deprecation: '',
  onUpscaleArrived: () => undefined
};

const HEAD_BYTES = 64;
const EPHEMERAL_PREFIX = '/api/images/ephemeral/';
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface StoredImage {
  width: number;
  height: number;
  wrongType: boolean;
}

interface QueuedFault {
  fault: Fault;
  fileName?: string;
}

interface FileInfo {
  name: string;
  mimeType: string;
  bytes: number;
  sha256: string;
  head: Buffer;
  jpeg: JpegSizeScanner;
}

export function randomId(len = 22): string {
  let s = '';
  for (let i = 0; i < len; i++) s += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return s;
}

export function createdNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function upscaledSize(w: number, h: number, maxSide: number): { width: number; height: number } {
  const factor = Math.min(2, maxSide / w, maxSide / h);
  return { width: Math.max(1, Math.round(w * factor)), height: Math.max(1, Math.round(h * factor)) };
}

export async function startFakeIdeogram(options: FakeIdeogramOptions = {}): Promise<FakeIdeogram> {
  const opts: Required<FakeIdeogramOptions> = { ...DEFAULTS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (opts as Record<string, unknown>)[k] = v;

  const secret = randomBytes(32);
  const stats: FakeIdeogramStats = {
    requests: 0,
    firstRequestAt: undefined,
    admitted: 0,
    rejected429: 0,
    imagesInFlight: 0,
    maxImagesInFlight: 0,
    downloads: 0,
    downloadsWithApiKey: 0,
    uploadsReset: 0
  };
  const upscales: RecordedUpscale[] = [];
  const served = new Map<string, Buffer>();
  const images = new Map<string, StoredImage>();
  const faults: QueuedFault[] = [];
  const idatCache = new Map<string, Buffer>();
  const timers = new Set<NodeJS.Timeout>();
  let smallPng: Buffer | undefined;
  let baseUrl = '';
  let closed = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise(resolve => {
      if (ms <= 0 || closed) return resolve();
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const sign = (pathname: string, exp: number): string =>
    createHmac('sha256', secret).update(`${pathname}\n${exp}`).digest('hex');

  const takeFault = (fileName: string): Fault | undefined => {
    let idx = faults.findIndex(f => f.fileName !== undefined && f.fileName === fileName);
    if (idx < 0) idx = faults.findIndex(f => f.fileName === undefined);
    if (idx < 0) return undefined;
    return faults.splice(idx, 1)[0]?.fault;
  };

  const takeUploadReset = (): boolean => {
    const idx = faults.findIndex(f => f.fault.kind === 'reset-upload');
    if (idx >= 0) faults.splice(idx, 1);
    return idx >= 0;
  };

  const resultPng = (id: string, img: StoredImage): Buffer => {
    if (opts.resultBytes === 'small') return (smallPng ??= encodePng(16, 16, 7));
    const key = `${img.width}x${img.height}`;
    let idat = idatCache.get(key);
    if (!idat) {
      idat = gradientIdat(img.width, img.height, img.width + img.height);
      if (idatCache.size >= 32) idatCache.delete(idatCache.keys().next().value as string);
      idatCache.set(key, idat);
    }
    // The id in a tEXt chunk makes every result distinct, so byte-for-byte comparisons mean something.
    return assemblePng(img.width, img.height, idat, { Comment: `ideogram-fake ${id}` });
  };

  const send = (res: http.ServerResponse, reply: Reply): void => {
    const isString = typeof reply.body === 'string';
    const payload = Buffer.from(isString ? (reply.body as string) : JSON.stringify(reply.body));
    const headers: Record<string, string> = {
      'Content-Type': isString ? 'text/plain; charset=utf-8' : 'application/json',
      ...reply.headers,
      'Content-Length': String(payload.length)
    };
    res.writeHead(reply.status, headers);
    res.end(payload);
  };

  /** Reads and discards the rest of a request body, then calls `then`. */
  const drain = (req: http.IncomingMessage, then: () => void): void => {
    if (req.complete || req.readableEnded) return then();
    req.once('end', then);
    req.once('error', () => undefined);
    req.resume();
  };

  const defaultStatusBody = (status: number): Reply => {
    switch (status) {
      case 400:
        return { status, body: { error: 'Could not read a source image.' } };
      case 401:
        return { status, body: { message: 'Invalid API key.' } };
      case 402:
        return { status, body: { error: 'Insufficient credits.', reject_reason: 'insufficient_funds' } };
      case 403:
        return { status, body: { message: 'This account is not authorized for this operation.' } };
      case 404:
        return problem(404, 'Not Found', 'The requested URL was not found on the server.');
      case 422:
        return { status, body: { error: 'Image failed safety check.' } };
      case 429:
        return { status, body: { error: 'Too many requests in flight.', reject_reason: 'inflight_limit' } };
      case 502:
        return {
          status,
          body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\n',
          headers: { 'Content-Type': 'text/html' }
        };
      case 503:
        return { status, body: { error: 'Service temporarily unavailable. Please try again later.' } };
      default:
        return { status, body: { error: status >= 500 ? 'Internal server error.' : `Request failed (${status}).` } };
    }
  };

  const handleUpscale = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    stats.requests++;
    stats.firstRequestAt ??= Date.now();
    opts.onUpscaleArrived?.(stats.requests);
    if (takeUploadReset()) {
      stats.uploadsReset++;
      // A TCP reset while the client is still writing the body: it sees ECONNRESET or EPIPE mid-upload.
      req.socket.resetAndDestroy();
      return;
    }
    const record: RecordedUpscale = {
      imageRequest: {},
      rawImageRequest: '',
      fileName: '',
      fileContentType: '',
      fileBytes: 0,
      fileSha256: '',
      headers: { ...req.headers },
      status: 0,
      at: Date.now()
    };
    let held = 0;
    let released = false;
    let finished = false;
    const release = (): void => {
      if (released) return;
      released = true;
      stats.imagesInFlight -= held;
      held = 0;
    };
    res.once('finish', release);
    res.once('close', release);

    const finish = (reply: Reply): void => {
      if (finished) return;
      finished = true;
      record.status = reply.status;
      upscales.push(record);
      // Every answer of an endpoint with a replacement names it; a deprecated one says so too.
      const signs: Record<string, string> = { Link: `<${SUCCESSOR_LINK}>; rel="successor-version"` };
      if (opts.deprecation) signs.Deprecation = opts.deprecation;
      if (!res.destroyed) send(res, { ...reply, headers: { ...reply.headers, ...signs } });
    };
    const abort = (): void => {
      if (finished) return;
      finished = true;
      record.status = 0;
      upscales.push(record);
      res.destroy();
    };

    const key = req.headers['api-key'];
    if (key === undefined) {
      return drain(req, () => finish(problem(401, 'Unauthorized', 'No authorization token provided')));
    }
    if (key !== opts.apiKey) return drain(req, () => finish({ status: 401, body: { message: 'Invalid API key.' } }));

    const contentType = req.headers['content-type'] ?? '';
    let bb: busboy.Busboy;
    try {
      if (!/^multipart\/form-data/i.test(contentType)) throw new Error('not multipart');
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fieldSize: 1024 * 1024, parts: 64 } });
    } catch {
      return drain(req, () => finish({ status: 400, body: { error: "can't decode multipart body" } }));
    }

    // Admission: `undefined` = not decided yet.
    let admitted: boolean | undefined;
    const tryAdmit = (n: number): boolean => {
      if (stats.imagesInFlight + n > opts.inflightLimit) {
        admitted = false;
        return false;
      }
      admitted = true;
      held = n;
      stats.imagesInFlight += n;
      stats.maxImagesInFlight = Math.max(stats.maxImagesInFlight, stats.imagesInFlight);
      return true;
    };

    let imageRequest: Record<string, unknown> | undefined;
    let requestError: Reply | undefined;
    let sawImageRequest = false;
    let fileAsField = false;
    let file: FileInfo | undefined;
    let fileDone: Promise<void> = Promise.resolve();
    let oversize = false;

    bb.on('field', (name, value) => {
      if (name === 'image_file') {
        fileAsField = true;
        return;
      }
      if (name !== 'image_request' || sawImageRequest) return;
      sawImageRequest = true;
      record.rawImageRequest = value;
      const v = validateImageRequest(value);
      if ('reply' in v) {
        requestError = v.reply;
        return;
      }
      imageRequest = v.value;
      record.imageRequest = v.value;
      if (admitted === undefined) tryAdmit(typeof v.value.num_images === 'number' ? v.value.num_images : 1);
    });

    bb.on('file', (name, stream, info) => {
      if (name !== 'image_file' || file) {
        stream.resume();
        return;
      }
      if (!info.filename) {
        // An application/octet-stream part without a filename: not an upload as far as the API is concerned.
        fileAsField = true;
        stream.resume();
        return;
      }
      const hash = createHash('sha256');
      const f: FileInfo = {
        name: info.filename,
        mimeType: info.mimeType,
        bytes: 0,
        sha256: '',
        head: Buffer.alloc(0),
        jpeg: new JpegSizeScanner()
      };
      file = f;
      const max = opts.maxFileBytes;
      fileDone = new Promise<void>(resolve => {
        stream.on('data', (chunk: Buffer) => {
          f.bytes += chunk.length;
          if (f.bytes > max) {
            oversize = true;
            return; // keep draining, stop processing
          }
          hash.update(chunk);
          if (f.head.length < HEAD_BYTES) {
            f.head = Buffer.concat([f.head, chunk.subarray(0, HEAD_BYTES - f.head.length)]);
          }
          if (sniff(f.head) === 'jpeg' || f.head.length < 3) f.jpeg.feed(chunk);
        });
        stream.on('end', () => {
          f.sha256 = hash.digest('hex');
          resolve();
        });
        stream.on('error', () => resolve());
      });
    });

    let bbFailed = false;
    bb.on('error', () => {
      if (bbFailed) return;
      bbFailed = true;
      req.unpipe(bb);
      drain(req, () => finish({ status: 400, body: { error: "can't decode multipart body" } }));
    });

    bb.on('close', () => {
      void fileDone.then(() => {
        if (bbFailed) return;
        if (file) {
          record.fileName = file.name;
          record.fileContentType = file.mimeType;
          record.fileBytes = file.bytes;
          record.fileSha256 = file.sha256;
        }
        void complete();
      });
    });

    const complete = async (): Promise<void> => {
      if (admitted === false) {
        stats.rejected429++;
        const body: Record<string, unknown> = {
          error: 'Too many requests in flight.',
          reject_reason: 'inflight_limit'
        };
        if (opts.includeMaxInflight) body.max_inflight_requests = opts.inflightLimit;
        const headers: Record<string, string> = {};
        if (opts.retryAfterSeconds > 0) headers['Retry-After'] = String(opts.retryAfterSeconds);
        return finish({ status: 429, body, headers });
      }
      const fail = (reply: Reply): void => {
        release();
        finish(reply);
      };
      if (!sawImageRequest) return fail(badRequest("'image_request' is a required property"));
      if (requestError) return fail(requestError);
      if (!imageRequest) return fail(badRequest("'image_request' is a required property"));
      if (!file) {
        return fail(
          badRequest(
            fileAsField ? "'image_file' must be a file upload with a filename" : "'image_file' is a required property"
          )
        );
      }
      if (oversize) {
        const mb = Math.round((opts.maxFileBytes / (1024 * 1024)) * 10) / 10;
        return fail({ status: 413, body: { error: `Image file is too large. The maximum size is ${mb}MB.` } });
      }
      const kind = sniff(file.head);
      if (!kind) return fail({ status: 400, body: { error: 'Could not read a source image.' } });

      const numImages = typeof imageRequest.num_images === 'number' ? imageRequest.num_images : 1;
      if (admitted === undefined && !tryAdmit(numImages)) return complete();
      stats.admitted++;

      const src = (kind === 'png' ? pngSize(file.head) : kind === 'webp' ? webpSize(file.head) : file.jpeg.size) ?? {
        width: 512,
        height: 512
      };
      const up = upscaledSize(src.width, src.height, opts.maxResultSide);
      const fault = takeFault(file.name);

      if (fault?.kind === 'destroy') return abort();
      if (fault?.kind === 'status') {
        if (fault.status >= 500) await sleep(opts.latencyMs);
        const base = defaultStatusBody(fault.status);
        return finish({
          status: fault.status,
          body: fault.body ?? base.body,
          headers: { ...(fault.body === undefined ? base.headers : {}), ...fault.headers }
        });
      }
      await sleep(opts.latencyMs + (fault?.kind === 'latency' ? fault.ms : 0));
      if (closed) return;

      const givenSeed = typeof imageRequest.seed === 'number' ? imageRequest.seed : undefined;
      const prompt = resultPrompt(imageRequest);
      const now = Math.floor(Date.now() / 1000);
      const exp = fault?.kind === 'expired-url' ? now - 60 : now + opts.urlTtlSeconds;
      const data = [];
      for (let i = 0; i < numImages; i++) {
        const safe = fault?.kind !== 'unsafe';
        let url: string | null = null;
        if (safe && fault?.kind === 'foreign-url') {
          url = fault.url;
        } else if (safe) {
          const id = randomId();
          const pathname = `${EPHEMERAL_PREFIX}${id}.png`;
          if (fault?.kind !== 'malformed-json') {
            images.set(id, { width: up.width, height: up.height, wrongType: fault?.kind === 'wrong-type' });
          }
          url = `${baseUrl}${pathname}?exp=${exp}&sig=${sign(pathname, exp)}`;
        }
        data.push({
          url,
          prompt,
          resolution: `${src.width}x${src.height}`,
          upscaled_resolution: `${up.width}x${up.height}`,
          is_image_safe: safe,
          seed: givenSeed ?? randomInt(0, 2147483647),
          style_type: 'GENERAL'
        });
      }
      const body = { created: createdNow(), data };
      if (fault?.kind === 'malformed-json') {
        const text = JSON.stringify(body);
        return finish({
          status: 200,
          body: text.slice(0, Math.max(1, Math.floor(text.length / 2))),
          headers: { 'Content-Type': 'application/json' }
        });
      }
      return finish({ status: 200, body });
    };

    req.pipe(bb);
  };

  const handleDownload = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    stats.downloads++;
    if (req.headers['api-key'] !== undefined) stats.downloadsWithApiKey++;
    const pathname = url.pathname;
    const m = /^\/api\/images\/ephemeral\/([A-Za-z0-9_-]+)\.png$/.exec(pathname);
    const id = m?.[1];
    const img = id === undefined ? undefined : images.get(id);
    if (id === undefined || !img) return send(res, { status: 404, body: { error: 'not found' } });
    const exp = Number(url.searchParams.get('exp'));
    const sig = url.searchParams.get('sig') ?? '';
    const expected = Buffer.from(sign(pathname, exp), 'hex');
    const given = /^[0-9a-f]{64}$/i.test(sig) ? Buffer.from(sig, 'hex') : Buffer.alloc(0);
    if (!Number.isInteger(exp) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return send(res, { status: 403, body: { error: 'invalid signature' } });
    }
    if (exp < Date.now() / 1000) return send(res, { status: 403, body: { error: 'link expired' } });

    if (img.wrongType) {
      const html = Buffer.from(
        '<!doctype html><html><head><title>Ideogram</title></head><body>Sign in to continue.</body></html>\n'
      );
      served.set(pathname, html);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(html.length) });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    const png = resultPng(id, img);
    served.set(pathname, png);
    if (opts.downloadFault === 'endless') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      const more = Buffer.alloc(16 * 1024, 0x5a);
      void (async () => {
        res.write(png.subarray(0, Math.ceil(png.length / 2)));
        while (!closed && !res.destroyed) {
          res.write(more);
          await sleep(5);
        }
      })();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'image/png',
      'Content-Length': String(png.length),
      'Cache-Control': 'private, max-age=3600'
    });
    if (req.method === 'HEAD') return void res.end();
    // Half the image, then silence until the client gives up (or the server closes).
    if (opts.downloadFault === 'stall') return void res.write(png.subarray(0, Math.ceil(png.length / 2)));
    if (opts.downloadStallMs <= 0) return void res.end(png);
    const half = Math.ceil(png.length / 2);
    res.write(png.subarray(0, half));
    void sleep(opts.downloadStallMs).then(() => res.end(png.subarray(half)));
  };

  const v2 = createV2Surface({
    apiKey: () => opts.apiKey,
    inflightLimit: () => opts.inflightLimit,
    stats,
    send,
    drain,
    publish: image => {
      const id = randomId();
      images.set(id, image);
      const pathname = `${EPHEMERAL_PREFIX}${id}.png`;
      const exp = Math.floor(Date.now() / 1000) + opts.urlTtlSeconds;
      return `${baseUrl}${pathname}?exp=${exp}&sig=${sign(pathname, exp)}`;
    },
    later: (ms, then) => void sleep(ms).then(() => (closed ? undefined : then()))
  });

  const server = http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return drain(req, () => send(res, { status: 400, body: { error: 'bad request' } }));
    }
    if (url.pathname === '/upscale') {
      if (req.method !== 'POST') {
        return drain(req, () =>
          send(res, {
            ...problem(405, 'Method Not Allowed', 'The method is not allowed for the requested URL.'),
            headers: { 'Content-Type': 'application/problem+json', Allow: 'POST' }
          })
        );
      }
      return handleUpscale(req, res);
    }
    const model = /^\/v2\/image\/upscale\/([^/]+)$/.exec(url.pathname)?.[1];
    if (model !== undefined && req.method === 'POST') return v2.handleUpscale(req, res, url, decodeURIComponent(model));
    const generation = /^\/v2\/generations\/([^/]+)$/.exec(url.pathname)?.[1];
    if (generation !== undefined && req.method === 'GET') {
      return v2.handleGeneration(req, res, decodeURIComponent(generation));
    }
    if (url.pathname.startsWith(EPHEMERAL_PREFIX) && (req.method === 'GET' || req.method === 'HEAD')) {
      return drain(req, () => handleDownload(req, res, url));
    }
    return drain(req, () => send(res, problem(404, 'Not Found', 'The requested URL was not found on the server.')));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    options: opts,
    stats,
    upscales,
    served,
    v2,
    inject(fault: Fault, match?: { fileName?: string }): void {
      faults.push(match?.fileName !== undefined ? { fault, fileName: match.fileName } : { fault });
    },
    clearFaults(): void {
      faults.length = 0;
    },
    resetStats(): void {
      stats.requests = 0;
      stats.firstRequestAt = undefined;
      stats.admitted = 0;
      stats.rejected429 = 0;
      stats.maxImagesInFlight = stats.imagesInFlight;
      stats.downloads = 0;
      stats.downloadsWithApiKey = 0;
      stats.uploadsReset = 0;
      upscales.length = 0;
    },
    close(): Promise<void> {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  };
}
