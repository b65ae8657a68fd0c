import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { BLOB_LIMIT, BLOB_WARNING, selectCommittable } from '../../src/github/commit-guards.js';
import { lfsPaths } from '../../src/github/gitattributes.js';
import { makeTempDir, NOT_FILES, removeDir, writeFiles } from '../support/files.js';

/** Paths of the shapes results take: at the root, in folders, odd names. */
const PATHS = [
  'a.png',
  'A.PNG',
  'photo.jpg',
  'upscaled/a.png',
  'upscaled/deep/er/b.png',
  'upscaled/c.webp',
  'assets/big/hero.png',
  'assets/big/sub/x.png',
  'docs/big/y.png',
  'big/z.png',
  'assets/raw.png',
  'keep/upscaled/q.png',
  'space name/p q.png',
  'x[1].png'
];

/** .gitattributes files of the kinds repositories have, each checked against git itself. */
const CASES: Record<string, Record<string, string>> = {
  'by extension': { '.gitattributes': '*.png filter=lfs diff=lfs merge=lfs -text\n' },
  'a folder, anchored': { '.gitattributes': '/upscaled/** filter=lfs diff=lfs merge=lfs -text\n' },
  'a folder at any depth': { '.gitattributes': '**/big/** filter=lfs\n' },
  'a later line unsets': { '.gitattributes': '*.png filter=lfs\nupscaled/deep/** -filter\nassets/raw.png !filter\n' },
  'another filter wins': { '.gitattributes': '*.png filter=lfs\n*.png filter=other\n' },
  'comments, blank lines, macros': {
    '.gitattributes': '# images\n\n[attr]img filter=lfs\n*.webp filter=lfs # trailing text is attributes\n'
  },
  'a nested file overrides the root': {
    '.gitattributes': '*.png filter=lfs\n',
    'upscaled/.gitattributes': 'deep/** -filter\nc.webp filter=lfs\n'
  },
  'a nested file with a name pattern': { 'assets/.gitattributes': '*.png filter=lfs\n' },
  'character classes and ?': { '.gitattributes': '[aA].[pP][nN][gG] filter=lfs\nx?1?.png filter=lfs\n' },
  'a path with a slash in the middle': { '.gitattributes': 'assets/big/*.png filter=lfs\n' },
  'nothing about lfs': { '.gitattributes': '*.png -text\n' }
};

describe('which results .gitattributes routes to Git LFS', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeTempDir('gitattributes-');
  });
  afterAll(() => removeDir(root));

  it.each(Object.entries(CASES))('agrees with git check-attr: %s', async (name, files) => {
    const dir = join(root, name.replace(/\W+/g, '-'));
    execFileSync('git', ['init', '-q', dir]);
    await writeFiles(dir, files);
    const output = execFileSync('git', ['check-attr', 'filter', '--', ...PATHS], { cwd: dir, encoding: 'utf8' });
    const expected = output
      .split('\n')
      .filter(line => line.endsWith(': filter: lfs'))
      .map(line => line.slice(0, -': filter: lfs'.length));
    // git quotes names with unusual characters; none of ours needs it.
    expect([...(await lfsPaths(dir, PATHS))].sort()).toEqual(expected.sort());
  });

  it.each(Object.entries(NOT_FILES))(
    'a .gitattributes that is %s is not read; the others still count',
    async (name, make) => {
      const dir = join(root, `not-a-file-${name.replace(/\W+/g, '-')}`);
      await writeFiles(dir, { 'assets/.gitattributes': '*.png filter=lfs\n' });
      await make(join(dir, '.gitattributes'));
      expect([...(await lfsPaths(dir, PATHS))].sort()).toEqual(
        PATHS.filter(path => path.startsWith('assets/') && path.endsWith('.png')).sort()
      );
    }
  );
});

describe('what a commit may hold', () => {
  let workspace: string;
  beforeAll(async () => {
    workspace = await makeTempDir('commit-guards-');
    await writeFiles(workspace, {
      '.gitattributes': 'upscaled/lfs/** filter=lfs diff=lfs merge=lfs -text\n',
      'upscaled/small.png': 'png',
      'upscaled/large.png': '',
      'upscaled/huge.png': '',
      'upscaled/lfs/a.png': 'png',
      '.github/upscaled-images.json': '{}'
    });
    // Sparse: the sizes are real to stat, and take no disk.
    await truncate(join(workspace, 'upscaled/large.png'), BLOB_WARNING + 1);
    await truncate(join(workspace, 'upscaled/huge.png'), BLOB_LIMIT + 1);
  });
  afterAll(() => removeDir(workspace));
  const files = [
    'upscaled/small.png',
    'upscaled/large.png',
    'upscaled/huge.png',
    'upscaled/lfs/a.png',
    '.github/upscaled-images.json'
  ];

  it('holds back a file over 100 MB and an LFS path, naming each with why; warns over 50 MB', async () => {
    const selection = await selectCommittable(workspace, files, false);
    expect(selection.commit).toEqual(['upscaled/small.png', 'upscaled/large.png', '.github/upscaled-images.json']);
    expect(selection.held).toEqual([
      { path: 'upscaled/huge.png', reason: expect.stringMatching(/is 100\.0 MB, over GitHub's 100 MB limit/) },
      {
        path: 'upscaled/lfs/a.png',
        reason: expect.stringMatching(/\.gitattributes routes it to Git LFS.*'commit-lfs-paths: true'/)
      }
    ]);
    expect(selection.warnings).toEqual([expect.stringMatching(/^upscaled\/large\.png is 50\.0 MB; GitHub warns/)]);
  });

  it('commits LFS paths as plain files when the user accepts it, never a file over the limit', async () => {
    const selection = await selectCommittable(workspace, files, true);
    expect(selection.commit).toContain('upscaled/lfs/a.png');
    expect(selection.held.map(held => held.path)).toEqual(['upscaled/huge.png']);
  });
});
