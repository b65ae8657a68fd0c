import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { encodePng, pngSize, startFakeIdeogram } from './ideogram-server.js';
import type { FakeIdeogram } from './ideogram-server.js';

const KEY = 'k-123';

interface UpscaleArgs {
  key?: string | null;
  imageRequest?: unknown;
  rawRequest?: string | null;
  file?: Buffer | null;
  fileName?: string;
  fileType?: string;
  headers?: Record<string, string>;
}

interface ImageObject {
  url: string | null;
  prompt: string;
  resolution: string;
  upscaled_resolution: string;
  is_image_safe: boolean;
  seed: number;
  style_type: string | null;
}

function upscale(server: FakeIdeogram, args: UpscaleArgs = {}): Promise<Response> {
  const form = new FormData();
  const raw = args.rawRequest !== undefined ? args.rawRequest : JSON.stringify(args.imageRequest ?? {});
  if (raw !== null) form.append('image_request', raw);
  const file = args.file !== undefined ? args.file : encodePng(40, 30);
  if (file !== null) {
    form.append(
      'image_file',
      new Blob([new Uint8Array(file)], { type: args.fileType ?? 'image/png' }),
      args.fileName ?? 'src.png'
    );
  }
  const headers: Record<string, string> = { ...args.headers };
  const key = args.key === undefined ? KEY : args.key;
  if (key !== null) headers['Api-Key'] = key;
  return fetch(`${server.url}/upscale`, { method: 'POST', headers, body: form });
}

async function okData(res: Response): Promise<ImageObject[]> {
  expect(res.status).toBe(200);
  const body = (await res.json()) as { created: string; data: ImageObject[] };
  expect(body.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
  return body.data;
}

async function waitFor(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise(r => setTimeout(r, 5));
  }
}

let server: FakeIdeogram;

beforeEach(async () => {
  server = await startFakeIdeogram({ apiKey: KEY });
});

afterEach(async () => {
  await server.close();
});

describe('PNG helpers', () => {
  test('encodePng makes a PNG whose size pngSize reads back', () => {
    const png = encodePng(33, 7, 3);
    expect(pngSize(png)).toEqual({ width: 33, height: 7 });
    expect(pngSize(Buffer.from('not a png at all, definitely not'))).toBeUndefined();
    expect(encodePng(33, 7, 3).equals(png)).toBe(true);
  });
});

describe('POST /upscale success', () => {
  test('returns signed links to real PNGs of twice the size', async () => {
    const src = encodePng(100, 60);
    const data = await okData(
      await upscale(server, {
        imageRequest: {
          prompt: 'a cat',
          magic_prompt_option: 'OFF',
          num_images: 2,
          seed: 42,
          resemblance: 55,
          detail: 90,
          magic_prompt_version: 'V_0_8'
        },
        file: src,
        fileName: 'cat.png'
      })
    );
    expect(data).toHaveLength(2);
    const now = Date.now() / 1000;
    for (const img of data) {
      expect(img).toMatchObject({
        prompt: 'a cat',
        resolution: '100x60',
        upscaled_resolution: '200x120',
        is_image_safe: true,
        seed: 42,
        style_type: 'GENERAL'
      });
      const u = new URL(img.url ?? '');
      expect(`${u.protocol}//${u.host}`).toBe(server.url);
      expect(u.pathname).toMatch(/^\/api\/images\/ephemeral\/[A-Za-z0-9]{22}\.png$/);
      expect(Number(u.searchParams.get('exp'))).toBeGreaterThan(now + 3500);
      expect(u.searchParams.get('sig')).toMatch(/^[0-9a-f]{64}$/);
      const dl = await fetch(u);
      expect(dl.status).toBe(200);
      expect(dl.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await dl.arrayBuffer());
      expect(dl.headers.get('content-length')).toBe(String(bytes.length));
      expect(pngSize(bytes)).toEqual({ width: 200, height: 120 });
      expect(server.served.get(u.pathname)?.equals(bytes)).toBe(true);
    }
    expect(data[0]?.url).not.toBe(data[1]?.url);
    expect(
      server.served
        .get(new URL(data[0]?.url ?? '').pathname)
        ?.equals(server.served.get(new URL(data[1]?.url ?? '').pathname) ?? Buffer.alloc(0))
    ).toBe(false);

    const rec = server.upscales[0];
    expect(rec).toMatchObject({
      fileName: 'cat.png',
      fileContentType: 'image/png',
      fileBytes: src.length,
      status: 200
    });
    expect(rec?.fileSha256).toBe(createHash('sha256').update(src).digest('hex'));
    expect(rec?.imageRequest).toMatchObject({ prompt: 'a cat', num_images: 2 });
    expect(rec?.headers['api-key']).toBe(KEY);
    expect(server.stats).toMatchObject({
      requests: 1,
      admitted: 1,
      rejected429: 0,
      imagesInFlight: 0,
      maxImagesInFlight: 2,
      downloads: 2,
      downloadsWithApiKey: 0
    });
  });

  test('defaults: one image, random seed, a made-up prompt; downloads with Api-Key are counted', async () => {
    const [img] = await okData(await upscale(server));
    expect(img?.seed).toEqual(expect.any(Number));
    expect(img?.prompt.length).toBeGreaterThan(10);
    expect(img?.resolution).toBe('40x30');
    const dl = await fetch(img?.url ?? '', { headers: { 'Api-Key': KEY } });
    expect(dl.status).toBe(200);
    expect(server.stats.downloadsWithApiKey).toBe(1);
  });

  test('reads JPEG (SOF after a segment) and WebP (VP8X, VP8L, VP8) dimensions; caps at 4096', async () => {
    const app0 = Buffer.concat([Buffer.from([0xff, 0xe0, 0x00, 0x12]), Buffer.alloc(16)]);
    const sof = Buffer.from([
      0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1
    ]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(200), Buffer.from([0xff, 0xd9])]);
    let [img] = await okData(await upscale(server, { file: jpeg, fileName: 'a.jpg', fileType: 'image/jpeg' }));
    expect(img?.resolution).toBe('800x600');

    const riff = (chunk: Buffer): Buffer => {
      const b = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), chunk, Buffer.alloc(40)]);
      b.writeUInt32LE(b.length - 8, 4);
      return b;
    };
    const vp8x = Buffer.alloc(18);
    vp8x.write('VP8X', 0);
    vp8x.writeUInt32LE(10, 4);
    vp8x.writeUIntLE(3000 - 1, 12, 3);
    vp8x.writeUIntLE(1000 - 1, 15, 3);
    [img] = await okData(await upscale(server, { file: riff(vp8x), fileName: 'a.webp', fileType: 'image/webp' }));
    expect(img).toMatchObject({ resolution: '3000x1000', upscaled_resolution: '4096x1365' });

    const vp8l = Buffer.alloc(13);
    vp8l.write('VP8L', 0);
    vp8l[8] = 0x2f;
    vp8l.writeUInt32LE((64 - 1) | ((48 - 1) << 14), 9);
    [img] = await okData(await upscale(server, { file: riff(vp8l), fileName: 'b.webp' }));
    expect(img?.resolution).toBe('64x48');

    const vp8 = Buffer.alloc(18);
    vp8.write('VP8 ', 0);
    Buffer.from([0x9d, 0x01, 0x2a]).copy(vp8, 11);
    vp8.writeUInt16LE(320, 14);
    vp8.writeUInt16LE(240, 16);
    [img] = await okData(await upscale(server, { file: riff(vp8), fileName: 'c.webp' }));
    expect(img?.resolution).toBe('320x240');

    // Unknown dimensions fall back to 512x512.
    [img] = await okData(
      await upscale(server, { file: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10)]) })
    );
    expect(img?.resolution).toBe('512x512');
  });

  test("resultBytes 'small' serves one shared 16x16 PNG; options change at runtime", async () => {
    server.options.resultBytes = 'small';
    const data = await okData(await upscale(server, { imageRequest: { num_images: 2 } }));
    const bufs: Buffer[] = [];
    for (const img of data) {
      const dl = await fetch(img.url ?? '');
      bufs.push(Buffer.from(await dl.arrayBuffer()));
    }
    expect(pngSize(bufs[0] ?? Buffer.alloc(0))).toEqual({ width: 16, height: 16 });
    const [a, b] = [...server.served.values()];
    expect(a).toBe(b);
    expect(bufs[1]?.equals(a ?? Buffer.alloc(0))).toBe(true);
  });
});

describe('POST /upscale errors', () => {
  test('wrong or missing key: 401', async () => {
    let res = await upscale(server, { key: 'nope' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'Invalid API key.' });
    res = await upscale(server, { key: null });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ title: 'Unauthorized', status: 401 });
    expect(server.stats.admitted).toBe(0);
  });

  test('missing image_request, invalid JSON, non-object: 400', async () => {
    let res = await upscale(server, { rawRequest: null });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      title: 'Bad Request',
      status: 400,
      detail: expect.stringContaining('image_request')
    });
    res = await upscale(server, { rawRequest: '{"resemblance":' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    res = await upscale(server, { rawRequest: '[1]' });
    expect(res.status).toBe(400);
  });

  test.each([
    [{ resemblance: 0 }, 'resemblance must be between 1 and 100'],
    [{ detail: 101 }, 'detail must be between 1 and 100'],
    [{ num_images: 9 }, 'num_images must be between 1 and 8'],
    [{ seed: 2147483648 }, 'seed must be between 0 and 2147483647'],
    [{ seed: -1 }, 'seed must be between 0 and 2147483647'],
    [{ resemblance: 5.5 }, "5.5 is not of type 'integer'"],
    [{ num_images: '2' }, "is not of type 'integer'"],
    [{ prompt: 3 }, "3 is not of type 'string'"],
    [{ magic_prompt_option: 'MAYBE' }, 'is not one of'],
    [{ magic_prompt_version: 'V_1' }, 'is not one of'],
    [{ aspect_ratio: 'ASPECT_1_1' }, "('aspect_ratio' was unexpected)"],
    [{ scale_factor: 2 }, "('scale_factor' was unexpected)"]
  ])('invalid image_request %j: 400', async (imageRequest, detail) => {
    const res = await upscale(server, { imageRequest });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { detail: string };
    expect(body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
    expect(body.detail).toContain(detail);
  });

  test('missing image_file or no filename: 400', async () => {
    let res = await upscale(server, { file: null });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain('image_file');
    const form = new FormData();
    form.append('image_request', '{}');
    form.append('image_file', encodePng(4, 4).toString('latin1'));
    res = await fetch(`${server.url}/upscale`, { method: 'POST', headers: { 'Api-Key': KEY }, body: form });
    expect(res.status).toBe(400);
  });

  test('non-image file: 400 Could not read a source image.', async () => {
    const res = await upscale(server, { file: Buffer.from('GIF89a........................'), fileName: 'x.gif' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'Could not read a source image.' });
    const empty = await upscale(server, { file: Buffer.alloc(0) });
    expect(empty.status).toBe(400);
  });

  test('oversize file: 413, counted in full', async () => {
    server.options.maxFileBytes = 4096;
    const big = Buffer.concat([encodePng(8, 8), Buffer.alloc(100_000)]);
    const res = await upscale(server, { file: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/too large/);
    expect(server.upscales[0]).toMatchObject({ status: 413, fileBytes: big.length });
    expect(server.stats.imagesInFlight).toBe(0);
    // Exactly at the limit is fine.
    const exact = Buffer.concat([encodePng(8, 8), Buffer.alloc(4096 - encodePng(8, 8).length)]);
    expect((await upscale(server, { file: exact })).status).toBe(200);
  });

  test('Content-Type without boundary: 400', async () => {
    const res = await upscale(server, { headers: { 'Content-Type': 'multipart/form-data' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "can't decode multipart body" });
    const json = await fetch(`${server.url}/upscale`, {
      method: 'POST',
      headers: { 'Api-Key': KEY, 'Content-Type': 'application/json' },
      body: '{}'
    });
    expect(json.status).toBe(400);
  });

  test('other paths 404, wrong method 405', async () => {
    expect((await fetch(`${server.url}/generate`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${server.url}/upscale`)).status).toBe(405);
  });
});

describe('in-flight limit counted in images', () => {
  test('a second request that would exceed the limit gets 429; a smaller one fits', async () => {
    server.options.inflightLimit = 3;
    server.options.latencyMs = 300;
    const first = upscale(server, { imageRequest: { num_images: 2 } });
    await waitFor(() => server.stats.imagesInFlight === 2);

    const second = await upscale(server, { imageRequest: { num_images: 2 } });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBeNull();
    expect(await second.json()).toEqual({ error: 'Too many requests in flight.', reject_reason: 'inflight_limit' });

    server.options.includeMaxInflight = true;
    server.options.retryAfterSeconds = 2;
    const third = await upscale(server, { imageRequest: { num_images: 2 } });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('2');
    expect(await third.json()).toEqual({
      error: 'Too many requests in flight.',
      reject_reason: 'inflight_limit',
      max_inflight_requests: 3
    });

    const small = upscale(server, { imageRequest: { num_images: 1 } });
    expect((await okData(await first)).length).toBe(2);
    expect((await okData(await small)).length).toBe(1);
    expect(server.stats).toMatchObject({
      requests: 4,
      admitted: 2,
      rejected429: 2,
      imagesInFlight: 0,
      maxImagesInFlight: 3
    });
    expect(server.upscales.map(u => u.status).sort()).toEqual([200, 200, 429, 429]);
  });

  test('429 does not consume a fault; resetStats zeroes counters', async () => {
    server.options.inflightLimit = 1;
    server.options.latencyMs = 200;
    const first = upscale(server);
    await waitFor(() => server.stats.imagesInFlight === 1);
    server.inject({ kind: 'status', status: 500 });
    expect((await upscale(server)).status).toBe(429);
    await okData(await first);
    server.options.latencyMs = 0;
    expect((await upscale(server)).status).toBe(500);
    server.resetStats();
    expect(server.stats).toMatchObject({ requests: 0, admitted: 0, rejected429: 0, maxImagesInFlight: 0 });
    expect(server.upscales).toHaveLength(0);
  });
});

describe('result links', () => {
  test('expired URL and bad signature: 403; unknown id: 404', async () => {
    const [img] = await okData(await upscale(server));
    const u = new URL(img?.url ?? '');
    const badSig = new URL(u);
    badSig.searchParams.set('sig', 'ab'.repeat(32));
    let res = await fetch(badSig);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'invalid signature' });
    const badExp = new URL(u);
    badExp.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 1000));
    expect((await fetch(badExp)).status).toBe(403);
    const noSig = new URL(u);
    noSig.searchParams.delete('sig');
    expect((await fetch(noSig)).status).toBe(403);
    res = await fetch(`${server.url}/api/images/ephemeral/doesNotExist.png${u.search}`);
    expect(res.status).toBe(404);

    server.inject({ kind: 'expired-url' });
    const [old] = await okData(await upscale(server));
    expect(Number(new URL(old?.url ?? '').searchParams.get('exp'))).toBeLessThan(Date.now() / 1000);
    res = await fetch(old?.url ?? '');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'link expired' });

    server.options.urlTtlSeconds = -5;
    const [short] = await okData(await upscale(server));
    expect((await fetch(short?.url ?? '')).status).toBe(403);
    expect(server.served.size).toBe(0);
  });
});

describe('faults', () => {
  test('status: default realistic bodies, custom body and headers', async () => {
    server.inject({ kind: 'status', status: 402 });
    server.inject({ kind: 'status', status: 422 });
    server.inject({ kind: 'status', status: 503, body: { detail: 'down' }, headers: { 'Retry-After': '7' } });
    server.inject({ kind: 'status', status: 502 });
    server.inject({ kind: 'status', status: 400, body: 'plain words' });
    let res = await upscale(server);
    expect(res.status).toBe(402);
    expect(await res.json()).toEqual({ error: 'Insufficient credits.', reject_reason: 'insufficient_funds' });
    res = await upscale(server);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'Image failed safety check.' });
    res = await upscale(server);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({ detail: 'down' });
    res = await upscale(server);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toContain('Bad Gateway');
    res = await upscale(server);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('plain words');
    expect((await upscale(server)).status).toBe(200);
    expect(server.stats.imagesInFlight).toBe(0);
  });

  test('malformed-json: 200 with a truncated body', async () => {
    server.inject({ kind: 'malformed-json' });
    const res = await upscale(server);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(text.startsWith('{"created":')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  test('unsafe: is_image_safe false and url null for every image', async () => {
    server.inject({ kind: 'unsafe' });
    const data = await okData(await upscale(server, { imageRequest: { num_images: 3 } }));
    expect(data).toHaveLength(3);
    for (const img of data) expect(img).toMatchObject({ url: null, is_image_safe: false });
  });

  test('latency: delays that request only; one sent after it is answered first', async () => {
    server.inject({ kind: 'latency', ms: 120_000 }, { fileName: 'slow.png' });
    let slowSettled = false;
    const settled = (): boolean => (slowSettled = true);
    // Still held when afterEach closes the server, which cuts it: that failure is expected.
    void upscale(server, { fileName: 'slow.png' }).then(settled, settled);
    await waitFor(() => server.stats.imagesInFlight === 1);
    await okData(await upscale(server, { fileName: 'fast.png' }));
    expect(slowSettled).toBe(false);
    expect(server.upscales.map(upscale => upscale.fileName)).toEqual(['fast.png']);
  });

  test('destroy: the socket is closed without an answer, places released', async () => {
    server.inject({ kind: 'destroy' });
    await expect(upscale(server)).rejects.toThrow();
    await waitFor(() => server.stats.imagesInFlight === 0);
    expect(server.upscales[0]?.status).toBe(0);
    await okData(await upscale(server));
  });

  test('foreign-url: returns the given URL', async () => {
    server.inject({ kind: 'foreign-url', url: 'https://evil.example/x.png' });
    const [img] = await okData(await upscale(server));
    expect(img?.url).toBe('https://evil.example/x.png');
  });

  test('wrong-type: the link serves text/html', async () => {
    server.inject({ kind: 'wrong-type' });
    const [img] = await okData(await upscale(server));
    const res = await fetch(img?.url ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<html>');
  });

  test('a fault can target a source file name', async () => {
    server.inject({ kind: 'status', status: 500 }, { fileName: 'bad.png' });
    expect((await upscale(server, { fileName: 'good.png' })).status).toBe(200);
    const res = await upscale(server, { fileName: 'bad.png' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'Internal server error.' });
    expect((await upscale(server, { fileName: 'bad.png' })).status).toBe(200);
  });
});

test('close() ends keep-alive connections: it returns, and the server answers no more', async () => {
  const other = await startFakeIdeogram();
  const res = await fetch(`${other.url}/nothing`);
  await res.arrayBuffer();
  await other.close();
  await expect(fetch(`${other.url}/nothing`)).rejects.toThrow();
});
