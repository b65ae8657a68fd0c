/**
 * `npm run build`, after the type check: one ncc bundle of src/index.ts into dist/, whose faces (the action's main
 * and post steps, the command line) are chunks loaded on demand and share the rest, the codecs' WebAssembly
 * included; then the command line's bin, a file that enters that bundle.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const NCC = join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js');

/** package.json's `bin`: the command line lives in the action's bundle (see src/index.ts). */
const BIN = `#!/usr/bin/env node
import { runCommandLine } from '../index.js';

await runCommandLine();
`;

// Nothing of an earlier build may stay: a chunk or an asset under an old name would ship unused.
rmSync(DIST, { recursive: true, force: true });
execFileSync(process.execPath, [NCC, 'build', 'src/index.ts', '-o', 'dist', '--license', 'licenses.txt'], {
  cwd: ROOT,
  stdio: 'inherit'
});
mkdirSync(join(DIST, 'cli'));
writeFileSync(join(DIST, 'cli', 'index.js'), BIN, { mode: 0o755 });
