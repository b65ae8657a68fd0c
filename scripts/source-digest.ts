/**
 * A digest of everything `npm run build` reads: every file under src/ (the TypeScript and any asset beside it),
 * package.json, package-lock.json and tsconfig.json. `tsx scripts/source-digest.ts --write` (the last step of the
 * build) stores it in dist/source-digest.txt; the end-to-end tests compare it with the sources' to know whether
 * dist/ is current (test/support/fresh-build.ts). Without `--write`, it prints the digest.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
export const DIGEST_FILE = join(ROOT, 'dist/source-digest.txt');
const BUILD_CONFIG = ['package.json', 'package-lock.json', 'tsconfig.json'];

/** SHA-256 over the files' paths and bytes, in sorted path order: the same sources give the same digest anywhere. */
export async function sourceDigest(root = ROOT): Promise<string> {
  const entries = await readdir(join(root, 'src'), { recursive: true, withFileTypes: true });
  const sources = entries
    .filter(entry => entry.isFile())
    .map(entry => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
  const hash = createHash('sha256');
  for (const path of [...BUILD_CONFIG, ...sources].sort()) {
    const bytes = await readFile(join(root, path));
    // The path and length before the bytes: moving a file, or bytes from one file to the next, changes the digest.
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const digest = await sourceDigest();
  if (process.argv.includes('--write')) await writeFile(DIGEST_FILE, `${digest}\n`);
  else console.log(digest);
}
