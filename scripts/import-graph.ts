/**
 * The import graph of src/ and the rules its folders keep: each folder is a layer, and a module imports only from
 * its own folder or a lower layer; no cycle; only providers/index.ts reaches into a provider's folder; no module
 * over 350 lines. `npm run architecture` (scripts/architecture.ts) prints the picture; test/unit/architecture.test.ts holds the rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * The layers, lowest first; a folder may import from its own layer or any lower one. Folders on one layer do not
 * import each other.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['text', 'runtime'],
  ['fs', 'async'],
  ['net'],
  ['imaging', 'inputs'],
  ['providers'],
  ['settings'],
  ['state'],
  ['pipeline'],
  ['report'],
  ['github'],
  ['action', 'cli'],
  // src/index.ts: the bundle's one entry, which hands over to a face.
  ['.']
];

/** Folders whose code may not name a provider: generic mechanisms and the stages that speak `Provider`. */
export const PROVIDER_NEUTRAL = ['text', 'runtime', 'fs', 'async', 'net', 'imaging', 'inputs', 'state', 'pipeline'];

export const MAX_LINES = 350;

export interface Module {
  /** Path relative to src/, with `/`. */
  readonly path: string;
  readonly lines: number;
  /** Code with comments removed. */
  readonly code: string;
  /** Modules it imports (relative to src/), statically or with `import()`. */
  readonly imports: readonly string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

export function readModules(root: string): Module[] {
  const files = sourceFiles(root);
  const known = new Set(files.map(file => relative(root, file).split(sep).join('/')));
  return files.map(file => {
    const text = readFileSync(file, 'utf8');
    const path = relative(root, file).split(sep).join('/');
    const imports = [...text.matchAll(IMPORT)]
      .map(([, specifier]) =>
        normalize(join(dirname(path), specifier as string))
          .split(sep)
          .join('/')
      )
      .map(target => target.replace(/\.js$/, '.ts'))
      .filter(target => known.has(target));
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    return { path, lines: text.split('\n').length, code, imports: [...new Set(imports)] };
  });
}

export function folderOf(path: string): string {
  return path.includes('/') ? (path.split('/')[0] as string) : '.';
}

function layerOf(folder: string): number {
  return LAYERS.findIndex(layer => layer.includes(folder));
}

/** Imports that point to a higher layer, to a sibling on the same layer, or from a folder no layer names. */
export function upwardImports(modules: readonly Module[]): string[] {
  return modules.flatMap(module =>
    module.imports.flatMap(target => {
      const [from, to] = [folderOf(module.path), folderOf(target)];
      if (from === to) return [];
      const [a, b] = [layerOf(from), layerOf(to)];
      return a < 0 || b < 0 || b >= a ? [`${module.path} → ${target}`] : [];
    })
  );
}

/** Imports into a provider's own folder from outside it, other than the registry (providers/index.ts). */
export function providerLeaks(modules: readonly Module[]): string[] {
  return modules.flatMap(module =>
    module.imports.flatMap(target => {
      const inside = /^providers\/([^/]+)\//.exec(target)?.[1];
      if (inside === undefined || module.path === 'providers/index.ts') return [];
      return module.path.startsWith(`providers/${inside}/`) ? [] : [`${module.path} → ${target}`];
    })
  );
}

/** Groups of modules that import each other, directly or round a loop (Tarjan's strongly connected components). */
export function cycles(modules: readonly Module[]): string[][] {
  const edges = new Map(modules.map(module => [module.path, module.imports]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of edges.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = member === node ? undefined : stack.pop()) {
      onStack.delete(member);
      component.push(member);
    }
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const module of modules) if (!index.has(module.path)) visit(module.path);
  return found;
}

/** The length of the longest import chain from each module down (0: imports nothing of ours). */
export function floors(modules: readonly Module[]): Map<string, number> {
  const edges = new Map(modules.map(module => [module.path, module.imports]));
  const depth = new Map<string, number>();
  const measure = (node: string, seen: ReadonlySet<string>): number => {
    const known = depth.get(node);
    if (known !== undefined) return known;
    const below = (edges.get(node) ?? []).filter(target => !seen.has(target));
    const own = Math.max(-1, ...below.map(target => measure(target, new Set([...seen, target])))) + 1;
    depth.set(node, own);
    return own;
  };
  for (const module of modules) measure(module.path, new Set([module.path]));
  return depth;
}

export function overLong(modules: readonly Module[]): string[] {
  return modules.filter(module => module.lines > MAX_LINES).map(module => `${module.path} (${module.lines} lines)`);
}

/** Code (not comments) in a provider-neutral folder that names a provider. */
export function namedProviders(modules: readonly Module[]): string[] {
  return modules
    .filter(module => PROVIDER_NEUTRAL.includes(folderOf(module.path)) && /ideogram/i.test(module.code))
    .map(module => module.path);
}
