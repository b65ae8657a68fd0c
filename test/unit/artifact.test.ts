/** The artifact as uploaded to the loopback artifact service: the results at their names, the gallery, the originals. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml } from '../../src/report/presentation.js';
import { artifactPath, uploadArtifact } from '../../src/github/artifact.js';
import type { SourceResult } from '../../src/state/results.js';
import { startFakeArtifactService, type FakeArtifactService } from '../fakes/artifact-server.js';
import { encodePng, makeTempDir, removeDir } from '../support/files.js';
import { makeWorkspace } from '../support/workspace.js';

let artifacts: FakeArtifactService;
let temp: string;
const saved = new Map<string, string | undefined>();
const write = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  artifacts = await startFakeArtifactService();
  temp = await makeTempDir('artifact-');
  // The artifact client reads the runner's variables from process.env on each call.
  for (const [key, value] of Object.entries(artifacts.env)) {
    saved.set(key, process.env[key]);
    process.env[key] = value;
  }
  // It also writes its progress to stdout: kept out of the test's output.
  process.stdout.write = () => true;
});

afterAll(async () => {
  process.stdout.write = write;
  for (const [key, value] of saved) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await artifacts.close();
  await removeDir(temp);
});

/** A name the artifact service refuses, and a real name that is its encoding. */
const ALIKE: readonly (readonly [string, string])[] = [
  ['a:b.png', 'a%3Ab.png'],
  ['q"uote".png', 'q%22uote%22.png'],
  ['what?.png', 'what%3F.png'],
  ['line\nbreak.png', 'line%0Abreak.png'],
  ['dir:x/in.png', 'dir%3Ax/in.png'],
  ['50%:b.png', '50%25%3Ab.png']
];

/** The card of one source on the gallery page. */
function cardOf(page: string, source: string): string {
  const card = page
    .split('<article')
    .find(text => text.includes(`<h2><code>${escapeHtml(source)}</code>`))
    ?.split('</article>')[0];
  if (card === undefined) throw new Error(`no card for ${source}`);
  return card;
}

describe('two files whose names in the artifact are alike', () => {
  let count = 0;
  it.each(ALIKE.flatMap(([refused, real]) => [[refused, real] as const, [real, refused] as const]))(
    '%j, then %j: the first is stored and shown, as a result and as an original; the second left out, never shown with the first’s bytes',
    async (first, second) => {
      const stored = artifactPath(first);
      expect(artifactPath(second)).toBe(stored);
      // Each of its own size, so that one shown with the other's bytes shows the other's size.
      const workspace = await makeWorkspace({
        [first]: encodePng(8, 8, 1),
        [second]: encodePng(10, 6, 2),
        [`upscaled/${first}`]: encodePng(16, 16, 3),
        [`upscaled/${second}`]: encodePng(20, 12, 4)
      });
      const results: SourceResult[] = [first, second].map(source => ({
        source,
        status: 'upscaled',
        outputs: [{ path: `upscaled/${source}`, resolution: null, seed: null, prompt: null }]
      }));
      const name = `alike-${(count += 1)}`;
      const artifact = await uploadArtifact(
        { name, workspace, files: [`upscaled/${first}`, `upscaled/${second}`], results, retentionDays: undefined },
        { RUNNER_TEMP: temp }
      );

      const files = artifacts.files(name);
      expect(files.get(`upscaled/${stored}`)).toEqual(await readFile(join(workspace, 'upscaled', first)));
      expect(files.get(`gallery/originals/${stored}`)).toEqual(await readFile(join(workspace, first)));
      const theirs = [await readFile(join(workspace, second)), await readFile(join(workspace, 'upscaled', second))];
      for (const bytes of files.values()) for (const their of theirs) expect(bytes.equals(their)).toBe(false);
      expect(artifact.leftOut).toEqual([
        { path: `upscaled/${second}`, reason: `its name in the artifact, upscaled/${stored}, is another file's` }
      ]);
      expect(artifact.renamed).toEqual(
        stored === first ? [] : [{ path: `upscaled/${first}`, storedAs: `upscaled/${stored}` }]
      );

      const page = files.get('gallery/index.html')?.toString('utf8') ?? '';
      const href = (path: string): string => path.split('/').map(encodeURIComponent).join('/');
      const firstCard = cardOf(page, first);
      expect(firstCard).toContain(`src="../upscaled/${escapeHtml(href(stored))}"`);
      expect(firstCard).toContain(`src="originals/${escapeHtml(href(stored))}"`);
      expect(firstCard).toContain('16×16');
      expect(firstCard).toContain('8×8');
      // The second is named, unlinked and said missing, with neither size nor picture of the first's.
      const secondCard = cardOf(page, second);
      expect(secondCard).not.toContain('href=');
      expect(secondCard).not.toContain('<img');
      expect(secondCard).not.toMatch(/\d+×\d+/);
      expect(secondCard).toContain(
        `<td data-label="File">${escapeHtml(`upscaled/${second}`)}</td><td data-label="Size">missing</td>`
      );
      expect(secondCard).toContain('No preview: the original could not be copied.');
      await removeDir(workspace);
    }
  );
});
