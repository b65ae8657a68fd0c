/**
 * Issue 4's benchmark: runs the BUILT action (dist/index.js) the way the runner does against the loopback fake
 * Ideogram (test/fakes/ideogram-server.ts) and prints a markdown table with PASS/FAIL per target, then writes it
 * to docs/benchmarks.md. `npm run bench` builds first; `tsx scripts/bench.ts` alone measures the current dist/.
 *
 *   tsx scripts/bench.ts [--only=1,2,…,14] [--no-write] [--bundle=path/to/index.js] [--node=path/to/node]
 *                        [--input=name=value …]
 *
 * --input sets an action input in every scenario's run (e.g. --input=cache=false), over the scenario's own.
 *
 * Scenarios (the fake counts images in flight, like Ideogram; latency is its generation time):
 *   1. 64 images, latency 1 s, limit 10, concurrency auto        → wall time ≤ 1.10 × ceil(64/10) s
 *   2. the same 64 images through a sequential curl loop         → the action ≥ 9× faster
 *   3. 60 sources × num-images 4, limit 10, auto                 → ≤ 1.10 × ceil(240/10) s, 0 failures (packed)
 *   4. 64 images, concurrency 32 against limit 10                → ≤ 1.30 × ceil(64/10) s, 0 failures
 *   5. 100 sources of ~9 MB, num-images 4, concurrency 10       → peak RSS of the action ≤ 110 MB
 *   6. start-up: spawn → first request at the server             → ≤ 300 ms; plus the bundle's size
 *   7. discovery: 2,000 images among 50,000 files, depth 7        → ≤ 1 s (beside a recursive readdir)
 *   8. spawn → first request with 10,000 sources                  → ≤ 2× the time with 10
 *   9. a re-run of 10,000 unchanged sources                       → ≤ 2 s, nothing sent
 *  10. outputs and step summary of a 10,000-source run            → each < 1 MiB; results-file whole
 *  11. 2 sources × num-images 4 against a stated limit of 3       → split and made; with a seed, failed at once
 *  12. 40 and then 400 sources of ~2 MB, num-images 4, conc. 10 → peak RSS for 400 within 10% of that for 40
 *  13. one 8192×8192 result converted to WebP                   → peak RSS of the action ≤ 1,100 MB;
 *      the same fitted into 4096 wide first                       → ≤ 700 MB
 *  14. the pull request comment for 1,000 sources                → ≤ 65,536 characters
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { link, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import zlib from 'node:zlib';
import * as glob from '@actions/glob';
import { discoverSources } from '../src/pipeline/discovery.js';
import { mapLimited } from '../src/async/map-limited.js';
import { DEFAULT_FILES } from '../src/settings/settings.js';
import {
  encodePng,
  startFakeIdeogram,
  type FakeIdeogram,
  type FakeIdeogramOptions
} from '../test/fakes/ideogram-server.js';
import { ACTION_NODE, nodeBinary } from '../test/support/node.js';
import { BUNDLE, runAction, type ActionRun } from '../test/support/run-action.js';
import { writeLargeTree } from '../test/support/large-tree.js';
import { COMMENT_LIMIT, renderComment } from '../src/report/comment-body.js';
import type { SourceResult } from '../src/state/results.js';

const ROOT = resolve(import.meta.dirname, '..');
const KEY = 'bench-api-key';
const MB = 1024 * 1024;

const args = process.argv.slice(2);
const onlyArg = args.find(arg => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',').map(Number)) : undefined;
const wanted = (n: number): boolean => only === undefined || only.has(n);
const bundleArg = args.find(arg => arg.startsWith('--bundle='));
const bundle = bundleArg ? resolve(bundleArg.slice('--bundle='.length)) : BUNDLE;
const nodeArg = args.find(arg => arg.startsWith('--node='));
/** The Node.js binary that runs the bundle: this one unless told (e.g. Node 24's, the action's runtime). */
const nodeCommand = nodeArg ? [nodeArg.slice('--node='.length)] : undefined;
/** The binary the action runs on in this benchmark. */
const actionNode = (): string => nodeCommand?.[0] ?? nodeBinary(ACTION_NODE);
/** Inputs given with --input=name=value, set in every run: e.g. the start-up with the cache off. */
const forcedInputs = Object.fromEntries(
  args
    .filter(arg => arg.startsWith('--input='))
    .map(arg => {
      const [name = '', ...value] = arg.slice('--input='.length).split('=');
      return [name, value.join('=')];
    })
);
const write =
  !args.includes('--no-write') &&
  only === undefined &&
  bundleArg === undefined &&
  nodeArg === undefined &&
  Object.keys(forcedInputs).length === 0;

// -------------------------------------------------------------------------------------------------------------
// Helpers
// -------------------------------------------------------------------------------------------------------------

const scratch = await mkdtemp(join(os.tmpdir(), 'ideogram-bench-'));
process.on('exit', () => {
  // Best effort: the ~900 MB of scenario 5 must not stay behind.
  try {
    execFileSync('rm', ['-rf', scratch]);
  } catch {
    /* ignore */
  }
});

async function workspaceWith(name: string, count: number, image: (i: number) => Buffer): Promise<string> {
  const workspace = join(scratch, name);
  await mkdir(join(workspace, 'images'), { recursive: true });
  for (let i = 0; i < count; i++) {
    await writeFile(join(workspace, 'images', `img-${String(i).padStart(3, '0')}.png`), image(i));
  }
  return workspace;
}

/** `count` hard links to one file: many sources without writing (or filling the disk with) their bytes. */
async function linkedWorkspace(name: string, count: number, image: Buffer): Promise<string> {
  const workspace = join(scratch, name);
  await mkdir(join(workspace, 'images'), { recursive: true });
  const first = join(workspace, 'images', 'img-0000.png');
  await writeFile(first, image);
  for (let i = 1; i < count; i++) await link(first, join(workspace, 'images', `img-${String(i).padStart(4, '0')}.png`));
  return workspace;
}

/** A small real PNG per index, so every upload is distinct. */
const smallPng = (i: number): Buffer => encodePng(96, 64, i);

/**
 * A valid ~9 MB RGB PNG whose pixels are random, stored without compression (deflate level 0): its size is
 * its real size whatever anyone compresses, and the magic bytes, IHDR and CRCs are all right.
 */
function bigRandomPng(side = 1770): Buffer {
  const stride = 1 + side * 3;
  const raw = Buffer.allocUnsafe(stride * side);
  randomFillSync(raw);
  for (let y = 0; y < side; y++) raw[y * stride] = 0; // filter None on every row
  const chunk = (type: string, data: Buffer): Buffer => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

interface Memory {
  /** Largest of VmHWM (the kernel's own peak) and every sampled VmRSS, in bytes. */
  peakBytes: number;
  samples: number;
}

/** Samples /proc/<pid>/status every 20 ms while the child lives; VmHWM covers peaks between samples. */
function sampleMemory(pid: number | undefined): { memory: Memory; stop: () => void } {
  const memory: Memory = { peakBytes: 0, samples: 0 };
  if (pid === undefined || !existsSync(`/proc/${pid}/status`)) return { memory, stop: () => undefined };
  const read = (): void => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      for (const field of ['VmHWM', 'VmRSS']) {
        const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
        memory.peakBytes = Math.max(memory.peakBytes, kb * 1024);
      }
      memory.samples++;
    } catch {
      // The child has exited.
    }
  };
  read();
  const timer = setInterval(read, 20);
  return { memory, stop: () => clearInterval(timer) };
}

interface Measured {
  readonly run: ActionRun;
  readonly fake: FakeIdeogram['stats'];
  readonly memory: Memory;
  /** ms from spawn to the first `POST /upscale` reaching the fake (both on Date.now()). */
  readonly firstRequestMs: number | undefined;
  readonly failed: number;
  readonly upscaled: number;
  readonly files: number;
  /** `num_images` of each admitted request. */
  readonly requestSizes: number[];
}

async function runScenario(
  workspace: string,
  fakeOptions: FakeIdeogramOptions,
  inputs: Record<string, string>
): Promise<Measured> {
  const fake = await startFakeIdeogram({ apiKey: KEY, ...fakeOptions });
  let spawnedAt = 0;
  let sampler: ReturnType<typeof sampleMemory> | undefined;
  try {
    const run = await runAction({
      workspace,
      bundle,
      node: nodeCommand,
      inputs: {
        'api-key': KEY,
        'api-url': fake.url,
        publish: 'none',
        files: 'images/*.png',
        ...inputs,
        ...forcedInputs
      },
      onSpawn: child => {
        spawnedAt = Date.now();
        sampler = sampleMemory(child.pid);
      }
    });
    sampler?.stop();
    const arrivals = fake.upscales.map(upscale => upscale.at);
    const files = run.outputs.files ? run.outputs.files.split('\n').filter(Boolean).length : 0;
    if (run.code !== 0 && run.outputs.failed === undefined) {
      throw new Error(
        `the action exited ${run.code} without outputs:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`
      );
    }
    return {
      run,
      fake: { ...fake.stats },
      memory: sampler?.memory ?? { peakBytes: 0, samples: 0 },
      firstRequestMs: arrivals.length > 0 ? Math.min(...arrivals) - spawnedAt : undefined,
      failed: Number(run.outputs.failed ?? NaN),
      upscaled: Number(run.outputs.upscaled ?? NaN),
      files,
      requestSizes: fake.upscales
        .filter(upscale => upscale.status === 200)
        .map(upscale => (upscale.imageRequest.num_images as number | undefined) ?? 1)
    };
  } finally {
    sampler?.stop();
    await fake.close();
  }
}

/** The loop users write in a `run:` step, timed from outside. Returns ms and how many results were written. */
async function curlLoop(workspace: string, apiUrl: string): Promise<{ ms: number; written: number; parser: string }> {
  const have = (tool: string): boolean => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (!have('curl')) throw new Error('curl is not installed: scenario 2 needs it');
  const parser = have('jq') ? 'jq' : 'sed';
  const parse = parser === 'jq' ? `jq -r '.data[0].url'` : `sed -n 's/.*"url":"\\([^"]*\\)".*/\\1/p'`;
  const script = [
    'set -u',
    'mkdir -p out',
    'for f in images/*.png; do',
    `  curl -sf -H "Api-Key: $API_KEY" -F image_request='{}' -F "image_file=@$f" "$API_URL/upscale" | ${parse} | xargs curl -sfo "out/$(basename "$f")"`,
    'done'
  ].join('\n');
  const started = performance.now();
  await new Promise<void>((done, fail) => {
    const child = spawn('bash', ['-c', script], {
      cwd: workspace,
      env: { PATH: process.env.PATH, API_KEY: KEY, API_URL: apiUrl },
      stdio: ['ignore', 'ignore', 'inherit']
    });
    child.on('error', fail);
    child.on('close', () => done());
  });
  const ms = performance.now() - started;
  return { ms, written: (await readdir(join(workspace, 'out'))).length, parser };
}

// -------------------------------------------------------------------------------------------------------------
// Report
// -------------------------------------------------------------------------------------------------------------

interface Row {
  readonly n: number;
  readonly scenario: string;
  readonly measured: string;
  readonly reference: string;
  readonly ratio: string;
  readonly rejected: string;
  readonly failures: string;
  readonly peakRss: string;
  readonly target: string;
  readonly pass: boolean;
}

const rows: Row[] = [];
const notes: string[] = [];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;

function addRow(row: Row): void {
  rows.push(row);
  console.log(`  → ${row.pass ? 'PASS' : 'FAIL'}  ${row.measured} (${row.ratio}; target ${row.target})`);
}

/** Sources that did not come out upscaled: failed, or missing from the outputs altogether. */
function failuresOf(m: Measured, expected: number): number {
  return Number.isNaN(m.failed) ? expected : m.failed + Math.max(0, expected - m.upscaled - m.failed);
}

/** Runs a timed scenario `times` times (the machine is shared: one run can be unlucky) and keeps the median. */
async function repeat(times: number, run: () => Promise<Measured>): Promise<{ median: Measured; all: Measured[] }> {
  const all: Measured[] = [];
  for (let i = 0; i < times; i++) all.push(await run());
  const sorted = [...all].sort((a, b) => a.run.elapsedMs - b.run.elapsedMs);
  return { median: sorted[Math.floor(sorted.length / 2)] as Measured, all };
}

function limitRow(
  n: number,
  scenario: string,
  runs: { median: Measured; all: Measured[] },
  idealMs: number,
  maxRatio: number,
  expected: number
): void {
  const m = runs.median;
  const ratio = m.run.elapsedMs / idealMs;
  // Any failure in any run counts.
  const failures = Math.max(...runs.all.map(run => failuresOf(run, expected)));
  if (runs.all.length > 1) {
    notes.push(
      `Scenario ${n}: median of ${runs.all.length} runs; all: ` +
        runs.all.map(run => `${seconds(run.run.elapsedMs)} (${run.fake.rejected429} × 429)`).join(', ') +
        '.'
    );
  }
  addRow({
    n,
    scenario: runs.all.length > 1 ? `${scenario} (median of ${runs.all.length})` : scenario,
    measured: seconds(m.run.elapsedMs),
    reference: `${seconds(idealMs)} (limit)`,
    ratio: `${ratio.toFixed(3)}×`,
    rejected: String(m.fake.rejected429),
    failures: String(failures),
    peakRss: megabytes(Math.max(...runs.all.map(run => run.memory.peakBytes))),
    target: `≤ ${maxRatio.toFixed(2)}× limit, 0 failures`,
    pass: ratio <= maxRatio && failures === 0
  });
}

function machine(): string[] {
  const cpus = os.cpus();
  let childNode = process.version;
  try {
    childNode = execFileSync(actionNode(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* keep the parent's */
  }
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} cores (os.availableParallelism ${os.availableParallelism()})`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node: ${childNode} (the action's), ${process.version} (the bench and the fake server)`,
    `- OS: ${os.type()} ${os.release()} ${os.arch()}`,
    `- Load average before the run: ${os
      .loadavg()
      .map(value => value.toFixed(2))
      .join(' ')}`
  ];
}

// -------------------------------------------------------------------------------------------------------------
// Scenarios
// -------------------------------------------------------------------------------------------------------------

const benchStarted = performance.now();
const machineLines = machine();
console.log(['Machine:', ...machineLines].join('\n'));
if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);

const ceilSeconds = (images: number, limit: number, latencyMs: number): number => Math.ceil(images / limit) * latencyMs;

// Warm-up: the first run pays for cold caches (the bundle from disk, the fake's code paths).
{
  const warm = await workspaceWith('warm', 2, smallPng);
  await runScenario(warm, { latencyMs: 0 }, {});
}

// 6. Start-up, first so nothing else has warmed the machine up more than a runner would be.
// 6. Start-up is sampled in three batches spread over the benchmark (start, middle, end) and reported at the end:
// the machine may be shared, and a burst of someone else's work should not decide the figure.
const startupTimes: number[] = [];
async function sampleStartup(runs: number): Promise<void> {
  if (!wanted(6)) return;
  console.log(`\n6. start-up: spawn → first request at the server (${runs} runs, 1 image, latency 0)`);
  for (let i = 0; i < runs; i++) {
    // A fresh workspace each time: the manifest would otherwise (rightly) skip the image as done.
    const m = await runScenario(
      await workspaceWith(`startup-${startupTimes.length}-${i}`, 1, smallPng),
      { latencyMs: 0 },
      {}
    );
    if (m.firstRequestMs !== undefined) startupTimes.push(m.firstRequestMs);
  }
}

function startupRow(): void {
  if (!wanted(6)) return;
  const times = [...startupTimes].sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  // Node's own start-up on this machine, for scale.
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    // With the environment the action gets: a developer's (e.g. NODE_EXTRA_CA_CERTS) can slow Node's start.
    execFileSync(actionNode(), ['-e', ''], { env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    bare.push(performance.now() - started);
  }
  bare.sort((a, b) => a - b);
  const dist = dirname(bundle);
  const chunks = readdirSync(dist).filter(name => name.endsWith('.js'));
  const sizes = chunks.map(name => `${name} ${(statSync(join(dist, name)).size / 1024).toFixed(0)} KiB`);
  const total = chunks.reduce((sum, name) => sum + statSync(join(dist, name)).size, 0);
  notes.push(
    `Start-up runs (ms, in order: start, middle, end of the benchmark): ${startupTimes.map(t => t.toFixed(0)).join(', ')}; ` +
      `\`node -e ''\` alone: ${bare[2]?.toFixed(0) ?? '?'} ms (median of 5).`,
    `Bundle: ${sizes.join(', ')}; ${(total / MB).toFixed(2)} MB in all. Beside index.js, a run loads only the chunks of its own face and of what it uses.`
  );
  addRow({
    n: 6,
    scenario: `start-up: spawn → first request (median of ${times.length})`,
    measured: `${median.toFixed(0)} ms`,
    reference: `bundle ${(statSync(bundle).size / MB).toFixed(2)} MB (+ ${((total - statSync(bundle).size) / MB).toFixed(2)} MB lazy)`,
    ratio: '—',
    rejected: '—',
    failures: '—',
    peakRss: '—',
    target: '≤ 300 ms',
    pass: median <= 300
  });
}

if (wanted(13)) {
  const source = encodePng(4096, 4096, 11);
  for (const { label, inputs, target } of [
    // The RGBA (256 MiB) once in JavaScript and about twice in the encoder's memory, over the action's own.
    { label: 'converted to WebP', inputs: { 'output-format': 'webp' }, target: 1100 },
    // The source RGBA, the fitted one (64 MiB) and the encoder's memory for it.
    {
      label: 'fitted into 4096 (Lanczos3) and converted to WebP',
      inputs: { 'output-format': 'webp', 'max-width': '4096' },
      target: 700
    }
  ]) {
    console.log(`\n13. one 4096×4096 source → an 8192×8192 result, ${label}`);
    const workspace = await workspaceWith('convert', 1, () => source);
    const m = await runScenario(workspace, { maxResultSide: 8192 }, inputs);
    const failures = failuresOf(m, 1);
    const written = m.run.outputs.files?.split('\n').filter(Boolean) ?? [];
    notes.push(
      `Scenario 13 (${label}): the result is 8192×8192 (${((8192 * 8192 * 4) / MB).toFixed(0)} MiB decoded); ` +
        `written as ${written.join(', ') || 'nothing'} in ${seconds(m.run.elapsedMs)}; ${m.memory.samples} memory samples.`
    );
    addRow({
      n: 13,
      scenario: `an 8192×8192 result ${label}`,
      measured: megabytes(m.memory.peakBytes),
      reference: `${seconds(m.run.elapsedMs)} wall`,
      ratio: '—',
      rejected: String(m.fake.rejected429),
      failures: String(failures),
      peakRss: megabytes(m.memory.peakBytes),
      target: `peak RSS ≤ ${target.toLocaleString('en')} MB`,
      pass: m.memory.peakBytes <= target * MB && failures === 0 && written.some(path => path.endsWith('.webp'))
    });
    await rm(workspace, { recursive: true, force: true });
  }
}

if (wanted(14)) {
  console.log('\n14. the pull request comment for a batch of 1,000 sources');
  const results: SourceResult[] = Array.from({ length: 1000 }, (_, i) => {
    const source = `assets/photography/2026/collections/summer-campaign/image-${String(i).padStart(4, '0')}.jpg`;
    return i % 50 === 7
      ? { source, status: 'failed', outputs: [], error: 'Ideogram answered HTTP 500: internal error' }
      : {
          source,
          status: 'upscaled',
          outputs: [
            { path: `upscaled/${source.replace(/jpg$/, 'png')}`, resolution: '1920x1280', seed: i, prompt: null }
          ],
          // A v2 model reports what it billed: the cost column, the longest a row gets.
          spentUsdMicros: 125_830 + i
        };
  });
  const facts = {
    before: { bytes: 180_000, format: 'jpeg' as const, dimensions: { width: 960, height: 640 } },
    after: { bytes: 2_400_000, format: 'png' as const, dimensions: { width: 1920, height: 1280 } }
  };
  const sizes: string[] = [];
  let largest = 0;
  for (const links of [
    {
      repository: 'https://github.com/o/r',
      run: 'https://github.com/o/r/actions/runs/1',
      artifact: { name: 'upscaled-images', url: 'https://github.com/o/r/actions/runs/1/artifacts/2' }
    },
    {
      repository: 'https://github.com/o/r',
      run: 'https://github.com/o/r/actions/runs/1',
      commit: { sha: 'f'.repeat(40), branch: 'feature' }
    }
  ]) {
    const body = await renderComment({
      marker: '<!-- ideogram-upscale-action comment: CI/upscale -->',
      results,
      links,
      facts: () => Promise.resolve(facts)
    });
    const rows = body.split('\n').filter(line => line.startsWith('| ')).length - 2;
    largest = Math.max(largest, body.length);
    sizes.push(
      `${'commit' in links ? 'committed (thumbnails)' : 'artifact'}: ${body.length.toLocaleString('en')} characters, ${rows} rows and one line for the other ${1000 - rows}`
    );
  }
  notes.push(`Scenario 14: ${sizes.join('; ')}.`);
  addRow({
    n: 14,
    scenario: 'pull request comment for 1,000 sources',
    measured: `${largest.toLocaleString('en')} characters`,
    reference: 'GitHub: 65,536',
    ratio: (largest / COMMENT_LIMIT).toFixed(2),
    rejected: '—',
    failures: '0',
    peakRss: '—',
    target: '≤ 65,536 characters',
    pass: largest <= COMMENT_LIMIT
  });
}

await sampleStartup(3);

let actionMs: number | undefined;
let loopWorkspace = '';

if (wanted(1) || wanted(2)) {
  console.log('\n1. 64 images, latency 1 s, limit 10, concurrency auto');
  let round = 0;
  const runs = await repeat(3, async () => {
    // A fresh workspace each time: the manifest would otherwise (rightly) skip what the last run did.
    const workspace = await workspaceWith(`w1-${round++}`, 64, smallPng);
    loopWorkspace ||= workspace;
    return runScenario(workspace, { latencyMs: 1000, inflightLimit: 10 }, { concurrency: 'auto' });
  });
  actionMs = runs.median.run.elapsedMs;
  if (wanted(1)) {
    limitRow(1, '64 images, latency 1 s, limit 10, `concurrency: auto`', runs, ceilSeconds(64, 10, 1000), 1.1, 64);
    // The same when the 429 body states the limit (`max_inflight_requests`), which the engine then probes no higher.
    const stated = await runScenario(
      await workspaceWith('w1-stated', 64, smallPng),
      { latencyMs: 1000, inflightLimit: 10, includeMaxInflight: true },
      { concurrency: 'auto' }
    );
    notes.push(
      `Scenario 1 again with \`max_inflight_requests\` in the 429 body: ${seconds(stated.run.elapsedMs)}, ` +
        `${stated.fake.rejected429} × 429, ${failuresOf(stated, 64)} failures (without it, each probe above the limit costs a 429).`
    );
  }
}

if (wanted(2) && actionMs !== undefined) {
  console.log('\n2. the same 64 images through a sequential curl loop (about a minute)');
  const fake = await startFakeIdeogram({ apiKey: KEY, latencyMs: 1000, inflightLimit: 10 });
  try {
    const loop = await curlLoop(loopWorkspace, fake.url);
    const speedup = loop.ms / actionMs;
    notes.push(`Scenario 2's loop parsed JSON with ${loop.parser} and wrote ${loop.written} of 64 results.`);
    addRow({
      n: 2,
      scenario: 'same 64 images: sequential `curl | jq | xargs curl` loop',
      measured: `${seconds(loop.ms)} loop vs ${seconds(actionMs)} action`,
      reference: '—',
      ratio: `${speedup.toFixed(2)}× faster`,
      rejected: String(fake.stats.rejected429),
      failures: String(64 - loop.written),
      peakRss: '—',
      target: '≥ 9× faster',
      pass: speedup >= 9 && loop.written === 64
    });
  } finally {
    await fake.close();
  }
}

if (wanted(3)) {
  console.log('\n3. 60 sources × num-images 4, latency 1 s, limit 10, concurrency auto (packed requests)');
  let round = 0;
  const runs = await repeat(3, async () =>
    runScenario(
      await workspaceWith(`w3-${round++}`, 60, smallPng),
      { latencyMs: 1000, inflightLimit: 10 },
      { concurrency: 'auto', 'num-images': '4' }
    )
  );
  limitRow(
    3,
    '60 sources × `num-images: 4`, latency 1 s, limit 10, auto',
    runs,
    ceilSeconds(60 * 4, 10, 1000),
    1.1,
    60
  );
  const sizes = runs.median.requestSizes;
  notes.push(
    `Scenario 3: ${sizes.length} requests for ${sizes.reduce((sum, n) => sum + n, 0)} images ` +
      `(${[1, 2, 3, 4].map(n => `${sizes.filter(size => size === n).length} of ${n}`).join(', ')}): without a seed a ` +
      'source’s 4 images may come from smaller requests, which fill the places two whole requests (8) leave idle.'
  );

  // A 429 stating a limit below num-images: 2 sources × 4 images against 3 places (before: 329 s, 102 requests).
  const stated = await runScenario(
    await workspaceWith('w3-stated', 2, smallPng),
    { latencyMs: 1000, inflightLimit: 3, includeMaxInflight: true },
    { concurrency: 'auto', 'num-images': '4' }
  );
  const seeded = await runScenario(
    await workspaceWith('w3-seeded', 2, smallPng),
    { latencyMs: 1000, inflightLimit: 3, includeMaxInflight: true },
    { concurrency: 'auto', 'num-images': '4', seed: '7', 'fail-on-error': 'false' }
  );
  addRow({
    n: 11,
    scenario: '2 sources × `num-images: 4` against a stated limit of 3, latency 1 s',
    measured: `${seconds(stated.run.elapsedMs)}, ${stated.fake.requests} requests`,
    reference: `${seconds(ceilSeconds(8, 3, 1000))} (limit); with a seed: failed in ${seconds(seeded.run.elapsedMs)}`,
    ratio: `${(stated.run.elapsedMs / ceilSeconds(8, 3, 1000)).toFixed(3)}×`,
    rejected: String(stated.fake.rejected429),
    failures: String(failuresOf(stated, 2)),
    peakRss: '—',
    target: 'all made, ≤ 2× limit; with a seed: both failed at once (< 5 s)',
    pass:
      failuresOf(stated, 2) === 0 &&
      stated.run.elapsedMs <= 2 * ceilSeconds(8, 3, 1000) &&
      seeded.failed === 2 &&
      seeded.run.elapsedMs < 5000
  });
}

await sampleStartup(3);

if (wanted(4)) {
  console.log('\n4. 64 images, concurrency 32 against limit 10, latency 1 s');
  let round = 0;
  const runs = await repeat(3, async () =>
    runScenario(
      await workspaceWith(`w4-${round++}`, 64, smallPng),
      { latencyMs: 1000, inflightLimit: 10 },
      { concurrency: '32' }
    )
  );
  limitRow(4, '64 images, `concurrency: 32` against limit 10, latency 1 s', runs, ceilSeconds(64, 10, 1000), 1.3, 64);
}

if (wanted(5)) {
  console.log('\n5. 100 sources of ~9 MB, num-images 4, concurrency 10, latency 200 ms, limit 10, small results');
  const png = bigRandomPng();
  const workspace = await linkedWorkspace('big', 100, png);
  const m = await runScenario(
    workspace,
    { latencyMs: 200, inflightLimit: 10, resultBytes: 'small' },
    { concurrency: '10', 'num-images': '4' }
  );
  const failures = failuresOf(m, 100);
  notes.push(
    `Scenario 5: sources of ${(png.length / 1e6).toFixed(2)} MB (${(png.length / MB).toFixed(2)} MiB) each, ` +
      `${((png.length * 100) / 1e9).toFixed(2)} GB uploaded; took ${seconds(m.run.elapsedMs)}, ` +
      `${m.memory.samples} memory samples.`
  );
  addRow({
    n: 5,
    scenario: '100 sources × ~9 MB, `num-images: 4`, `concurrency: 10`, latency 200 ms',
    measured: megabytes(m.memory.peakBytes),
    reference: `${seconds(m.run.elapsedMs)} wall`,
    ratio: '—',
    rejected: String(m.fake.rejected429),
    failures: String(failures),
    peakRss: megabytes(m.memory.peakBytes),
    target: 'peak RSS ≤ 110 MB',
    pass: m.memory.peakBytes <= 110 * MB && failures === 0
  });
  await rm(workspace, { recursive: true, force: true });
}

if (wanted(12)) {
  console.log('\n12. 40, then 400 sources of ~2 MB, num-images 4, concurrency 10, latency 50 ms, limit 10');
  const png = bigRandomPng(816);
  const peaks: number[] = [];
  let failures = 0;
  for (const count of [40, 400]) {
    const workspace = await linkedWorkspace(`many-${count}`, count, png);
    const m = await runScenario(
      workspace,
      { latencyMs: 50, inflightLimit: 10, resultBytes: 'small' },
      { concurrency: '10', 'num-images': '4' }
    );
    failures += failuresOf(m, count);
    peaks.push(m.memory.peakBytes);
    await rm(workspace, { recursive: true, force: true });
  }
  const [forty = 0, fourHundred = 0] = peaks;
  addRow({
    n: 12,
    scenario: '400 vs 40 sources × ~2 MB, `num-images: 4`, `concurrency: 10`',
    measured: `${megabytes(fourHundred)} vs ${megabytes(forty)}`,
    reference: '—',
    ratio: (fourHundred / forty).toFixed(2),
    rejected: '—',
    failures: String(failures),
    peakRss: megabytes(fourHundred),
    target: 'peak RSS for 400 ≤ 1.10 × for 40',
    pass: fourHundred <= 1.1 * forty && failures === 0
  });
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** `count` distinct small PNGs under images/ (bytes after IEND make each unique without encoding each). */
async function manyImages(name: string, count: number): Promise<string> {
  const workspace = join(scratch, name);
  await mkdir(join(workspace, 'images'), { recursive: true });
  const png = encodePng(8, 8, 1);
  await mapLimited(
    Array.from({ length: count }, (_, i) => i),
    16,
    i =>
      writeFile(
        join(workspace, 'images', `img-${String(i).padStart(5, '0')}.png`),
        Buffer.concat([png, Buffer.from(String(i))])
      )
  );
  return workspace;
}

if (wanted(7)) {
  console.log('\n7. discovery: 2,000 images among 50,000 other files, depth 7, default patterns');
  const root = join(scratch, 'tree');
  const tree = await writeLargeTree(root, { images: 2000, others: 50_000, depth: 7 });
  const workspace = join(root, 'repo');
  const patterns = DEFAULT_FILES.split('\n');
  const walks: number[] = [];
  const discoveries: number[] = [];
  let found = 0;
  for (let i = 0; i < 5; i++) {
    let at = performance.now();
    const entries = await readdir(workspace, { recursive: true });
    walks.push(performance.now() - at);
    at = performance.now();
    found = (await discoverSources(workspace, patterns, () => false)).sources.length;
    discoveries.push(performance.now() - at);
    if (entries.length === 0) throw new Error('the tree is empty');
  }
  // The walker it replaces, once: @actions/glob, as the action used it before.
  const started = performance.now();
  const globber = await glob.create(
    patterns.map(p => (p.startsWith('!') ? `!${join(workspace, p.slice(1))}` : join(workspace, p))).join('\n'),
    { matchDirectories: false, followSymbolicLinks: true, omitBrokenSymbolicLinks: true }
  );
  const before = (await globber.glob()).length;
  const beforeMs = performance.now() - started;
  notes.push(
    `Scenario 7: ${tree.folders} folders, ${tree.images.length} images, ${tree.others} other files (node_modules PNGs among them); ` +
      `discovery runs (ms): ${discoveries.map(ms => ms.toFixed(0)).join(', ')}; recursive readdir (ms): ${walks.map(ms => ms.toFixed(0)).join(', ')}; ` +
      `@actions/glob, as before: ${seconds(beforeMs)} for ${before} images.`
  );
  addRow({
    n: 7,
    scenario: 'discovery: 2,000 images among 50,000 files, depth 7, default patterns (median of 5)',
    measured: `${seconds(median(discoveries))} (${found} found)`,
    reference: `readdir ${seconds(median(walks))}; before ${seconds(beforeMs)}`,
    ratio: `${(median(discoveries) / median(walks)).toFixed(2)}× readdir`,
    rejected: '—',
    failures: String(tree.images.length - found),
    peakRss: '—',
    target: '≤ 1 s, all found',
    pass: median(discoveries) <= 1000 && found === tree.images.length
  });
  await rm(root, { recursive: true, force: true });
}

/** Spawn → first request at the server, stopping the action there (the rest of the run is not measured). */
async function timeToFirstRequest(workspace: string): Promise<number> {
  const fake = await startFakeIdeogram({ apiKey: KEY, latencyMs: 0, resultBytes: 'small' });
  let spawnedAt = 0;
  let child: ChildProcess | undefined;
  const poll = setInterval(() => {
    if (fake.stats.requests === 0 || child === undefined) return;
    child.kill();
    child = undefined;
  }, 2);
  try {
    await runAction({
      workspace,
      bundle,
      node: nodeCommand,
      inputs: { 'api-key': KEY, 'api-url': fake.url, publish: 'none', files: 'images/*.png' },
      onSpawn: spawned => {
        spawnedAt = Date.now();
        child = spawned;
      }
    });
    return (fake.stats.firstRequestAt ?? NaN) - spawnedAt;
  } finally {
    clearInterval(poll);
    await fake.close();
  }
}

if (wanted(8)) {
  console.log('\n8. start of a large run: spawn → first request, 10,000 sources vs 10');
  const large = await manyImages('first-10000', 10_000);
  const small = await manyImages('first-10', 10);
  const times: Record<'small' | 'large', number[]> = { small: [], large: [] };
  for (let i = 0; i < 5; i++) {
    // Interleaved, so a busy moment of the machine does not fall on one side only. What a run got done before it
    // was stopped (a small one may finish) is removed, so the next one sends again.
    for (const workspace of [small, large]) {
      for (const made of ['.github', 'upscaled']) await rm(join(workspace, made), { recursive: true, force: true });
    }
    times.small.push(await timeToFirstRequest(small));
    times.large.push(await timeToFirstRequest(large));
  }
  const ratio = median(times.large) / median(times.small);
  notes.push(
    `Scenario 8 runs (ms): 10 sources ${times.small.map(ms => ms.toFixed(0)).join(', ')}; ` +
      `10,000 sources ${times.large.map(ms => ms.toFixed(0)).join(', ')}.`
  );
  addRow({
    n: 8,
    scenario: 'spawn → first request with 10,000 sources (median of 5)',
    measured: `${median(times.large).toFixed(0)} ms`,
    reference: `${median(times.small).toFixed(0)} ms with 10`,
    ratio: `${ratio.toFixed(2)}×`,
    rejected: '—',
    failures: '—',
    peakRss: '—',
    target: '≤ 2× the time for 10',
    pass: ratio <= 2
  });
}

if (wanted(9)) {
  console.log('\n9. 10,000 sources: the outputs of a full run, then a re-run that skips everything');
  const workspace = await manyImages('rerun-10000', 10_000);
  const full = await runScenario(
    workspace,
    { latencyMs: 0, inflightLimit: 64, resultBytes: 'small' },
    { concurrency: '64', 'fail-on-error': 'false' }
  );
  const reruns: Measured[] = [];
  for (let i = 0; i < 3; i++) {
    reruns.push(await runScenario(workspace, { latencyMs: 0, resultBytes: 'small' }, { concurrency: '64' }));
  }
  const rerunMs = reruns.map(m => m.run.elapsedMs);
  const skipped = Math.min(...reruns.map(m => Number(m.run.outputs.skipped ?? 0)));
  const sent = Math.max(...reruns.map(m => m.fake.requests));
  notes.push(
    `Scenario 9: the first run upscaled ${full.upscaled} of 10,000 in ${seconds(full.run.elapsedMs)}; ` +
      `re-runs (s): ${rerunMs.map(ms => (ms / 1000).toFixed(2)).join(', ')}, each skipping ${skipped} and sending ${sent} request(s).`
  );
  addRow({
    n: 9,
    scenario: 're-run of 10,000 sources, all unchanged (median of 3)',
    measured: seconds(median(rerunMs)),
    reference: `first run ${seconds(full.run.elapsedMs)}`,
    ratio: '—',
    rejected: '—',
    failures: String(10_000 - skipped),
    peakRss: megabytes(Math.max(...reruns.map(m => m.memory.peakBytes))),
    target: '≤ 2 s, all skipped, 0 sent',
    pass: median(rerunMs) <= 2000 && skipped === 10_000 && sent === 0
  });
  // What a later step gets from a run this size: every output and the summary within GitHub's 1 MiB.
  const sizes = (m: Measured): { name: string; bytes: number }[] => [
    ...Object.entries(m.run.outputs).map(([name, value]) => ({ name, bytes: Buffer.byteLength(value) })),
    { name: 'summary', bytes: Buffer.byteLength(m.run.summary) }
  ];
  const largest = [...sizes(full), ...sizes(reruns[0] as Measured)].sort((a, b) => b.bytes - a.bytes);
  const top = largest[0] ?? { name: '—', bytes: 0 };
  const document = await readFile(full.run.outputs['results-file'] ?? '', 'utf8').catch(() => '');
  addRow({
    n: 10,
    scenario: 'outputs and step summary at 10,000 sources',
    measured: `largest: ${top.name} ${(top.bytes / MB).toFixed(2)} MiB`,
    reference: `results-file ${(Buffer.byteLength(document) / MB).toFixed(2)} MiB, whole`,
    ratio: '—',
    rejected: '—',
    failures: '—',
    peakRss: megabytes(full.memory.peakBytes),
    target: 'each < 1 MiB; file has all 10,000',
    pass: top.bytes < MB && (JSON.parse(document || '[]') as unknown[]).length === 10_000
  });
  notes.push(
    `Scenario 10: sizes after the full run: ${sizes(full)
      .filter(s => s.bytes > 1024)
      .map(s => `${s.name} ${(s.bytes / 1024).toFixed(0)} KiB`)
      .join(', ')}; results-truncated ${full.run.outputs['results-truncated'] ?? '?'}.`
  );
  await rm(workspace, { recursive: true, force: true });
}

await sampleStartup(3);
startupRow();

// -------------------------------------------------------------------------------------------------------------
// Output
// -------------------------------------------------------------------------------------------------------------

rows.sort((a, b) => a.n - b.n);
const table = [
  '| # | Scenario | Measured | Reference | Ratio | 429s seen | Failures | Peak RSS | Target | Result |',
  '| - | -------- | -------- | --------- | ----- | --------- | -------- | -------- | ------ | ------ |',
  ...rows.map(row => {
    // A `|` inside a cell, even in backticks, would end the cell.
    const cell = (text: string | number): string => String(text).replace(/\|/g, '\\|');
    return (
      `| ${row.n} | ${cell(row.scenario)} | ${cell(row.measured)} | ${cell(row.reference)} | ${cell(row.ratio)} | ` +
      `${cell(row.rejected)} | ${cell(row.failures)} | ${cell(row.peakRss)} | ${cell(row.target)} | ${row.pass ? 'PASS' : '**FAIL**'} |`
    );
  })
].join('\n');

const totalSeconds = (performance.now() - benchStarted) / 1000;
const document = [
  '# Benchmarks',
  '',
  'Produced by `npm run bench` (builds, then runs `tsx scripts/bench.ts`): the built `dist/index.js` is run as the',
  'GitHub runner runs it (inputs as `INPUT_*`, `publish: none`) against the loopback fake Ideogram in',
  '`test/fakes/ideogram-server.ts`, which counts images in flight like the real API and answers 429 past its limit.',
  '"Limit" is the best a client can do by the server\'s limit alone: `ceil(images / limit) × latency`.',
  'Wall times are from spawning the action to its exit, start-up included.',
  '',
  `Run on ${new Date().toISOString()}; the whole benchmark took ${totalSeconds.toFixed(0)} s; load average at the end: ` +
    `${os
      .loadavg()
      .map(value => value.toFixed(2))
      .join(' ')}.`,
  '',
  ...machineLines,
  '',
  table,
  '',
  ...notes.map(note => `- ${note}`),
  ''
].join('\n');

console.log(`\n${table}\n\n${notes.map(note => `- ${note}`).join('\n')}\n`);
console.log(`All targets: ${rows.every(row => row.pass) ? 'PASS' : 'FAIL'} (${totalSeconds.toFixed(0)} s)`);
if (write) {
  await mkdir(join(ROOT, 'docs'), { recursive: true });
  await writeFile(join(ROOT, 'docs', 'benchmarks.md'), document);
  console.log('Wrote docs/benchmarks.md');
}
process.exitCode = rows.every(row => row.pass) ? 0 : 1;
