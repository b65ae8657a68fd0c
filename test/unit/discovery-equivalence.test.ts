/**
 * Discovery reads the `files` patterns as @actions/glob does. Here both run on generated trees (names in several
 * cases, dot files, folders named like images, symbolic links to files and folders inside and outside the
 * workspace, broken and looping links) with generated pattern lists (globs, classes, `**`, `!` exclusions of files
 * and of folders, patterns climbing out), and must find the same sources and pass over the same paths.
 *
 * The reference is @actions/glob as the action used it, with the one intended difference taken out: a pattern
 * matching a folder no longer takes the folder's contents (`implicitDescendants: false`), while an exclusion
 * matching a folder still excludes its contents (each `!pattern` is followed by `!pattern/**`, which is what
 * @actions/glob's implicit descendants did for exclusions).
 */
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, expect, jest, test } from '@jest/globals';
import * as glob from '@actions/glob';
import { discoverSources, type Discovery, type PassedOver } from '../../src/pipeline/discovery.js';
import { OutputTemplate } from '../../src/settings/output-path.js';
import { isInside, toPosixRelative } from '../../src/fs/paths.js';
import { makeTempDir, removeDir } from '../support/files.js';

/** A small seeded generator (mulberry32), so a failing case can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FOLDERS = ['a', 'A', 'b', 'docs', 'Docs', 'node_modules', '.hidden', 'dir.png', 'x', 'upscaled', 'img [1]'];
const FILES = [
  'logo.png',
  'Logo.PNG',
  'a.jpg',
  'b1.png',
  'ab.webp',
  '.dot.png',
  'readme.md',
  'c.jpeg',
  'x.JPG',
  'bb.png',
  'q?.png',
  'img.WEBP'
];
const INCLUDES = [
  '**/*.png',
  '**/*.PNG',
  '**/*.jpg',
  '*.png',
  '*/*.png',
  'a*/**/*.jpg',
  '**/b?.png',
  '**/[ab]*.png',
  '**/*.[pj][np]g',
  'dir.png',
  'docs',
  'docs/**',
  '**/dir.png',
  '**/*',
  '*',
  '**',
  'x/',
  'docs/**/*.webp',
  './logo.png',
  '**/.hidden/*.png',
  '**/img [[]1]/*',
  '**/q[?].png',
  'b/../a/*.png',
  '../outside/**/*.png',
  'links/**'
];
const EXCLUDES = [
  '!**/node_modules/**',
  '!docs',
  '!**/b*',
  '!*.png',
  '!dir.png/',
  '!**/x/**',
  '!**/*.jpg',
  '!**/A/**',
  '!links/out'
];

interface Case {
  readonly workspace: string;
  readonly outside: string;
  readonly patterns: string[];
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** A tree of up to three levels in `workspace`, a small one in `outside`, and links between them. */
async function generateTree(next: () => number, root: string): Promise<Omit<Case, 'patterns'>> {
  const workspace = join(root, 'ws');
  const outside = join(root, 'outside');
  const folders = [''];
  const grow = (parent: string, depth: number): void => {
    for (const name of FOLDERS) {
      if (next() < (depth === 0 ? 0.45 : 0.2)) {
        const path = parent ? `${parent}/${name}` : name;
        folders.push(path);
        if (depth < 2) grow(path, depth + 1);
      }
    }
  };
  grow('', 0);
  const files: string[] = [];
  for (const folder of folders) {
    await mkdir(join(workspace, folder), { recursive: true });
    for (const name of FILES) {
      if (next() < 0.3) {
        const path = folder ? `${folder}/${name}` : name;
        files.push(path);
        await writeFile(join(workspace, path), 'x');
      }
    }
  }
  await mkdir(join(outside, 'album'), { recursive: true });
  for (const name of ['secret.png', 'album/private.jpg', 'album/p.png']) await writeFile(join(outside, name), 'x');

  const links: [target: string, path: string][] = [];
  const someFile = (): string => join(workspace, pick(next, files.length > 0 ? files : ['missing.png']));
  const someFolder = (): string => join(workspace, pick(next, folders));
  const candidates: (() => string)[] = [
    someFile,
    someFolder,
    () => join(outside, 'secret.png'),
    () => join(outside, 'album'),
    () => join(root, 'nowhere.png'),
    () => workspace
  ];
  for (let i = 0; i < 5; i++)
    links.push([pick(next, candidates)(), `links/${i}-${pick(next, ['l.png', 'out', 'L.jpg'])}`]);
  if (next() < 0.5) links.push([join(outside, 'album'), 'links/out']);
  const made = new Set<string>();
  for (const [target, path] of links) {
    if (made.has(path)) continue;
    made.add(path);
    await mkdir(join(workspace, dirname(path)), { recursive: true });
    await symlink(target, join(workspace, path));
  }
  return { workspace, outside };
}

function generatePatterns(next: () => number): string[] {
  const patterns = [pick(next, INCLUDES)];
  const more = Math.floor(next() * 4);
  for (let i = 0; i < more; i++) patterns.push(next() < 0.5 ? pick(next, INCLUDES) : pick(next, EXCLUDES));
  return patterns;
}

const template = OutputTemplate.parse('upscaled/{dir}/{name}.{ext}', 1);
const isResult = (path: string): boolean => template.matches(path);

/** What discovery found before, with the folder rule changed: @actions/glob, then the workspace rules. */
async function reference(workspace: string, patterns: readonly string[]): Promise<Discovery> {
  const anchor = (pattern: string): string => (isAbsolute(pattern) ? pattern : join(workspace, pattern));
  const lines = patterns.flatMap(pattern => {
    if (!pattern.startsWith('!')) return [anchor(pattern)];
    const body = anchor(pattern.slice(1));
    return body.endsWith('/**') ? [`!${body}`] : [`!${body}`, `!${body.replace(/\/$/, '')}/**`];
  });
  const globber = await glob.create(lines.join('\n'), {
    matchDirectories: false,
    implicitDescendants: false,
    followSymbolicLinks: true,
    omitBrokenSymbolicLinks: true
  });
  const realWorkspace = await realpath(workspace);
  const sources = new Set<string>();
  const passedOver: PassedOver[] = [];
  for (const match of await globber.glob()) {
    const path = toPosixRelative(workspace, match);
    if (!isInside(workspace, match) || !isInside(realWorkspace, await realpath(match))) {
      passedOver.push({
        path: match,
        why: 'outside',
        reason: 'outside the workspace (directly or through a symbolic link)'
      });
    } else if (isResult(path)) {
      passedOver.push({ path, why: 'result', reason: 'an upscaled result (matches output-path)' });
    } else {
      sources.add(path);
    }
  }
  passedOver.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { sources: [...sources].sort(), passedOver };
}

let root: string;
let quietWarnings: jest.SpiedFunction<typeof process.stdout.write>;

beforeEach(async () => {
  root = await makeTempDir('discovery-equivalence-');
  // @actions/glob reports looping links as workflow commands on stdout.
  quietWarnings = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(async () => {
  quietWarnings.mockRestore();
  await removeDir(root);
});

test.each(Array.from({ length: 16 }, (_, i) => i + 1))(
  'tree %i: the same sources and the same passed-over paths as @actions/glob, for 20 pattern lists',
  async seed => {
    const next = random(seed);
    const { workspace } = await generateTree(next, root);
    let found = 0;
    for (let i = 0; i < 20; i++) {
      const patterns = generatePatterns(next);
      const expected = await reference(workspace, patterns);
      const actual = await discoverSources(workspace, patterns, isResult);
      expect({ patterns, ...actual }).toEqual({ patterns, ...expected });
      found += actual.sources.length + actual.passedOver.length;
    }
    // The generated cases must exercise something: a tree where nothing matched proves nothing.
    expect(found).toBeGreaterThan(0);
  }
);
