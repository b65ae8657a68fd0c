import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { writeGallery } from '../../src/report/gallery/index.js';
import { loadCodecs } from '../../src/imaging/codecs.js';
import type { SourceResult } from '../../src/state/results.js';
import { NOT_FILES } from '../support/files.js';
import { workspaceWithExamples } from '../support/samples.js';

/** Debian's chromium (`npm run setup` installs it), or another Chromium or Chrome named by CHROMIUM_PATH. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** User data: paths and prompts go into the page, and must come out as text. */
const HOSTILE = `"><img src=x onerror=alert(1)> #1 & 'quotes'`;
const WEIRD_SOURCE = 'examples/odd names/<b>bold #1 & 50%.png';

let workspace: string;
let results: SourceResult[];
let page: string;

/** Draws a source of the given size from a committed example, Lanczos3-resized, as a PNG. */
async function drawSource(from: string, to: string, width: number, height: number): Promise<void> {
  const codecs = await loadCodecs();
  const bytes = await readFile(join(workspace, from));
  const format = from.endsWith('.jpg') ? 'jpeg' : 'png';
  const image = codecs.resize(await codecs.decode(bytes, format), width, height);
  await mkdir(dirname(join(workspace, to)), { recursive: true });
  await writeFile(join(workspace, to), await codecs.encodePng(image));
}

/** A 2× result of a source, as an upscale gives it. */
async function upscale(source: string, output: string): Promise<SourceResult> {
  const codecs = await loadCodecs();
  const image = await codecs.decode(await readFile(join(workspace, source)), 'png');
  const result = codecs.resize(image, image.width * 2, image.height * 2);
  await mkdir(dirname(join(workspace, output)), { recursive: true });
  await writeFile(join(workspace, output), await codecs.encodePng(result));
  return {
    source,
    status: 'upscaled',
    outputs: [{ path: output, resolution: `${result.width}x${result.height}`, seed: null, prompt: null }],
    seconds: 0.2
  };
}

/** Sources of every shape the comparison must align (landscape, portrait, panorama, tiny), then the odd cases. */
const SHAPES = {
  landscape: { width: 960, height: 640 },
  portrait: { width: 600, height: 900 },
  panorama: { width: 1200, height: 240 },
  tiny: { width: 16, height: 16 }
} as const;

/** Results as the engine reports them: upscales of each shape, two results of one source, a failure, a dry run. */
async function makeResults(): Promise<SourceResult[]> {
  const made: SourceResult[] = [];
  for (const [shape, { width, height }] of Object.entries(SHAPES)) {
    await drawSource('examples/photos/landscape.jpg', `shapes/${shape}.png`, width, height);
    made.push(await upscale(`shapes/${shape}.png`, `upscaled/shapes/${shape}.png`));
  }
  await mkdir(join(workspace, 'examples/odd names'), { recursive: true });
  await cp(join(workspace, 'examples/badge.png'), join(workspace, WEIRD_SOURCE));
  made.push(await upscale(WEIRD_SOURCE, `upscaled/${WEIRD_SOURCE}`));
  // Two results, as Ideogram gives with num-images 2, of different sizes.
  await upscale('examples/pattern.png', 'upscaled/examples/pattern-1.png');
  await cp(join(workspace, `upscaled/${WEIRD_SOURCE}`), join(workspace, 'upscaled/examples/pattern-2.png'));
  // A source that is not an image at all: it fails, and the page must not show a broken picture for it.
  await writeFile(join(workspace, 'examples/broken.png'), 'not a PNG');
  return [
    ...made,
    {
      source: 'examples/pattern.png',
      status: 'upscaled',
      outputs: [
        { path: 'upscaled/examples/pattern-1.png', resolution: '192x128', seed: 12345, prompt: HOSTILE },
        { path: 'upscaled/examples/pattern-2.png', resolution: '128x128', seed: 678, prompt: 'a badge' }
      ],
      seconds: 4.1
    },
    { source: 'examples/broken.png', status: 'failed', outputs: [], error: `HTTP 500 ${HOSTILE}`, seconds: 1 },
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
    expect(html).toContain('src="../upscaled/shapes/landscape.png"');
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
      expect(html).toContain('No preview: the original could not be copied.');
      expect(html).toContain('<td data-label="Size">missing</td>');
      expect(existsSync(join(dir, 'outside.png'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** Screenshots the browser tests take, to look at (not committed). */
const SCREENSHOTS = resolve(import.meta.dirname, '../output/gallery');

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

// Debian's Chromium, driven by playwright-core; .ci/run installs it.
describe('the gallery in a browser', () => {
  let context: BrowserContext;
  let browserPage: Page;
  const problems: string[] = [];
  const requests: string[] = [];
  let profile: string;

  const card = (source: string) =>
    browserPage.locator('.card').filter({ has: browserPage.getByText(source, { exact: true }) });
  const box = async (locator: ReturnType<Page['locator']>): Promise<Box> => {
    const found = await locator.boundingBox();
    if (!found) throw new Error('not on screen');
    return found;
  };
  /** The two layers' boxes, and the view that scrolls them (brought on screen). */
  const layers = async (source: string) => {
    const viewer = card(source).locator('[data-viewer]');
    await viewer.locator('.view').scrollIntoViewIfNeeded();
    return {
      viewer,
      view: viewer.locator('.view'),
      before: await box(viewer.locator('img.before')),
      after: await box(viewer.locator('img.after'))
    };
  };
  const expectSameBox = (a: Box, b: Box): void => {
    for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(a[side] - b[side])).toBeLessThan(0.5);
  };
  const split = async (source: string): Promise<number> =>
    Number(await card(source).locator('.view').getAttribute('aria-valuenow'));
  const dividerX = async (source: string): Promise<number> => {
    const found = await box(card(source).locator('.divider'));
    return found.x + found.width / 2;
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run npm run setup, or set CHROMIUM_PATH`);
    await mkdir(SCREENSHOTS, { recursive: true });
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
      viewport: { width: 1280, height: 900 }
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
    // Two layers for each of the six upscaled sources; the skipped one shows its original; the failed one nothing.
    expect(images.length).toBe(13);
    expect(images.filter(image => !image.complete || image.width === 0)).toEqual([]);
    expect(requests.filter(url => !url.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
    await browserPage.screenshot({ path: join(SCREENSHOTS, 'desktop.png'), fullPage: true });
    // The README's picture (docs/gallery.png is a copy): the top of the page, as a person opening it sees it.
    await browserPage.screenshot({
      path: join(SCREENSHOTS, 'readme.png'),
      clip: { x: 0, y: 0, width: 1280, height: 640 }
    });
  });

  it.each(Object.keys(SHAPES))('lays the two layers of a %s source over each other to the pixel', async shape => {
    const source = `shapes/${shape}.png`;
    const { before, after, viewer } = await layers(source);
    expectSameBox(before, after);
    const { width, height } = SHAPES[shape as keyof typeof SHAPES];
    // The box has the result's shape: nothing stretched one way, nothing letterboxed.
    expect(Math.abs(after.width / after.height - width / height)).toBeLessThan(0.02);
    // Fit: as large as the card's width or 70% of the window's height allows, small sources enlarged too.
    expect(after.height).toBeLessThanOrEqual(900 * 0.7 + 0.5);
    const room = await box(viewer);
    expect(Math.min(room.width - after.width, 900 * 0.7 - after.height)).toBeLessThan(1);
    await viewer.screenshot({ path: join(SCREENSHOTS, `fit-${shape}.png`) });
  });

  it('shows the result pixel for pixel at 100%, and twice that at 200%, with both layers alike', async () => {
    const source = 'shapes/landscape.png';
    await card(source).getByRole('button', { name: '100%' }).click();
    const zoomed = await layers(source);
    expect(zoomed.after.width).toBeCloseTo(1920, 0);
    expect(zoomed.after.height).toBeCloseTo(1280, 0);
    expectSameBox(zoomed.before, zoomed.after);
    // The original, smaller than the result, is drawn as its own pixels, not blurred by the browser.
    expect(
      await card(source)
        .locator('img.before')
        .evaluate(img => getComputedStyle(img).imageRendering)
    ).toBe('pixelated');
    expect(
      await card(source)
        .locator('img.after')
        .evaluate(img => getComputedStyle(img).imageRendering)
    ).toBe('auto');
    await zoomed.view.screenshot({ path: join(SCREENSHOTS, 'zoom-100.png') });

    await card(source).getByRole('button', { name: '200%' }).click();
    const twice = await layers(source);
    expect(twice.after.width).toBeCloseTo(3840, 0);
    expectSameBox(twice.before, twice.after);
  });

  it('pans both images together when zoomed, the split staying where it is in the view', async () => {
    const source = 'shapes/landscape.png';
    await card(source).getByRole('button', { name: '100%' }).click();
    const { view, after: start } = await layers(source);
    const line = await dividerX(source);
    const frame = await box(view);
    const from = { x: frame.x + frame.width * 0.25, y: frame.y + frame.height / 2 };
    await browserPage.mouse.move(from.x, from.y);
    await browserPage.mouse.down();
    await browserPage.mouse.move(from.x - 150, from.y - 60, { steps: 5 });
    await browserPage.mouse.up();
    const { before, after } = await layers(source);
    expect(after.x - start.x).toBeCloseTo(-150, 0);
    expect(after.y - start.y).toBeCloseTo(-60, 0);
    expectSameBox(before, after);
    expect(await dividerX(source)).toBeCloseTo(line, 0);
    expect(await split(source)).toBe(50);

    // Shift and an arrow pan by a quarter of the view.
    await view.press('Shift+ArrowRight');
    const moved = (await layers(source)).after;
    expect(moved.x).toBeLessThan(after.x - 50);
    await card(source).getByRole('button', { name: 'Fit' }).click();
  });

  it('moves the split when dragged, and with the arrow keys', async () => {
    const source = 'shapes/portrait.png';
    const { view } = await layers(source);
    const frame = await box(view);
    await browserPage.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
    await browserPage.mouse.down();
    await browserPage.mouse.move(frame.x + frame.width * 0.2, frame.y + frame.height / 2, { steps: 5 });
    await browserPage.mouse.up();
    const dragged = await split(source);
    expect(Math.abs(dragged - 20)).toBeLessThanOrEqual(1);
    expect(await dividerX(source)).toBeCloseTo(frame.x + (frame.width * dragged) / 100, 0);
    // The result is cut exactly at the line: left of it the original shows.
    const clip = await card(source)
      .locator('img.after')
      .evaluate(img => getComputedStyle(img).clipPath);
    expect(clip).toMatch(/^inset\(0px 0px 0px [\d.]+px\)$/);

    await view.focus();
    await browserPage.keyboard.press('ArrowRight');
    await browserPage.keyboard.press('ArrowRight');
    expect(await split(source)).toBe(dragged + 10);
    await browserPage.keyboard.press('End');
    expect(await split(source)).toBe(100);
    await browserPage.keyboard.press('ArrowLeft');
    expect(await split(source)).toBe(95);
    await browserPage.keyboard.press('Home');
    expect(await split(source)).toBe(0);

    // Keys for zoom too.
    await browserPage.keyboard.press('1');
    expect(await card(source).getByRole('button', { name: '100%' }).getAttribute('aria-pressed')).toBe('true');
    expect((await layers(source)).after.width).toBeCloseTo(1200, 0);
    await browserPage.keyboard.press('f');
    expect(await card(source).locator('[data-viewer]').getAttribute('data-zoom')).toBe('fit');
  });

  it('shows user data as text', async () => {
    expect(await browserPage.locator('main b').count()).toBe(0);
    await expect(card(WEIRD_SOURCE).locator('h2 code').textContent()).resolves.toBe(WEIRD_SOURCE);
    await expect(card('examples/pattern.png').locator('.prompt').nth(1).textContent()).resolves.toBe(HOSTILE);
    await expect(browserPage.locator('.error').first().textContent()).resolves.toBe(`HTTP 500 ${HOSTILE}`);
  });

  it('shows a failure without a broken image, and a skip not as an error', async () => {
    const failed = card('examples/broken.png');
    expect(await failed.locator('img').count()).toBe(0);
    await expect(failed.locator('.placeholder').textContent()).resolves.toMatch(/could not be read as an image/);

    const skipped = card('examples/badge.png');
    expect(await skipped.locator('.error').count()).toBe(0);
    const colour = (locator: ReturnType<Page['locator']>): Promise<string> =>
      locator.evaluate(element => getComputedStyle(element).color);
    expect(await colour(skipped.locator('.note'))).not.toBe(await colour(failed.locator('.error')));
    const background = (locator: ReturnType<Page['locator']>): Promise<string> =>
      locator.evaluate(element => getComputedStyle(element).backgroundColor);
    expect(await background(skipped.locator('.status'))).not.toBe(await background(failed.locator('.status')));
  });

  it("compares with whichever result is picked, at that result's size", async () => {
    const source = 'examples/pattern.png';
    const after = card(source).locator('img.after');
    expect(await after.getAttribute('src')).toBe('../upscaled/examples/pattern-1.png');
    await card(source).getByLabel('Result 2').check();
    expect(await after.getAttribute('src')).toBe('../upscaled/examples/pattern-2.png');
    await after.evaluate(img => (img as HTMLImageElement).decode());
    const { before, after: shown } = await layers(source);
    expectSameBox(before, shown);
    expect(shown.width / shown.height).toBeCloseTo(1, 2);
    expect(problems).toEqual([]);
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    await browserPage.setViewportSize({ width: 390, height: 844 });
    const { scrollWidth, clientWidth } = await browserPage.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    for (const shape of Object.keys(SHAPES)) {
      const { before, after } = await layers(`shapes/${shape}.png`);
      expectSameBox(before, after);
      expect(after.x + after.width).toBeLessThanOrEqual(390);
    }
    await browserPage.screenshot({ path: join(SCREENSHOTS, 'phone.png'), fullPage: true });
    await browserPage.setViewportSize({ width: 1280, height: 900 });
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

  it.each(Object.entries(NOT_FILES))(
    'never reads an index.html that is %s: the folder is not a gallery of ours',
    async (_, make) => {
      const dir = await mkdtemp(join(tmpdir(), 'gallery-not-a-file-'));
      try {
        await mkdir(join(dir, 'gallery'));
        await make(join(dir, 'gallery', 'index.html'));
        await expect(
          writeGallery(join(dir, 'gallery'), dir, [{ source: 'a.png', status: 'skipped', outputs: [], error: 'x' }])
        ).rejects.toThrow(/not a gallery of ours/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  );

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
