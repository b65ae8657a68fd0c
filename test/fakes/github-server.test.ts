import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { startFakeGitHub, type FakeGitHub } from './github-server.js';

type GithubModule = typeof import('@actions/github');
type Octokit = ReturnType<GithubModule['getOctokit']>;
type Comparison = Awaited<ReturnType<Octokit['rest']['repos']['compareCommits']>>['data'];

let fake: FakeGitHub;
let github: GithubModule;
let octokit: Octokit;
const savedApiUrl = process.env.GITHUB_API_URL;

/** The RequestError Octokit throws, narrowed enough to assert on. */
async function failure(p: Promise<unknown>): Promise<{
  status: number;
  message: string;
  response?: { headers: Record<string, string | undefined>; data: unknown };
}> {
  try {
    await p;
  } catch (err) {
    return err as {
      status: number;
      message: string;
      response?: { headers: Record<string, string | undefined>; data: unknown };
    };
  }
  throw new Error('expected the request to fail');
}

function blobSha(content: Buffer | string): string {
  const data = Buffer.from(content);
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${data.length}\0`), data]))
    .digest('hex');
}

beforeAll(async () => {
  fake = await startFakeGitHub({ owner: 'acme', repo: 'pics' });
  // @actions/github reads GITHUB_API_URL once, when its utils module is first evaluated:
  // set it first, then import.
  process.env.GITHUB_API_URL = fake.url;
  github = await import('@actions/github');
  octokit = github.getOctokit(fake.token);
});

afterAll(async () => {
  await fake.close();
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = savedApiUrl;
});

const repo = () => ({ owner: fake.owner, repo: fake.repo });

test('getOctokit picks up GITHUB_API_URL and reads the repository', async () => {
  const { data } = await octokit.rest.repos.get(repo());
  expect(data.full_name).toBe('acme/pics');
  expect(data.default_branch).toBe('main');
  expect(data.fork).toBe(false);
  expect(data.permissions).toMatchObject({ push: true, pull: true });

  const ro = github.getOctokit(fake.readOnlyToken);
  const { data: roData } = await ro.rest.repos.get(repo());
  expect(roData.permissions).toMatchObject({ push: false, pull: true });
  expect(fake.listFiles('main')).toEqual(['README.md']);
});

test('blob/tree/commit/ref round trip with real git object ids', async () => {
  const { data: ref } = await octokit.rest.git.getRef({ ...repo(), ref: 'heads/main' });
  expect(ref.ref).toBe('refs/heads/main');
  expect(ref.object.sha).toBe(fake.headSha('main'));
  const { data: parent } = await octokit.rest.git.getCommit({ ...repo(), commit_sha: ref.object.sha });

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0xff]);
  const { data: b1, status } = await octokit.rest.git.createBlob({
    ...repo(),
    content: png.toString('base64'),
    encoding: 'base64'
  });
  expect(status).toBe(201);
  expect(b1.sha).toBe(blobSha(png));
  const { data: b2 } = await octokit.rest.git.createBlob({ ...repo(), content: 'héllo\n', encoding: 'utf-8' });
  expect(b2.sha).toBe(blobSha('héllo\n'));

  const { data: tree } = await octokit.rest.git.createTree({
    ...repo(),
    base_tree: parent.tree.sha,
    tree: [
      { path: 'images/deep/a.png', mode: '100644', type: 'blob', sha: b1.sha },
      { path: 'notes.txt', mode: '100644', type: 'blob', sha: b2.sha },
      { path: 'inline.txt', mode: '100644', type: 'blob', content: 'inline' },
      { path: 'README.md', mode: '100644', type: 'blob', sha: null }
    ]
  });
  expect(tree.tree.map(e => [e.path, e.type])).toEqual([
    ['images', 'tree'],
    ['inline.txt', 'blob'],
    ['notes.txt', 'blob']
  ]);

  const { data: commit } = await octokit.rest.git.createCommit({
    ...repo(),
    message: 'Upscale images',
    tree: tree.sha,
    parents: [parent.sha]
  });
  expect(commit.verification?.verified).toBe(true);
  expect(commit.author.name).toBe('github-actions[bot]');
  const { data: updated } = await octokit.rest.git.updateRef({ ...repo(), ref: 'heads/main', sha: commit.sha });
  expect(updated.object.sha).toBe(commit.sha);

  expect(fake.headSha('main')).toBe(commit.sha);
  expect(fake.readFile('main', 'images/deep/a.png')).toEqual(png);
  expect(fake.readFile(commit.sha, 'notes.txt')?.toString()).toBe('héllo\n');
  expect(fake.readFile('main', 'README.md')).toBeUndefined();
  expect(fake.listFiles('main')).toEqual(['images/deep/a.png', 'inline.txt', 'notes.txt']);
  expect(fake.getCommit(commit.sha)).toMatchObject({
    message: 'Upscale images',
    parents: [parent.sha],
    tree: tree.sha,
    verified: true,
    author: undefined,
    committer: undefined
  });

  // Read back through the API.
  const { data: rtree } = await octokit.rest.git.getTree({ ...repo(), tree_sha: tree.sha, recursive: '1' });
  expect(rtree.tree.map(e => e.path)).toEqual([
    'images',
    'images/deep',
    'images/deep/a.png',
    'inline.txt',
    'notes.txt'
  ]);
  const { data: blob } = await octokit.rest.git.getBlob({ ...repo(), file_sha: b1.sha });
  expect(blob.encoding).toBe('base64');
  expect(blob.size).toBe(png.length);
  expect(Buffer.from(blob.content, 'base64')).toEqual(png);
  const { data: got } = await octokit.rest.git.getCommit({ ...repo(), commit_sha: commit.sha });
  expect(got.parents.map(p => p.sha)).toEqual([parent.sha]);
  expect(got.tree.sha).toBe(tree.sha);

  // An explicit author makes an unsigned commit and is recorded as given.
  const author = { name: 'Someone', email: 'someone@example.com' };
  const { data: authored } = await octokit.rest.git.createCommit({
    ...repo(),
    message: 'x',
    tree: tree.sha,
    parents: [commit.sha],
    author
  });
  expect(authored.verification?.verified).toBe(false);
  expect(fake.getCommit(authored.sha)).toMatchObject({ verified: false, author, committer: undefined });

  // Creating a ref, and the empty tree has git's well-known id.
  const { data: empty } = await octokit.rest.git.createTree({ ...repo(), tree: [] });
  expect(empty.sha).toBe('4b825dc642cb6eb9a060e54bf8d69288fbee4904');
  const { status: created } = await octokit.rest.git.createRef({
    ...repo(),
    ref: 'refs/heads/topic/x',
    sha: commit.sha
  });
  expect(created).toBe(201);
  expect(fake.headSha('topic/x')).toBe(commit.sha);
  expect((await failure(octokit.rest.git.getRef({ ...repo(), ref: 'heads/nope' }))).status).toBe(404);
});

test('non-fast-forward update answers 422 after a racing push; force wins', async () => {
  const base = fake.commitFiles('race', { 'a.txt': 'one' });
  const { data: tree } = await octokit.rest.git.createTree({
    ...repo(),
    base_tree: fake.getCommit(base).tree,
    tree: [{ path: 'mine.txt', mode: '100644', type: 'blob', content: 'mine' }]
  });
  const { data: mine } = await octokit.rest.git.createCommit({
    ...repo(),
    message: 'mine',
    tree: tree.sha,
    parents: [base]
  });

  fake.moveBranchBeforeNextUpdate('race', { 'theirs.txt': 'theirs' });
  const err = await failure(octokit.rest.git.updateRef({ ...repo(), ref: 'heads/race', sha: mine.sha, force: false }));
  expect(err.status).toBe(422);
  expect(err.message).toContain('Update is not a fast forward');
  const theirs = fake.headSha('race');
  expect(theirs).not.toBe(base);
  expect(fake.getCommit(theirs).parents).toEqual([base]);
  expect(fake.readFile('race', 'theirs.txt')?.toString()).toBe('theirs');

  // A fast-forward onto their commit works without force.
  const { data: tree2 } = await octokit.rest.git.createTree({
    ...repo(),
    base_tree: fake.getCommit(theirs).tree,
    tree: [{ path: 'mine.txt', mode: '100644', type: 'blob', content: 'mine' }]
  });
  const { data: rebased } = await octokit.rest.git.createCommit({
    ...repo(),
    message: 'mine',
    tree: tree2.sha,
    parents: [theirs]
  });
  await octokit.rest.git.updateRef({ ...repo(), ref: 'heads/race', sha: rebased.sha });
  expect(fake.listFiles('race')).toEqual([...fake.listFiles(base), 'mine.txt', 'theirs.txt'].sort());
  expect(fake.forcedUpdates).toBe(0);

  // Force discards it.
  await octokit.rest.git.updateRef({ ...repo(), ref: 'heads/race', sha: mine.sha, force: true });
  expect(fake.forcedUpdates).toBe(1);
  expect(fake.headSha('race')).toBe(mine.sha);
  expect(fake.readFile('race', 'theirs.txt')).toBeUndefined();
});

test('read-only token: reads work, writes get 403', async () => {
  const ro = github.getOctokit(fake.readOnlyToken);
  await ro.rest.git.getRef({ ...repo(), ref: 'heads/main' });
  const err = await failure(ro.rest.git.createBlob({ ...repo(), content: 'x', encoding: 'utf-8' }));
  expect(err.status).toBe(403);
  expect(err.message).toContain('Resource not accessible by integration');
  const err2 = await failure(ro.rest.git.updateRef({ ...repo(), ref: 'heads/main', sha: fake.headSha('main') }));
  expect(err2.status).toBe(403);
});

test('bad or missing credentials get 401', async () => {
  const bad = github.getOctokit('ghs_wrong');
  const err = await failure(bad.rest.repos.get(repo()));
  expect(err.status).toBe(401);
  expect(err.message).toContain('Bad credentials');
  const res = await fetch(`${fake.url}/repos/acme/pics`);
  expect(res.status).toBe(401);
  expect(await res.json()).toMatchObject({ message: 'Bad credentials' });
  // Bearer is accepted too.
  const ok = await fetch(`${fake.url}/repos/acme/pics`, { headers: { authorization: `Bearer ${fake.token}` } });
  expect(ok.status).toBe(200);
});

test('compare: real diff, commits paginated, files only on the first page', async () => {
  const start = fake.commitFiles('cmp-base', {
    'keep.txt': 'keep',
    'old.txt': 'old\n',
    'mod.txt': 'a\nb\n',
    'same.bin': 'same-content'
  });
  await octokit.rest.git.createRef({ ...repo(), ref: 'refs/heads/cmp-head', sha: start });
  fake.commitFiles('cmp-head', { 'old.txt': null, 'new1.txt': 'n1' });
  fake.commitFiles('cmp-head', { 'mod.txt': 'a\nc\nd\n' });
  const head = fake.commitFiles('cmp-head', { 'same.bin': null, 'moved/same.bin': 'same-content', 'new2.txt': 'n2' });

  const pages = await octokit.paginate(
    octokit.rest.repos.compareCommits,
    { ...repo(), base: 'cmp-base', head: 'cmp-head', per_page: 2 },
    // paginate's types model the normalised list shape; a comparison keeps its `url`, so it is not normalised.
    r => [r.data as unknown as Comparison]
  );
  expect(pages).toHaveLength(2);
  const [first, second] = pages;
  expect(first?.total_commits).toBe(3);
  expect(first?.status).toBe('ahead');
  expect(first?.commits.map(c => c.sha)).toHaveLength(2);
  expect(second?.commits.map(c => c.sha)).toEqual([head]);
  expect(second?.files).toEqual([]);
  expect(first?.files?.map(f => [f.filename, f.status, f.previous_filename])).toEqual([
    ['mod.txt', 'modified', undefined],
    ['moved/same.bin', 'renamed', 'same.bin'],
    ['new1.txt', 'added', undefined],
    ['new2.txt', 'added', undefined],
    ['old.txt', 'removed', undefined]
  ]);
  const mod = first?.files?.find(f => f.filename === 'mod.txt');
  expect(mod).toMatchObject({ sha: blobSha('a\nc\nd\n'), additions: 2, deletions: 1 });
  const compareRequests = fake.requests.filter(r => r.path.includes('/compare/'));
  expect(compareRequests.map(r => r.query)).toEqual(['per_page=2', 'per_page=2&page=2']);

  // Unknown bases (a force-pushed-away sha, a new branch's zero sha) are 404.
  const zero = '0'.repeat(40);
  expect((await failure(octokit.rest.repos.compareCommits({ ...repo(), base: zero, head }))).status).toBe(404);
  expect(
    (
      await failure(
        octokit.rest.repos.compareCommitsWithBasehead({ ...repo(), basehead: `${'1'.repeat(40)}...${head}` })
      )
    ).status
  ).toBe(404);

  // Shas work, and the file list is capped at 300 for the whole comparison.
  const many: Record<string, string> = {};
  for (let i = 0; i < 305; i++) many[`many/f${String(i).padStart(3, '0')}.txt`] = `file ${i}`;
  const big = fake.commitFiles('cmp-head', many);
  const { data: bigCmp } = await octokit.rest.repos.compareCommits({ ...repo(), base: head, head: big });
  expect(bigCmp.files).toHaveLength(300);
  expect(bigCmp.total_commits).toBe(1);
});

test('pulls and pulls/files with GitHub-style Link pagination', async () => {
  fake.commitFiles('feature', {
    'img/a.png': 'a',
    'img/b.png': 'b',
    'img/c.png': 'c',
    'img/d.png': 'd',
    'img/e.png': 'e'
  });
  fake.commitFiles('main', { 'unrelated.txt': 'moves main ahead' });
  fake.addPullRequest({ number: 7, headRef: 'feature', baseRef: 'main', fork: true, headRepoFullName: 'someone/pics' });

  const { data: pr } = await octokit.rest.pulls.get({ ...repo(), pull_number: 7 });
  expect(pr.head).toMatchObject({
    ref: 'feature',
    sha: fake.headSha('feature'),
    repo: { full_name: 'someone/pics', fork: true }
  });
  expect(pr.base).toMatchObject({ ref: 'main', sha: fake.headSha('main'), repo: { full_name: 'acme/pics' } });

  const first = await octokit.rest.pulls.listFiles({ ...repo(), pull_number: 7, per_page: 2 });
  expect(first.headers.link).toMatch(/<[^>]+page=2>; rel="next", <[^>]+page=3>; rel="last"/);
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo(), pull_number: 7, per_page: 2 });
  // Diff against the merge base: main's later commit does not show up.
  expect(files.map(f => `${f.status}:${f.filename}`)).toEqual([
    'added:img/a.png',
    'added:img/b.png',
    'added:img/c.png',
    'added:img/d.png',
    'added:img/e.png'
  ]);
  const fileRequests = fake.requests.filter(r => r.path.endsWith('/pulls/7/files'));
  expect(fileRequests.map(r => r.query)).toEqual([
    'per_page=2',
    'per_page=2',
    'per_page=2&page=2',
    'per_page=2&page=3'
  ]);
  expect((await failure(octokit.rest.pulls.get({ ...repo(), pull_number: 8 }))).status).toBe(404);
});

test('blob rate limit answers 403/429 with retry-after, then recovers', async () => {
  fake.rateLimitBlobs(1);
  const err = await failure(octokit.rest.git.createBlob({ ...repo(), content: 'x', encoding: 'utf-8' }));
  expect(err.status).toBe(403);
  expect(err.message).toContain('secondary rate limit');
  expect(err.response?.headers['retry-after']).toBe('1');

  fake.rateLimitBlobs(1, '429');
  const err2 = await failure(octokit.rest.git.createBlob({ ...repo(), content: 'x', encoding: 'utf-8' }));
  expect(err2.status).toBe(429);
  expect(err2.response?.headers['retry-after']).toBe('1');

  const { status } = await octokit.rest.git.createBlob({ ...repo(), content: 'x', encoding: 'utf-8' });
  expect(status).toBe(201);
  const blobPosts = fake.requests.filter(r => r.method === 'POST' && r.path.endsWith('/git/blobs')).slice(-3);
  expect(blobPosts.map(r => r.status)).toEqual([403, 429, 201]);
});

test('an explicit baseUrl works for a second fake, and close() ends keep-alive connections', async () => {
  const other = await startFakeGitHub({ owner: 'o', repo: 'r', defaultBranch: 'trunk', fork: true });
  const client = github.getOctokit(other.token, { baseUrl: other.url });
  const { data } = await client.rest.repos.get({ owner: 'o', repo: 'r' });
  expect(data).toMatchObject({ default_branch: 'trunk', fork: true });
  await other.close();
  await expect(client.rest.repos.get({ owner: 'o', repo: 'r' })).rejects.toThrow();
});

test('issue comments: listed a page at a time, created and updated with the payloads GitHub sends', async () => {
  fake.commitFiles('talk', { 'talk.txt': 'hi' });
  fake.addPullRequest({ number: 21, headRef: 'talk', baseRef: 'main' });
  for (let i = 1; i <= 5; i++) fake.addComment(21, `review ${i}`);

  const pages = await octokit.paginate(octokit.rest.issues.listComments, { ...repo(), issue_number: 21, per_page: 2 });
  expect(pages.map(c => c.body)).toEqual(['review 1', 'review 2', 'review 3', 'review 4', 'review 5']);
  expect(fake.requests.filter(r => r.path.endsWith('/issues/21/comments')).length).toBe(3);
  expect(pages[0]).toMatchObject({ user: { login: 'octocat', type: 'User' }, author_association: 'MEMBER' });

  const { status, data: created } = await octokit.rest.issues.createComment({
    ...repo(),
    issue_number: 21,
    body: '<!-- marker -->\nfirst'
  });
  expect(status).toBe(201);
  expect(created).toMatchObject({
    body: '<!-- marker -->\nfirst',
    user: { login: 'github-actions[bot]', type: 'Bot' },
    html_url: `https://github.com/acme/pics/pull/21#issuecomment-${created.id}`,
    issue_url: `${fake.url}/repos/acme/pics/issues/21`
  });

  const { data: updated } = await octokit.rest.issues.updateComment({
    ...repo(),
    comment_id: created.id,
    body: '<!-- marker -->\nsecond'
  });
  expect(updated).toMatchObject({ id: created.id, body: '<!-- marker -->\nsecond' });
  expect(fake.comments(21).map(c => c.body)).toEqual([
    'review 1',
    'review 2',
    'review 3',
    'review 4',
    'review 5',
    '<!-- marker -->\nsecond'
  ]);
});

test('issue comments: too long, empty, unknown, or without write access are refused as GitHub does', async () => {
  fake.commitFiles('talk2', { 'talk.txt': 'hi' });
  fake.addPullRequest({ number: 22, headRef: 'talk2', baseRef: 'main' });
  const tooLong = await failure(
    octokit.rest.issues.createComment({ ...repo(), issue_number: 22, body: 'é'.repeat(65_537) })
  );
  expect(tooLong.status).toBe(422);
  expect(JSON.stringify(tooLong.response?.data)).toContain('body is too long (maximum is 65536 characters)');
  // The limit counts characters, not bytes: 65,536 two-byte characters pass.
  await expect(
    octokit.rest.issues.createComment({ ...repo(), issue_number: 22, body: 'é'.repeat(65_536) })
  ).resolves.toMatchObject({ status: 201 });
  expect((await failure(octokit.rest.issues.createComment({ ...repo(), issue_number: 22, body: '' }))).status).toBe(
    422
  );
  expect((await failure(octokit.rest.issues.listComments({ ...repo(), issue_number: 99 }))).status).toBe(404);
  expect((await failure(octokit.rest.issues.updateComment({ ...repo(), comment_id: 5, body: 'x' }))).status).toBe(404);
  const readOnly = github.getOctokit(fake.readOnlyToken);
  const refused = await failure(readOnly.rest.issues.createComment({ ...repo(), issue_number: 22, body: 'x' }));
  expect(refused).toMatchObject({ status: 403 });
  expect(refused.message).toContain('Resource not accessible by integration');
  expect(fake.comments(22).length).toBe(1);
});
