import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What this test file made, so that test/support/temp-cleanup.ts can remove it after the file's last test. */
const made = new Set<string>();

/** A fresh temporary directory, removed after the test file at the latest (sooner with `removeDir`). */
export async function makeTempDir(prefix = 'upscale-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  // maxRetries: a child process that has just exited may still be releasing what it wrote (ENOTEMPTY, EBUSY).
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  made.delete(dir);
}

/** Removes every directory `makeTempDir` made and no one removed. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all([...made].map(removeDir));
}
