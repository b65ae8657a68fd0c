import { afterAll, describe, expect, it } from '@jest/globals';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { flagSpecs } from '../../src/cli/flags.js';
import { runCli } from '../../src/cli/program.js';
import { Input } from '../../src/inputs/inputs.js';
import { DEFAULTS } from '../../src/settings/settings.js';
import { startFakeIdeogram } from '../fakes/ideogram-server.js';
import { inspectPng, SAMPLE_SIZES, workspaceWithExamples } from '../support/samples.js';

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(
  cwd: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; tty?: boolean } = {}
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    env: options.env ?? {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false, columns: 100 }
  });
  return { code, stdout, stderr };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  );
}

const workspaces: string[] = [];

async function workspace(): Promise<string> {
  const dir = await workspaceWithExamples('cli-');
  workspaces.push(dir);
  return dir;
}

afterAll(() => Promise.all(workspaces.map(dir => rm(dir, { recursive: true, force: true }))));

describe('ideogram-upscale', () => {
  it('with no key, upscales the samples 2× on this machine and writes a gallery', async () => {
    const dir = await workspace();
    const run = await cli(dir, ['examples/**/*.png']);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('IDEOGRAM_API_KEY is not set: upscaling 2× on this machine (--provider local');
    expect(run.stderr).toContain('2 upscaled, 0 failed, 0 unsafe, 0 skipped, 0 deferred, of 2.');
    expect(run.stdout).toBe('upscaled/examples/badge.png\nupscaled/examples/pattern.png\n');
    for (const source of ['examples/badge.png', 'examples/pattern.png']) {
      const size = SAMPLE_SIZES[source];
      const result = inspectPng(await readFile(join(dir, 'upscaled', source)));
      expect([result.width, result.height]).toEqual([(size?.width ?? 0) * 2, (size?.height ?? 0) * 2]);
    }
    expect(run.stderr).toContain('Gallery: gallery/index.html');
    expect(await readFile(join(dir, 'gallery/originals/examples/badge.png'))).toEqual(
      await readFile(join(dir, 'examples/badge.png'))
    );
  });

  it('never takes its results or the gallery for sources on the next run', async () => {
    const dir = await workspace();
    expect((await cli(dir, [])).stderr).toContain('Found 4 image(s).');

    // Without a manifest nothing proves the earlier results are ours: they are left alone unless --overwrite.
    const refused = await cli(dir, ['--no-manifest']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /examples\/badge\.png failed: not sent: upscaled\/examples\/badge\.png already exists and is not a result of this action; 'overwrite: true' replaces it/
    );

    const again = await cli(dir, ['--no-manifest', '--overwrite']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Found 4 image(s).');
    expect(again.stdout.split('\n').filter(Boolean)).toEqual([
      'upscaled/examples/badge.png',
      'upscaled/examples/pattern.png',
      'upscaled/examples/photos/landscape.png',
      'upscaled/examples/webp/landscape.png'
    ]);
  });

  it('keeps a manifest beside its results, so the same command run again pays for nothing; --no-manifest pays again', async () => {
    const ideogram = await startFakeIdeogram({ apiKey: 'cli-key', resultBytes: 'small' });
    try {
      const dir = await workspace();
      const args = [
        '--api-url',
        ideogram.url,
        '--no-gallery',
        '--output-path',
        'big/{dir}/{name}.{ext}',
        'examples/**/*.png'
      ];
      const env = { IDEOGRAM_API_KEY: 'cli-key' };
      const first = await cli(dir, args, { env });
      expect(first.code).toBe(0);
      expect(ideogram.stats.requests).toBe(2);
      const manifest = JSON.parse(await readFile(join(dir, 'big/.ideogram-upscale.json'), 'utf8')) as {
        sources: Record<string, unknown>;
      };
      expect(Object.keys(manifest.sources).sort()).toEqual(['examples/badge.png', 'examples/pattern.png']);

      const second = await cli(dir, args, { env });
      expect(second.code).toBe(0);
      expect(ideogram.stats.requests).toBe(2);
      expect(second.stderr).toContain('0 upscaled, 0 failed, 0 unsafe, 2 skipped, 0 deferred, of 2.');
      expect(second.stdout).toBe('');

      const without = await cli(dir, [...args, '--no-manifest', '--overwrite'], { env });
      expect(without.code).toBe(0);
      expect(ideogram.stats.requests).toBe(4);
    } finally {
      await ideogram.close();
    }
  });

  it('--dry-run lists what it would do and writes nothing', async () => {
    const dir = await workspace();
    const run = await cli(dir, ['--dry-run', 'examples/**/*.jpg']);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('[1/1] examples/photos/landscape.jpg skipped: dry run: nothing sent');
    expect(run.stderr).toContain('Dry run: would upscale 1 image(s) on this machine; nothing was written.');
    expect(run.stdout).toBe('');
    expect(await exists(join(dir, 'upscaled'))).toBe(false);
    expect(await exists(join(dir, 'gallery'))).toBe(false);
  });

  it("--json prints the action's results document on stdout, and nothing else", async () => {
    const dir = await workspace();
    const run = await cli(dir, ['--json', '--no-gallery', '--files', 'examples/webp/*.webp']);

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        source: 'examples/webp/landscape.webp',
        status: 'upscaled',
        outputs: [{ path: 'upscaled/examples/webp/landscape.png', resolution: '240x160', seed: null, prompt: null }]
      }
    ]);
    expect(await exists(join(dir, 'gallery'))).toBe(false);
  });

  it('exits 1 when an image fails, and 0 with --no-fail-on-error', async () => {
    const dir = await workspace();
    await writeFile(
      join(dir, 'examples/broken.png'),
      Buffer.concat([(await readFile(join(dir, 'examples/badge.png'))).subarray(0, 33), Buffer.alloc(64)])
    );

    const run = await cli(dir, ['examples/*.png']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\[\d\/3\] examples\/broken\.png failed: The file is a damaged PNG/);
    expect(run.stderr).toContain('2 upscaled, 1 failed, 0 unsafe, 0 skipped, 0 deferred, of 3.');

    expect((await cli(dir, ['--no-fail-on-error', 'examples/*.png'])).code).toBe(0);
  });

  it.each([
    [['--bogus'], "error: unknown option '--bogus'"],
    [['--num-images', '0'], "--num-images must be a whole number from 1 to 8; got '0'."],
    [['--provider', 'magic'], "argument 'magic' is invalid. Allowed choices are ideogram, local."],
    [['--provider', 'ideogram'], 'IDEOGRAM_API_KEY is not set: export your Ideogram API key, or use --provider local.'],
    [['--output-path', '{dir}/{name}.{ext}', 'x/**/*.png'], '--output-path would write results over their sources'],
    [['--files', '!examples/**'], "--files must have at least one pattern that is not an exclusion ('!')."],
    [['--max-images', '5', '--no-manifest'], "--max-images needs a manifest (--manifest is 'none')"],
    // Found only once the sources are known: still a setting that cannot work, and nothing was sent.
    [
      ['--output-path', 'out/{name}.{ext}', 'examples/**/*'],
      "--output-path makes examples/photos/landscape.jpg and examples/webp/landscape.webp both write out/landscape.png; rename one, or leave one out with a '!' pattern in --files."
    ]
  ])('exits 2 on bad usage, naming flags as flags: %j', async (args, message) => {
    const dir = await workspace();
    const run = await cli(dir, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('Input ');
    expect(await exists(join(dir, 'upscaled'))).toBe(false);
  });

  it('rejects a bad Ideogram option without first saying the local provider ignores it', async () => {
    const dir = await workspace();
    const run = await cli(dir, ['--dry-run', '--detail', '150', 'examples/badge.png']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--detail must be a whole number from 1 to 100; got '150'.");
    expect(run.stderr).not.toContain('ignores');
  });

  it('--version prints the version package.json gives, and exits 0', async () => {
    const dir = await workspace();
    const { version } = JSON.parse(await readFile(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    const run = await cli(dir, ['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });

  it('says a match outside the current folder is refused, and why', async () => {
    const dir = await workspace();
    const run = await cli(join(dir, 'examples/photos'), ['../*.png', '../../examples/webp/*.webp']);
    expect(run.code).toBe(0);
    for (const file of ['examples/badge.png', 'examples/pattern.png', 'examples/webp/landscape.webp']) {
      expect(run.stderr).toContain(`Refused ${join(dir, file)}: outside the current folder`);
    }
    expect(run.stderr).toContain('No images to upscale: 3 match(es) refused, outside the current folder.');
    expect(run.stdout).toBe('');
  });

  it('--help lists every flag with its default, and exits 0', async () => {
    const dir = await workspace();
    const run = await cli(dir, ['--help']);

    expect(run.code).toBe(0);
    const help = run.stdout.replace(/\s+/g, ' ');
    for (const [input, spec] of Object.entries(flagSpecs(''))) {
      if (spec.kind !== 'fixed') expect(help).toContain(`--${input}`);
    }
    for (const input of [Input.OutputPath, Input.Concurrency, Input.MaxRetries, Input.RequestTimeout, Input.ApiUrl]) {
      expect(help).toContain(`(default: "${DEFAULTS[input]}")`);
    }
    expect(help).toContain('--no-gallery');
    expect(help).toContain('--json');
    for (const actionOnly of [Input.Publish, Input.ArtifactName, Input.RetentionDays, Input.GithubToken]) {
      expect(help).not.toContain(`--${actionOnly}`);
    }
  });

  it('draws a progress bar on a terminal', async () => {
    const dir = await workspace();
    const run = await cli(dir, ['--no-gallery', 'examples/**/*.png'], { tty: true });

    expect(run.code).toBe(0);
    // Each redraw erases the line (CR, ESC [2K) and draws the bar again.
    const redraws = run.stderr.split('\r\x1b[2K').slice(1);
    expect(redraws).toContainEqual(expect.stringMatching(/^\[█+░*\] 1\/2 · ETA \d+:\d\d/));
    expect(run.stderr).toContain('[████████████████████████] 2/2 · ETA 0:00');
    // A plain line per image is for pipes and CI only.
    expect(run.stderr).not.toContain('[1/2]');
  });

  it('keeps to plain lines in CI, even on a terminal', async () => {
    const dir = await workspace();
    const run = await cli(dir, ['--no-gallery', 'examples/badge.png'], { tty: true, env: { CI: 'true' } });
    expect(run.stderr).toMatch(/\[1\/1\] examples\/badge\.png → upscaled\/examples\/badge\.png 128x128 \(\d+\.\d s\)/);
    expect(run.stderr).not.toContain('\r');
  });

  it('uses Ideogram when the key is set, with the same engine and results', async () => {
    const ideogram = await startFakeIdeogram({ apiKey: 'cli-key' });
    try {
      const dir = await workspace();
      const run = await cli(
        dir,
        ['--api-url', ideogram.url, '--num-images', '2', '--seed', '7', '--json', 'examples/badge.png'],
        {
          env: { IDEOGRAM_API_KEY: 'cli-key' }
        }
      );

      expect(run.stderr).not.toContain('local');
      expect(run.code).toBe(0);
      const [result] = JSON.parse(run.stdout) as { status: string; outputs: { path: string; resolution: string }[] }[];
      expect(result?.status).toBe('upscaled');
      expect(result?.outputs.map(output => output.path)).toEqual([
        'upscaled/examples/badge-1.png',
        'upscaled/examples/badge-2.png'
      ]);
      expect(ideogram.upscales).toHaveLength(1);
      expect(await readFile(join(dir, 'gallery/index.html'), 'utf8')).toContain('../upscaled/examples/badge-2.png');
    } finally {
      await ideogram.close();
    }
  });

  it('says which Ideogram options the local provider ignores', async () => {
    const dir = await workspace();
    const run = await cli(dir, ['--dry-run', '--prompt', 'sharper', '--seed', '3', 'examples/badge.png']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('The local provider ignores --prompt, --seed.');
  });
});
