import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Jest's globalSetup for the whole run: a temporary folder of the run's own as TMPDIR, which the workers, the tests
 * and the processes they spawn inherit, so that global-teardown.ts can fail the run if a test leaves anything there.
 */
export default function globalSetup(): void {
  process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'upscale-tests-'));
}
