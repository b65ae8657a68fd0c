/** The commit and the changed-files lookup against the loopback GitHub REST server. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { findChangedFiles } from '../../src/github/changes.js';
import type { RunContext } from '../../src/github/event.js';
import { defaultRetryPolicy } from '../../src/async/retry.js';
import { commitFiles, type CommitRequest } from '../../src/github/commit.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';
import { makeWorkspace } from '../support/workspace.js';

const retry = defaultRetryPolicy({ sleep: async () => {} });
let github: FakeGitHub;
beforeEach(async () => {
  github = await startFakeGitHub();
});
afterEach(() => github.close());

const client = (token = github.token) => getOctokit(token, { baseUrl: github.url });

async function request(files: Record<string, string>): Promise<CommitRequest> {
  return {
    owner: github.owner,
    repo: github.repo,
    branch: 'main',
    workspace: await makeWorkspace(files),
    files: Object.keys(files),
    message: 'Upscale',
    author: undefined
  };
}

describe('commitFiles', () => {
  it('gives up after a few races rather than ever forcing', async () => {
    for (let i = 0; i < 5; i++) github.moveBranchBeforeNextUpdate('main', { [`theirs-${i}.txt`]: 'x' });
    await expect(commitFiles(client(), await request({ 'a.png': 'a' }), retry)).rejects.toMatchObject({ status: 422 });
    expect(github.forcedUpdates).toBe(0);
  });

  it('commits as the given author when one is set', async () => {
    const outcome = await commitFiles(
      client(),
      { ...(await request({ 'a.png': 'a' })), author: { name: 'Bot', email: 'bot@example.com' } },
      retry
    );
    expect(outcome.kind).toBe('committed');
    const commit = github.getCommit(github.headSha('main'));
    expect(commit.author).toMatchObject({ name: 'Bot', email: 'bot@example.com' });
    expect(commit.verified).toBe(false);
  });

  it('reports a refusal instead of throwing when the token cannot write', async () => {
    const outcome = await commitFiles(client(github.readOnlyToken), await request({ 'a.png': 'a' }), retry);
    expect(outcome).toEqual({ kind: 'refused', reason: expect.stringMatching(/HTTP 403: Resource not accessible/) });
  });

  it('retries blob creation on 429 with retry-after, creating each blob once in the end', async () => {
    github.rateLimitBlobs(3, '429');
    const outcome = await commitFiles(client(), await request({ 'a.png': 'a', 'b.png': 'b' }), retry);
    expect(outcome.kind).toBe('committed');
    const blobPosts = github.requests.filter(r => r.method === 'POST' && r.path.endsWith('/git/blobs'));
    expect(blobPosts.filter(r => r.status === 201)).toHaveLength(2);
    expect(blobPosts.filter(r => r.status === 429)).toHaveLength(3);
  });
});

describe('findChangedFiles', () => {
  const push = (before: string, after: string, noBase = false): RunContext => ({
    owner: github.owner,
    repo: github.repo,
    event: { kind: 'push', branch: 'main', before, after, noBase }
  });

  it('lists added and modified files of a push, not removed ones', async () => {
    github.commitFiles('main', { 'keep.png': 'k', 'gone.png': 'g', 'edit.png': '1' });
    const before = github.headSha('main');
    github.commitFiles('main', { 'gone.png': null, 'edit.png': '2', 'new.png': 'n' });
    const changed = await findChangedFiles(client(), push(before, github.headSha('main')));
    expect(changed).toMatchObject({ kind: 'changed', paths: new Set(['edit.png', 'new.png']) });
  });

  it('takes everything for a new branch, a vanished base, or a list GitHub may have cut', async () => {
    expect(await findChangedFiles(client(), push('0'.repeat(40), github.headSha('main'), true))).toMatchObject({
      kind: 'all'
    });
    expect(await findChangedFiles(client(), push('f'.repeat(40), github.headSha('main')))).toMatchObject({
      kind: 'all',
      reason: expect.stringMatching(/is gone/)
    });
    const before = github.headSha('main');
    github.commitFiles('main', Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`f${i}.png`, String(i)])));
    expect(await findChangedFiles(client(), push(before, github.headSha('main')))).toMatchObject({
      kind: 'all',
      reason: expect.stringMatching(/changed 300\+ files/)
    });
  });

  it('takes everything on events without a list of changes', async () => {
    const changed = await findChangedFiles(client(), {
      owner: github.owner,
      repo: github.repo,
      event: { kind: 'other', name: 'schedule', branch: 'main' }
    });
    expect(changed).toEqual({ kind: 'all', reason: 'a schedule event has no list of changed files' });
  });
});
