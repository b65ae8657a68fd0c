import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Destinations, type WriteRules } from '../../src/pipeline/destinations.js';
import {
  AS_RETURNED,
  OUTPUT_FORMAT_INFO,
  OUTPUT_FORMATS,
  type Conversion,
  type OutputFormat
} from '../../src/imaging/output-format.js';
import { OutputTemplate } from '../../src/settings/output-path.js';
import { encodePng, jpegBytes, makeTempDir, removeDir, webpBytes, writeFiles } from '../support/files.js';

const DEFAULT = OutputTemplate.parse('upscaled/{dir}/{name}.{ext}', 1);
let workspace: string;
let outside: string;

beforeEach(async () => {
  workspace = await makeTempDir('destinations-');
  outside = await makeTempDir('outside-');
});
afterEach(async () => {
  await removeDir(workspace);
  await removeDir(outside);
});

function rules(overrides: Partial<WriteRules> = {}): WriteRules {
  return { workspace, sources: new Set(), earlier: new Map(), overwrite: false, ...overrides };
}

/** Why each of `work` (the sources sent) may not be sent, as the selection asks per source. */
async function refusals(
  work: string[],
  options: { every?: string[]; template?: OutputTemplate; rules?: Partial<WriteRules>; conversion?: Conversion } = {}
): Promise<Record<string, string>> {
  const every = options.every ?? work;
  const destinations = await Destinations.prepare(
    [...every, ...work],
    options.template ?? DEFAULT,
    1,
    rules({ sources: new Set(every), ...options.rules }),
    options.conversion
  );
  const refused: Record<string, string> = {};
  for (const source of work) {
    const why = await destinations.refusal(source, rival => work.includes(rival));
    if (why !== undefined) refused[source] = why;
  }
  return refused;
}

describe('a result goes only where nothing is, or over its own earlier result', () => {
  test('nothing there: allowed', async () => {
    expect(await refusals(['a.png'])).toEqual({});
  });

  test('an earlier result of the same source, per the manifest: allowed', async () => {
    await writeFiles(workspace, { 'upscaled/a.png': 'earlier result' });
    expect(await refusals(['a.png'], { rules: { earlier: new Map([['upscaled/a.png', 'a.png']]) } })).toEqual({});
  });

  test('any other file: refused, naming it and the way out', async () => {
    await writeFiles(workspace, { 'upscaled/a.png': 'a user file' });
    expect(await refusals(['a.png'])).toEqual({
      'a.png':
        "not sent: upscaled/a.png already exists and is not a result of this action; 'overwrite: true' replaces it"
    });
  });

  test("another source's earlier result: refused, naming that source", async () => {
    await writeFiles(workspace, { 'upscaled/a.png': 'result of a.png' });
    const refused = await refusals(['a.jpg'], {
      every: ['a.jpg'],
      rules: { earlier: new Map([['upscaled/a.png', 'gone/a.png']]) }
    });
    expect(refused['a.jpg']).toMatch(/upscaled\/a\.png already exists and is the result of gone\/a\.png/);
  });

  test('overwrite: true allows replacing an ordinary file', async () => {
    await writeFiles(workspace, { 'upscaled/a.png': 'a user file' });
    expect(await refusals(['a.png'], { rules: { overwrite: true } })).toEqual({});
  });

  test.each([false, true])('never a source, selected or not (overwrite: %s)', async overwrite => {
    await writeFiles(workspace, { 'a.png': 'source', 'b/a.png': 'another source' });
    const up = OutputTemplate.parse('{dir}/../{name}.{ext}', 1);
    const refused = await refusals(['b/a.png'], { every: ['a.png', 'b/a.png'], template: up, rules: { overwrite } });
    expect(refused['b/a.png']).toBe('not sent: its result would replace the source a.png');
  });

  test.each([
    ['PNG', encodePng(4, 4)],
    ['JPEG', jpegBytes()],
    ['WebP', webpBytes()]
  ])('overwrite never replaces a %s this run does not select: it may be a source', async (_, image) => {
    await writeFiles(workspace, {
      'a.png': image,
      'b/a.png': encodePng(4, 4),
      'b/c.png': encodePng(4, 4),
      'c.png': 'text'
    });
    const up = OutputTemplate.parse('{dir}/../{name}.{ext}', 1);
    const refused = await refusals(['b/a.png', 'b/c.png'], { template: up, rules: { overwrite: true } });
    expect(refused).toEqual({
      'b/a.png':
        "not sent: a.png is an image that is not a result of this action (a source, even if this run does not select it); 'overwrite' never replaces a source"
    });
  });

  test.each([
    ['PNG', encodePng(4, 4)],
    ['JPEG', jpegBytes()],
    ['WebP', webpBytes()]
  ])(
    'overwrite never replaces a link to a %s this run does not select: it may be a committed link to a source',
    async (_, image) => {
      await writeFiles(workspace, { 'real/a.png': image, 'b/a.png': encodePng(4, 4) });
      await symlink('real/a.png', join(workspace, 'a.png'));
      const up = OutputTemplate.parse('{dir}/../{name}.{ext}', 1);
      expect(await refusals(['b/a.png'], { template: up, rules: { overwrite: true } })).toEqual({
        'b/a.png':
          "not sent: a.png is an image that is not a result of this action (a source, even if this run does not select it); 'overwrite' never replaces a source"
      });
    }
  );

  test.each([
    ['a file that is not an image', 'real/notes.txt'],
    ['a named pipe (never opened)', 'real/pipe'],
    ['nothing (dangling)', 'real/gone.png']
  ])('overwrite replaces a link to %s, as it does an ordinary file', async (_, target) => {
    await writeFiles(workspace, { 'real/notes.txt': 'text', 'b/a.png': encodePng(4, 4) });
    execFileSync('mkfifo', [join(workspace, 'real/pipe')]);
    await symlink(target, join(workspace, 'a.png'));
    const up = OutputTemplate.parse('{dir}/../{name}.{ext}', 1);
    expect(await refusals(['b/a.png'], { template: up, rules: { overwrite: true } })).toEqual({});
    expect(await refusals(['b/a.png'], { template: up })).toEqual({
      'b/a.png': "not sent: a.png already exists and is not a result of this action; 'overwrite: true' replaces it"
    });
  });

  test('overwrite replaces an image that looks like a result of ours (the manifest was turned off)', async () => {
    await writeFiles(workspace, { 'upscaled/a.png': encodePng(4, 4) });
    expect(await refusals(['a.png'], { rules: { overwrite: true } })).toEqual({});
  });

  test.each([false, true])('never under .git (overwrite: %s)', async overwrite => {
    await writeFiles(workspace, { '.git/config': '[core]', 'x/.git/a.png': 'a source inside a nested .git' });
    const refused = await refusals(['x/.git/a.png'], { rules: { overwrite } });
    expect(refused['x/.git/a.png']).toMatch(/its result upscaled\/x\/\.git\/a\.png is inside a \.git directory/);
  });

  test('never outside the workspace', async () => {
    const up = OutputTemplate.parse('{dir}/../{name}.{ext}', 1);
    expect((await refusals(['a.png'], { template: up }))['a.png']).toMatch(/is outside the workspace/);
  });

  test('never through a symbolic link out of the workspace, or into .git', async () => {
    await mkdir(join(workspace, '.git'));
    await symlink(outside, join(workspace, 'upscaled'));
    await symlink(join(workspace, '.git'), join(workspace, 'sneaky'));
    expect((await refusals(['a.png']))['a.png']).toMatch(/upscaled leads outside the workspace/);
    const sneaky = OutputTemplate.parse('sneaky/{name}.{ext}', 1);
    expect((await refusals(['a.png'], { template: sneaky }))['a.png']).toMatch(/sneaky leads into a \.git directory/);
  });
});

describe('the paths checked are those the conversion writes', () => {
  const check = (format: OutputFormat | undefined): Promise<Record<string, string>> =>
    refusals(['a.png'], { conversion: { ...AS_RETURNED, format } });

  test.each(OUTPUT_FORMATS.filter(format => format !== 'png'))(
    'a file not ours at the %s path refuses a conversion to it, and no other',
    async format => {
      const path = `upscaled/a.${OUTPUT_FORMAT_INFO[format].extension}`;
      await writeFiles(workspace, { [path]: 'a user file' });
      expect(await check(format)).toEqual({
        'a.png': `not sent: ${path} already exists and is not a result of this action; 'overwrite: true' replaces it`
      });
      const other = OUTPUT_FORMATS.find(f => f !== format && f !== 'png') as OutputFormat;
      expect(await check(other)).toEqual({});
    }
  );
});

describe('each destination is checked before anything is sent', () => {
  test('a directory where the result goes', async () => {
    await mkdir(join(workspace, 'upscaled/a.png'), { recursive: true });
    expect((await refusals(['a.png'], { rules: { overwrite: true } }))['a.png']).toBe(
      'not sent: its result path upscaled/a.png is a directory'
    );
  });

  test('a FIFO where the result goes', async () => {
    await mkdir(join(workspace, 'upscaled'));
    execFileSync('mkfifo', [join(workspace, 'upscaled/a.png')]);
    expect((await refusals(['a.png'], { rules: { overwrite: true } }))['a.png']).toMatch(/is a named pipe/);
  });

  test('a file where a folder must be made', async () => {
    await writeFile(join(workspace, 'upscaled'), 'a file');
    expect((await refusals(['x/a.png']))['x/a.png']).toBe(
      'not sent: its result upscaled/x/a.png cannot be written: upscaled is a file, not a folder'
    );
  });

  test('a name over 255 bytes in any format the result may come in (the short temporary name always fits)', async () => {
    const fits = `${'n'.repeat(250)}.png`; // as .webp: 255 bytes
    const long = `${'n'.repeat(252)}.png`;
    const emoji = `${'🐱'.repeat(63)}.png`; // 63 × 4 bytes + 4
    expect(await refusals([fits], { template: OutputTemplate.parse('out/{name}.{ext}', 1) })).toEqual({});
    const refused = await refusals([long, `x/${emoji}`], { template: OutputTemplate.parse('out/{name}.{ext}', 1) });
    expect(refused[long]).toMatch(/is 256 bytes, over the file system's limit of 255/);
    expect(refused[`x/${emoji}`]).toMatch(/is 256 bytes, over the file system's limit of 255/);
  });
});

describe('collisions are checked against every source found', () => {
  test('a new a.jpg beside an a.png the manifest skips: the new one is refused, the old result kept', async () => {
    await writeFiles(workspace, { 'upscaled/a.png': 'result of a.png' });
    const refused = await refusals(['a.jpg'], {
      every: ['a.jpg', 'a.png'],
      rules: { earlier: new Map([['upscaled/a.png', 'a.png']]) }
    });
    expect(refused).toEqual({
      'a.jpg':
        "not sent: its result upscaled/a.png would also be the result of a.png; rename one, or leave one out with a '!' pattern in 'files'"
    });
  });
});
