/**
 * The folder listing is the architecture: these rules keep it so. A newcomer reads src/ bottom-up by LAYERS in
 * scripts/import-graph.ts; docs/architecture.md draws the same map.
 */
import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import {
  cycles,
  folderOf,
  LAYERS,
  namedProviders,
  overLong,
  providerLeaks,
  readModules,
  upwardImports,
  type Module
} from '../../scripts/import-graph.js';

const modules = readModules(join(import.meta.dirname, '../../src'));

/** A few modules as the rules see them, to show each rule catches what it names. */
function fixture(files: Record<string, { imports?: string[]; code?: string; lines?: number }>): Module[] {
  return Object.entries(files).map(([path, { imports = [], code = '', lines = 1 }]) => ({
    path,
    imports,
    code,
    lines
  }));
}

describe('src/ as it is', () => {
  test('every module is in a folder, and every folder on a layer', () => {
    const folders = new Set(modules.map(module => folderOf(module.path)));
    expect([...folders].filter(folder => !LAYERS.flat().includes(folder))).toEqual([]);
  });

  test('no import points to a higher layer or a sibling folder', () => {
    expect(upwardImports(modules)).toEqual([]);
  });

  test('no module imports itself round a loop', () => {
    expect(cycles(modules)).toEqual([]);
  });

  test("only providers/index.ts reaches into a provider's folder", () => {
    expect(providerLeaks(modules)).toEqual([]);
  });

  test('generic code and the pipeline never name a provider', () => {
    expect(namedProviders(modules)).toEqual([]);
  });

  test('no module over 350 lines', () => {
    expect(overLong(modules)).toEqual([]);
  });
});

describe('the rules catch what they name', () => {
  test('an import from a lower layer up, or between folders of one layer', () => {
    const found = upwardImports(
      fixture({
        'fs/a.ts': { imports: ['pipeline/b.ts'] },
        'fs/c.ts': { imports: ['async/d.ts'] },
        'pipeline/b.ts': { imports: ['fs/a.ts', 'pipeline/e.ts'] },
        'pipeline/e.ts': {},
        'async/d.ts': {}
      })
    );
    expect(found).toEqual(['fs/a.ts → pipeline/b.ts', 'fs/c.ts → async/d.ts']);
  });

  test('a loop of any length', () => {
    const found = cycles(
      fixture({
        'a/x.ts': { imports: ['a/y.ts'] },
        'a/y.ts': { imports: ['a/z.ts'] },
        'a/z.ts': { imports: ['a/x.ts'] },
        'a/w.ts': { imports: ['a/x.ts'] }
      })
    );
    expect(found).toEqual([['a/x.ts', 'a/y.ts', 'a/z.ts']]);
  });

  test("a provider's module imported from outside its folder", () => {
    const found = providerLeaks(
      fixture({
        'providers/index.ts': { imports: ['providers/ideogram/client.ts'] },
        'providers/ideogram/upscaler.ts': { imports: ['providers/ideogram/client.ts', 'providers/provider.ts'] },
        'pipeline/run.ts': { imports: ['providers/index.ts', 'providers/ideogram/client.ts'] },
        'providers/local/upscaler.ts': { imports: ['providers/ideogram/models.ts'] }
      })
    );
    expect(found).toEqual([
      'pipeline/run.ts → providers/ideogram/client.ts',
      'providers/local/upscaler.ts → providers/ideogram/models.ts'
    ]);
  });

  test('a provider named in neutral code, and a module past the line limit', () => {
    const files = fixture({
      'pipeline/a.ts': { code: "const why = 'Ideogram said no';" },
      'report/b.ts': { code: "const title = 'Ideogram upscale';" },
      'state/c.ts': { code: 'const x = 1;', lines: 351 }
    });
    expect(namedProviders(files)).toEqual(['pipeline/a.ts']);
    expect(overLong(files)).toEqual(['state/c.ts (351 lines)']);
  });
});
