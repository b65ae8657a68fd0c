/**
 * Committing results back through GitHub's Git Data API, only what the event changed, and the manifest that
 * makes a second run free — the built bundle against loopback GitHub, Ideogram and artifact services.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeArtifactService, type FakeArtifactService } from '../fakes/artifact-server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';
import { encodePng, startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { makeWorkspace } from '../support/workspace.js';
import type { ManifestDocument } from '../../src/state/manifest-document.js';

const KEY = 'sk-commit-test-key';
const MANIFEST = '.github/upscaled-images.json';

let ideogram: FakeIdeogram;
let artifacts: FakeArtifactService;

beforeAll(async () => {
  ideogram = await startFakeIdeogram({ apiKey: KEY });
  artifacts = await startFakeArtifactService();
});
afterAll(async () => {
  await ideogram.close();
  await artifacts.close();
});

/** A checkout of `ref`: the fake repository's files written to a fresh workspace. */
function checkout(github: FakeGitHub, ref: string): Promise<string> {
  return makeWorkspace(
    Object.fromEntries(github.listFiles(ref).map(path => [path, github.readFile(ref, path) as Buffer]))
  );
}

interface Scenario {
  github: FakeGitHub;
  workspace: string;
  event: unknown;
  eventName: string;
  inputs?: Record<string, string>;
  token?: string;
  ref?: string;
}

async function run(scenario: Scenario): Promise<ActionRun> {
  ideogram.resetStats();
  return runAction({
    workspace: scenario.workspace,
    event: scenario.event,
    inputs: {
      'api-key': KEY,
      'api-url': ideogram.url,
      publish: 'commit',
      'github-token': scenario.token ?? scenario.github.token,
      'artifact-name': `results-${Math.random().toString(36).slice(2)}`,
      ...scenario.inputs
    },
    env: {
      ...artifacts.env,
      GITHUB_API_URL: scenario.github.url,
      GITHUB_REPOSITORY: `${scenario.github.owner}/${scenario.github.repo}`,
      GITHUB_EVENT_NAME: scenario.eventName,
      GITHUB_REF: scenario.ref ?? 'refs/heads/main'
    }
  });
}

function servedBytes(): Set<string> {
  return new Set([...ideogram.served.values()].map(bytes => bytes.toString('base64')));
}

describe('on push, commit the new results to the branch', () => {
  let github: FakeGitHub;
  let before: string;
  let after: string;
  let workspace: string;
  let first: ActionRun;

  beforeAll(async () => {
    github = await startFakeGitHub();
    github.commitFiles('main', { 'assets/old.png': encodePng(12, 12, 9) }, 'an older image');
    before = github.headSha('main');
    github.commitFiles('main', {
      'assets/new.png': encodePng(20, 10, 1),
      'art/logo.png': encodePng(8, 8, 2),
      'notes.txt': 'hi'
    });
    after = github.headSha('main');
    workspace = await checkout(github, after);
    first = await run({ github, workspace, eventName: 'push', event: { before, after, ref: 'refs/heads/main' } });
  });
  afterAll(() => github.close());

  it('upscales only the images the push added, and commits exactly their results and the manifest', () => {
    expect(first.code).toBe(0);
    expect(ideogram.upscales.map(u => u.fileName).sort()).toEqual(['logo.png', 'new.png']);
    const head = github.headSha('main');
    expect(first.outputs['commit-sha']).toBe(head);
    const commit = github.getCommit(head);
    expect(commit.parents).toEqual([after]);
    const added = github.listFiles(head).filter(path => !github.listFiles(after).includes(path));
    expect(added.sort()).toEqual([MANIFEST, 'upscaled/art/logo.png', 'upscaled/assets/new.png']);
  });

  it('a re-run (a checkout of the original commit) reads what is done from the branch head: no request, no second commit', async () => {
    const head = github.headSha('main');
    const rerun = await run({
      github,
      workspace: await checkout(github, after),
      eventName: 'push',
      event: { before, after, ref: 'refs/heads/main' }
    });
    expect(rerun.code).toBe(0);
    expect(ideogram.stats.requests).toBe(0);
    expect(rerun.stdout).toContain(`Taking what is done from ${MANIFEST} at the head of main (${head.slice(0, 7)})`);
    expect(rerun.outputs).toMatchObject({ upscaled: '0', skipped: '2', 'commit-sha': '' });
    expect(github.headSha('main')).toBe(head);
  });

  it('commits blobs byte-identical to what Ideogram served, signed by GitHub, without force', () => {
    const head = github.headSha('main');
    const served = servedBytes();
    for (const path of ['upscaled/art/logo.png', 'upscaled/assets/new.png']) {
      expect(served.has((github.readFile(head, path) as Buffer).toString('base64'))).toBe(true);
    }
    const commit = github.getCommit(head);
    expect(commit.verified).toBe(true);
    expect(commit.message).toMatch(/^Upscale images with Ideogram\n\nAdds 2 upscaled image\(s\) from 2 source\(s\)/);
    expect(github.forcedUpdates).toBe(0);
  });

  it('records each source in the manifest with its hash, settings and results', () => {
    const manifest = JSON.parse(
      (github.readFile(github.headSha('main'), MANIFEST) as Buffer).toString('utf8')
    ) as ManifestDocument;
    expect(Object.keys(manifest.sources).sort()).toEqual(['art/logo.png', 'assets/new.png']);
    expect(manifest.sources['assets/new.png']).toMatchObject({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      settings: { provider: 'ideogram', request: {} },
      status: 'upscaled',
      outputs: [{ path: 'upscaled/assets/new.png', resolution: '40x20' }]
    });
  });

  it('a second run of the same push makes no upscale call and no commit', async () => {
    const head = github.headSha('main');
    const again = await run({ github, workspace, eventName: 'push', event: { before, after } });
    expect(again.code).toBe(0);
    expect(ideogram.stats.requests).toBe(0);
    expect(again.outputs).toMatchObject({ 'commit-sha': '', skipped: '2', upscaled: '0', files: '' });
    expect(github.headSha('main')).toBe(head);
  });

  it('a changed setting makes the images eligible again; force redoes them all', async () => {
    const changed = await run({
      github,
      workspace,
      eventName: 'push',
      event: { before, after },
      inputs: { detail: '80' }
    });
    expect(changed.outputs.upscaled).toBe('2');
    expect(ideogram.upscales.every(u => u.imageRequest.detail === 80)).toBe(true);
    const forced = await run({
      github,
      workspace,
      eventName: 'workflow_dispatch',
      event: {},
      inputs: { detail: '80', force: 'true' }
    });
    // A manual run takes every image, and results of earlier runs are never sources.
    expect(ideogram.upscales.map(u => u.fileName).sort()).toEqual(['logo.png', 'new.png', 'old.png']);
    expect(forced.code).toBe(0);
  });
});

describe('races, refusals and rate limits', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(() => github.close());

  async function push(files: Record<string, Buffer>): Promise<Scenario> {
    const before = github.headSha('main');
    github.commitFiles('main', files);
    const after = github.headSha('main');
    return { github, workspace: await checkout(github, after), eventName: 'push', event: { before, after } };
  }

  it('wins a race with another push without forcing, keeping their commit', async () => {
    const scenario = await push({ 'a.png': encodePng(6, 6) });
    github.moveBranchBeforeNextUpdate('main', { 'theirs.txt': 'pushed meanwhile' });
    const result = await run(scenario);
    expect(result.code).toBe(0);
    const head = github.headSha('main');
    expect(result.outputs['commit-sha']).toBe(head);
    expect(github.readFile(head, 'theirs.txt')?.toString()).toBe('pushed meanwhile');
    expect(github.readFile(head, 'upscaled/a.png')).toBeDefined();
    expect(github.forcedUpdates).toBe(0);
  });

  it('waits out secondary rate limits on blob creation', async () => {
    const scenario = await push({ 'a.png': encodePng(6, 6), 'b.png': encodePng(7, 7) });
    github.rateLimitBlobs(2, 'secondary-403');
    const result = await run(scenario);
    expect(result.code).toBe(0);
    expect(github.listFiles('main')).toEqual(expect.arrayContaining(['upscaled/a.png', 'upscaled/b.png']));
  });

  it('falls back to the artifact with a warning when the token cannot write', async () => {
    const scenario = await push({ 'a.png': encodePng(6, 6) });
    const head = github.headSha('main');
    const result = await run({ ...scenario, token: github.readOnlyToken, inputs: { 'artifact-name': 'read-only' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/::warning::Not committing the results: GitHub refused the write \(HTTP 403/);
    expect(github.headSha('main')).toBe(head);
    expect([...artifacts.files('read-only').keys()].filter(p => !p.startsWith('gallery/')).sort()).toEqual([
      MANIFEST,
      'results.json',
      'upscaled/a.png'
    ]);
    expect(result.outputs['commit-sha']).toBe('');
  });
});

describe('pull requests', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(() => github.close());

  function openPullRequest(
    files: Record<string, Buffer | string>,
    fork?: string
  ): { workspace: Promise<string>; event: unknown } {
    github.commitFiles('feature', files);
    github.addPullRequest({
      number: 7,
      headRef: 'feature',
      baseRef: 'main',
      fork: Boolean(fork),
      headRepoFullName: fork
    });
    const headRepo = fork ?? `${github.owner}/${github.repo}`;
    return {
      workspace: checkout(github, 'feature'),
      event: { pull_request: { number: 7, head: { ref: 'feature', repo: { full_name: headRepo } } } }
    };
  }

  it("commits to the pull request's head branch only the images it changes, across pages of files", async () => {
    const files: Record<string, Buffer | string> = {
      'img/one.png': encodePng(5, 5, 1),
      'img/two.png': encodePng(6, 6, 2)
    };
    for (let i = 0; i < 120; i++) files[`docs/page-${i}.md`] = `page ${i}`;
    const pr = openPullRequest(files);
    const mainHead = github.headSha('main');
    const result = await run({
      github,
      workspace: await pr.workspace,
      eventName: 'pull_request',
      event: pr.event,
      ref: 'refs/pull/7/merge'
    });
    expect(result.code).toBe(0);
    expect(ideogram.upscales.map(u => u.fileName).sort()).toEqual(['one.png', 'two.png']);
    expect(github.requests.filter(r => r.path.endsWith('/pulls/7/files')).length).toBe(2);
    expect(github.readFile('feature', 'upscaled/img/one.png')).toBeDefined();
    expect(github.headSha('main')).toBe(mainHead);
  });

  it('from a fork: no commit, the artifact instead, a warning, and success', async () => {
    const pr = openPullRequest({ 'img/x.png': encodePng(5, 5) }, 'someone/fork');
    const featureHead = github.headSha('feature');
    const result = await run({
      github,
      workspace: await pr.workspace,
      eventName: 'pull_request',
      event: pr.event,
      inputs: { 'artifact-name': 'from-fork' }
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /::warning::Not committing the results: the pull request comes from the fork someone\/fork/
    );
    expect(github.headSha('feature')).toBe(featureHead);
    expect([...artifacts.files('from-fork').keys()]).toContain('upscaled/img/x.png');
  });

  it('reports in one pull request comment, updated in place on the next run, with thumbnails at the commit', async () => {
    const pr = openPullRequest({ 'img/one.png': encodePng(480, 320, 1), 'img/tw|o.png': encodePng(240, 360, 2) });
    github.addComment(7, 'Looks good to me');
    // A v2 model, so Ideogram reports what it billed, and a conversion: the comment shows both.
    const inputs = { model: 'topaz-standard-2', 'output-format': 'webp' };
    const first = await run({
      github,
      workspace: await pr.workspace,
      eventName: 'pull_request',
      event: pr.event,
      inputs
    });
    expect(first.code).toBe(0);
    const sha = github.headSha('feature');
    let ours = github.comments(7).filter(comment => comment.user === 'github-actions[bot]');
    expect(ours.length).toBe(1);
    const body = ours[0]?.body ?? '';
    // Kept to read (the README shows one): test/output is not committed.
    await mkdir(join(import.meta.dirname, '../output'), { recursive: true });
    await writeFile(join(import.meta.dirname, '../output/pr-comment.md'), body);
    expect(body).toMatch(/^<!-- ideogram-upscale-action comment: .* -->\n### Ideogram upscale/);
    expect(body).toContain('2 upscaled, 0 failed');
    expect(body).toContain(`https://github.com/${github.owner}/${github.repo}/raw/${sha}/upscaled/img/one.webp`);
    expect(body).toMatch(/^\| Before → after \| Source \| Status \| Resolution \| Size \| Format \| Cost \|$/m);
    expect(body).toMatch(/\| 480×320 → 960×640 \| [\d.]+ K?B → [\d.]+ K?B \| WEBP \| \$\d+\.\d+ \|$/m);
    expect(body).toMatch(/Billed \$\d+\.\d+ for 2 image\(s\), as Ideogram reported\./);
    expect(body).toContain('`img/tw\\|o.png`');
    expect(first.stdout).toMatch(/Commented on pull request #7: https:\/\/github\.com\/.*#issuecomment-\d+/);

    const again = await run({
      github,
      workspace: await checkout(github, 'feature'),
      eventName: 'pull_request',
      event: pr.event,
      inputs: { ...inputs, force: 'true' }
    });
    expect(again.code).toBe(0);
    ours = github.comments(7).filter(comment => comment.user === 'github-actions[bot]');
    expect(ours.length).toBe(1);
    expect(ours[0]?.body).toContain(github.headSha('feature'));
    expect(again.stdout).toContain('Updated the comment on pull request #7');
    expect(github.comments(7).length).toBe(2);
  });

  it('without permission to comment: one warning, and the run goes on', async () => {
    const pr = openPullRequest({ 'img/x.png': encodePng(5, 5) });
    const result = await run({
      github,
      workspace: await pr.workspace,
      eventName: 'pull_request',
      event: pr.event,
      token: github.readOnlyToken,
      inputs: { publish: 'artifact', 'artifact-name': 'no-comment' }
    });
    expect(result.code).toBe(0);
    const warnings = result.stdout.split('\n').filter(line => line.startsWith('::warning::Not commenting'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /HTTP 403: Resource not accessible by integration.*\. A pull request from a fork gets a read-only token; otherwise give the job 'permissions: pull-requests: write'\.$/
      )
    ]);
    expect(github.comments(7)).toEqual([]);
    expect([...artifacts.files('no-comment').keys()]).toContain('upscaled/img/x.png');
  });

  it('never commits what .gitattributes routes to Git LFS: the artifact holds it, a warning says why', async () => {
    const pr = openPullRequest({
      '.gitattributes': 'upscaled/lfs/** filter=lfs diff=lfs merge=lfs -text\n',
      'lfs/a.png': encodePng(5, 5, 1),
      'plain/b.png': encodePng(5, 5, 2)
    });
    const result = await run({
      github,
      workspace: await pr.workspace,
      eventName: 'pull_request',
      event: pr.event,
      inputs: { 'artifact-name': 'lfs-held', comment: 'never' }
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '::warning::Not committing upscaled/lfs/a.png: .gitattributes routes it to Git LFS'
    );
    expect(github.readFile('feature', 'upscaled/plain/b.png')).toBeDefined();
    expect(github.readFile('feature', 'upscaled/lfs/a.png')).toBeUndefined();
    expect([...artifacts.files('lfs-held').keys()]).toContain('upscaled/lfs/a.png');
    expect(github.comments(7)).toEqual([]);
  });
});
