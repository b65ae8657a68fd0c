import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE, runAction } from '../support/run-action.js';
import { inspectPng, SAMPLE_SIZES, workspaceWithExamples } from '../support/samples.js';

let workspace: string;

beforeAll(async () => {
  workspace = await workspaceWithExamples('action-local-');
});

afterAll(() => rm(workspace, { recursive: true, force: true }));

describe('the built action with provider: local', () => {
  it('upscales every sample 2× with no key and no network', async () => {
    const run = await runAction({
      workspace,
      inputs: { provider: 'local', publish: 'none', manifest: 'none', 'changed-only': 'false' }
    });

    expect(run.code).toBe(0);
    expect(run.outputs.upscaled).toBe('4');
    const results = JSON.parse(run.outputs.results ?? '[]') as {
      source: string;
      outputs: { path: string; resolution: string }[];
    }[];
    for (const result of results) {
      const size = SAMPLE_SIZES[result.source] ?? { width: 0, height: 0 };
      const [output] = result.outputs;
      expect(output?.resolution).toBe(`${size.width * 2}x${size.height * 2}`);
      expect(inspectPng(await readFile(join(workspace, output?.path ?? '')))).toMatchObject({
        width: size.width * 2,
        height: size.height * 2
      });
    }
  });

  it('keeps the codecs out of the main bundle, so they load only when the local provider is chosen', async () => {
    const main = await readFile(BUNDLE, 'utf8');
    expect(main).not.toContain('squoosh');
    expect(main).not.toContain('mozjpeg');
  });
});
