import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { discoverSources } from '../../src/pipeline/discovery.js';
import { OutputTemplate } from '../../src/settings/output-path.js';
import { DEFAULT_FILES } from '../../src/settings/settings.js';
import { encodePng, makeTempDir, removeDir, writeFiles } from '../support/files.js';

const PNG = encodePng(4, 4);
const DEFAULT_PATTERNS = DEFAULT_FILES.split('\n');
const defaultTemplate = OutputTemplate.parse('upscaled/{dir}/{name}.{ext}', 1);
const isResult = (path: string): boolean => defaultTemplate.matches(path);
const nothingIsAResult = (): boolean => false;

let root: string;
let workspace: string;
let outside: string;

beforeEach(async () => {
  root = await makeTempDir('discovery-');
  workspace = join(root, 'ws');
  outside = join(root, 'outside');
  await writeFiles(workspace, {
    'logo.png': PNG,
    'Banner.PNG': PNG,
    'docs/img/diagram.jpg': PNG,
    'docs/img/photo.webp': PNG,
    'docs/readme.md': '# hi',
    'node_modules/pkg/icon.png': PNG,
    'upscaled/logo.png': PNG,
    'upscaled/docs/img/diagram.png': PNG
  });
  await writeFiles(outside, { 'secret.png': PNG, 'album/private.jpg': PNG });
});

afterEach(async () => {
  await removeDir(root);
});

describe('with the default patterns', () => {
  test('finds the images, skips node_modules and our own results, sorted, relative with /', async () => {
    const { sources, passedOver } = await discoverSources(workspace, DEFAULT_PATTERNS, isResult);
    expect(sources).toEqual(['Banner.PNG', 'docs/img/diagram.jpg', 'docs/img/photo.webp', 'logo.png']);
    expect(passedOver).toEqual(
      expect.arrayContaining([
        { path: 'upscaled/logo.png', why: 'result', reason: expect.stringMatching(/upscaled result/) },
        { path: 'upscaled/docs/img/diagram.png', why: 'result', reason: expect.stringMatching(/output-path/) }
      ])
    );
    expect(passedOver).toHaveLength(2);
  });

  test('an empty workspace: nothing found, nothing passed over', async () => {
    const empty = join(root, 'empty');
    await mkdir(empty);
    expect(await discoverSources(empty, DEFAULT_PATTERNS, isResult)).toEqual({ sources: [], passedOver: [] });
  });
});

describe('patterns', () => {
  test('are relative to the workspace, not the current directory', async () => {
    expect(process.cwd()).not.toBe(workspace);
    const { sources } = await discoverSources(workspace, ['docs/**/*.jpg', '*.png'], isResult);
    expect(sources).toEqual(['docs/img/diagram.jpg', 'logo.png']);
  });

  test('! excludes what an earlier pattern matched', async () => {
    const { sources } = await discoverSources(
      workspace,
      ['**/*.png', '**/*.jpg', '!docs/**', '!**/node_modules/**'],
      isResult
    );
    expect(sources).toEqual(['logo.png']);
  });

  test('without the node_modules exclusion, node_modules is searched like any folder', async () => {
    const { sources } = await discoverSources(workspace, ['**/*.png'], isResult);
    expect(sources).toContain('node_modules/pkg/icon.png');
  });

  test('overlapping patterns list a file once', async () => {
    const { sources } = await discoverSources(workspace, ['*.png', 'logo.*', '**/logo.png'], isResult);
    expect(sources).toEqual(['logo.png']);
  });

  test('matching is case-sensitive: *.png does not take Banner.PNG', async () => {
    const { sources } = await discoverSources(workspace, ['*.png'], isResult);
    expect(sources).toEqual(['logo.png']);
  });

  test('folders are never sources, even when their name matches', async () => {
    await mkdir(join(workspace, 'folder.png'));
    const { sources } = await discoverSources(workspace, ['*.png'], isResult);
    expect(sources).toEqual(['logo.png']);
  });

  test('a pattern climbing out with ../ takes nothing from outside', async () => {
    const { sources, passedOver } = await discoverSources(workspace, ['../outside/*.png', 'logo.png'], isResult);
    expect(sources).toEqual(['logo.png']);
    expect(passedOver).toEqual([
      { path: join(outside, 'secret.png'), why: 'outside', reason: expect.stringMatching(/outside the workspace/) }
    ]);
  });

  test('an absolute pattern pointing elsewhere takes nothing from there', async () => {
    const { sources, passedOver } = await discoverSources(workspace, [join(outside, '**/*.jpg')], isResult);
    expect(sources).toEqual([]);
    expect(passedOver.map(item => item.path)).toEqual([join(outside, 'album/private.jpg')]);
  });
});

describe('symbolic links', () => {
  test('a link to a file outside the workspace is refused and reported', async () => {
    await symlink(join(outside, 'secret.png'), join(workspace, 'innocent.png'));
    const { sources, passedOver } = await discoverSources(workspace, ['**/*.png', '!upscaled/**'], nothingIsAResult);
    expect(sources).not.toContain('innocent.png');
    expect(sources).toEqual(['logo.png', 'node_modules/pkg/icon.png']);
    expect(passedOver).toHaveLength(1);
    expect(passedOver[0]?.path).toMatch(/innocent\.png$/);
    expect(passedOver[0]?.reason).toMatch(/outside the workspace .*symbolic link/);
  });

  test('a link to a folder outside the workspace gives nothing from it', async () => {
    await symlink(join(outside, 'album'), join(workspace, 'docs/album'), 'dir');
    const { sources, passedOver } = await discoverSources(workspace, ['docs/**/*.jpg'], isResult);
    expect(sources).toEqual(['docs/img/diagram.jpg']);
    expect(passedOver.map(item => item.path)).toEqual([expect.stringMatching(/album\/private\.jpg$/)]);
  });

  test('a link to a file inside the workspace is fine', async () => {
    await symlink(join(workspace, 'logo.png'), join(workspace, 'docs/logo-link.png'));
    const { sources, passedOver } = await discoverSources(
      workspace,
      ['**/*.png', '!upscaled/**', '!node_modules/**'],
      isResult
    );
    expect(sources).toEqual(['docs/logo-link.png', 'logo.png']);
    expect(passedOver).toEqual([]);
  });

  test('a broken link is left out quietly', async () => {
    await symlink(join(root, 'nowhere.png'), join(workspace, 'broken.png'));
    const { sources } = await discoverSources(workspace, ['*.png'], isResult);
    expect(sources).toEqual(['logo.png']);
  });

  test('a workspace reached through a link still finds its own files', async () => {
    const alias = join(root, 'alias');
    await symlink(workspace, alias, 'dir');
    const { sources, passedOver } = await discoverSources(alias, ['*.png', 'docs/**/*.webp'], isResult);
    expect(sources).toEqual(['docs/img/photo.webp', 'logo.png']);
    expect(passedOver).toEqual([]);
  });
});

describe('results of ours are never taken as sources', () => {
  test('with a suffix template, the results beside the sources are passed over', async () => {
    await writeFiles(workspace, { 'docs/img/diagram-upscaled.png': PNG, 'logo-upscaled.png': PNG });
    const template = OutputTemplate.parse('{dir}/{name}-upscaled.{ext}', 1);
    const { sources, passedOver } = await discoverSources(
      workspace,
      ['**/*.png', '**/*.jpg', '!upscaled/**', '!node_modules/**'],
      path => template.matches(path)
    );
    expect(sources).toEqual(['docs/img/diagram.jpg', 'logo.png']);
    expect(passedOver.map(item => item.path).sort()).toEqual(['docs/img/diagram-upscaled.png', 'logo-upscaled.png']);
  });

  test('with several images per source beside the sources, the sources are still taken', async () => {
    await writeFiles(workspace, { 'logo-1.png': PNG, 'logo-2.png': PNG });
    const template = OutputTemplate.parse('{dir}/{name}.{ext}', 2);
    const { sources, passedOver } = await discoverSources(workspace, ['*.png'], path => template.matches(path));
    expect(sources).toEqual(['logo.png']);
    expect(passedOver.map(item => item.path).sort()).toEqual(['logo-1.png', 'logo-2.png']);
  });
});

describe('files only: a pattern matching a folder never takes what is inside it', () => {
  beforeEach(async () => {
    await writeFiles(workspace, {
      'bad/dir.png/readme.txt': 'not an image',
      'bad/dir.png/inner.png': PNG,
      '.git/objects/ab/cdef': 'blob',
      '.git/HEAD': 'ref: refs/heads/main'
    });
  });

  test.each([
    ['bad/*.png', []],
    ['*', ['Banner.PNG', 'logo.png']],
    ['docs', []],
    ['**/dir.png', []],
    ['bad/dir.png/**', ['bad/dir.png/inner.png', 'bad/dir.png/readme.txt']]
  ])('%s takes %j', async (pattern, expected) => {
    const { sources } = await discoverSources(workspace, [pattern], nothingIsAResult);
    expect(sources).toEqual(expected);
  });

  test('an exclusion matching a folder still excludes everything in it', async () => {
    const { sources } = await discoverSources(workspace, ['**/*.png', '**/*.jpg', '!docs', '!bad/'], isResult);
    expect(sources).toEqual(['logo.png', 'node_modules/pkg/icon.png']);
  });

  test('a later pattern takes back part of an excluded folder', async () => {
    const { sources } = await discoverSources(
      workspace,
      ['**/*.png', '!**/node_modules/**', 'node_modules/pkg/*'],
      isResult
    );
    expect(sources).toEqual(['bad/dir.png/inner.png', 'logo.png', 'node_modules/pkg/icon.png']);
  });
});

describe('folders that loop', () => {
  test('a link back to a folder the walk came through is not followed into it again', async () => {
    await symlink(workspace, join(workspace, 'docs/img/loop'), 'dir');
    const { sources } = await discoverSources(
      workspace,
      ['docs/**/*.webp', '**/*.jpg', '!**/node_modules/**'],
      isResult
    );
    // From the workspace, the loop comes back at once; from docs/, it is cut where it reaches docs/ again.
    expect(sources).toEqual(['docs/img/diagram.jpg', 'docs/img/photo.webp']);
  });
});

describe('a FIFO, socket or link to one is taken as a source (so the check refuses it by name), never opened', () => {
  test('as a folder entry, through a symbolic link, and as a literal path', async () => {
    await mkdir(join(workspace, 'special'), { recursive: true });
    execFileSync('mkfifo', [join(workspace, 'special/pipe.png')]);
    await symlink(join(workspace, 'special/pipe.png'), join(workspace, 'special/link-to-pipe.png'));
    const socket = createServer();
    await new Promise<void>(done => socket.listen(join(workspace, 'special/socket.png'), done));
    try {
      const { sources } = await discoverSources(workspace, ['special/*.png'], nothingIsAResult);
      expect(sources).toEqual(['special/link-to-pipe.png', 'special/pipe.png', 'special/socket.png']);
      const literal = await discoverSources(workspace, ['special/pipe.png'], nothingIsAResult);
      expect(literal.sources).toEqual(['special/pipe.png']);
    } finally {
      await new Promise<void>(done => socket.close(() => done()));
    }
  });
});
