import { describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultBranch, readRunContext } from '../../src/github/event.js';
import { makeWorkspace } from '../support/workspace.js';

async function context(name: string, payload: unknown, ref = 'refs/heads/main') {
  const dir = await makeWorkspace({});
  const path = join(dir, 'event.json');
  await writeFile(path, JSON.stringify(payload));
  return readRunContext({
    GITHUB_REPOSITORY: 'octo/pics',
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: path,
    GITHUB_REF: ref
  });
}

describe('readRunContext', () => {
  it('reads a push with its range and branch', async () => {
    const { owner, repo, event } = await context(
      'push',
      { before: 'a'.repeat(40), after: 'b'.repeat(40) },
      'refs/heads/dev'
    );
    expect([owner, repo]).toEqual(['octo', 'pics']);
    expect(event).toEqual({
      kind: 'push',
      branch: 'dev',
      before: 'a'.repeat(40),
      after: 'b'.repeat(40),
      noBase: false
    });
    expect(defaultBranch(event)).toBe('dev');
  });

  it('knows a new branch or a force push has no base to compare with', async () => {
    const created = await context('push', { before: '0'.repeat(40), after: 'b'.repeat(40), created: true });
    const forced = await context('push', { before: 'a'.repeat(40), after: 'b'.repeat(40), forced: true });
    expect(created.event).toMatchObject({ noBase: true });
    expect(forced.event).toMatchObject({ noBase: true });
  });

  it("takes a pull request's head branch and repository, not the merge ref", async () => {
    const { event } = await context(
      'pull_request',
      { pull_request: { number: 5, head: { ref: 'feature/x', repo: { full_name: 'fork/pics' } } } },
      'refs/pull/5/merge'
    );
    expect(event).toEqual({ kind: 'pull_request', number: 5, headRef: 'feature/x', headRepo: 'fork/pics' });
    expect(defaultBranch(event)).toBe('feature/x');
  });

  it('has no branch for a tag push or a manual run on a tag', async () => {
    const { event } = await context('workflow_dispatch', {}, 'refs/tags/v1');
    expect(event).toEqual({ kind: 'other', name: 'workflow_dispatch', branch: undefined });
    expect(defaultBranch(event)).toBeUndefined();
  });

  it('says what is missing outside Actions', async () => {
    await expect(readRunContext({})).rejects.toThrow(/GITHUB_REPOSITORY is not set/);
  });
});
