/** `npm run architecture`: the import picture of src/ (rooms, floors, and what breaks the layering rules). */
import { join } from 'node:path';
import {
  cycles,
  floors,
  folderOf,
  namedProviders,
  overLong,
  providerLeaks,
  readModules,
  upwardImports
} from './import-graph.js';

const modules = readModules(join(import.meta.dirname, '../src'));
const depth = floors(modules);
const picture = {
  rooms: modules.length,
  imports: modules.reduce((sum, module) => sum + module.imports.length, 0),
  floors: Math.max(...depth.values()) + 1,
  upward: upwardImports(modules),
  cycles: cycles(modules),
  providerLeaks: providerLeaks(modules),
  overLong: overLong(modules),
  namedProviders: namedProviders(modules),
  folders: Object.fromEntries(
    [...new Set(modules.map(module => folderOf(module.path)))]
      .sort()
      .map(folder => [folder, modules.filter(module => folderOf(module.path) === folder).length])
  )
};
console.log(JSON.stringify(picture, null, 2));
