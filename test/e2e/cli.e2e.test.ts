import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CLI_NODES, nodeBinary } from '../support/node.js';
import { inspectPng, SAMPLE_SIZES, workspaceWithExamples } from '../support/samples.js';

/** The built command-line tool, as `npx ideogram-upscale` runs it (package.json `bin`). */
const CLI = resolve(import.meta.dirname, '../../dist/cli/index.js');

function run(
  node: number,
  cwd: string,
  args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    // No IDEOGRAM_API_KEY and no CI: what a person gets on a fresh clone.
    const child = spawn(nodeBinary(node), [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME }
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', fail);
    child.on('close', code => done({ code, stdout, stderr }));
  });
}

it('starts with a shebang, so npm can link it as a command', async () => {
  expect((await readFile(CLI, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
});

// From package.json's engines to the action's runtime: the range the command line claims.
describe.each(CLI_NODES)('dist/cli/index.js on Node.js %i', node => {
  let workspace: string;
  beforeAll(async () => {
    workspace = await workspaceWithExamples(`cli-bundle-node${node}-`);
  });
  afterAll(() => rm(workspace, { recursive: true, force: true }));

  it('upscales PNG, JPEG and WebP samples with the WebAssembly codecs it carries', async () => {
    const result = await run(node, workspace, ['--json', 'examples/**/*']);

    expect(result.stderr).toContain('IDEOGRAM_API_KEY is not set');
    // The V8 switches of src/v8-profile.ts exist on this version: V8 would print an unknown one to the user.
    expect(result.stderr).not.toMatch(/unrecognized flag/i);
    expect(result.code).toBe(0);
    // Only the document: @actions/core's '::debug::' lines stay off stdout.
    const document = JSON.parse(result.stdout) as {
      source: string;
      status: string;
      outputs: { path: string; resolution: string }[];
    }[];
    expect(document.map(entry => [entry.source, entry.status])).toEqual(
      Object.keys(SAMPLE_SIZES).map(source => [source, 'upscaled'])
    );
    for (const entry of document) {
      const size = SAMPLE_SIZES[entry.source] ?? { width: 0, height: 0 };
      const [output] = entry.outputs;
      expect(output?.resolution).toBe(`${size.width * 2}x${size.height * 2}`);
      const png = inspectPng(await readFile(join(workspace, output?.path ?? '')));
      expect([png.width, png.height]).toEqual([size.width * 2, size.height * 2]);
    }
    expect(result.stderr).toContain('Gallery: gallery/index.html');
  });

  it('exits 2 on a bad flag', async () => {
    const result = await run(node, workspace, ['--concurrency', 'lots']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--concurrency must be 'auto' or a whole number from 1 to 64; got 'lots'.");
  });
});
