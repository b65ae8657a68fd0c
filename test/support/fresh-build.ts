import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The e2e project's globalSetup: the end-to-end tests run dist/, so before any of them runs, dist/ is rebuilt when
 * the digest the build wrote (dist/source-digest.txt) is missing or is not the current sources'. The digest comes
 * from the script itself: jest loads this file natively, and Node.js could not import the TypeScript.
 */
export default async function freshBuild(): Promise<void> {
  const built = await readFile(resolve(ROOT, 'dist/source-digest.txt'), 'utf8').then(
    text => text.trim(),
    () => undefined
  );
  const current = execFileSync('npx', ['tsx', 'scripts/source-digest.ts'], { cwd: ROOT, encoding: 'utf8' }).trim();
  if (built === current) return;
  const why = built === undefined ? 'dist/source-digest.txt is missing' : 'dist/ was built from other sources';
  console.log(`\ne2e: ${why}: running npm run build first.`);
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
