import { isAbsolute, relative, sep } from 'node:path';
import { expect, test } from '@jest/globals';
import { isInside, toPosixRelative } from '../../src/fs/paths.js';

// What path.relative says, the definition the prefix shortcut must agree with for every shape of path.
const slowRelative = (root: string, path: string): string => relative(root, path).split(sep).join('/');
const slowInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

const roots = ['/ws', '/ws/', '/a/b/..', '/a/./ws', 'ws', '/'];
const tails = [
  '',
  '/',
  '/x.png',
  '/x/',
  '//x.png',
  '/sub/x.png',
  '/./x.png',
  '/../x.png',
  '/sub/../../x.png',
  '/sub/./x.png',
  '/..',
  '/.',
  '/.hidden/x.png',
  '/..x/y.png',
  '/x..png',
  '/a b/é ü.png',
  'x/y.png',
  '-other/x.png'
];

test.each(roots)('isInside and toPosixRelative agree with path.relative for every path below or beside %s', root => {
  for (const tail of tails) {
    const path = root + tail;
    expect([path, isInside(root, path)]).toEqual([path, slowInside(root, path)]);
    expect([path, toPosixRelative(root, path)]).toEqual([path, slowRelative(root, path)]);
  }
});
