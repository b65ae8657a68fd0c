import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { writeGallery } from '../src/gallery.js';
import { LocalUpscaler } from '../src/local/upscaler.js';
import type { SourceResult } from '../src/results.js';
import { workspaceWithExamples } from './support/samples.js';

const CHROMIUM = '/usr/bin/chromium';
/** User data: paths and prompts go into the page, and must come out as text. */
const HOSTILE = `"><img src=x onerror=alert(1)> #1 & 'quotes'`;
const WEIRD_SOURCE = 'examples/odd names/<b>bold #1 & 50%.png';

let workspace: string;
let results: SourceResult[];
let page: string;

/** Results as the engine reports them: two upscaled by the local provider, one Ideogram-like, a failure, a dry run. */
async function makeResults(): Promise<SourceResult[]> {
  await mkdir(join(workspace, 'examples/odd names'), { recursive: true });
  await cp(join(workspace, 'examples/badge.png'), join(workspace, WEIRD_SOURCE));
  const upscaler = new LocalUpscaler();
  const upscale = async (source: string, format: 'png' | 'jpeg' | 'webp', output: string): Promise<SourceResult> => {
    const [image] = await upscaler.produce(
      { path: join(workspace, source), relativePath: source, format, bytes: 0 },
      () => join(workspace, output)
    );
    if (image?.kind !== 'written') throw new Error(`could not upscale ${source}`);
    return {
      source,
      status: 'upscaled',
      outputs: [{ path: output, resolution: image.resolution, seed: null, prompt: null }],
      seconds: 0.2
    };
  };
  const made = [
    await upscale('examples/photos/landscape.jpg', 'jpeg', 'upscaled/examples/photos/landscape.png'),
    await upscale(WEIRD_SOURCE, 'png', `upscaled/${WEIRD_SOURCE}`)
  ];
  await upscaler.close();
  // Two results, as Ideogram gives with num-images 2 (pictures borrowed from the local ones).
  await cp(
    join(workspace, 'upscaled/examples/photos/landscape.png'),
    join(workspace, 'upscaled/examples/pattern-1.png')
  );
  await cp(join(workspace, `upscaled/${WEIRD_SOURCE}`), join(workspace, 'upscaled/examples/pattern-2.png'));
  return [
    ...made,
    {
      source: 'examples/pattern.png',
      status: 'upscaled',
      outputs: [
        { path: 'upscaled/examples/pattern-1.png', resolution: '240x160', seed: 12345, prompt: HOSTILE },
        { path: 'upscaled/examples/pattern-2.png', resolution: '128x128', seed: 678, prompt: 'a badge' }
      ],
      seconds: 4.1
    },
    { source: 'examples/webp/landscape.webp', status: 'failed', outputs: [], error: `HTTP 500 ${HOSTILE}`, seconds: 1 },
    { source: 'examples/badge.png', status: 'skipped', outputs: [], error: 'dry run: nothing sent' }
  ];
}

beforeAll(async () => {
  workspace = await workspaceWithExamples('gallery-');
  results = await makeResults();
  page = await writeGallery(join(workspace, 'gallery'), workspace, results, {
    generatedAt: new Date('2026-01-02T03:04:05Z')
  });
});

afterAll(() => rm(workspace, { recursive: true, force: true }));

describe('writeGallery', () => {
  it('writes gallery/index.html and copies every original beside it', async () => {
    expect(page).toBe(join(workspace, 'gallery/index.html'));
    for (const { source } of results) {
      expect(await readFile(join(workspace, 'gallery/originals', source))).toEqual(
        await readFile(join(workspace, source))
      );
    }
  });

  it('links results relative to the gallery and loads nothing from elsewhere', async () => {
    const html = await readFile(page, 'utf8');
    expect(html).toContain('src="../upscaled/examples/photos/landscape.png"');
    expect(html).toContain('src="originals/examples/odd%20names/%3Cb%3Ebold%20%231%20%26%2050%25.png"');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('escapes paths, prompts and errors', async () => {
    const html = await readFile(page, 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; #1 &amp; &#39;quotes&#39;');
  });

  it('still makes a card when the original is gone or a result is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gallery-missing-'));
    try {
      const index = await writeGallery(join(dir, 'gallery'), dir, [
        {
          source: 'gone.png',
          status: 'upscaled',
          outputs: [{ path: 'upscaled/gone.png', resolution: null, seed: null, prompt: null }]
        },
        { source: '../outside.png', status: 'failed', outputs: [], error: 'no' }
      ]);
      const html = await readFile(index, 'utf8');
      expect(html).toContain('The original could not be copied into the gallery.');
      expect(html).toContain('<td>missing</td>');
      expect(existsSync(join(dir, 'outside.png'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// Debian's Chromium, driven by playwright-core; .ci/run installs it.
describe('the gallery in a browser', () => {
  let context: BrowserContext;
  let browserPage: Page;
  const problems: string[] = [];
  const requests: string[] = [];
  let profile: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (as .ci/run does)`);
    profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ],
      viewport: { width: 1000, height: 800 }
    });
    browserPage = await context.newPage();
    browserPage.on('console', message => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`);
    });
    browserPage.on('pageerror', error => problems.push(`page error: ${error.message}`));
    browserPage.on('dialog', dialog => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    browserPage.on('request', request => requests.push(request.url()));
    await browserPage.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  }, 30_000);

  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('loads with no errors, every image shown, nothing fetched from outside', async () => {
    const images = await browserPage.$$eval('img', list =>
      list.map(img => ({ src: img.getAttribute('src'), complete: img.complete, width: img.naturalWidth }))
    );
    expect(images.length).toBe(8);
    for (const image of images) expect(image).toMatchObject({ complete: true, width: expect.any(Number) });
    expect(images.filter(image => image.width === 0)).toEqual([]);
    expect(requests.filter(url => !url.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows user data as text', async () => {
    expect(await browserPage.locator('main b').count()).toBe(0);
    await expect(browserPage.locator('h2 code').nth(1).textContent()).resolves.toBe(WEIRD_SOURCE);
    await expect(browserPage.locator('.card').nth(2).locator('.prompt').first().textContent()).resolves.toBe(HOSTILE);
    await expect(browserPage.locator('.error').first().textContent()).resolves.toBe(`HTTP 500 ${HOSTILE}`);
    expect(
      await browserPage.locator('.card').evaluateAll(cards => cards.map(card => card.getAttribute('data-status')))
    ).toEqual(['upscaled', 'upscaled', 'upscaled', 'failed', 'skipped']);
  });

  it('moves the split when the slider is dragged', async () => {
    const card = browserPage.locator('.card').first();
    const compare = card.locator('[data-compare]');
    const clip = (): Promise<string> => card.locator('.pane.after').evaluate(pane => getComputedStyle(pane).clipPath);
    expect(await clip()).toBe('inset(0px 0px 0px 50%)');

    const box = await compare.boundingBox();
    if (!box) throw new Error('the comparison is not on screen');
    await browserPage.mouse.click(box.x + box.width * 0.2, box.y + box.height / 2);
    const value = Number(await compare.locator('input[type="range"]').inputValue());
    expect(value).toBeGreaterThanOrEqual(15);
    expect(value).toBeLessThanOrEqual(25);
    expect(await clip()).toBe(`inset(0px 0px 0px ${value}%)`);

    await compare.locator('input[type="range"]').fill('90');
    expect(await clip()).toBe('inset(0px 0px 0px 90%)');
  });

  it('switches to side by side and back', async () => {
    const card = browserPage.locator('.card').first();
    await card.getByRole('button', { name: 'Side by side' }).click();
    expect(await card.getAttribute('data-mode')).toBe('side');
    const before = await card.locator('img.before').boundingBox();
    const after = await card.locator('img.after').boundingBox();
    expect(after && before && after.x >= before.x + before.width).toBe(true);
    expect(await card.locator('.pane.after').evaluate(pane => getComputedStyle(pane).clipPath)).toBe('none');

    await card.getByRole('button', { name: 'Slider' }).click();
    expect(await card.getAttribute('data-mode')).toBe('slider');
    expect(await card.getByRole('button', { name: 'Slider' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('compares with whichever result is picked', async () => {
    const card = browserPage.locator('.card').nth(2);
    const after = card.locator('img.after');
    expect(await after.getAttribute('src')).toBe('../upscaled/examples/pattern-1.png');
    await card.getByLabel('Result 2').check();
    expect(await after.getAttribute('src')).toBe('../upscaled/examples/pattern-2.png');
    await expect(
      after.evaluate(img => (img as HTMLImageElement).decode().then(() => (img as HTMLImageElement).naturalWidth))
    ).resolves.toBe(128);
    expect(problems).toEqual([]);
  });
});

describe('writeGallery on its own', () => {
  it('overwrites an earlier page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gallery-again-'));
    try {
      await writeFile(join(dir, 'a.png'), await readFile(join(workspace, 'examples/badge.png')));
      await writeGallery(join(dir, 'gallery'), dir, [
        { source: 'a.png', status: 'skipped', outputs: [], error: 'first' }
      ]);
      const index = await writeGallery(join(dir, 'gallery'), dir, [
        { source: 'a.png', status: 'skipped', outputs: [], error: 'second' }
      ]);
      const html = await readFile(index, 'utf8');
      expect(html).toContain('second');
      expect(html).not.toContain('first');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("never writes over a folder of the user's", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gallery-theirs-'));
    try {
      await mkdir(join(dir, 'gallery'));
      await writeFile(join(dir, 'gallery', 'index.html'), '<h1>My own gallery</h1>');
      await expect(
        writeGallery(join(dir, 'gallery'), dir, [{ source: 'a.png', status: 'skipped', outputs: [], error: 'x' }])
      ).rejects.toThrow(/not a gallery of ours/);
      expect(await readFile(join(dir, 'gallery', 'index.html'), 'utf8')).toBe('<h1>My own gallery</h1>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
