import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COMMENT_LIMIT, COMMENT_ROWS, renderComment, type CommentLinks } from '../../src/report/comment-body.js';
import { upsertComment } from '../../src/github/comment.js';
import { createGitHubClient } from '../../src/github/client.js';
import { defaultRetryPolicy } from '../../src/async/retry.js';
import type { SourceResult, SourceStatus } from '../../src/state/results.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';

const MARKER = '<!-- ideogram-upscale-action comment: CI/upscale -->';
const ARTIFACT: CommentLinks = {
  repository: 'https://github.com/acme/pics',
  run: 'https://github.com/acme/pics/actions/runs/42',
  artifact: { name: 'upscaled-images', url: 'https://github.com/acme/pics/actions/runs/42/artifacts/7' }
};
const COMMITTED: CommentLinks = {
  repository: 'https://github.com/acme/pics',
  run: 'https://github.com/acme/pics/actions/runs/42',
  commit: { sha: 'a'.repeat(40), branch: 'feature' }
};
/** Files as a real batch has them: a 960×640 source, its 1920×1280 result. */
const facts = () =>
  Promise.resolve({
    before: { bytes: 180_000, format: 'jpeg' as const, dimensions: { width: 960, height: 640 } },
    after: { bytes: 2_400_000, format: 'png' as const, dimensions: { width: 1920, height: 1280 } }
  });

/** A batch of `count` sources with long, realistic paths; every 50th failed, every 10th skipped; billed if `billed`. */
function batch(count: number, billed = false): SourceResult[] {
  return Array.from({ length: count }, (_, i): SourceResult => {
    const source = `assets/photography/2026/collections/summer-campaign/hero-images/image-${String(i).padStart(5, '0')}.jpg`;
    const status: SourceStatus = i % 50 === 7 ? 'failed' : i % 10 === 3 ? 'skipped' : 'upscaled';
    return status === 'failed'
      ? { source, status, outputs: [], error: 'Ideogram answered HTTP 500: internal error' }
      : {
          source,
          status,
          outputs: [
            { path: `upscaled/${source.replace(/jpg$/, 'png')}`, resolution: '1920x1280', seed: i, prompt: null }
          ],
          ...(billed && status === 'upscaled' ? { spentUsdMicros: 125_830 + i } : {})
        };
  });
}

/** The table's rows, each split into cells the way GitHub does (on pipes not escaped by a backslash). */
function tableRows(body: string): string[][] {
  return body
    .split('\n')
    .filter(line => line.startsWith('| '))
    .map(line => line.slice(1, -1).split(/(?<!\\)\|/));
}

describe('the pull request comment', () => {
  it.each([
    ['an artifact', ARTIFACT, false],
    ['a commit, with thumbnails', COMMITTED, false],
    ['an artifact and costs', ARTIFACT, true],
    ['a commit, thumbnails and costs', COMMITTED, true]
  ])(
    'stays within GitHub’s 65,536 characters for 1,000 sources with %s, and counts the rest in one line',
    async (_, links, billed) => {
      const body = await renderComment({ marker: MARKER, results: batch(1000, billed), links, facts });
      expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
      expect(body.startsWith(`${MARKER}\n`)).toBe(true);
      const rows = tableRows(body).slice(2);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(COMMENT_ROWS);
      // Failures come first, so a long table never hides them.
      expect(rows.slice(0, 20).every(cells => cells[links.commit ? 2 : 1]?.includes('failed'))).toBe(true);
      const rest = /…and (\d+) more \((.*?)\)/.exec(body);
      expect(Number(rest?.[1])).toBe(1000 - rows.length);
      expect(body).toContain(`[job summary](${links.run})`);
    }
  );

  it('still fits, and still counts the rest, when the limit is tight', async () => {
    for (const limit of [60_000, 20_000, 5_000, 1_500]) {
      const body = await renderComment({ marker: MARKER, results: batch(300), links: COMMITTED, facts, limit });
      expect(body.length).toBeLessThanOrEqual(limit);
      expect(body).toMatch(/…and \d+ more/);
    }
  });

  it('shows status, resolution and size before → after, and the format', async () => {
    const body = await renderComment({ marker: MARKER, results: batch(3), links: ARTIFACT, facts });
    expect(body).toContain(
      '| `assets/photography/2026/collections/summer-campaign/hero-images/image-00000.jpg` | ✅ upscaled | 960×640 → 1920×1280 | 175.8 KB → 2.3 MB | PNG |'
    );
    expect(body).toContain('[artifact `upscaled-images`](https://github.com/acme/pics/actions/runs/42/artifacts/7)');
    expect(body).toContain('gallery/index.html');
    expect(body).not.toMatch(/…and \d+ more/);
  });

  it('shows the cost when Ideogram told it: billed, else quoted; the total in the head', async () => {
    const [billed, quoted, estimated, unknown] = batch(4);
    const results: SourceResult[] = [
      { ...(billed as SourceResult), spentUsdMicros: 125_830 },
      {
        ...(quoted as SourceResult),
        status: 'deferred',
        outputs: [],
        quote: { usdMicros: 250_000, qualifier: 'exact' }
      },
      {
        ...(estimated as SourceResult),
        status: 'deferred',
        outputs: [],
        quote: { usdMicros: 80_000, qualifier: 'estimate' }
      },
      unknown as SourceResult
    ];
    const body = await renderComment({ marker: MARKER, results, links: ARTIFACT, facts });
    const rows = tableRows(body);
    expect(rows[0]?.map(cell => cell.trim())).toEqual(['Source', 'Status', 'Resolution', 'Size', 'Format', 'Cost']);
    expect(Object.fromEntries(rows.slice(2).map(cells => [cells[0]?.trim().slice(-9, -1), cells[5]?.trim()]))).toEqual({
      '0000.jpg': '$0.12583',
      '0001.jpg': '$0.25 quoted',
      '0002.jpg': 'about $0.08 quoted',
      '0003.jpg': '—'
    });
    expect(body).toContain('Billed $0.12583 for 1 image(s), as Ideogram reported.');
  });

  it('has no cost column when no price is known (the local provider, the legacy endpoint)', async () => {
    const body = await renderComment({ marker: MARKER, results: batch(3), links: ARTIFACT, facts });
    expect(tableRows(body)[0]?.map(cell => cell.trim())).toEqual(['Source', 'Status', 'Resolution', 'Size', 'Format']);
  });

  it('links thumbnails of the source and the result at the commit, paths percent-encoded', async () => {
    const results: SourceResult[] = [
      {
        source: 'img/a b#1.png',
        status: 'upscaled',
        outputs: [{ path: 'up/a b#1.png', resolution: null, seed: null, prompt: null }]
      }
    ];
    const body = await renderComment({ marker: MARKER, results, links: COMMITTED, facts });
    const sha = 'a'.repeat(40);
    expect(body).toContain(
      `<a href="https://github.com/acme/pics/blob/${sha}/img/a%20b%231.png"><img src="https://github.com/acme/pics/raw/${sha}/img/a%20b%231.png" height="64" alt="before"></a>`
    );
    expect(body).toContain(`raw/${sha}/up/a%20b%231.png`);
  });

  it('keeps every hostile name inside its own cell, shown as text', async () => {
    const names = [
      'a|b.png',
      'x`y`.png',
      '<img src=x onerror=alert(1)>.png',
      'line\nbreak.png',
      '**bold** [l](http://e).png',
      '``.png'
    ];
    const results: SourceResult[] = names.map(source => ({
      source,
      status: 'failed',
      outputs: [],
      error: `bad | ${source}`
    }));
    const body = await renderComment({ marker: MARKER, results, links: ARTIFACT, facts });
    const rows = tableRows(body);
    expect(new Set(rows.map(cells => cells.length))).toEqual(new Set([5]));
    expect(rows.length).toBe(2 + names.length);
    // Outside code spans there is no markup from the names.
    const outsideCode = body.replace(/(`+)[^`]*?\1/g, '');
    expect(outsideCode).not.toContain('<img src=x');
    expect(outsideCode).not.toContain('**bold**');
  });
});

describe('upsertComment against GitHub', () => {
  let github: FakeGitHub;
  const savedApiUrl = process.env.GITHUB_API_URL;
  beforeAll(async () => {
    github = await startFakeGitHub({ owner: 'acme', repo: 'pics' });
    github.commitFiles('feature', { 'a.png': 'x' });
    github.addPullRequest({ number: 3, headRef: 'feature', baseRef: 'main' });
    process.env.GITHUB_API_URL = github.url;
  });
  afterAll(async () => {
    await github.close();
    if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL;
    else process.env.GITHUB_API_URL = savedApiUrl;
  });
  const where = { owner: 'acme', repo: 'pics', issue: 3 };
  const retry = defaultRetryPolicy({ maxRetries: 0 });

  it('creates one comment, then finds it by its marker past pages of others and updates it in place', async () => {
    const client = await createGitHubClient(github.token);
    // Someone quoting the marker mid-text is not us: ours starts with it.
    github.addComment(3, `Look: ${MARKER} is in the page`);
    for (let i = 0; i < 130; i++) github.addComment(3, `review ${i}`);
    const first = await upsertComment(client, where, MARKER, `${MARKER}\nfirst`, retry);
    expect(first.kind).toBe('created');
    for (let i = 0; i < 120; i++) github.addComment(3, `more ${i}`);
    const second = await upsertComment(client, where, MARKER, `${MARKER}\nsecond`, retry);
    expect(second).toEqual({ kind: 'updated', url: first.url });
    const ours = github.comments(3).filter(comment => comment.body.startsWith(MARKER));
    expect(ours.map(comment => comment.body)).toEqual([`${MARKER}\nsecond`]);
    expect(github.comments(3).length).toBe(252);
  });

  it('throws GitHub’s refusal for the caller to warn about, writing nothing', async () => {
    const client = await createGitHubClient(github.readOnlyToken);
    const before = github.comments(3).length;
    await expect(upsertComment(client, where, '<!-- other -->', 'x', retry)).rejects.toMatchObject({ status: 403 });
    expect(github.comments(3).length).toBe(before);
  });
});
