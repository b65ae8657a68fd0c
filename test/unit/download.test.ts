import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Agent } from 'undici';
import { DownloadError, openDownload, type DownloadOptions } from '../../src/net/download.js';
import { IdeogramClient } from '../../src/providers/ideogram/client.js';
import { ideogramHosts } from '../../src/providers/ideogram/hosts.js';
import { EXTENSIONS, IMAGE_FORMATS, type ImageFormat } from '../../src/imaging/image-format.js';
import { ResultSink, type SavedResult } from '../../src/pipeline/result-sink.js';
import { defaultRetryPolicy } from '../../src/async/retry.js';
import { checkImage } from '../../src/imaging/source-image.js';
import { startFakeIdeogram, type FakeIdeogram, type Fault } from '../fakes/ideogram-server.js';
import { encodePng, jpegBytes, listFiles, makeTempDir, removeDir, writeFiles } from '../support/files.js';

const KEY = 'download-test-key';
const MB = 1024 * 1024;

let dir: string;
let out: string;
let fake: FakeIdeogram;
let client: IdeogramClient;
let dispatcher: Agent;

/** A loopback server standing in for a misbehaving image host; counts the requests it gets. */
interface Host {
  url: string;
  hits: number;
  close(): Promise<void>;
}

async function startHost(handler: http.RequestListener): Promise<Host> {
  const host = { url: '', hits: 0, close: async () => {} };
  const server = http.createServer((req, res) => {
    host.hits += 1;
    handler(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  host.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  host.close = () =>
    new Promise<void>(resolve => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return host;
}

function options(overrides: Partial<DownloadOptions> = {}): DownloadOptions {
  return { hosts: ideogramHosts(new URL(fake.url)), maxBytes: 50 * MB, dispatcher, timeoutMs: 10_000, ...overrides };
}

/** Where results go in these tests: `out/<name>.<real extension>`. */
function destination(name: string): (format: ImageFormat) => string {
  return format => join(out, 'nested', `${name}.${EXTENSIONS[format]}`);
}

/** Fetches one link and saves it through the result sink, as the engine does, without trying again. */
async function downloadResult(
  source: string,
  link: string,
  where: (format: ImageFormat) => string,
  download: DownloadOptions,
  replace = false
): Promise<SavedResult> {
  const paths = Object.fromEntries(IMAGE_FORMATS.map(format => [format, relative(out, where(format))]));
  const sink = new ResultSink({
    workspace: out,
    maxBytes: download.maxBytes,
    retry: defaultRetryPolicy({ maxRetries: 0 }),
    replaceable: new Set(replace ? Object.values(paths) : [])
  });
  const saved = await sink.save(source, { index: 1, paths: paths as Record<ImageFormat, string> }, () =>
    openDownload(source, link, download)
  );
  return { ...saved, path: join(out, saved.path) };
}

/** Upscales the source through the fake and returns the result links it gave. */
async function links(fault?: Fault, fields: Record<string, unknown> = {}): Promise<string[]> {
  if (fault) fake.inject(fault);
  const image = await checkImage(join(dir, 'src.png'), 'src.png', 10 * MB);
  const response = await client.upscale(image, fields);
  return response.data.map(item => item.url ?? '');
}

async function failure(promise: Promise<unknown>): Promise<DownloadError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown
  );
  expect(error).toBeInstanceOf(DownloadError);
  return error as DownloadError;
}

beforeAll(async () => {
  dir = await makeTempDir('download-');
  await writeFiles(dir, { 'src.png': encodePng(40, 30) });
});

afterAll(async () => {
  await removeDir(dir);
});

beforeEach(async () => {
  out = await makeTempDir('download-out-');
  fake = await startFakeIdeogram({ apiKey: KEY });
  client = new IdeogramClient({ apiUrl: new URL(fake.url), apiKey: KEY, timeoutMs: 10_000 });
  dispatcher = new Agent();
});

afterEach(async () => {
  await Promise.all([client.close(), dispatcher.close()]);
  await fake.close();
  await removeDir(out);
});

describe('a good link', () => {
  test('writes exactly the bytes served, where destination says, named by the real format', async () => {
    const [link] = await links();
    const saved = await downloadResult('src.png', link ?? '', destination('result'), options());

    const served = fake.served.get(new URL(link ?? '').pathname);
    expect(served).toBeDefined();
    expect(saved).toEqual({ path: join(out, 'nested', 'result.png'), format: 'png', bytes: served?.length });
    expect((await readFile(saved.path)).equals(served ?? Buffer.alloc(0))).toBe(true);
    expect(await listFiles(out)).toEqual(['nested/result.png']);
  });

  test('never sends the API key to the image host', async () => {
    for (const [i, link] of (await links(undefined, { num_images: 3 })).entries()) {
      await downloadResult('src.png', link, destination(`r${i}`), options());
    }
    expect(fake.stats.downloads).toBe(3);
    expect(fake.stats.downloadsWithApiKey).toBe(0);
  });

  test('an existing file the plan may replace is replaced whole', async () => {
    await writeFiles(out, { 'nested/result.png': 'old contents that are longer than nothing' });
    const [link] = await links();
    const saved = await downloadResult('src.png', link ?? '', destination('result'), options(), true);
    expect((await readFile(saved.path)).equals(fake.served.get(new URL(link ?? '').pathname) ?? Buffer.alloc(0))).toBe(
      true
    );
  });

  test('a file that appeared where the plan found nothing is left byte-identical, and no temporary file stays', async () => {
    await writeFiles(out, { 'nested/result.png': 'a file someone made meanwhile' });
    const [link] = await links();
    await expect(downloadResult('src.png', link ?? '', destination('result'), options())).rejects.toThrow(
      /nested\/result\.png appeared while the result was being written; it was left as it is/
    );
    expect(await readFile(join(out, 'nested/result.png'), 'utf8')).toBe('a file someone made meanwhile');
    expect(await listFiles(out)).toEqual(['nested/result.png']);
  });
});

describe('a download that does not finish: it fails within its time, leaving nothing, worth fetching again', () => {
  test.each(['stall', 'endless'] as const)('%s', async fault => {
    const [link] = await links();
    fake.options.downloadFault = fault;
    const error = await failure(
      downloadResult('src.png', link ?? '', destination('result'), options({ timeoutMs: 400 }))
    );
    expect(error.message).toBe(
      "Could not download the result: the download did not finish within 0.4 s ('request-timeout')"
    );
    expect(error.transient).toBe(true);
    expect(await listFiles(out)).toEqual([]);
  });

  test('the result sink tries a stalled link at most twice more, then gives up', async () => {
    const [link] = await links();
    fake.options.downloadFault = 'stall';
    const paths = Object.fromEntries(IMAGE_FORMATS.map(format => [format, `r.${EXTENSIONS[format]}`]));
    const sink = new ResultSink({
      workspace: out,
      maxBytes: 50 * MB,
      retry: defaultRetryPolicy({ sleep: async () => {} }),
      replaceable: new Set()
    });
    const save = sink.save('src.png', { index: 1, paths: paths as Record<ImageFormat, string> }, () =>
      openDownload('src.png', link ?? '', options({ timeoutMs: 200 }))
    );
    await expect(save).rejects.toThrow(/did not finish within 0\.2 s/);
    expect(fake.stats.downloads).toBe(3);
    expect(await listFiles(out)).toEqual([]);
  });
});

describe('refused links and answers', () => {
  test('an expired link: DownloadError saying so, status 403, not worth retrying', async () => {
    const [link] = await links({ kind: 'expired-url' });
    const error = await failure(downloadResult('src.png', link ?? '', destination('result'), options()));
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/expired/);
    expect(error.transient).toBe(false);
    expect(error.file).toBe('src.png');
    expect(await listFiles(out)).toEqual([]);
  });

  test('a link to a foreign host is refused without any request to it', async () => {
    const foreign = await startHost((_req, res) => res.end(encodePng(2, 2)));
    try {
      const [link] = await links({ kind: 'foreign-url', url: `${foreign.url}/api/images/ephemeral/x.png` });
      const error = await failure(downloadResult('src.png', link ?? '', destination('result'), options()));
      expect(error.message).toMatch(/not an Ideogram host/);
      expect(error.message).toContain(foreign.url);
      expect(foreign.hits).toBe(0);
      expect(await listFiles(out)).toEqual([]);
    } finally {
      await foreign.close();
    }
  });

  test.each([
    'https://ideogram.ai.evil.example/api/images/ephemeral/x.png',
    'http://ideogram.ai/api/images/ephemeral/x.png',
    'https://notideogram.ai/x.png',
    'file:///etc/passwd'
  ])('%s is refused before any request', async link => {
    const error = await failure(downloadResult('src.png', link, destination('result'), options()));
    expect(error.message).toMatch(/not an Ideogram host/);
  });

  test('something that is not a URL', async () => {
    const error = await failure(downloadResult('src.png', 'not a link', destination('result'), options()));
    expect(error.message).toMatch(/not a URL/);
  });

  test('a page instead of an image (wrong content type) is refused, nothing written', async () => {
    const [link] = await links({ kind: 'wrong-type' });
    const error = await failure(downloadResult('src.png', link ?? '', destination('result'), options()));
    expect(error.message).toMatch(/text\/html.*not an image/);
    expect(await listFiles(out)).toEqual([]);
  });

  test('a result over the size cap is refused, nothing written', async () => {
    const [link] = await links();
    const error = await failure(
      downloadResult('src.png', link ?? '', destination('result'), options({ maxBytes: 100 }))
    );
    expect(error.message).toMatch(/100-byte cap/);
    expect(await listFiles(out)).toEqual([]);
  });
});

describe('a misbehaving image host (configured API origin)', () => {
  let host: Host | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  async function fetchFrom(handler: http.RequestListener, maxBytes = 50 * MB): Promise<DownloadError> {
    host = await startHost(handler);
    return failure(
      downloadResult(
        'src.png',
        `${host.url}/img.png`,
        destination('result'),
        options({ hosts: ideogramHosts(new URL(host.url)), maxBytes })
      )
    );
  }

  test('a stream cut halfway leaves neither a partial nor a temporary file, and may be fetched again', async () => {
    const png = Buffer.concat([encodePng(4, 4), randomBytes(256 * 1024)]);
    const error = await fetchFrom((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(png.length) });
      res.write(png.subarray(0, 4096), () => setTimeout(() => res.destroy(), 20));
    });
    expect(error.transient).toBe(true);
    expect(await listFiles(out)).toEqual([]);
  });

  test('no Content-Length and more than the cap: stopped while streaming, nothing left behind', async () => {
    const error = await fetchFrom((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.write(encodePng(4, 4));
      res.end(Buffer.alloc(64 * 1024));
    }, 32 * 1024);
    expect(error.message).toMatch(/over the 32768-byte cap/);
    expect(await listFiles(out)).toEqual([]);
  });

  test('image/png that is not an image by its bytes is refused', async () => {
    const error = await fetchFrom((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end('<html>sign in</html>');
    });
    expect(error.message).toMatch(/not a PNG, JPEG or WebP/);
    expect(await listFiles(out)).toEqual([]);
  });

  test('a redirect is not followed', async () => {
    const elsewhere = await startHost((_req, res) => res.end(encodePng(2, 2)));
    try {
      const error = await fetchFrom((_req, res) => {
        res.writeHead(302, { Location: `${elsewhere.url}/img.png` });
        res.end();
      });
      expect(error.status).toBe(302);
      expect(elsewhere.hits).toBe(0);
    } finally {
      await elsewhere.close();
    }
  });

  test('a 5xx is worth fetching again, a 404 is not', async () => {
    expect((await fetchFrom((_req, res) => res.writeHead(503).end())).transient).toBe(true);
    await host?.close();
    expect((await fetchFrom((_req, res) => res.writeHead(404).end())).transient).toBe(false);
  });

  test('no download leaves its deadline running, whether it finished or was refused', async () => {
    // A deadline left queued holds memory for the whole timeout: thousands of them on a large batch.
    const png = encodePng(4, 4);
    const answers: http.RequestListener[] = [
      (_req, res) => res.writeHead(200, { 'Content-Type': 'image/png' }).end(png),
      (_req, res) => res.writeHead(404).end(),
      (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>'),
      (_req, res) => res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': '99999999' }).end(),
      (_req, res) => res.writeHead(200, { 'Content-Type': 'image/png' }).end('not an image'),
      (_req, res) => res.writeHead(200, { 'Content-Type': 'image/png' }).write(png, () => res.destroy())
    ];
    let next = 0;
    host = await startHost((req, res) => answers[next++]?.(req, res));
    const timers = (): number => process.getActiveResourcesInfo().filter(kind => kind === 'Timeout').length;
    const before = timers();
    for (const [i] of answers.entries()) {
      const download = options({ hosts: ideogramHosts(new URL(host.url)), maxBytes: MB, timeoutMs: 60_000 });
      await downloadResult('src.png', `${host.url}/img.png`, destination(`r${i}`), download).catch(() => {});
    }
    expect(next).toBe(answers.length);
    expect(timers()).toBe(before);
  });

  test('the extension follows the real format: JPEG bytes labelled image/png become .jpg', async () => {
    const jpeg = jpegBytes(20, 10);
    host = await startHost((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(jpeg);
    });
    const saved = await downloadResult(
      'src.png',
      `${host.url}/img.png`,
      destination('result'),
      options({ hosts: ideogramHosts(new URL(host.url)) })
    );
    expect(saved.format).toBe('jpeg');
    expect(saved.path).toBe(join(out, 'nested', 'result.jpg'));
    expect((await readFile(saved.path)).equals(jpeg)).toBe(true);
    expect(await listFiles(out)).toEqual(['nested/result.jpg']);
  });
});
