/**
 * Validates action.yml, the workflows under .github/workflows/ and every workflow the README shows, with
 * action-validator's schemas for GitHub's action and workflow files (`npm run lint` runs it).
 *
 * action-validator 0.6.0's schema predates `runs.using: node24`: it knows node12, node16 and node20 only, and
 * rejects our action.yml for that alone. The action stays on node24 (GitHub's runners run it; node20 is at its end
 * of life), so this validates a copy with node20 in its place, and checks the swap happened: every other field
 * is still validated. Drop the swap once the schema lists node24.
 *
 * It also refuses a `run:` script with a `${{ … }}` expression in it, in the workflows and in every YAML example
 * of the README: the runner pastes the value into the script before the shell reads it (script injection).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
const VALIDATOR = join(ROOT, 'node_modules/.bin/action-validator');
const RUNTIME = /^(\s+using:\s*)'node24'\s*$/m;

const scratch = mkdtempSync(join(tmpdir(), 'validate-actions-'));
const files: { shown: string; path: string }[] = [];

const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
if (!RUNTIME.test(action)) throw new Error("action.yml no longer says using: 'node24': update this script");
const actionCopy = join(scratch, 'action.yml');
writeFileSync(actionCopy, action.replace(RUNTIME, "$1'node20'"));
files.push({ shown: 'action.yml (its node24 checked as node20: the schema predates node24)', path: actionCopy });

const workflows = join(ROOT, '.github/workflows');
for (const name of readdirSync(workflows)
  .filter(name => /\.ya?ml$/.test(name))
  .sort()) {
  files.push({ shown: `.github/workflows/${name}`, path: join(workflows, name) });
}

// The README's examples are what users copy: each fenced YAML block that is a workflow (it has jobs).
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map(match => match[1] ?? '');
examples
  .filter(block => /^jobs:/m.test(block))
  .forEach((block, index) => {
    const path = join(scratch, `readme-${index + 1}.yml`);
    writeFileSync(path, block);
    files.push({ shown: `README.md, workflow example ${index + 1}`, path });
  });

/** Every `run:` script in a parsed YAML document. */
function runScripts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(runScripts);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'run' && typeof value === 'string' ? [value] : runScripts(value)
  );
}

let failed = 0;
const documents = [
  ...files.slice(1).map(({ shown, path }) => ({ shown, text: readFileSync(path, 'utf8') })),
  ...examples.map((text, index) => ({ shown: `README.md, YAML example ${index + 1}`, text }))
];
for (const { shown, text } of documents) {
  for (const script of runScripts(parse(text))) {
    if (!script.includes('${{')) continue;
    failed += 1;
    console.error(`INVALID: ${shown}: a run: script pastes an expression; pass it through env: instead\n${script}`);
  }
}
for (const { shown, path } of files) {
  try {
    execFileSync(VALIDATOR, [path], { stdio: ['ignore', 'pipe', 'pipe'] });
    console.log(`valid: ${shown}`);
  } catch (error) {
    failed += 1;
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`INVALID: ${shown}\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
  }
}
rmSync(scratch, { recursive: true, force: true });
if (failed > 0) process.exit(1);
