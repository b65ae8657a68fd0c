/**
 * The Node.js versions the bundles are run on in the end-to-end tests: the action on the runtime action.yml names
 * (`using: node24`), the command line on the oldest version package.json's `engines` allows and on the newest we
 * support. Both are read from those files, so the tests follow when they change.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function major(version: string): number {
  return Number(/^v?(\d+)/.exec(version)?.[1]);
}

/** action.yml's `runs.using`, e.g. 24 for `node24`. */
export const ACTION_NODE = major(
  /^\s+using:\s*'node(\d+)'/m.exec(readFileSync(`${ROOT}/action.yml`, 'utf8'))?.[1] ?? ''
);

const engines = (JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { engines: { node: string } }).engines;

/** The command line's range: from `engines` (`>=22`) up to the action's runtime. */
export const CLI_NODES: readonly number[] = [
  ...new Set([major(/^>=\s*(\d+)$/.exec(engines.node)?.[1] ?? ''), ACTION_NODE])
];

const found = new Map<number, string>();

/**
 * A Node.js binary of that major version: this process's own when it is one, else the `node` package from the npm
 * registry, fetched once into npm's cache by npx. The binary is then run directly, because npx drops environment
 * variables whose names hold a dash, such as INPUT_API-KEY, which the runner does pass.
 */
export function nodeBinary(version: number): string {
  if (!Number.isInteger(version)) throw new Error(`not a Node.js major version: ${version}`);
  let path = found.get(version);
  if (path === undefined) {
    if (major(process.version) === version) {
      path = process.execPath;
    } else {
      const [binary, actual] = execFileSync(
        'npx',
        ['-y', `node@${version}`, '-p', 'process.execPath + " " + process.version'],
        {
          // Not the process's folder: another test in this worker may have left it for one since removed.
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 180_000
        }
      )
        .trim()
        .split(' ');
      if (!binary || major(actual ?? '') !== version) {
        throw new Error(`npx -y node@${version} ran Node.js ${actual ?? '(nothing)'}`);
      }
      path = binary;
    }
    found.set(version, path);
  }
  return path;
}
