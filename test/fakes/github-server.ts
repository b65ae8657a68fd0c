/**
 * A fake of the subset of GitHub's REST API that the action calls through
 * `@actions/github`'s Octokit: a real HTTP server on 127.0.0.1 holding an
 * in-memory git repository whose objects carry real git SHA-1s.
 *
 * Point Octokit at it either with `getOctokit(token, { baseUrl: fake.url })`
 * or by setting `GITHUB_API_URL = fake.url` BEFORE `@actions/github` is first
 * imported (it reads the variable once, at import time).
 *
 * This module must not import jest: it is also usable from scripts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// ---------------------------------------------------------------------------
// Public API

export interface FakeRequestRecord {
  method: string;
  /** URL path without the query string, as sent (percent-encoding kept). */
  path: string;
  /** Raw query string without the leading `?` ('' when none). */
  query: string;
  status: number;
}

export interface FakeCommitInfo {
  sha: string;
  message: string;
  parents: string[];
  tree: string;
  /** The `author` object exactly as sent to POST git/commits (undefined when absent or made by a helper). */
  author?: unknown;
  /** The `committer` object exactly as sent to POST git/commits (undefined when absent or made by a helper). */
  committer?: unknown;
  /** True for API commits created without author and committer (GitHub signs those for the workflow token). */
  verified: boolean;
}

export interface FakePullRequest {
  number: number;
  headRef: string;
  baseRef: string;
  /** Marks the head repository as a fork (head.repo.fork = true). */
  fork?: boolean;
  /** head.repo.full_name; defaults to `${owner}/${repo}`, or `fork-owner/${repo}` when fork is true. */
  headRepoFullName?: string;
}

/** A comment on an issue or pull request, as the fake holds it. */
export interface FakeComment {
  id: number;
  body: string;
  /** Login of its author: `github-actions[bot]` for the workflow token. */
  user: string;
  createdAt: string;
  updatedAt: string;
}

/** GitHub's limit on a comment's body, in characters. */
export const COMMENT_BODY_LIMIT = 65536;

export interface FakeGitHub {
  /** For GITHUB_API_URL / Octokit's baseUrl (no trailing slash). */
  url: string;
  /** Token with write access. Send as `authorization: token <t>` or `Bearer <t>`. */
  token: string;
  /** Token that may read but gets 403 "Resource not accessible by integration" on writes. */
  readOnlyToken: string;
  owner: string;
  repo: string;
  defaultBranch: string;

  /** Makes a commit on `branch` directly in memory (null deletes a path). A missing branch is created from the default branch. Returns the commit sha. */
  commitFiles(branch: string, files: Record<string, Buffer | string | null>, message?: string): string;
  /** File content at a branch name or commit sha; undefined when the ref or path is unknown. */
  readFile(ref: string, path: string): Buffer | undefined;
  /** All file paths (blobs, recursively, sorted) at a branch name or commit sha. */
  listFiles(ref: string): string[];
  /** Head commit sha of a branch; throws when the branch does not exist. */
  headSha(branch: string): string;
  /** A commit by sha; throws when unknown. */
  getCommit(sha: string): FakeCommitInfo;
  /** Branch names (without refs/heads/). */
  listBranches(): string[];
  /** Registers a pull request. Its head/base shas are read from the branches at request time. */
  addPullRequest(pr: FakePullRequest): void;

  /** The comments on an issue or pull request, oldest first (copies). */
  comments(issue: number): FakeComment[];
  /** Adds a comment by someone else (default login `octocat`) to an existing pull request; returns its id. */
  addComment(issue: number, body: string, login?: string): number;

  /** The next PATCH of that branch's ref first sees someone else's commit (with these files) land on it; calls queue up, one per PATCH. */
  moveBranchBeforeNextUpdate(branch: string, files: Record<string, Buffer | string>): void;
  /** The next n blob POSTs answer 403 secondary rate limit (default) or 429, both with `retry-after: 1`. */
  rateLimitBlobs(n: number, kind?: 'secondary-403' | '429'): void;

  /** Every request received, in order, with the status it got. */
  requests: FakeRequestRecord[];
  /** How many ref updates were sent with `force: true` (and passed auth). */
  forcedUpdates: number;
  close(): Promise<void>;
}

export interface StartFakeGitHubOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** The repository itself is a fork (GET repo → fork: true). */
  fork?: boolean;
  /** Listen on this port instead of a random one (0 = random). */
  port?: number;
  /** Max files listed by the compare endpoint (GitHub: 300). */
  compareFileLimit?: number;
}

// ---------------------------------------------------------------------------
// Git object model

interface Person {
  name: string;
  email: string;
  date: string;
}

interface TreeEntry {
  name: string;
  /** API spelling: 100644, 100755, 040000, 160000, 120000 */
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

interface BlobObject {
  type: 'blob';
  data: Buffer;
}
interface TreeObject {
  type: 'tree';
  entries: TreeEntry[];
}
interface CommitObject {
  type: 'commit';
  tree: string;
  parents: string[];
  message: string;
  author: Person;
  committer: Person;
  verified: boolean;
  givenAuthor: unknown;
  givenCommitter: unknown;
  /** Creation order; parents always have a smaller seq. */
  seq: number;
}
type GitObject = BlobObject | TreeObject | CommitObject;

interface FlatEntry {
  sha: string;
  mode: string;
  type: 'blob' | 'commit';
}

interface DiffFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  sha: string;
  previous_filename?: string;
  additions: number;
  deletions: number;
  changes: number;
  /** commit the blob is read from (for blob_url/raw_url) */
  atCommit: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {}
  ) {
    super(message);
  }
}

const DOCS = 'https://docs.github.com/rest';
const SHA_RE = /^[0-9a-f]{40}$/;
const VALID_MODES = new Set(['100644', '100755', '040000', '160000', '120000']);
const BOT: Person = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
  date: ''
};
const WEB_FLOW: Person = { name: 'GitHub', email: 'noreply@github.com', date: '' };
const HELPER_PERSON: Person = { name: 'Fake Tester', email: 'tester@example.com', date: '' };
const CLOCK_START = Date.UTC(2024, 0, 1);

function sha1(data: Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}

function gitHash(type: string, body: Buffer): string {
  return sha1(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]));
}

function rawMode(mode: string): string {
  return mode === '040000' ? '40000' : mode;
}

/** git's tree order: byte order of names, with trees compared as `name/`. */
function compareTreeEntries(a: TreeEntry, b: TreeEntry): number {
  const ka = Buffer.from(a.type === 'tree' ? `${a.name}/` : a.name);
  const kb = Buffer.from(b.type === 'tree' ? `${b.name}/` : b.name);
  return Buffer.compare(ka, kb);
}

function personLine(kind: string, p: Person): string {
  const seconds = Math.floor(Date.parse(p.date) / 1000);
  return `${kind} ${p.name} <${p.email}> ${Number.isFinite(seconds) ? seconds : 0} +0000`;
}

function isBinary(data: Buffer): boolean {
  return data.subarray(0, 8000).includes(0);
}

function splitLines(data: Buffer): string[] {
  if (data.length === 0) return [];
  const text = data.toString('utf8');
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/** Line counts by trimming the common prefix/suffix (no real LCS: good enough for a fake). */
function lineStats(before: Buffer | undefined, after: Buffer | undefined): { additions: number; deletions: number } {
  if ((before && isBinary(before)) || (after && isBinary(after))) return { additions: 0, deletions: 0 };
  const a = before ? splitLines(before) : [];
  const b = after ? splitLines(after) : [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { additions: endB - start, deletions: endA - start };
}

function wrapBase64(data: Buffer): string {
  const b64 = data.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 60) lines.push(b64.slice(i, i + 60));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Mutable directory used while building trees.
interface MutDir {
  kind: 'dir';
  children: Map<string, MutDir | MutLeaf>;
}
interface MutLeaf {
  kind: 'leaf';
  mode: string;
  type: 'blob' | 'commit';
  sha: string;
}

// ---------------------------------------------------------------------------
// The in-memory repository

class Repo {
  readonly objects = new Map<string, GitObject>();
  readonly refs = new Map<string, string>(); // full ref name → commit sha
  private seq = 0;

  putBlob(data: Buffer): string {
    const sha = gitHash('blob', data);
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'blob', data: Buffer.from(data) });
    return sha;
  }

  putTree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort(compareTreeEntries);
    const body = Buffer.concat(
      sorted.map(e => Buffer.concat([Buffer.from(`${rawMode(e.mode)} ${e.name}\0`), Buffer.from(e.sha, 'hex')]))
    );
    const sha = gitHash('tree', body);
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'tree', entries: sorted });
    return sha;
  }

  nextDate(): string {
    this.seq++;
    return new Date(CLOCK_START + this.seq * 60_000).toISOString().replace('.000Z', 'Z');
  }

  putCommit(c: Omit<CommitObject, 'type' | 'seq'>): string {
    const lines = [`tree ${c.tree}`, ...c.parents.map(p => `parent ${p}`)];
    lines.push(personLine('author', c.author), personLine('committer', c.committer), '', c.message);
    const sha = gitHash('commit', Buffer.from(lines.join('\n')));
    if (!this.objects.has(sha)) this.objects.set(sha, { type: 'commit', ...c, seq: ++this.seq });
    return sha;
  }

  blob(sha: string): BlobObject | undefined {
    const o = this.objects.get(sha);
    return o?.type === 'blob' ? o : undefined;
  }
  tree(sha: string): TreeObject | undefined {
    const o = this.objects.get(sha);
    return o?.type === 'tree' ? o : undefined;
  }
  commit(sha: string): CommitObject | undefined {
    const o = this.objects.get(sha);
    return o?.type === 'commit' ? o : undefined;
  }

  /** A commit sha from: full/abbreviated sha, branch name, heads/x, refs/heads/x. */
  resolveCommit(refish: string): string | undefined {
    const lower = refish.toLowerCase();
    if (SHA_RE.test(lower)) return this.commit(lower) ? lower : undefined;
    for (const name of [refish, `refs/heads/${refish}`, `refs/${refish}`, `refs/tags/${refish}`]) {
      const sha = this.refs.get(name);
      if (sha) return sha;
    }
    if (/^[0-9a-f]{7,39}$/.test(lower)) {
      const matches = [...this.objects.entries()].filter(([s, o]) => o.type === 'commit' && s.startsWith(lower));
      if (matches.length === 1) return matches[0]?.[0];
    }
    return undefined;
  }

  flatten(treeSha: string, prefix = '', out = new Map<string, FlatEntry>()): Map<string, FlatEntry> {
    const tree = this.tree(treeSha);
    if (!tree) return out;
    for (const e of tree.entries) {
      const path = prefix + e.name;
      if (e.type === 'tree') this.flatten(e.sha, `${path}/`, out);
      else out.set(path, { sha: e.sha, mode: e.mode, type: e.type });
    }
    return out;
  }

  loadDir(treeSha: string | undefined): MutDir {
    const dir: MutDir = { kind: 'dir', children: new Map() };
    if (!treeSha) return dir;
    const tree = this.tree(treeSha);
    if (!tree) return dir;
    for (const e of tree.entries) {
      if (e.type === 'tree') dir.children.set(e.name, this.loadDir(e.sha));
      else dir.children.set(e.name, { kind: 'leaf', mode: e.mode, type: e.type, sha: e.sha });
    }
    return dir;
  }

  /** Writes a mutable dir; empty sub-directories disappear (git cannot store them). */
  writeDir(dir: MutDir): string {
    const entries: TreeEntry[] = [];
    for (const [name, child] of dir.children) {
      if (child.kind === 'leaf') {
        entries.push({ name, mode: child.mode, type: child.type, sha: child.sha });
      } else {
        if (child.children.size === 0) continue;
        const sha = this.writeDir(child);
        const t = this.tree(sha);
        if (t && t.entries.length === 0) continue;
        entries.push({ name, mode: '040000', type: 'tree', sha });
      }
    }
    return this.putTree(entries);
  }

  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop() as string;
      if (seen.has(s)) continue;
      seen.add(s);
      const c = this.commit(s);
      if (c) stack.push(...c.parents);
    }
    return seen;
  }

  isAncestor(ancestor: string, of: string): boolean {
    return this.ancestors(of).has(ancestor);
  }

  mergeBase(a: string, b: string): string | undefined {
    const ofA = this.ancestors(a);
    const common = [...this.ancestors(b)].filter(s => ofA.has(s));
    // The newest common ancestor (highest creation order) is the best one here.
    let best: string | undefined;
    let bestSeq = -1;
    for (const s of common) {
      const seq = this.commit(s)?.seq ?? -1;
      if (seq > bestSeq) {
        best = s;
        bestSeq = seq;
      }
    }
    return best;
  }

  diff(fromCommit: string, toCommit: string): DiffFile[] {
    const from = this.flatten(this.commit(fromCommit)?.tree ?? '');
    const to = this.flatten(this.commit(toCommit)?.tree ?? '');
    const files: DiffFile[] = [];
    const removed: string[] = [];
    const added: string[] = [];
    for (const [path, a] of from) {
      const b = to.get(path);
      if (!b) removed.push(path);
      else if (a.sha !== b.sha || a.mode !== b.mode) {
        const stats = lineStats(this.blob(a.sha)?.data, this.blob(b.sha)?.data);
        files.push({
          filename: path,
          status: a.sha === b.sha ? 'changed' : 'modified',
          sha: b.sha,
          ...stats,
          changes: stats.additions + stats.deletions,
          atCommit: toCommit
        });
      }
    }
    for (const path of to.keys()) if (!from.has(path)) added.push(path);
    // Exact renames (same blob removed at one path, added at another), like GitHub shows them.
    const addedBySha = new Map<string, string[]>();
    for (const path of added.sort()) {
      const sha = to.get(path)?.sha ?? '';
      addedBySha.set(sha, [...(addedBySha.get(sha) ?? []), path]);
    }
    const renamedTo = new Set<string>();
    for (const path of removed.sort()) {
      const old = from.get(path) as FlatEntry;
      const candidates = addedBySha.get(old.sha);
      const target = candidates?.shift();
      if (target !== undefined && old.type === 'blob') {
        renamedTo.add(target);
        files.push({
          filename: target,
          previous_filename: path,
          status: 'renamed',
          sha: old.sha,
          additions: 0,
          deletions: 0,
          changes: 0,
          atCommit: toCommit
        });
      } else {
        const stats = lineStats(this.blob(old.sha)?.data, undefined);
        files.push({
          filename: path,
          status: 'removed',
          sha: old.sha,
          ...stats,
          changes: stats.additions + stats.deletions,
          atCommit: fromCommit
        });
      }
    }
    for (const path of added) {
      if (renamedTo.has(path)) continue;
      const entry = to.get(path) as FlatEntry;
      const stats = lineStats(undefined, this.blob(entry.sha)?.data);
      files.push({
        filename: path,
        status: 'added',
        sha: entry.sha,
        ...stats,
        changes: stats.additions + stats.deletions,
        atCommit: toCommit
      });
    }
    return files.sort((x, y) => Buffer.compare(Buffer.from(x.filename), Buffer.from(y.filename)));
  }
}

// ---------------------------------------------------------------------------
// Server

export async function startFakeGitHub(options: StartFakeGitHubOptions = {}): Promise<FakeGitHub> {
  const owner = options.owner ?? 'octo-org';
  const repoName = options.repo ?? 'octo-repo';
  const defaultBranch = options.defaultBranch ?? 'main';
  const compareFileLimit = options.compareFileLimit ?? 300;
  const fullName = `${owner}/${repoName}`;
  const token = `ghs_fakeWrite${randomBytes(12).toString('hex')}`;
  const readOnlyToken = `ghs_fakeRead${randomBytes(12).toString('hex')}`;

  const repo = new Repo();
  const pulls = new Map<number, FakePullRequest>();
  const comments: FakeComment[] = [];
  // Comment ids are global across issues, as on GitHub, and large.
  let nextCommentId = 1_000_000_001;
  // Per branch, the commits that land just before each of the next ref updates, in order.
  const pendingMoves = new Map<string, Record<string, Buffer | string>[]>();
  const rateLimit = { remaining: 0, kind: 'secondary-403' as 'secondary-403' | '429' };
  const requests: FakeRequestRecord[] = [];
  let requestCounter = 0;
  let baseUrl = '';

  // ---- in-memory helpers ------------------------------------------------

  function commitFiles(branch: string, files: Record<string, Buffer | string | null>, message?: string): string {
    const ref = `refs/heads/${branch}`;
    const parent = repo.refs.get(ref) ?? repo.refs.get(`refs/heads/${defaultBranch}`);
    const root = repo.loadDir(parent ? repo.commit(parent)?.tree : undefined);
    for (const [path, content] of Object.entries(files)) {
      const leaf: MutLeaf | null =
        content === null
          ? null
          : {
              kind: 'leaf',
              mode: '100644',
              type: 'blob',
              sha: repo.putBlob(typeof content === 'string' ? Buffer.from(content) : content)
            };
      applyPath(root, path, leaf);
    }
    const tree = repo.writeDir(root);
    const date = repo.nextDate();
    const sha = repo.putCommit({
      tree,
      parents: parent ? [parent] : [],
      message: message ?? `Update ${Object.keys(files).join(', ')}`,
      author: { ...HELPER_PERSON, date },
      committer: { ...HELPER_PERSON, date },
      verified: false,
      givenAuthor: undefined,
      givenCommitter: undefined
    });
    repo.refs.set(ref, sha);
    return sha;
  }

  function applyPath(root: MutDir, path: string, leaf: MutDir | MutLeaf | null): void {
    const parts = path.split('/');
    if (parts.some(p => p === '' || p === '.' || p === '..')) {
      throw new HttpError(422, `tree.path contains a malformed path component: ${JSON.stringify(path)}`);
    }
    const name = parts.pop() as string;
    let dir = root;
    for (const part of parts) {
      const next = dir.children.get(part);
      if (next?.kind === 'dir') dir = next;
      else {
        if (leaf === null) return; // deleting below a missing directory: nothing to do
        const created: MutDir = { kind: 'dir', children: new Map() };
        dir.children.set(part, created);
        dir = created;
      }
    }
    if (leaf === null) dir.children.delete(name);
    else dir.children.set(name, leaf);
  }

  function requireCommit(refish: string): string {
    const sha = repo.resolveCommit(refish);
    if (!sha) throw new Error(`fake GitHub: unknown ref or commit ${refish}`);
    return sha;
  }

  function treeOfRef(refish: string): string | undefined {
    const sha = repo.resolveCommit(refish);
    return sha ? repo.commit(sha)?.tree : undefined;
  }

  // Initial commit so the repository is never empty.
  {
    const date = repo.nextDate();
    const tree = repo.putTree([
      { name: 'README.md', mode: '100644', type: 'blob', sha: repo.putBlob(Buffer.from(`# ${repoName}\n`)) }
    ]);
    const sha = repo.putCommit({
      tree,
      parents: [],
      message: 'Initial commit',
      author: { ...HELPER_PERSON, date },
      committer: { ...HELPER_PERSON, date },
      verified: false,
      givenAuthor: undefined,
      givenCommitter: undefined
    });
    repo.refs.set(`refs/heads/${defaultBranch}`, sha);
  }

  // ---- JSON shapes ----------------------------------------------------------

  const apiRepo = () => `${baseUrl}/repos/${owner}/${repoName}`;
  const htmlRepo = `https://github.com/${owner}/${repoName}`;

  function personJson(p: Person) {
    return { name: p.name, email: p.email, date: p.date };
  }

  function verificationJson(c: CommitObject) {
    return c.verified
      ? {
          verified: true,
          reason: 'valid',
          signature: '-----BEGIN PGP SIGNATURE-----\n\nfake\n-----END PGP SIGNATURE-----\n',
          payload: 'fake',
          verified_at: c.committer.date
        }
      : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };
  }

  function gitCommitJson(sha: string, c: CommitObject) {
    return {
      sha,
      node_id: `C_${sha.slice(0, 16)}`,
      url: `${apiRepo()}/git/commits/${sha}`,
      html_url: `${htmlRepo}/commit/${sha}`,
      author: personJson(c.author),
      committer: personJson(c.committer),
      tree: { sha: c.tree, url: `${apiRepo()}/git/trees/${c.tree}` },
      message: c.message,
      parents: c.parents.map(p => ({
        sha: p,
        url: `${apiRepo()}/git/commits/${p}`,
        html_url: `${htmlRepo}/commit/${p}`
      })),
      verification: verificationJson(c)
    };
  }

  /** The "commit" shape used by compare (repos/commits style). */
  function repoCommitJson(sha: string) {
    const c = repo.commit(sha) as CommitObject;
    return {
      sha,
      node_id: `C_${sha.slice(0, 16)}`,
      url: `${apiRepo()}/commits/${sha}`,
      html_url: `${htmlRepo}/commit/${sha}`,
      comments_url: `${apiRepo()}/commits/${sha}/comments`,
      commit: {
        url: `${apiRepo()}/git/commits/${sha}`,
        author: personJson(c.author),
        committer: personJson(c.committer),
        message: c.message,
        tree: { sha: c.tree, url: `${apiRepo()}/git/trees/${c.tree}` },
        comment_count: 0,
        verification: verificationJson(c)
      },
      author: null,
      committer: null,
      parents: c.parents.map(p => ({ sha: p, url: `${apiRepo()}/commits/${p}`, html_url: `${htmlRepo}/commit/${p}` }))
    };
  }

  function refJson(ref: string, sha: string) {
    return {
      ref,
      node_id: `REF_${Buffer.from(ref).toString('base64')}`,
      url: `${apiRepo()}/git/${ref}`,
      object: { sha, type: 'commit', url: `${apiRepo()}/git/commits/${sha}` }
    };
  }

  function treeEntryJson(e: TreeEntry, path: string) {
    const base = { path, mode: e.mode, type: e.type, sha: e.sha };
    if (e.type === 'blob') {
      return { ...base, size: repo.blob(e.sha)?.data.length ?? 0, url: `${apiRepo()}/git/blobs/${e.sha}` };
    }
    if (e.type === 'tree') return { ...base, url: `${apiRepo()}/git/trees/${e.sha}` };
    return base;
  }

  function treeJson(sha: string, recursive: boolean) {
    const out: unknown[] = [];
    const walk = (treeSha: string, prefix: string) => {
      for (const e of repo.tree(treeSha)?.entries ?? []) {
        out.push(treeEntryJson(e, prefix + e.name));
        if (recursive && e.type === 'tree') walk(e.sha, `${prefix}${e.name}/`);
      }
    };
    walk(sha, '');
    return { sha, url: `${apiRepo()}/git/trees/${sha}`, tree: out, truncated: false };
  }

  function fileJson(f: DiffFile) {
    const enc = f.filename.split('/').map(encodeURIComponent).join('/');
    return {
      sha: f.sha,
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.changes,
      blob_url: `${htmlRepo}/blob/${f.atCommit}/${enc}`,
      raw_url: `${htmlRepo}/raw/${f.atCommit}/${enc}`,
      contents_url: `${apiRepo()}/contents/${enc}?ref=${f.atCommit}`,
      ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {})
    };
  }

  function repoJson(push: boolean) {
    return {
      id: 1296269,
      node_id: 'R_fake',
      name: repoName,
      full_name: fullName,
      owner: { login: owner, id: 1, type: 'Organization' },
      private: false,
      visibility: 'public',
      fork: options.fork ?? false,
      html_url: htmlRepo,
      url: apiRepo(),
      default_branch: defaultBranch,
      permissions: { admin: false, maintain: false, push, triage: push, pull: true }
    };
  }

  function pullJson(pr: FakePullRequest) {
    const headSha = repo.refs.get(`refs/heads/${pr.headRef}`);
    const baseSha = repo.refs.get(`refs/heads/${pr.baseRef}`);
    const headFull = pr.headRepoFullName ?? (pr.fork ? `fork-owner/${repoName}` : fullName);
    const headOwner = headFull.split('/')[0] ?? owner;
    return {
      url: `${apiRepo()}/pulls/${pr.number}`,
      html_url: `${htmlRepo}/pull/${pr.number}`,
      number: pr.number,
      state: 'open',
      locked: false,
      title: `Pull request #${pr.number}`,
      user: { login: headOwner },
      draft: false,
      merged: false,
      head: {
        label: `${headOwner}:${pr.headRef}`,
        ref: pr.headRef,
        sha: headSha ?? null,
        user: { login: headOwner },
        repo: {
          name: headFull.split('/')[1] ?? repoName,
          full_name: headFull,
          fork: pr.fork ?? headFull !== fullName,
          owner: { login: headOwner }
        }
      },
      base: {
        label: `${owner}:${pr.baseRef}`,
        ref: pr.baseRef,
        sha: baseSha ?? null,
        user: { login: owner },
        repo: { name: repoName, full_name: fullName, fork: options.fork ?? false, owner: { login: owner } }
      }
    };
  }

  function commentJson(c: FakeComment, issue: number) {
    const bot = c.user === BOT.name;
    return {
      url: `${apiRepo()}/issues/comments/${c.id}`,
      html_url: `${htmlRepo}/pull/${issue}#issuecomment-${c.id}`,
      issue_url: `${apiRepo()}/issues/${issue}`,
      id: c.id,
      node_id: `IC_fake${c.id.toString(36)}`,
      user: bot
        ? { login: BOT.name, id: 41898282, type: 'Bot', site_admin: false }
        : { login: c.user, id: 583231, type: 'User', site_admin: false },
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: bot ? 'NONE' : 'MEMBER',
      body: c.body,
      reactions: {
        url: `${apiRepo()}/issues/comments/${c.id}/reactions`,
        total_count: 0,
        '+1': 0,
        '-1': 0,
        laugh: 0,
        hooray: 0,
        confused: 0,
        heart: 0,
        rocket: 0,
        eyes: 0
      },
      performed_via_github_app: null
    };
  }

  /** The body of a create or update, checked as GitHub does (present, a string, at most 65,536 characters). */
  function commentBody(body: Record<string, unknown>): string {
    const text = body.body;
    if (typeof text !== 'string' || text === '') {
      throw new HttpError(
        422,
        'Validation Failed',
        {},
        {
          errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]
        }
      );
    }
    if ([...text].length > COMMENT_BODY_LIMIT) {
      throw new HttpError(
        422,
        'Validation Failed',
        {},
        {
          errors: [
            {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: `body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`
            }
          ]
        }
      );
    }
    return text;
  }

  // Which issue each comment is on.
  const commentIssue = new Map<number, number>();

  function addComment(issue: number, body: string, user: string): FakeComment {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const comment = { id: nextCommentId++, body, user, createdAt: now, updatedAt: now };
    comments.push(comment);
    commentIssue.set(comment.id, issue);
    return comment;
  }

  // ---- pagination -----------------------------------------------------------

  function pageParams(q: URLSearchParams, defaultPer: number, maxPer: number) {
    const rawPer = Number.parseInt(q.get('per_page') ?? '', 10);
    const rawPage = Number.parseInt(q.get('page') ?? '', 10);
    const perPage = Number.isFinite(rawPer) && rawPer > 0 ? Math.min(rawPer, maxPer) : defaultPer;
    const page = Number.isFinite(rawPage) && rawPage > 0 ? rawPage : 1;
    return { perPage, page };
  }

  /** GitHub-style Link header (prev/next/last/first), or undefined for a single page. */
  function linkHeader(
    path: string,
    q: URLSearchParams,
    page: number,
    perPage: number,
    total: number
  ): string | undefined {
    const last = Math.max(1, Math.ceil(total / perPage));
    if (last <= 1 && page <= 1) return undefined;
    const at = (p: number) => {
      const qq = new URLSearchParams(q);
      qq.set('per_page', String(perPage));
      qq.set('page', String(p));
      return `<${baseUrl}${path}?${qq.toString()}>`;
    };
    const parts: string[] = [];
    if (page > 1) parts.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
    if (page < last) parts.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
    if (page > 1) parts.push(`${at(1)}; rel="first"`);
    return parts.join(', ');
  }

  // ---- request handling -------------------------------------------------------

  interface Reply {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
  }

  function notFound(): never {
    throw new HttpError(404, 'Not Found');
  }

  function validation(message: string): never {
    throw new HttpError(422, message);
  }

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'Problems parsing JSON');
    }
    if (!isRecord(parsed)) throw new HttpError(400, 'Body should be a JSON object');
    return parsed;
  }

  function parsePerson(v: unknown, field: string): Person | undefined {
    if (v === undefined || v === null) return undefined;
    if (!isRecord(v) || typeof v.name !== 'string' || typeof v.email !== 'string') {
      validation(`Invalid request.\n\n"name" and "email" are required in "${field}".`);
    }
    return { name: v.name, email: v.email, date: typeof v.date === 'string' ? v.date : '' };
  }

  async function route(req: IncomingMessage, rawPath: string, q: URLSearchParams): Promise<Reply> {
    const method = (req.method ?? 'GET').toUpperCase();

    // --- auth
    const authz = req.headers.authorization ?? '';
    const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(authz);
    const presented = m?.[1];
    if (presented !== token && presented !== readOnlyToken) {
      throw new HttpError(401, 'Bad credentials');
    }
    const canWrite = presented === token;
    const isWrite = method !== 'GET' && method !== 'HEAD';

    const segs = rawPath
      .split('/')
      .slice(1)
      .map(s => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      });
    if (segs[0] !== 'repos' || segs.length < 3) notFound();
    if (segs[1]?.toLowerCase() !== owner.toLowerCase() || segs[2]?.toLowerCase() !== repoName.toLowerCase()) notFound();
    const rest = segs.slice(3);
    const r0 = rest[0];
    const r1 = rest[1];

    if (isWrite && !canWrite) throw new HttpError(403, 'Resource not accessible by integration');

    // GET /repos/{o}/{r}
    if (rest.length === 0 && method === 'GET') return { status: 200, body: repoJson(canWrite) };

    if (r0 === 'git') {
      // ---- refs
      if (r1 === 'ref' && method === 'GET') {
        const ref = `refs/${rest.slice(2).join('/')}`;
        const sha = repo.refs.get(ref);
        if (!sha) notFound();
        return { status: 200, body: refJson(ref, sha) };
      }
      if (r1 === 'matching-refs' && method === 'GET') {
        const prefix = `refs/${rest.slice(2).join('/')}`;
        const list = [...repo.refs.entries()]
          .filter(([name]) => name.startsWith(prefix))
          .sort(([a], [b]) => (a < b ? -1 : 1));
        return { status: 200, body: list.map(([name, sha]) => refJson(name, sha)) };
      }
      if (r1 === 'refs' && rest.length === 2 && method === 'POST') {
        const body = await readJson(req);
        const ref = body.ref;
        const sha = body.sha;
        if (typeof ref !== 'string' || !/^refs\/[^/]+\/.+/.test(ref) || ref.endsWith('/') || ref.includes('..')) {
          validation('Reference name is invalid');
        }
        if (typeof sha !== 'string' || !repo.commit(sha)) validation('Object does not exist');
        if (repo.refs.has(ref)) validation('Reference already exists');
        repo.refs.set(ref, sha);
        return { status: 201, body: refJson(ref, sha), headers: { location: `${apiRepo()}/git/${ref}` } };
      }
      if (r1 === 'refs' && rest.length > 2) {
        const ref = `refs/${rest.slice(2).join('/')}`;
        if (method === 'GET') {
          // Legacy endpoint: exact ref → object, otherwise the refs under it → array.
          const exact = repo.refs.get(ref);
          if (exact) return { status: 200, body: refJson(ref, exact) };
          const list = [...repo.refs.entries()].filter(([name]) => name.startsWith(`${ref}/`));
          if (list.length === 0) notFound();
          return { status: 200, body: list.map(([name, sha]) => refJson(name, sha)) };
        }
        if (method === 'PATCH') {
          const body = await readJson(req);
          const force = body.force === true;
          if (force) fake.forcedUpdates++;
          if (ref.startsWith('refs/heads/')) {
            const branch = ref.slice('refs/heads/'.length);
            const move = pendingMoves.get(branch)?.shift();
            if (move && repo.refs.has(ref)) commitFiles(branch, move, 'Concurrent change');
          }
          const current = repo.refs.get(ref);
          if (!current) validation('Reference does not exist');
          const sha = body.sha;
          if (typeof sha !== 'string' || !repo.commit(sha)) validation('Object does not exist');
          if (!force && current !== sha && !repo.isAncestor(current, sha)) validation('Update is not a fast forward');
          repo.refs.set(ref, sha);
          return { status: 200, body: refJson(ref, sha) };
        }
        if (method === 'DELETE') {
          if (!repo.refs.has(ref)) validation('Reference does not exist');
          repo.refs.delete(ref);
          return { status: 204 };
        }
      }

      // ---- blobs
      if (r1 === 'blobs' && rest.length === 2 && method === 'POST') {
        if (rateLimit.remaining > 0) {
          rateLimit.remaining--;
          const message =
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
            'If you reach out to GitHub Support for help, please include the request ID FAKE:0000.';
          throw new HttpError(
            rateLimit.kind === '429' ? 429 : 403,
            message,
            { 'retry-after': '1' },
            {
              documentation_url:
                'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
            }
          );
        }
        const body = await readJson(req);
        if (typeof body.content !== 'string') validation('Invalid request.\n\n"content" wasn\'t supplied.');
        const encoding = body.encoding ?? 'utf-8';
        let data: Buffer;
        if (encoding === 'base64') data = Buffer.from(body.content, 'base64');
        else if (encoding === 'utf-8' || encoding === 'utf8') data = Buffer.from(body.content, 'utf8');
        else
          validation(
            `Invalid request.\n\nencoding ${JSON.stringify(encoding)} is not a member of ["utf-8", "base64"].`
          );
        const sha = repo.putBlob(data);
        const url = `${apiRepo()}/git/blobs/${sha}`;
        return { status: 201, body: { sha, url }, headers: { location: url } };
      }
      if (r1 === 'blobs' && rest.length === 3 && method === 'GET') {
        const sha = (rest[2] ?? '').toLowerCase();
        const blob = repo.blob(sha);
        if (!blob) notFound();
        return {
          status: 200,
          body: {
            sha,
            node_id: `B_${sha.slice(0, 16)}`,
            size: blob.data.length,
            url: `${apiRepo()}/git/blobs/${sha}`,
            content: wrapBase64(blob.data),
            encoding: 'base64'
          }
        };
      }

      // ---- trees
      if (r1 === 'trees' && rest.length === 2 && method === 'POST') {
        const body = await readJson(req);
        if (!Array.isArray(body.tree)) validation('Invalid request.\n\n"tree" wasn\'t supplied.');
        let root: MutDir;
        if (body.base_tree !== undefined && body.base_tree !== null) {
          if (typeof body.base_tree !== 'string' || !repo.tree(body.base_tree)) {
            validation('Invalid tree info: base_tree is not a valid tree');
          }
          root = repo.loadDir(body.base_tree);
        } else {
          root = { kind: 'dir', children: new Map() };
        }
        for (const item of body.tree as unknown[]) {
          if (!isRecord(item) || typeof item.path !== 'string') validation('Invalid tree info: "path" is required');
          const { path, mode, type } = item as { path: string; mode?: unknown; type?: unknown };
          if (typeof mode !== 'string' || !VALID_MODES.has(mode)) {
            validation(
              `Invalid tree info: mode ${String(mode)} for ${path} is not one of 100644, 100755, 040000, 160000, 120000`
            );
          }
          const expectedType = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
          if (type !== undefined && type !== expectedType)
            validation(`Invalid tree info: type ${JSON.stringify(type)} does not match mode ${mode} for ${path}`);
          const hasSha = 'sha' in item;
          const hasContent = 'content' in item && item.content !== undefined;
          if (hasSha && hasContent)
            validation(`Invalid tree info: only one of "sha" or "content" may be given for ${path}`);
          if (hasSha && item.sha === null) {
            applyPath(root, path, null);
            continue;
          }
          let leafSha: string;
          if (hasContent) {
            if (typeof item.content !== 'string' || expectedType !== 'blob')
              validation(`Invalid tree info: bad content for ${path}`);
            leafSha = repo.putBlob(Buffer.from(item.content, 'utf8'));
          } else if (typeof item.sha === 'string') {
            leafSha = item.sha.toLowerCase();
          } else {
            validation(`Invalid tree info: either "sha" or "content" is required for ${path}`);
          }
          if (expectedType === 'tree') {
            if (!repo.tree(leafSha)) validation(`tree.sha ${leafSha} is not a valid tree`);
            applyPath(root, path, repo.loadDir(leafSha));
          } else {
            if (expectedType === 'blob' && !repo.blob(leafSha)) validation(`tree.sha ${leafSha} is not a valid blob`);
            applyPath(root, path, { kind: 'leaf', mode, type: expectedType, sha: leafSha });
          }
        }
        const sha = repo.writeDir(root);
        return { status: 201, body: treeJson(sha, false), headers: { location: `${apiRepo()}/git/trees/${sha}` } };
      }
      if (r1 === 'trees' && rest.length >= 3 && method === 'GET') {
        const what = rest.slice(2).join('/');
        const sha = repo.tree(what.toLowerCase()) ? what.toLowerCase() : treeOfRef(what);
        if (!sha) notFound();
        return { status: 200, body: treeJson(sha, q.has('recursive')) };
      }

      // ---- commits
      if (r1 === 'commits' && rest.length === 2 && method === 'POST') {
        const body = await readJson(req);
        if (typeof body.message !== 'string') validation('Invalid request.\n\n"message" wasn\'t supplied.');
        if (typeof body.tree !== 'string') validation('Invalid request.\n\n"tree" wasn\'t supplied.');
        if (!repo.tree(body.tree)) validation('Tree SHA does not exist');
        const parents = body.parents ?? [];
        if (!Array.isArray(parents) || parents.some(p => typeof p !== 'string' || !repo.commit(p))) {
          validation('Parent SHA does not exist or is not a commit object');
        }
        const givenAuthor = parsePerson(body.author, 'author');
        const givenCommitter = parsePerson(body.committer, 'committer');
        const date = repo.nextDate();
        const author: Person = givenAuthor ? { ...givenAuthor, date: givenAuthor.date || date } : { ...BOT, date };
        const committer: Person = givenCommitter
          ? { ...givenCommitter, date: givenCommitter.date || date }
          : givenAuthor
            ? { ...author }
            : { ...WEB_FLOW, date };
        const verified = !givenAuthor && !givenCommitter;
        const c = {
          tree: body.tree,
          parents: parents as string[],
          message: body.message,
          author,
          committer,
          verified,
          givenAuthor: body.author,
          givenCommitter: body.committer
        };
        const sha = repo.putCommit(c);
        const stored = repo.commit(sha) as CommitObject;
        return {
          status: 201,
          body: gitCommitJson(sha, stored),
          headers: { location: `${apiRepo()}/git/commits/${sha}` }
        };
      }
      if (r1 === 'commits' && rest.length === 3 && method === 'GET') {
        const sha = (rest[2] ?? '').toLowerCase();
        const c = repo.commit(sha);
        if (!c) notFound();
        return { status: 200, body: gitCommitJson(sha, c) };
      }
      notFound();
    }

    // ---- compare
    if (r0 === 'compare' && method === 'GET') {
      const basehead = rest.slice(1).join('/');
      const idx = basehead.indexOf('...');
      if (idx < 0) notFound();
      const baseName = basehead.slice(0, idx);
      const headName = basehead.slice(idx + 3);
      const base = repo.resolveCommit(baseName);
      const head = repo.resolveCommit(headName);
      if (!base || !head) notFound();
      const mb = repo.mergeBase(base, head);
      if (!mb) throw new HttpError(404, `No common ancestor between ${baseName} and ${headName}.`);
      const ofBase = repo.ancestors(base);
      const ofHead = repo.ancestors(head);
      const ahead = [...ofHead].filter(s => !ofBase.has(s));
      const behind = [...ofBase].filter(s => !ofHead.has(s));
      ahead.sort((a, b) => (repo.commit(a)?.seq ?? 0) - (repo.commit(b)?.seq ?? 0));
      const paging = q.has('page') || q.has('per_page');
      const { perPage, page } = pageParams(q, 250, 250);
      // Without paging parameters GitHub lists the newest 250 commits; with them, chronological pages.
      const commits = paging ? ahead.slice((page - 1) * perPage, page * perPage) : ahead.slice(-250);
      // Files: only on the first page, capped (GitHub: 300) for the entire comparison.
      const files = !paging || page === 1 ? repo.diff(mb, head).slice(0, compareFileLimit) : [];
      const status =
        ahead.length === 0 && behind.length === 0
          ? 'identical'
          : behind.length === 0
            ? 'ahead'
            : ahead.length === 0
              ? 'behind'
              : 'diverged';
      const path = `/repos/${owner}/${repoName}/compare/${encodeURIComponent(baseName)}...${encodeURIComponent(headName)}`;
      const link = paging ? linkHeader(path, q, page, perPage, ahead.length) : undefined;
      return {
        status: 200,
        headers: link ? { link } : {},
        body: {
          url: `${baseUrl}${path}`,
          html_url: `${htmlRepo}/compare/${baseName}...${headName}`,
          permalink_url: `${htmlRepo}/compare/${owner}:${base.slice(0, 7)}...${owner}:${head.slice(0, 7)}`,
          diff_url: `${htmlRepo}/compare/${baseName}...${headName}.diff`,
          patch_url: `${htmlRepo}/compare/${baseName}...${headName}.patch`,
          base_commit: repoCommitJson(base),
          merge_base_commit: repoCommitJson(mb),
          status,
          ahead_by: ahead.length,
          behind_by: behind.length,
          total_commits: ahead.length,
          commits: commits.map(repoCommitJson),
          files: files.map(fileJson)
        }
      };
    }

    // ---- issue comments (a pull request is an issue)
    if (r0 === 'issues' && r1 === 'comments' && rest.length === 3 && method === 'PATCH') {
      const id = Number(rest[2]);
      const comment = comments.find(c => c.id === id);
      const issue = commentIssue.get(id);
      if (!comment || issue === undefined) notFound();
      comment.body = commentBody(await readJson(req));
      comment.updatedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      return { status: 200, body: commentJson(comment, issue) };
    }
    if (r0 === 'issues' && r1 !== undefined && rest.length === 3 && rest[2] === 'comments') {
      const issue = /^\d+$/.test(r1) ? Number(r1) : NaN;
      if (!pulls.has(issue)) notFound();
      if (method === 'GET') {
        const all = comments.filter(c => commentIssue.get(c.id) === issue);
        const { perPage, page } = pageParams(q, 30, 100);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const link = linkHeader(`/repos/${owner}/${repoName}/issues/${issue}/comments`, q, page, perPage, all.length);
        return { status: 200, body: slice.map(c => commentJson(c, issue)), headers: link ? { link } : {} };
      }
      if (method === 'POST') {
        const comment = addComment(issue, commentBody(await readJson(req)), BOT.name);
        return {
          status: 201,
          body: commentJson(comment, issue),
          headers: { location: `${apiRepo()}/issues/comments/${comment.id}` }
        };
      }
    }

    // ---- pulls
    if (r0 === 'pulls' && r1 !== undefined && method === 'GET') {
      const pr = /^\d+$/.test(r1) ? pulls.get(Number(r1)) : undefined;
      if (!pr) notFound();
      if (rest.length === 2) return { status: 200, body: pullJson(pr) };
      if (rest.length === 3 && rest[2] === 'files') {
        const head = repo.refs.get(`refs/heads/${pr.headRef}`);
        const base = repo.refs.get(`refs/heads/${pr.baseRef}`);
        const mb = head && base ? repo.mergeBase(base, head) : undefined;
        const all = head && mb ? repo.diff(mb, head).slice(0, 3000) : [];
        const { perPage, page } = pageParams(q, 30, 100);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const link = linkHeader(`/repos/${owner}/${repoName}/pulls/${pr.number}/files`, q, page, perPage, all.length);
        return { status: 200, body: slice.map(fileJson), headers: link ? { link } : {} };
      }
    }

    notFound();
  }

  function send(res: ServerResponse, reply: Reply, requestId: string): void {
    const headers: Record<string, string> = {
      'x-github-request-id': requestId,
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
      ...(reply.headers ?? {})
    };
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    const payload = Buffer.from(JSON.stringify(reply.body));
    res.writeHead(reply.status, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(payload.length)
    });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    const requestId = `FAKE:${(++requestCounter).toString(16).padStart(6, '0')}`;
    const rawUrl = req.url ?? '/';
    const qIndex = rawUrl.indexOf('?');
    const rawPath = qIndex >= 0 ? rawUrl.slice(0, qIndex) : rawUrl;
    const query = qIndex >= 0 ? rawUrl.slice(qIndex + 1) : '';
    const record: FakeRequestRecord = { method: (req.method ?? 'GET').toUpperCase(), path: rawPath, query, status: 0 };
    requests.push(record);
    const finish = (reply: Reply) => {
      record.status = reply.status;
      send(res, reply, requestId);
    };
    route(req, rawPath.replace(/\/+$/, '') || '/', new URLSearchParams(query)).then(finish, (err: unknown) => {
      if (err instanceof HttpError) {
        finish({
          status: err.status,
          headers: err.headers,
          body: { message: err.message, documentation_url: DOCS, ...err.extra, status: String(err.status) }
        });
      } else {
        finish({
          status: 500,
          body: { message: `fake GitHub internal error: ${String((err as Error)?.stack ?? err)}` }
        });
      }
      // Drain an unread request body so keep-alive connections stay usable.
      req.resume();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  const fake: FakeGitHub = {
    url: baseUrl,
    token,
    readOnlyToken,
    owner,
    repo: repoName,
    defaultBranch,
    commitFiles,
    readFile(ref, path) {
      const tree = treeOfRef(ref);
      if (!tree) return undefined;
      const entry = repo.flatten(tree).get(path);
      if (!entry || entry.type !== 'blob') return undefined;
      const blob = repo.blob(entry.sha);
      return blob ? Buffer.from(blob.data) : undefined;
    },
    listFiles(ref) {
      const tree = treeOfRef(ref);
      if (!tree) return [];
      return [...repo.flatten(tree).entries()]
        .filter(([, e]) => e.type === 'blob')
        .map(([p]) => p)
        .sort();
    },
    headSha(branch) {
      const sha = repo.refs.get(`refs/heads/${branch}`);
      if (!sha) throw new Error(`fake GitHub: no branch ${branch}`);
      return sha;
    },
    getCommit(sha) {
      const c = repo.commit(requireCommit(sha));
      if (!c) throw new Error(`fake GitHub: no commit ${sha}`);
      return {
        sha: requireCommit(sha),
        message: c.message,
        parents: [...c.parents],
        tree: c.tree,
        author: c.givenAuthor,
        committer: c.givenCommitter,
        verified: c.verified
      };
    },
    listBranches() {
      return [...repo.refs.keys()]
        .filter(r => r.startsWith('refs/heads/'))
        .map(r => r.slice('refs/heads/'.length))
        .sort();
    },
    addPullRequest(pr) {
      pulls.set(pr.number, { ...pr });
    },
    comments(issue) {
      return comments.filter(c => commentIssue.get(c.id) === issue).map(c => ({ ...c }));
    },
    addComment(issue, body, login = 'octocat') {
      if (!pulls.has(issue)) throw new Error(`fake GitHub: no pull request #${issue}`);
      return addComment(issue, body, login).id;
    },
    moveBranchBeforeNextUpdate(branch, files) {
      pendingMoves.set(branch, [...(pendingMoves.get(branch) ?? []), { ...files }]);
    },
    rateLimitBlobs(n, kind = 'secondary-403') {
      rateLimit.remaining = n;
      rateLimit.kind = kind;
    },
    requests,
    forcedUpdates: 0,
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close(err => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    }
  };
  return fake;
}
