import { beforeEach, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashFile } from '../../src/fs/file-hash.js';
import { recordedResults } from '../../src/pipeline/reconvert.js';
import { unchangedEntry } from '../../src/pipeline/selection.js';
import { journalPath } from '../../src/state/journal.js';
import { Manifest } from '../../src/state/manifest.js';
import type { ManifestDocument } from '../../src/state/manifest-document.js';
import type { SourceResult } from '../../src/state/results.js';
import { NOT_FILES } from '../support/files.js';
import { makeWorkspace } from '../support/workspace.js';

const SETTINGS = { provider: 'ideogram', request: { detail: 70 } };

function upscaled(source: string, path: string): SourceResult {
  return { source, status: 'upscaled', outputs: [{ path, resolution: '20x20', seed: 7, prompt: 'p' }] };
}

describe('Manifest', () => {
  let workspace: string;
  let sha: string;
  beforeEach(async () => {
    workspace = await makeWorkspace({ 'a.png': 'image bytes', 'out/a.png': 'result bytes' });
    sha = await hashFile(join(workspace, 'a.png'));
  });

  it('hashes the whole file with SHA-256', () => {
    // sha256('image bytes')
    expect(sha).toBe('de7030234493a8bea844dbe1d8676e68a2c1a4b014c721f0425a22b6df66faec');
  });

  it('hashes files of any size, many at once, each to its own bytes', async () => {
    // Sizes around the read buffer (256 KiB) and several of them: the buffers are shared between files.
    const sizes = [0, 1, 256 * 1024 - 1, 256 * 1024, 256 * 1024 + 1, 3 * 1024 * 1024 + 17];
    const files = sizes.map((size, i) => ({ path: join(workspace, `f${i}.png`), bytes: randomBytes(size) }));
    await Promise.all(files.map(file => writeFile(file.path, file.bytes)));
    const digests = await Promise.all(files.map(file => hashFile(file.path)));
    expect(digests).toEqual(files.map(file => createHash('sha256').update(file.bytes).digest('hex')));
  });

  it('starts empty when the file does not exist, and is written sorted with what was upscaled', async () => {
    const manifest = await Manifest.load(workspace, '.github/m.json');
    expect(manifest.resultOwners().size).toBe(0);
    await manifest.record(upscaled('z.png', 'out/z.png'), 'f'.repeat(64), SETTINGS, new Date('2026-01-02T03:04:05Z'));
    await manifest.record(upscaled('a.png', 'out/a.png'), sha, SETTINGS, new Date('2026-01-02T03:04:05Z'));
    await manifest.record({ source: 'bad.png', status: 'failed', outputs: [], error: 'x' }, sha, SETTINGS, new Date());
    expect(manifest.hasChanges).toBe(true);
    await manifest.save();
    const saved = JSON.parse(await readFile(join(workspace, '.github/m.json'), 'utf8')) as ManifestDocument;
    expect(Object.keys(saved.sources)).toEqual(['a.png', 'z.png']);
    expect(saved.sources['a.png']).toEqual({
      sha256: sha,
      settings: SETTINGS,
      status: 'upscaled',
      outputs: [{ path: 'out/a.png', resolution: '20x20', seed: 7 }],
      upscaledAt: '2026-01-02T03:04:05.000Z'
    });
  });

  describe('unchanged', () => {
    let manifest: Manifest;
    beforeEach(async () => {
      const first = await Manifest.load(workspace, 'm.json');
      await first.record(upscaled('a.png', 'out/a.png'), sha, SETTINGS, new Date());
      await first.save();
      manifest = await Manifest.load(workspace, 'm.json');
    });

    it('vouches for the same bytes and settings (in any key order) while the results exist', async () => {
      expect(
        await unchangedEntry(manifest, 'a.png', sha, { request: { detail: 70 }, provider: 'ideogram' })
      ).toBeDefined();
      expect(manifest.resultOwners()).toEqual(new Map([['out/a.png', 'a.png']]));
    });

    it('does not when the content, a setting or a result changed', async () => {
      expect(await unchangedEntry(manifest, 'a.png', '0'.repeat(64), SETTINGS)).toBeUndefined();
      expect(await unchangedEntry(manifest, 'a.png', sha, { ...SETTINGS, request: { detail: 71 } })).toBeUndefined();
      expect(await unchangedEntry(manifest, 'other.png', sha, SETTINGS)).toBeUndefined();
      await rm(join(workspace, 'out/a.png'));
      expect(await unchangedEntry(manifest, 'a.png', sha, SETTINGS)).toBeUndefined();
    });
  });

  it('keeps each record in a journal at once, so a run killed before saving loses none; a save ends it', async () => {
    const manifest = await Manifest.load(workspace, '.github/m.json');
    await manifest.record(upscaled('a.png', 'out/a.png'), sha, SETTINGS, new Date());
    await manifest.record(upscaled('z.png', 'out/z.png'), 'f'.repeat(64), SETTINGS, new Date());
    // Killed here, the second line cut short by the kill:
    const journal = join(workspace, journalPath('.github/m.json'));
    const text = await readFile(journal, 'utf8');
    await writeFile(journal, text.slice(0, -20));

    const next = await Manifest.load(workspace, '.github/m.json');
    expect(next.hasChanges).toBe(true);
    expect(await unchangedEntry(next, 'a.png', sha, SETTINGS)).toBeDefined();
    expect(next.resultOwners()).toEqual(new Map([['out/a.png', 'a.png']]));
    await next.save();
    await expect(readFile(journal)).rejects.toThrow(/ENOENT/);
    expect((await Manifest.load(workspace, '.github/m.json')).hasChanges).toBe(false);
  });

  it('stops on a manifest that is not valid JSON, naming it and the ways out; force starts it afresh', async () => {
    await writeFile(join(workspace, 'm.json'), '{"version": 1, "sources": {');
    await expect(Manifest.load(workspace, 'm.json')).rejects.toThrow(
      /^The manifest m\.json is not valid JSON \(.+\); nothing was sent\. Fix or delete it, set 'force: true' to start it afresh, or 'manifest: none' to run without one\.$/
    );
    const forced = await Manifest.load(workspace, 'm.json', true);
    expect(forced.resultOwners().size).toBe(0);
    expect(forced.warnings).toEqual([
      expect.stringMatching(/^The manifest m\.json is not valid JSON .+'force' is set/)
    ]);
  });

  it.each(Object.entries(NOT_FILES))(
    'stops on %s where the manifest or its journal is, without reading it; force starts the manifest afresh',
    async (_, make) => {
      await make(join(workspace, 'm.json'));
      const why = /is (a named pipe \(FIFO\)|a device|a directory), not a regular file; nothing was sent\./;
      await expect(Manifest.load(workspace, 'm.json')).rejects.toThrow(
        new RegExp(`^The manifest m\\.json ${why.source}`)
      );
      const forced = await Manifest.load(workspace, 'm.json', true);
      expect(forced.warnings).toEqual([expect.stringMatching(/^The manifest m\.json is .+'force' is set/)]);

      await make(join(workspace, journalPath('n.json')));
      await expect(Manifest.load(workspace, 'n.json')).rejects.toThrow(
        new RegExp(`^The manifest n\\.json\\.journal ${why.source}`)
      );
    }
  );

  const HOSTILE: [string, RegExp][] = [
    ['../../outside.png', /outside the workspace/],
    ['/etc/passwd', /absolute path/],
    ['.git/config', /inside a \.git directory/],
    ['a/.GIT/hooks/pre-commit', /inside a \.git directory/]
  ];
  const PLACES = {
    outputs: (path: string) => ({ outputs: [{ path, resolution: null, seed: 1 }] }),
    returned: (path: string) => ({ returned: [{ path, resolution: null, seed: 1 }] }),
    former: (path: string) => ({ former: [path] })
  };
  it.each(
    HOSTILE.flatMap(([path, why]) => Object.entries(PLACES).map(([place, put]) => [path, place, put, why] as const))
  )('never trusts an entry naming %s in %s: dropped with a warning', async (path, _place, put, why) => {
    const good = {
      sha256: sha,
      settings: SETTINGS,
      status: 'upscaled',
      outputs: [{ path: 'out/a.png', resolution: null, seed: 1 }]
    };
    await writeFile(
      join(workspace, 'm.json'),
      JSON.stringify({ version: 1, sources: { 'x.png': { ...good, ...put(path) }, 'a.png': good } })
    );
    const manifest = await Manifest.load(workspace, 'm.json');
    expect(manifest.resultOwners()).toEqual(new Map([['out/a.png', 'a.png']]));
    expect(manifest.warnings).toEqual([
      expect.stringMatching(/^Ignoring the manifest's entry for x\.png: its result /)
    ]);
    expect(manifest.warnings[0]).toMatch(why);
  });

  it("a result at another path (a new format) leaves the earlier ones the source's own, and what it came from", async () => {
    const manifest = await Manifest.load(workspace, 'm.json');
    await manifest.record(upscaled('a.png', 'out/a.png'), sha, SETTINGS, new Date());
    const converted = { ...SETTINGS, output: { format: 'webp' } };
    const returned = [{ path: 'out/a.png', resolution: '20x20', seed: 7 }];
    await manifest.record(upscaled('a.png', 'out/a.webp'), sha, converted, new Date(), returned);
    await manifest.record(
      upscaled('a.png', 'out/a.avif'),
      sha,
      { ...SETTINGS, output: { format: 'avif' } },
      new Date()
    );
    expect(manifest.resultOwners()).toEqual(
      new Map([
        ['out/a.avif', 'a.png'],
        ['out/a.png', 'a.png'],
        ['out/a.webp', 'a.png']
      ])
    );
    await manifest.save();
    const again = await Manifest.load(workspace, 'm.json');
    expect(again.document.sources['a.png']).toMatchObject({
      outputs: [{ path: 'out/a.avif' }],
      former: ['out/a.webp', 'out/a.png']
    });
    // Recorded after a conversion that kept them, the returned results are what the next conversion starts from.
    const webp = await Manifest.load(workspace, 'w.json');
    await webp.record(upscaled('a.png', 'out/a.webp'), sha, converted, new Date(), returned);
    await writeFile(join(workspace, 'out/a.webp'), 'converted bytes');
    expect(await recordedResults(webp, 'a.png', sha)).toMatchObject({ from: returned, asReturned: true });
    await rm(join(workspace, 'out/a.png'));
    expect(await recordedResults(webp, 'a.png', sha)).toMatchObject({
      from: [{ path: 'out/a.webp' }],
      asReturned: false
    });
  });

  it('refuses a file it did not write rather than re-upscaling everything', async () => {
    await writeFile(join(workspace, 'm.json'), '{"something": "else"}');
    await expect(Manifest.load(workspace, 'm.json')).rejects.toThrow(/not one this action wrote/);
  });
});

describe('Manifest.adopt', () => {
  const entry = (path: string, sha256 = 'a'.repeat(64)) => ({
    sha256,
    settings: { provider: 'ideogram' },
    status: 'upscaled' as const,
    outputs: [{ path, resolution: null, seed: 1 }],
    upscaledAt: '2026-01-01T00:00:00.000Z'
  });

  it('takes the entries it lacks, keeps its own, and never one naming a path outside the workspace', async () => {
    const workspace = await makeWorkspace({});
    const manifest = await Manifest.load(workspace, 'm.json');
    expect(manifest.adopt({ version: 1, sources: { 'mine.png': entry('up/mine.png', 'b'.repeat(64)) } }).size).toBe(1);
    const adopted = manifest.adopt({
      version: 1,
      sources: {
        'mine.png': entry('up/other.png'),
        'new.png': entry('up/new.png'),
        'escape.png': entry('../outside.png'),
        '../source.png': entry('up/source.png'),
        'absolute.png': entry('/etc/passwd')
      }
    });
    expect([...adopted.keys()]).toEqual(['new.png']);
    expect(manifest.document.sources['mine.png']?.sha256).toBe('b'.repeat(64));
    await rm(workspace, { recursive: true, force: true });
  });
});

describe('jobs accepted but not yet collected', () => {
  const JOB = {
    generationId: 'gen-1',
    sha256: 'abc',
    settings: { provider: 'ideogram', model: 'auto' },
    acceptedAt: 'now'
  };

  it('are journalled at once, folded in by the next load, and only match the same bytes and settings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'manifest-pending-'));
    try {
      const first = await Manifest.load(dir, 'm.json');
      await first.accepted('a.png', JOB);
      // Killed here: no save. The next run still knows the job.
      const next = await Manifest.load(dir, 'm.json');
      expect(next.pendingJob('a.png', 'abc', { model: 'auto', provider: 'ideogram' })).toBe('gen-1');
      expect(next.pendingJob('a.png', 'changed bytes', JOB.settings)).toBeUndefined();
      expect(next.pendingJob('a.png', 'abc', { provider: 'ideogram', model: 'topaz-bloom-2' })).toBeUndefined();
      await next.save();
      const saved = JSON.parse(await readFile(join(dir, 'm.json'), 'utf8')) as { pending?: Record<string, unknown> };
      expect(saved.pending).toEqual({ 'a.png': JOB });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('are dropped once collected, or when the generation failed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'manifest-pending-'));
    try {
      const manifest = await Manifest.load(dir, 'm.json');
      await manifest.accepted('a.png', JOB);
      await manifest.accepted('b.png', { ...JOB, generationId: 'gen-2' });
      await manifest.record(
        {
          source: 'a.png',
          status: 'upscaled',
          outputs: [{ path: 'up/a.png', resolution: '32x32', seed: 1, prompt: null }],
          spentUsdMicros: 42
        },
        'abc',
        JOB.settings,
        new Date(0)
      );
      await manifest.abandoned('b.png');
      const again = await Manifest.load(dir, 'm.json');
      expect(again.pendingJob('a.png', 'abc', JOB.settings)).toBeUndefined();
      expect(again.pendingJob('b.png', 'abc', JOB.settings)).toBeUndefined();
      await again.save();
      const saved = JSON.parse(await readFile(join(dir, 'm.json'), 'utf8')) as {
        pending?: unknown;
        sources: Record<string, { spentUsdMicros?: number }>;
      };
      expect(saved.pending).toBeUndefined();
      expect(saved.sources['a.png']?.spentUsdMicros).toBe(42);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
