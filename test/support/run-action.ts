import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ACTION_NODE, nodeBinary } from './node.js';
import { makeTempDir } from './temp.js';

export const BUNDLE = resolve(import.meta.dirname, '../../dist/index.js');
/**
 * The `post:` entry, which the runner runs after the job's steps with the state the main step saved: the same file,
 * which tells the post step by that state (pass the main run's `state`).
 */
export const POST_BUNDLE = BUNDLE;

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  /** What the step saved with `core.saveState`, by name: the runner hands it to the post step as STATE_<name>. */
  readonly state: Record<string, string>;
  readonly summary: string;
  /** Milliseconds from spawn to exit. */
  readonly elapsedMs: number;
}

export interface RunOptions {
  readonly workspace: string;
  /** Action inputs by their action.yml names. */
  readonly inputs: Record<string, string>;
  /** Extra environment, e.g. the artifact service's variables. */
  readonly env?: Record<string, string>;
  /** The event payload written to GITHUB_EVENT_PATH. */
  readonly event?: unknown;
  /** Command that runs the bundle; by default the Node.js version action.yml names, as on GitHub's runners. */
  readonly node?: readonly string[];
  readonly bundle?: string;
  /** Called with the child as soon as it starts. */
  readonly onSpawn?: (child: ChildProcess) => void;
  /** The state a main step saved, passed as the runner passes it to the post step. */
  readonly state?: Record<string, string>;
}

/** Parses GITHUB_OUTPUT's `name<<delimiter … delimiter` records, as the runner does. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name as string] = value.join('\n');
  }
  return outputs;
}

/**
 * Runs the built action the way the runner does: inputs as INPUT_* variables, file commands, exit code. Its runner
 * folder (the file commands, RUNNER_TEMP) stays for the test to read, until the test file ends.
 */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = await makeTempDir('runner-');
  const files = {
    output: join(dir, 'output'),
    state: join(dir, 'state'),
    summary: join(dir, 'summary'),
    event: join(dir, 'event.json')
  };
  await Promise.all([
    writeFile(files.output, ''),
    writeFile(files.state, ''),
    writeFile(files.summary, ''),
    writeFile(files.event, JSON.stringify(options.event ?? {}))
  ]);
  const inputs = Object.fromEntries(
    Object.entries(options.inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value])
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'octo/pictures',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: dir,
    ...inputs,
    ...Object.fromEntries(Object.entries(options.state ?? {}).map(([name, value]) => [`STATE_${name}`, value])),
    ...options.env
  };
  const [command, ...args] = options.node ?? [nodeBinary(ACTION_NODE)];
  const started = performance.now();
  const child = spawn(command as string, [...args, options.bundle ?? BUNDLE], { cwd: options.workspace, env });
  options.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += chunk));
  child.stderr.on('data', chunk => (stderr += chunk));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(files.output, 'utf8')),
    state: parseOutputFile(await readFile(files.state, 'utf8')),
    summary: await readFile(files.summary, 'utf8'),
    elapsedMs: performance.now() - started
  };
}
