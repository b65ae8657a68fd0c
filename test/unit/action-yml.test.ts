/**
 * action.yml is what the runner reads; `Input` and `DEFAULTS` are what the code reads (the CLI has no action.yml).
 * They are written twice, so this test keeps them one: same names, same defaults, and every one in the README.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Input } from '../../src/inputs/inputs.js';
import { DEFAULTS } from '../../src/settings/settings.js';

interface ActionInput {
  readonly description?: unknown;
  readonly required?: unknown;
  readonly default?: unknown;
}

interface ActionManifest {
  readonly inputs: Record<string, ActionInput>;
  readonly outputs: Record<string, { readonly description?: unknown }>;
}

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionManifest;
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const inputs = Object.values(Input);

/** A default the runner works out (e.g. `${{ github.token }}`): the code cannot hold it, only the runner can. */
const RUNNER_EXPRESSION = /^\$\{\{.*\}\}$/;

/** The names in the first column of the README table whose header's first cell is `heading`. */
function readmeTableNames(heading: string): string[] {
  const lines = readme.split('\n');
  const start = lines.findIndex(line => new RegExp(`^\\|\\s*${heading}\\s*\\|`).test(line));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|')[1] ?? '');
  }
  return rows.flatMap(cell => [...cell.matchAll(/`([^`]+)`/g)].map(match => match[1] ?? ''));
}

test('action.yml declares exactly the inputs the code reads', () => {
  expect(Object.keys(action.inputs).sort()).toEqual([...inputs].sort());
});

describe.each(inputs)('input %s', name => {
  const declared = action.inputs[name] ?? {};

  test('has a description and is not required (the code says which are needed, and when)', () => {
    expect(typeof declared.description).toBe('string');
    expect(declared.required).toBe(false);
  });

  test("has the code's default (what the CLI and an empty input get)", () => {
    const stated = typeof declared.default === 'string' ? declared.default.trim() : declared.default;
    if (typeof stated === 'string' && RUNNER_EXPRESSION.test(stated)) expect(DEFAULTS[name]).toBeUndefined();
    else expect(stated).toBe(DEFAULTS[name] ?? '');
  });

  test('is in the README', () => {
    expect(readmeTableNames('Input')).toContain(name);
  });
});

test('every output is in the README', () => {
  expect(readmeTableNames('Output').sort()).toEqual(Object.keys(action.outputs).sort());
});
