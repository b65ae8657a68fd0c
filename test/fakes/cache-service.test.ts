import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cache from '@actions/cache';
import { startFakeArtifactService, type FakeArtifactService } from './artifact-server.js';

// The real @actions/cache client against the fake results service. The client reads its environment
// (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_SERVICE_V2, GITHUB_WORKSPACE, RUNNER_TEMP) on every call.

let service: FakeArtifactService;
let workspace: string;
const saved = { ...process.env };
const write = process.stdout.write.bind(process.stdout);
let log = '';

function useEnv(env: Record<string, string>): void {
  Object.assign(process.env, env);
}

async function putFiles(files: Record<string, string>): Promise<void> {
  await rm(join(workspace, 'stash'), { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(workspace, 'stash', path, '..'), { recursive: true });
    await writeFile(join(workspace, 'stash', path), text);
  }
}

async function restored(keys: string[]): Promise<{ key: string | undefined; text?: string }> {
  await rm(join(workspace, 'stash'), { recursive: true, force: true });
  const [primary, ...restoreKeys] = keys;
  const key = await cache.restoreCache(['stash'], primary as string, restoreKeys);
  const text = key ? await readFile(join(workspace, 'stash/a.txt'), 'utf8') : undefined;
  return { key, text };
}

beforeAll(async () => {
  service = await startFakeArtifactService();
  // The client logs through @actions/core: keep its workflow commands out of the test output, but readable.
  process.stdout.write = (chunk: string | Uint8Array) => {
    log += String(chunk);
    return true;
  };
});
afterAll(async () => {
  process.stdout.write = write;
  process.env = saved;
  await service.close();
});
beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'cache-fake-'));
  useEnv({ ...service.env, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: join(workspace, '.temp') });
  process.chdir(workspace);
  log = '';
});
afterEach(() => rm(workspace, { recursive: true, force: true }));

describe('the fake cache service, spoken to by @actions/cache', () => {
  test('saves an entry and restores it by its key, or by a prefix, the newest first', async () => {
    await putFiles({ 'a.txt': 'first' });
    expect(await cache.saveCache(['stash'], 'results-1')).toBeGreaterThan(0);
    await putFiles({ 'a.txt': 'second' });
    expect(await cache.saveCache(['stash'], 'results-2')).toBeGreaterThan(0);

    expect(await restored(['results-1'])).toEqual({ key: 'results-1', text: 'first' });
    expect(await restored(['results-9', 'results-'])).toEqual({ key: 'results-2', text: 'second' });
    expect(await restored(['other-1', 'other-'])).toEqual({ key: undefined });
    expect(service.cacheEntries.map(entry => [entry.key, entry.finalized])).toEqual([
      ['results-1', true],
      ['results-2', true]
    ]);
  });

  test('an entry matches only the paths it was saved with (the version)', async () => {
    await putFiles({ 'a.txt': 'x' });
    await cache.saveCache(['stash'], 'paths-1');
    await rm(join(workspace, 'stash'), { recursive: true, force: true });
    expect(await cache.restoreCache(['stash', 'elsewhere'], 'paths-1')).toBeUndefined();
  });

  test('keys are immutable: saving the same key again is refused, and the first content kept', async () => {
    await putFiles({ 'a.txt': 'kept' });
    await cache.saveCache(['stash'], 'once');
    await putFiles({ 'a.txt': 'lost' });
    expect(await cache.saveCache(['stash'], 'once')).toBe(-1);
    expect(log).toContain('Failed to save');
    expect(await restored(['once'])).toEqual({ key: 'once', text: 'kept' });
  });

  test("a branch reads its own entries and the default branch's; the default branch never reads a branch's", async () => {
    await putFiles({ 'a.txt': 'from main' });
    await cache.saveCache(['stash'], 'scoped-main');
    useEnv(service.envFor('refs/heads/feature'));
    await putFiles({ 'a.txt': 'from feature' });
    await cache.saveCache(['stash'], 'scoped-feature');

    expect(await restored(['scoped-x', 'scoped-'])).toEqual({ key: 'scoped-feature', text: 'from feature' });
    useEnv(service.env);
    expect(await restored(['scoped-x', 'scoped-'])).toEqual({ key: 'scoped-main', text: 'from main' });
  });

  test('a failing service is a warning from the client, never an exception', async () => {
    await putFiles({ 'a.txt': 'x' });
    service.failNext('cache-create', 403);
    expect(await cache.saveCache(['stash'], 'broken')).toBe(-1);
    const lookups = service.requestCounts['cache-lookup'];
    service.failNext('cache-lookup', 403);
    expect(await restored(['broken'])).toEqual({ key: undefined });
    expect(log).toContain('::warning::Failed to restore');
    // A 4xx is not tried again.
    expect(service.requestCounts['cache-lookup']).toBe(lookups + 1);
  });
});
