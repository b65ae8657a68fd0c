import { join } from 'node:path';
import { discoverSources, type Discovery } from './discovery.js';
import { CancelledError, unlessCut, type Cancellation } from './cancellation.js';
import { upscaleAll } from './engine.js';
import { IdeogramClient } from './ideogram/client.js';
import { LegacyEndpoint } from './ideogram/endpoint.js';
import { ideogramHosts } from './ideogram/hosts.js';
import { InflightLimiter } from './ideogram/inflight-limiter.js';
import type { IdeogramSettings } from './ideogram/settings.js';
import { IdeogramUpscaler } from './ideogram/upscaler.js';
import { defaultRetryPolicy, type RetryEvent, type RetryPolicy } from './retry.js';
import { Manifest, hashFile } from './manifest.js';
import { withinBudget } from './image-budget.js';
import { mapLimited } from './map-limited.js';
import { planOutputs } from './output-path.js';
import type { Provider } from './provider.js';
import { ResultSink } from './result-sink.js';
import type { SourceResult } from './results.js';
import { inflightBounds, type Settings, type TransportSettings } from './settings.js';

/** Generous for a 2× upscale of a 25 MB source; bounds what a misbehaving link can write. */
const MAX_RESULT_BYTES = 200 * 1024 * 1024;
const HASH_PARALLELISM = 4;

/** What the action and the command-line tool each do with the job's progress. */
export interface JobHooks {
  /** After discovery, before anything is sent. */
  readonly onDiscovered?: (discovery: Discovery) => void;
  /** As each source finishes. */
  readonly onResult?: (result: SourceResult, done: number, total: number) => void;
  /** Before an upscale or a download is tried again. */
  readonly onRetry?: (file: string, event: RetryEvent) => void;
}

export interface JobOutcome {
  readonly discovery: Discovery;
  /** One per selected source, in discovery order. */
  readonly results: readonly SourceResult[];
  /** The manifest, when it was written by this run (workspace-relative). */
  readonly manifestWritten: string | undefined;
  /** The sources this run sent, or in a dry run would have sent: neither skipped nor deferred. */
  readonly sent: readonly string[];
}

function retryPolicy(transport: TransportSettings): RetryPolicy {
  return defaultRetryPolicy({ maxRetries: transport.maxRetries, retryLostResponses: transport.retryTimeouts });
}

function ideogramUpscaler(provider: IdeogramSettings, transport: TransportSettings, hooks: JobHooks): IdeogramUpscaler {
  const client = new IdeogramClient({
    apiUrl: provider.apiUrl,
    apiKey: provider.apiKey,
    timeoutMs: transport.requestTimeoutMs
  });
  return new IdeogramUpscaler({
    endpoint: new LegacyEndpoint(client, provider.request),
    limiter: new InflightLimiter(inflightBounds(transport.concurrency)),
    retry: retryPolicy(transport),
    hosts: ideogramHosts(provider.apiUrl),
    maxResultBytes: MAX_RESULT_BYTES,
    onRetry: hooks.onRetry
  });
}

/** The local provider's codecs (WebAssembly) are loaded only when it is chosen, so the action starts fast. */
async function createProvider(settings: Settings, hooks: JobHooks): Promise<Provider> {
  if (settings.provider.kind === 'local') {
    const { LocalUpscaler } = await import('./local/upscaler.js');
    return new LocalUpscaler();
  }
  return ideogramUpscaler(settings.provider, settings.transport, hooks);
}

/** What the manifest compares: a change to any of these makes an unchanged image worth upscaling again. */
export function fingerprint(settings: Settings): Record<string, unknown> {
  const { provider } = settings;
  // The shapes manifests have always recorded, so existing entries still match.
  return provider.kind === 'local'
    ? { provider: 'local', request: {} }
    : { provider: 'ideogram', request: provider.request };
}

interface Selection {
  /** Sources the manifest says are done, as their results. */
  readonly skipped: ReadonlyMap<string, SourceResult>;
  /** Content hashes of the sources, for the manifest. */
  readonly hashes: ReadonlyMap<string, string>;
}

/** Hashes each source and skips those whose bytes, settings and results the manifest still vouches for. */
async function selectWork(
  settings: Settings,
  manifest: Manifest | undefined,
  sources: readonly string[]
): Promise<Selection> {
  const skipped = new Map<string, SourceResult>();
  const hashes = new Map<string, string>();
  if (!manifest) return { skipped, hashes };
  // A few at once: hashing reads whole files, and the disk and the hash overlap across files.
  const digests = await mapLimited(sources, HASH_PARALLELISM, source =>
    // An unreadable source goes on to the engine, which reports why.
    hashFile(join(settings.workspace, source)).catch(() => undefined)
  );
  for (const [i, source] of sources.entries()) {
    const sha256 = digests[i];
    if (sha256 === undefined) continue;
    hashes.set(source, sha256);
    const entry = settings.selection.force
      ? undefined
      : await manifest.unchanged(source, sha256, fingerprint(settings));
    if (entry) {
      skipped.set(source, {
        source,
        status: 'skipped',
        outputs: entry.outputs.map(output => ({ ...output, prompt: null })),
        error: `unchanged since ${entry.upscaledAt} (${manifest.path})`
      });
    }
  }
  return { skipped, hashes };
}

/**
 * The work shared by the action and the command-line tool: discovery → selection (the event's changes, the
 * manifest) → planning → (check → upscale → download per source) → manifest. Publishing and reporting are the
 * caller's. `only`, when given, narrows the sources to those paths (e.g. what a push changed). A `cancellation`
 * stops it part-way: what finished is kept and recorded, the rest reported as not done.
 */
export async function runJob(
  settings: Settings,
  hooks: JobHooks = {},
  only?: ReadonlySet<string>,
  cancellation?: Cancellation
): Promise<JobOutcome> {
  const { manifest: manifestPath } = settings.selection;
  const manifest = manifestPath ? await Manifest.load(settings.workspace, manifestPath) : undefined;
  const earlierResults = manifest?.resultPaths() ?? new Set<string>();
  const discovery = await discoverSources(
    settings.workspace,
    settings.discovery.patterns,
    path => settings.output.template.matches(path) || earlierResults.has(path)
  );
  hooks.onDiscovered?.(discovery);
  const selected = only ? discovery.sources.filter(source => only.has(source)) : discovery.sources;
  const { skipped, hashes } = await selectWork(settings, manifest, selected);
  const { taken: work, deferred } = withinBudget(
    selected.filter(source => !skipped.has(source)),
    settings.output.imagesPerSource,
    settings.selection.maxImages
  );
  const plan = planOutputs(work, settings.output.template, settings.output.imagesPerSource);

  const done = new Map<string, SourceResult>(skipped);
  for (const result of deferred) done.set(result.source, result);
  if (settings.dryRun) {
    for (const source of work)
      done.set(source, { source, status: 'skipped', outputs: [], error: 'dry run: nothing sent' });
  } else if (work.length > 0) {
    const provider = await createProvider(settings, hooks);
    try {
      const results = await upscaleAll(provider, {
        workspace: settings.workspace,
        plan,
        sink: new ResultSink({
          workspace: settings.workspace,
          maxBytes: MAX_RESULT_BYTES,
          retry: retryPolicy(settings.transport),
          cut: cancellation?.cut
        }),
        cancellation,
        maxFileBytes: settings.discovery.maxFileBytes,
        // More sources under way than places, so the next is checked and downloads overlap with uploads.
        workers: inflightBounds(settings.transport.concurrency).ceiling * 2,
        onResult: (result, finished, total) => {
          // Checkpointed as it finishes (its results already in place), so a kill loses no paid work. A failed
          // append surfaces when the manifest is saved.
          const sha256 = hashes.get(result.source);
          if (manifest && sha256) manifest.record(result, sha256, fingerprint(settings), new Date()).catch(() => {});
          hooks.onResult?.(result, finished, total);
        }
      });
      for (const result of results) done.set(result.source, result);
    } finally {
      // Closing waits for requests in flight; once they are cut, nothing more is wanted of them.
      await unlessCut(provider.close(), cancellation?.cut).catch((error: unknown) => {
        if (!(error instanceof CancelledError)) throw error;
      });
    }
  }
  const results = selected.map(source => done.get(source) as SourceResult);

  let manifestWritten: string | undefined;
  if (manifest?.hasChanges && !settings.dryRun) {
    await manifest.save();
    manifestWritten = manifest.path;
  }
  return { discovery, results, manifestWritten, sent: work };
}
