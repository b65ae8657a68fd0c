/**
 * Hostile files, names, settings and answers, each through the built bundle as the runner runs it, against the
 * loopback Ideogram API. Every case checks what a user would: a clear message naming the file or input, the rest
 * of the batch done, sources and other files byte-identical, no temporary file left, the key never printed, and
 * no request that should not have been sent.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startFakeArtifactService, type FakeArtifactService } from '../fakes/artifact-server.js';
import { encodePng, startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { jpegBytes, listFiles, makeTempDir, paddedPng, removeDir, webpBytes } from '../support/files.js';
import { runAction, type ActionRun } from '../support/run-action.js';
import { makeWorkspace } from '../support/workspace.js';

const KEY = 'sk-hostile-0123456789abcdef';

let ideogram: FakeIdeogram;
beforeAll(async () => {
  ideogram = await startFakeIdeogram({ apiKey: KEY });
});
afterAll(async () => {
  await ideogram.close();
});

interface Entry {
  source: string;
  status: string;
  error?: string;
}

async function run(
  workspace: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<ActionRun> {
  ideogram.resetStats();
  return runAction({
    workspace,
    inputs: { 'api-key': KEY, 'api-url': ideogram.url, publish: 'none', manifest: 'none', ...inputs },
    env
  });
}

function results(action: ActionRun): Entry[] {
  return JSON.parse(action.outputs.results ?? '[]') as Entry[];
}

/** The log as the runner reads it: no line may be a workflow command we did not write. */
function commandLines(action: ActionRun): string[] {
  const ours = /^::(add-mask|error|warning|notice|group|endgroup|debug)( [^:]*)?::/;
  return action.stdout
    .split(/\r?\n/)
    .filter(line => (/^\s*::/.test(line) && !ours.test(line.trimStart())) || line.includes('##['));
}

function expectKeyNowhere(action: ActionRun): void {
  const log = action.stdout.replace(/^::add-mask::.*$/gm, '');
  for (const text of [log, action.stderr, action.summary, JSON.stringify(action.outputs)])
    expect(text).not.toContain(KEY);
}

/** A loopback port that was just free: nothing listens there, so every connection is refused. */
async function closedPort(): Promise<number> {
  const closed = createServer();
  await new Promise<void>(done => closed.listen(0, '127.0.0.1', done));
  const { port } = closed.address() as AddressInfo;
  await new Promise<void>(done => closed.close(() => done()));
  return port;
}

/** Files a run may have left besides results: temporary files of ours. */
function temporaries(files: readonly string[]): string[] {
  return files.filter(file => /\.part$/.test(file));
}

describe('hostile names are data, never commands', () => {
  let workspace: string;
  let action: ActionRun;
  const good = encodePng(8, 8, 1);
  beforeAll(async () => {
    workspace = await makeWorkspace({
      'a\n::warning::owned.png': good,
      'b\r::error::x.png': good,
      '::warning file=x::c.png': good,
      'd ##[warning]v1.png': good,
      'e"quote".png': good,
      [`${'n'.repeat(240)}.png`]: good,
      'photos/🐱 ünïcødé.png': good
    });
    action = await run(workspace);
  });
  afterAll(async () => removeDir(workspace));

  it('refuses names with control characters before sending, upscales the rest', () => {
    const byName = Object.fromEntries(results(action).map(entry => [entry.source, entry]));
    expect(byName['a\n::warning::owned.png']).toMatchObject({ status: 'failed' });
    expect(byName['a\n::warning::owned.png']?.error).toBe(
      'not sent: the file has a control character (line feed, U+000A) in its path; rename it to upscale it'
    );
    expect(byName['b\r::error::x.png']?.error).toMatch(/control character \(carriage return, U\+000D\)/);
    for (const name of ['::warning file=x::c.png', 'd ##[warning]v1.png', 'e"quote".png', 'photos/🐱 ünïcødé.png']) {
      expect(byName[name]).toMatchObject({ status: 'upscaled' });
    }
    expect(byName[`${'n'.repeat(240)}.png`]).toMatchObject({ status: 'upscaled' });
    expect(ideogram.stats.requests).toBe(5);
  });

  it('prints no line the runner would run as a command, and keeps outputs one path per line', () => {
    expect(commandLines(action)).toEqual([]);
    expect(action.stdout).toContain('a\\n::warning::owned.png');
    // The reason reads once escaped, not twice (`(\\n)`).
    expect(action.stdout).toContain('has a control character (line feed, U+000A)');
    expect(action.stdout).not.toContain('\\\\');
    for (const path of (action.outputs.files ?? '').split('\n')) expect(path).toMatch(/^upscaled\/.+\.png$/);
    expectKeyNowhere(action);
  });
});

describe('damaged, special and vanished sources fail before they are sent; the rest go on', () => {
  it('PNG without IEND, JPEG cut before EOI, WebP whose RIFF size lies, a FIFO: each named with its reason', async () => {
    const png = encodePng(16, 16, 2);
    const webp = webpBytes();
    webp.writeUInt32LE(webp.length + 100, 4);
    const jpeg = jpegBytes();
    const workspace = await makeWorkspace({
      'ok.png': png,
      'no-iend.png': png.subarray(0, png.length - 12),
      'cut.jpg': jpeg.subarray(0, jpeg.length - 2),
      'lying.webp': webp
    });
    execFileSync('mkfifo', [join(workspace, 'pipe.png')]);
    await symlink(join(workspace, 'pipe.png'), join(workspace, 'link-to-pipe.png'));
    const socket = createServer();
    await new Promise<void>(done => socket.listen(join(workspace, 'socket.webp'), done));
    const before = await readFile(join(workspace, 'no-iend.png'));
    const action = await run(workspace).finally(() => new Promise<void>(done => socket.close(() => done())));

    const byName = Object.fromEntries(results(action).map(entry => [entry.source, entry]));
    expect(byName['ok.png']?.status).toBe('upscaled');
    expect(byName['no-iend.png']?.error).toMatch(/cut short: it ends before its IEND chunk/);
    expect(byName['cut.jpg']?.error).toMatch(/end-of-image marker \(EOI\)/);
    expect(byName['lying.webp']?.error).toMatch(/RIFF header says \d+ bytes, the file has \d+/);
    // Never opened, never blocking: each refused by name with what it is.
    expect(byName['pipe.png']).toMatchObject({
      status: 'failed',
      error: 'The file is a named pipe (FIFO), not a regular file'
    });
    expect(byName['link-to-pipe.png']?.error).toBe('The file is a named pipe (FIFO), not a regular file');
    expect(byName['socket.webp']?.error).toBe('The file is a socket, not a regular file');
    expect(action.stdout).toMatch(/::error file=pipe\.png::.*named pipe \(FIFO\)/);
    expect(action.stdout).toMatch(/::error file=no-iend\.png::.*IEND/);
    expect(ideogram.upscales.map(upscale => upscale.fileName)).toEqual(['ok.png']);
    expect(await readFile(join(workspace, 'no-iend.png'))).toEqual(before);
    expect(temporaries(await listFiles(workspace))).toEqual([]);
    await removeDir(workspace);
  });
});

describe('nothing is written that is not ours', () => {
  it('an output-path into .git is an input error; nothing is sent', async () => {
    const workspace = await makeWorkspace({ 'a.png': encodePng(8, 8, 3), '.git/config': '[core]\n' });
    const action = await run(workspace, { 'output-path': '.git/{name}' });
    expect(action.code).toBe(1);
    expect(action.stdout).toMatch(/Input 'output-path' must not write into a \.git directory/);
    expect(ideogram.stats.requests).toBe(0);
    expect(await readFile(join(workspace, '.git/config'), 'utf8')).toBe('[core]\n');
    await removeDir(workspace);
  });

  it('a result that would replace a source, a user file, a folder, or go through a link out: refused before sending', async () => {
    const outside = await makeTempDir('outside-');
    const workspace = await makeWorkspace({
      'top.png': 'an unselected source, not even an image',
      'up/top.png': encodePng(8, 8, 4),
      'mine.png': encodePng(8, 8, 5),
      'upscaled/mine.png': 'a file of the user',
      'dir.png': encodePng(8, 8, 6),
      'linked/x.png': encodePng(8, 8, 7),
      'fine.png': encodePng(8, 8, 8)
    });
    await mkdir(join(workspace, 'upscaled/dir.png'), { recursive: true });
    await symlink(outside, join(workspace, 'upscaled/linked'));
    const action = await run(workspace, { files: '*.png\nup/*.png\nlinked/*.png' });

    const byName = Object.fromEntries(results(action).map(entry => [entry.source, entry]));
    expect(byName['fine.png']?.status).toBe('upscaled');
    expect(byName['mine.png']?.error).toBe(
      "not sent: upscaled/mine.png already exists and is not a result of this action; 'overwrite: true' replaces it"
    );
    expect(byName['dir.png']?.error).toBe('not sent: its result path upscaled/dir.png is a directory');
    expect(byName['linked/x.png']?.error).toMatch(/upscaled\/linked leads outside the workspace/);
    expect(ideogram.upscales.map(upscale => upscale.fileName).sort()).toEqual(['fine.png', 'top.png']);
    expect(await readFile(join(workspace, 'upscaled/mine.png'), 'utf8')).toBe('a file of the user');
    expect(await listFiles(outside)).toEqual([]);
    expect(temporaries(await listFiles(workspace))).toEqual([]);
    await removeDir(workspace);
    await removeDir(outside);
  });
});

describe('the account, not the image: the batch stops', () => {
  it.each([
    [401, /HTTP 401.*: Invalid API key\./],
    [402, /HTTP 402.*: Insufficient credits\./],
    [403, /HTTP 403.*: This account is not authorized/]
  ])(
    'after a %i no further upscale is sent; the rest are reported as not sent with the API words',
    async (status, words) => {
      const workspace = await makeWorkspace(
        Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`img-${i}.png`, encodePng(8, 8, 10 + i)]))
      );
      ideogram.clearFaults();
      for (let i = 0; i < 5; i++) ideogram.inject({ kind: 'status', status });
      const action = await run(workspace, { concurrency: '1' });

      expect(ideogram.stats.requests).toBe(1);
      const failed = results(action).filter(entry => entry.status === 'failed');
      expect(failed).toHaveLength(5);
      expect(failed.filter(entry => entry.error?.startsWith('not sent: '))).toHaveLength(4);
      for (const entry of failed) expect(entry.error).toMatch(words);
      expect(action.stdout.match(/Stopping the batch: /g)).toHaveLength(1);
      if (status === 402)
        expect(action.stdout).toMatch(/Stopping the batch: Ideogram answered HTTP 402 \(insufficient_funds\)/);
      expectKeyNowhere(action);
      // Drain what was queued for requests never sent.
      ideogram.resetStats();
      await removeDir(workspace);
    }
  );

  it('an unreachable host stops the batch after a few failed connections, not one retry ladder per image', async () => {
    const port = await closedPort();
    const workspace = await makeWorkspace(
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`img-${i}.png`, encodePng(8, 8, 30 + i)]))
    );
    const action = await run(workspace, { 'api-url': `http://127.0.0.1:${port}` });

    expect(action.code).toBe(1);
    const entries = results(action);
    expect(entries).toHaveLength(20);
    for (const entry of entries)
      expect(entry).toMatchObject({ status: 'failed', error: expect.stringMatching(/reach Ideogram/) });
    expect(entries.filter(entry => entry.error?.startsWith('not sent: ')).length).toBeGreaterThanOrEqual(10);
    expect(action.stdout.match(/Stopping the batch: Could not reach Ideogram/g)).toHaveLength(1);
    // A source that was tried failed for its own connection, not "for an earlier image".
    for (const entry of entries.filter(entry => !entry.error?.startsWith('not sent: ')))
      expect(entry.error).toMatch(/^Could not reach Ideogram: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/);
    // At most one resend of each image that was under way when the host failed (auto starts at 10 places).
    expect((action.stdout.match(/trying again in/g) ?? []).length).toBeLessThanOrEqual(10);
    expectKeyNowhere(action);
    await removeDir(workspace);
  });
});

describe('with max-cost, the price quotes stop alike', () => {
  const v2 = { model: 'topaz-standard-2', 'max-cost': '5' };

  it.each([401, 402, 403])('a %i on a quote: no further quote or upscale is sent', async status => {
    const workspace = await makeWorkspace(
      Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`q-${i}.png`, encodePng(8, 8, 60 + i)]))
    );
    const before = ideogram.v2.requests.length;
    ideogram.v2.inject({
      kind: 'status',
      status,
      body: { error: `Refused (${status}).`, reject_reason: 'daily_limit' }
    });
    const action = await run(workspace, { ...v2, concurrency: '1' });

    // Two sources are checked and quoted at once (workers = 2 × places); once the refusal is in, nothing more goes.
    const sent = ideogram.v2.requests.slice(before);
    expect(sent.every(request => request.dryRun)).toBe(true);
    expect(sent.length).toBeLessThanOrEqual(2);
    expect(sent[0]?.status).toBe(status);
    const entries = results(action);
    expect(entries.filter(entry => entry.status !== 'upscaled')).toHaveLength(5);
    expect(entries.filter(entry => entry.error?.startsWith('not sent: ')).length).toBeGreaterThanOrEqual(3);
    expect(
      action.stdout.match(/Stopping the batch: Ideogram answered HTTP \d{3} \(daily_limit\): Refused/g)
    ).toHaveLength(1);
    expectKeyNowhere(action);
    await removeDir(workspace);
  });

  // A dry run asks for the same quotes, for every source, and stops alike.
  it.each([
    ['with max-cost', v2],
    ['in a dry run', { model: v2.model, 'dry-run': 'true' }]
  ])('%s, an unreachable host: the quotes stop after a few failed connections', async (_, inputs) => {
    const port = await closedPort();
    const workspace = await makeWorkspace(
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`q-${i}.png`, encodePng(8, 8, 70 + i)]))
    );
    const action = await run(workspace, { ...inputs, 'api-url': `http://127.0.0.1:${port}` });

    expect(action.code).toBe(1);
    const entries = results(action);
    for (const entry of entries)
      expect(entry).toMatchObject({ status: 'failed', error: expect.stringMatching(/reach Ideogram/) });
    expect(entries.filter(entry => entry.error?.startsWith('not sent: ')).length).toBeGreaterThanOrEqual(10);
    expect(action.stdout.match(/Stopping the batch: Could not reach Ideogram/g)).toHaveLength(1);
    expect((action.stdout.match(/trying again in/g) ?? []).length).toBeLessThanOrEqual(20);
    await removeDir(workspace);
  });
});

describe('secrets', () => {
  it('an error body that echoes the key never reaches the log, summary or outputs', async () => {
    ideogram.clearFaults();
    const workspace = await makeWorkspace({ 'a.png': encodePng(8, 8, 20), 'b.png': encodePng(8, 8, 21) });
    ideogram.inject(
      { kind: 'status', status: 400, body: { error: `Bad request; headers were {"Api-Key": "${KEY}"}` } },
      { fileName: 'a.png' }
    );
    const action = await run(workspace);
    const byName = Object.fromEntries(results(action).map(entry => [entry.source, entry]));
    expect(byName['a.png']?.error).toContain('"Api-Key": "***"');
    expect(byName['b.png']?.status).toBe('upscaled');
    expectKeyNowhere(action);
    await removeDir(workspace);
  });

  it('an api-key with a line break inside is an input error that does not print it', async () => {
    const workspace = await makeWorkspace({ 'a.png': encodePng(8, 8, 22) });
    const action = await run(workspace, { 'api-key': 'sk-first\nsk-second' });
    expect(action.stdout).toMatch(
      /Input 'api-key' has a space, line break or control character inside it \(character 9 of 18\)/
    );
    expect(action.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('sk-first');
    expect(ideogram.stats.requests).toBe(0);
    await removeDir(workspace);
  });
});

describe('every wait has a bound the user controls', () => {
  afterEach(() => {
    ideogram.options.inflightLimit = 10;
    ideogram.options.retryAfterSeconds = 0;
    ideogram.options.downloadFault = 'none';
  });

  it('Retry-After: 3600 on every 429: each image waits at most rate-limit-wait in all, then fails saying so', async () => {
    ideogram.options.inflightLimit = 0;
    ideogram.options.retryAfterSeconds = 3600;
    const workspace = await makeWorkspace({ 'a.png': encodePng(8, 8, 40), 'b.png': encodePng(8, 8, 41) });
    const action = await run(workspace, { 'rate-limit-wait': '2', concurrency: '2' });

    expect(action.code).toBe(1);
    for (const entry of results(action)) {
      expect(entry).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(
          /^Ideogram kept answering 429 for \d+\.\d s \(\d+ answers; 'rate-limit-wait' bounds the waiting per image\): Too many requests in flight\.$/
        )
      });
    }
    // The waits asked for an hour; each took at most what was left of the two seconds.
    const waits = [...action.stdout.matchAll(/trying again in (\d+\.\d) s/g)].map(match => Number(match[1]));
    expect(waits.length).toBeGreaterThan(0);
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(2);
    expect(ideogram.stats.admitted).toBe(0);
    expect(temporaries(await listFiles(workspace))).toEqual([]);
    expectKeyNowhere(action);
    await removeDir(workspace);
  });

  it('rate-limit-wait: 0 fails an image at its first 429, without waiting', async () => {
    ideogram.options.inflightLimit = 0;
    ideogram.options.retryAfterSeconds = 3600;
    const workspace = await makeWorkspace({ 'a.png': encodePng(8, 8, 42) });
    const action = await run(workspace, { 'rate-limit-wait': '0' });
    expect(results(action)[0]?.error).toMatch(/^Ideogram kept answering 429 for 0\.0 s \(1 answers;/);
    expect(ideogram.stats.requests).toBe(1);
    expect(action.stdout).not.toContain('trying again');
    await removeDir(workspace);
  });

  it.each(['stall', 'endless'] as const)(
    'a %s result download fails within request-timeout, is fetched at most three times, and leaves no temporary file',
    async fault => {
      ideogram.options.downloadFault = fault;
      const workspace = await makeWorkspace({ 'a.png': encodePng(8, 8, 43), 'keep.txt': 'mine' });
      const action = await run(workspace, { 'request-timeout': '1' });

      expect(results(action)[0]).toMatchObject({
        status: 'failed',
        error: "Could not download the result: the download did not finish within 1 s ('request-timeout')"
      });
      // Paid once: the upscale is not sent again, only its link fetched again.
      expect(ideogram.stats.requests).toBe(1);
      expect(ideogram.stats.downloads).toBe(3);
      expect(await listFiles(workspace)).toEqual(['a.png', 'keep.txt']);
      expect(await readFile(join(workspace, 'keep.txt'), 'utf8')).toBe('mine');
      await removeDir(workspace);
    }
  );
});

describe('a connection cut while the image is still uploading is not billed; one cut after it may be', () => {
  it('reset mid-upload: sent again and upscaled; dropped after the whole request: reported, not sent again', async () => {
    ideogram.clearFaults();
    const big = paddedPng(9 * 1024 * 1024, 44);
    const workspace = await makeWorkspace({ 'big.png': big, 'later.png': encodePng(8, 8, 45) });
    ideogram.inject({ kind: 'reset-upload' });
    ideogram.inject({ kind: 'destroy' }, { fileName: 'later.png' });
    const action = await run(workspace, { concurrency: '1' });

    const byName = Object.fromEntries(results(action).map(entry => [entry.source, entry]));
    expect(byName['big.png']?.status).toBe('upscaled');
    expect(action.stdout).toMatch(
      /big\.png: The connection to Ideogram failed while the image was still being sent: .*\(not received, so not billed\) \(trying again in/
    );
    expect(byName['later.png']).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(
        /^The connection to Ideogram dropped after the whole request was sent: .*\(the upscale may have been billed\)$/
      )
    });
    expect(ideogram.stats.uploadsReset).toBe(1);
    expect(ideogram.upscales.map(upscale => upscale.fileName).sort()).toEqual(['big.png', 'later.png']);
    // Compared as bytes: a deep equality over 9 MB takes minutes.
    expect((await readFile(join(workspace, 'big.png'))).equals(big)).toBe(true);
    expect(temporaries(await listFiles(workspace))).toEqual([]);
    await removeDir(workspace);
  });
});

describe('names the artifact service refuses never cost the artifact', () => {
  let artifacts: FakeArtifactService;
  beforeAll(async () => {
    artifacts = await startFakeArtifactService();
  });
  afterAll(async () => {
    await artifacts.close();
  });

  it('each is stored under a percent-encoded name that the gallery and the summary map back; the rest as they are', async () => {
    const refused = ['a:b.png', 'q"uote".png', 'what?.png', 'star*.png', 'pipe|.png', 'lt<gt>.png', 'dir:x/in.png'];
    const kept = ['100%.png', 'fine.png', 'photos/🐱 ünïcødé.png', `${'n'.repeat(240)}.png`];
    const workspace = await makeWorkspace(
      Object.fromEntries([...refused, ...kept].map((name, i) => [name, encodePng(8, 8, 80 + i)]))
    );
    const action = await run(workspace, { publish: 'artifact', 'artifact-name': 'hostile-names' }, artifacts.env);

    expect(action.code).toBe(0);
    expect(results(action).map(entry => entry.status)).toEqual(Array(11).fill('upscaled'));
    const artifact = artifacts.artifacts.find(a => a.name === 'hostile-names');
    expect(artifact?.finalized).toBe(true);
    const files = artifacts.files('hostile-names');
    const encoded = (path: string): string =>
      path.replace(/[":<>|*?]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    for (const name of refused) {
      const stored = `upscaled/${encoded(name)}`;
      expect(decodeURIComponent(stored)).toBe(`upscaled/${name}`);
      expect(files.get(stored)?.equals(await readFile(join(workspace, 'upscaled', name)))).toBe(true);
      expect(files.has(`gallery/originals/${encoded(name)}`)).toBe(true);
      expect(action.summary).toContain(
        `<code>upscaled/${name.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code> as <code>${stored}</code>`
      );
    }
    for (const name of kept) expect(files.has(`upscaled/${name}`)).toBe(true);
    // The gallery links the stored names and shows the real ones.
    const page = files.get('gallery/index.html')?.toString('utf8') ?? '';
    expect(page).toContain('src="../upscaled/a%253Ab.png"');
    expect(page).toContain('>upscaled/a:b.png</a>');
    // In a workflow command `%` travels as `%25`; the runner shows `a%3Ab.png`.
    expect(action.stdout).toMatch(
      /::warning::7 file\(s\) are in the artifact 'hostile-names' under a percent-encoded name, .*upscaled\/a:b\.png → upscaled\/a%253Ab\.png/
    );
    // Outputs keep the real paths, one per line.
    expect((action.outputs.files ?? '').split('\n')).toContain('upscaled/a:b.png');
    expect(action.outputs['artifact-id']).toBe(String(artifact?.id));
    expectKeyNowhere(action);
    await removeDir(workspace);
  });

  it('an artifact service that fails: the outputs and the summary are written, then the step fails saying what', async () => {
    const workspace = await makeWorkspace({ 'a.png': encodePng(8, 8, 95), 'b.png': encodePng(8, 8, 96) });
    artifacts.failNext('create', 400);
    const action = await run(workspace, { publish: 'artifact', 'artifact-name': 'will-fail' }, artifacts.env);

    expect(action.code).toBe(1);
    expect(action.outputs).toMatchObject({ upscaled: '2', failed: '0', 'artifact-id': '' });
    expect(action.outputs.files).toBe('upscaled/a.png\nupscaled/b.png');
    expect(action.summary).toContain('2 upscaled');
    expect(action.summary).toMatch(
      /❌ Not published: the artifact &#39;will-fail&#39; could not be uploaded: .*\(400\)/
    );
    expect(action.stdout).toMatch(
      /^::error::Publishing failed: the artifact 'will-fail' could not be uploaded: .*The results are in the workspace, the outputs and the summary\.$/m
    );
    // The failure is the last word: after the outputs were set.
    const lines = action.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^::error::Publishing failed/);
    expect(await listFiles(join(workspace, 'upscaled'))).toEqual(['a.png', 'b.png']);
    expectKeyNowhere(action);
    await removeDir(workspace);
  });

  it('a commit that fails: the results go to the artifact instead, and the step fails after the outputs are set', async () => {
    const token = 'ghp_hostile0123456789abcdefghijklmnopqrst';
    // A GitHub API that fails every request, quoting the request's headers (the token with them).
    const echo = createHttpServer((req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `Server error; headers were ${JSON.stringify(req.headers)}` }));
    });
    await new Promise<void>(done => echo.listen(0, '127.0.0.1', done));
    const { port } = echo.address() as AddressInfo;
    const workspace = await makeWorkspace({ 'a.png': encodePng(8, 8, 97) });
    const action = await run(
      workspace,
      {
        publish: 'commit',
        'github-token': token,
        'changed-only': 'false',
        'max-retries': '0',
        'artifact-name': 'commit-fallback'
      },
      { ...artifacts.env, GITHUB_API_URL: `http://127.0.0.1:${port}` }
    ).finally(() => new Promise<void>(done => echo.close(() => done())));

    expect(action.code).toBe(1);
    expect(action.outputs).toMatchObject({ upscaled: '1', files: 'upscaled/a.png', 'commit-sha': '' });
    const artifact = artifacts.artifacts.find(a => a.name === 'commit-fallback');
    expect(action.outputs['artifact-id']).toBe(String(artifact?.id));
    expect(artifacts.files('commit-fallback').has('upscaled/a.png')).toBe(true);
    expect(action.stdout).toMatch(
      /^::error::Publishing failed: the commit failed: Server error; headers were .*\*\*\*/m
    );
    expect(action.summary).toMatch(/❌ Not published: the commit failed: /);
    for (const text of [
      action.stdout.replace(/^::add-mask::.*$/gm, ''),
      action.summary,
      JSON.stringify(action.outputs)
    ])
      expect(text).not.toContain(token);
    await removeDir(workspace);
  });
});

describe('more of the files class, through the bundle', () => {
  it("output-path '{dir}/../{name}.{ext}': a result never replaces a source, selected or not, even with overwrite", async () => {
    const source = encodePng(8, 8, 100);
    const workspace = await makeWorkspace({
      'a.png': source,
      'sub/a.png': encodePng(8, 8, 101),
      'sub/b.png': encodePng(8, 8, 102)
    });
    for (const overwrite of ['false', 'true']) {
      const action = await run(workspace, { files: 'sub/*.png', 'output-path': '{dir}/../{name}.{ext}', overwrite });
      const byName = Object.fromEntries(results(action).map(entry => [entry.source, entry]));
      expect(byName['sub/a.png']).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/^not sent: a\.png /)
      });
      expect(byName['sub/b.png']?.status).toBe('upscaled');
      expect(ideogram.upscales.map(upscale => upscale.fileName)).toEqual(['b.png']);
      expect((await readFile(join(workspace, 'a.png'))).equals(source)).toBe(true);
      await rm(join(workspace, 'b.png'));
    }
    await removeDir(workspace);
  });

  it("output-path '{dir}/../{name}.{ext}' with overwrite: a link to an image is kept; other links are replaced, never written through", async () => {
    const target = encodePng(8, 8, 110);
    const workspace = await makeWorkspace({
      'real/a.png': target,
      'real/notes.txt': 'the user notes',
      'sub/a.png': encodePng(8, 8, 111),
      'sub/c.png': encodePng(8, 8, 112),
      'sub/d.png': encodePng(8, 8, 113)
    });
    await symlink('real/a.png', join(workspace, 'a.png'));
    await symlink('real/notes.txt', join(workspace, 'c.png'));
    await symlink('real/gone.png', join(workspace, 'd.png'));
    const action = await run(workspace, {
      files: 'sub/*.png',
      'output-path': '{dir}/../{name}.{ext}',
      overwrite: 'true'
    });

    const byName = Object.fromEntries(results(action).map(entry => [entry.source, entry]));
    expect(byName['sub/a.png']).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^not sent: a\.png is an image that is not a result of this action/)
    });
    expect(byName['sub/c.png']?.status).toBe('upscaled');
    expect(byName['sub/d.png']?.status).toBe('upscaled');
    expect(ideogram.upscales.map(upscale => upscale.fileName).sort()).toEqual(['c.png', 'd.png']);
    expect(await readlink(join(workspace, 'a.png'))).toBe('real/a.png');
    expect((await readFile(join(workspace, 'real/a.png'))).equals(target)).toBe(true);
    expect(await readFile(join(workspace, 'real/notes.txt'), 'utf8')).toBe('the user notes');
    for (const result of ['c.png', 'd.png']) expect((await lstat(join(workspace, result))).isFile()).toBe(true);
    expect(await listFiles(join(workspace, 'real'))).toEqual(['a.png', 'notes.txt']);
    expect(temporaries(await listFiles(workspace))).toEqual([]);
    await removeDir(workspace);
  });

  it('a source added beside an earlier one (a.jpg beside an upscaled a.png) is refused, the earlier result kept', async () => {
    const workspace = await makeWorkspace({ 'a.png': encodePng(8, 8, 103) });
    const first = await run(workspace, { manifest: '.github/upscaled-images.json' });
    expect(results(first)[0]?.status).toBe('upscaled');
    const earlier = await readFile(join(workspace, 'upscaled/a.png'));
    await writeFile(join(workspace, 'a.jpg'), jpegBytes(8, 8));
    const second = await run(workspace, { manifest: '.github/upscaled-images.json' });

    const byName = Object.fromEntries(results(second).map(entry => [entry.source, entry]));
    expect(byName['a.png']?.status).toBe('skipped');
    expect(byName['a.jpg']).toMatchObject({ status: 'failed', error: expect.stringMatching(/upscaled\/a\.png/) });
    expect(second.stdout).toMatch(/a\.jpg.*upscaled\/a\.png/);
    expect(ideogram.stats.requests).toBe(0);
    expect((await readFile(join(workspace, 'upscaled/a.png'))).equals(earlier)).toBe(true);
    await removeDir(workspace);
  });

  it('a name too long for the file system once the output path is applied: refused before it is paid for', async () => {
    const long = `${'n'.repeat(250)}.png`;
    const workspace = await makeWorkspace({ [long]: encodePng(8, 8, 104), 'ok.png': encodePng(8, 8, 105) });
    const action = await run(workspace, { 'output-path': 'upscaled/{dir}/{name}-upscaled.{ext}' });
    const byName = Object.fromEntries(results(action).map(entry => [entry.source, entry]));
    expect(byName[long]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^not sent: .*255/) });
    expect(byName['ok.png']?.status).toBe('upscaled');
    expect(ideogram.upscales.map(upscale => upscale.fileName)).toEqual(['ok.png']);
    await removeDir(workspace);
  });

  it('a results folder that is a link into .git: refused before sending, .git untouched', async () => {
    const workspace = await makeWorkspace({ 'config.png': encodePng(8, 8, 106), '.git/config': '[core]\n' });
    await symlink(join(workspace, '.git'), join(workspace, 'upscaled'));
    const action = await run(workspace, { 'output-path': 'upscaled/{name}' });
    expect(results(action)[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/\.git/) });
    expect(ideogram.stats.requests).toBe(0);
    expect(await readFile(join(workspace, '.git/config'), 'utf8')).toBe('[core]\n');
    await removeDir(workspace);
  });
});

describe('hostile manifests', () => {
  it('not JSON: the run stops before any request, naming the file and the ways out', async () => {
    const workspace = await makeWorkspace({
      'a.png': encodePng(8, 8, 107),
      '.github/upscaled-images.json': '{"version": 1,'
    });
    const action = await run(workspace, { manifest: '.github/upscaled-images.json' });
    expect(action.code).toBe(1);
    expect(action.stdout).toMatch(
      /^::error::The manifest \.github\/upscaled-images\.json is not valid JSON \(.*\); nothing was sent\. .*'force: true'.*'manifest: none'/m
    );
    expect(ideogram.stats.requests).toBe(0);
    expect(await readFile(join(workspace, '.github/upscaled-images.json'), 'utf8')).toBe('{"version": 1,');
    await removeDir(workspace);
  });

  it('entries whose results leave the workspace or enter .git are ignored with a warning, never trusted', async () => {
    const png = encodePng(8, 8, 108);
    const sha256 = createHash('sha256').update(png).digest('hex');
    const entry = (path: string): object => ({
      sha256,
      settings: { provider: 'ideogram', request: {} },
      status: 'upscaled',
      upscaledAt: '2026-01-01T00:00:00.000Z',
      outputs: [{ path, resolution: '16x16', seed: 1 }]
    });
    const manifest = {
      version: 1,
      sources: {
        'a.png': entry('../../outside.png'),
        'b.png': entry('/etc/passwd'),
        'c.png': entry('.git/config'),
        'd.png': entry('upscaled/../../../x.png')
      }
    };
    const workspace = await makeWorkspace({
      'a.png': png,
      'b.png': png,
      'c.png': png,
      'd.png': png,
      '.git/config': '[core]\n',
      '.github/upscaled-images.json': JSON.stringify(manifest)
    });
    const action = await run(workspace, { manifest: '.github/upscaled-images.json' });
    for (const source of ['a.png', 'b.png', 'c.png', 'd.png']) {
      expect(action.stdout).toMatch(
        new RegExp(`::warning::Ignoring the manifest's entry for ${source.replace('.', '\\.')}: `)
      );
    }
    expect(results(action).map(entry => entry.status)).toEqual(['upscaled', 'upscaled', 'upscaled', 'upscaled']);
    for (const path of (action.outputs.files ?? '').split('\n')) expect(path).toMatch(/^upscaled\/[a-d]\.png$/);
    expect(await readFile(join(workspace, '.git/config'), 'utf8')).toBe('[core]\n');
    await removeDir(workspace);
  });
});

describe('secrets in a successful answer', () => {
  it('a result prompt that echoes the key is redacted before the outputs and the summary', async () => {
    const workspace = await makeWorkspace({ 'a.png': encodePng(8, 8, 109) });
    const action = await run(workspace, {
      prompt: `sharp; Api-Key: ${KEY}`,
      'magic-prompt-option': 'OFF'
    });
    const [entry] = JSON.parse(action.outputs.results ?? '[]') as { outputs: { prompt: string }[] }[];
    expect(entry?.outputs[0]?.prompt).toBe('sharp; Api-Key: ***');
    expectKeyNowhere(action);
    await removeDir(workspace);
  });
});

describe('a dry run with a wrong key: the price quotes stop alike', () => {
  const dryRun = { model: 'topaz-standard-2', 'dry-run': 'true' };

  it('a wrong key: no quote is asked for once the first 401 is in, and it is said once', async () => {
    const workspace = await makeWorkspace(
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`d-${i}.png`, encodePng(8, 8, 90 + i)]))
    );
    const before = ideogram.v2.requests.length;
    const action = await run(workspace, { ...dryRun, 'api-key': 'sk-wrong-key-0123456789' });

    // A few are quoted at once in a dry run; once the refusal is in, nothing more goes.
    const sent = ideogram.v2.requests.slice(before);
    expect(sent[0]?.status).toBe(401);
    expect(sent.every(request => request.dryRun && request.status === 401)).toBe(true);
    expect(sent.length).toBeLessThanOrEqual(4);
    const entries = results(action);
    expect(entries).toHaveLength(12);
    for (const entry of entries)
      expect(entry).toMatchObject({ status: 'failed', error: expect.stringMatching(/HTTP 401/) });
    expect(entries.filter(entry => entry.error?.startsWith('not sent: ')).length).toBeGreaterThanOrEqual(8);
    expect(action.stdout.match(/Stopping the batch: Ideogram answered HTTP 401/g)).toHaveLength(1);
    expect(action.stdout).not.toContain('trying again in');
    await removeDir(workspace);
  });
});
