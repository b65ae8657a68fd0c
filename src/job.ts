import { join } from 'node:path';
import { discoverSources, type Discovery } from './discovery.js';
import { CancelledError, unlessCut, type Cancellation } from './cancellation.js';
import { checkDestinations } from './destinations.js';
import { upscaleAll } from './engine.js';
import { CostCap } from './cost-cap.js';
import { IdeogramClient, type LegacyNotice } from './ideogram/client.js';
import { LegacyEndpoint, V2Endpoint, type UpscaleEndpoint } from './ideogram/endpoint.js';
import { ideogramHosts } from './ideogram/hosts.js';
import { InflightLimiter } from './ideogram/inflight-limiter.js';
import { Poller, defaultPollOptions } from './ideogram/poller.js';
import { retryIdeogram } from './ideogram/retry-rule.js';
import type { IdeogramSettings } from './ideogram/settings.js';
import { IdeogramUpscaler, quoteRecord } from './ideogram/upscaler.js';
import { defaultRetryPolicy, type RetryEvent, type RetryPolicy } from './retry.js';
import { Manifest, canonical, hashFile, type ManifestDocument, type ManifestEntry, type Recorded } from './manifest.js';
import { canReconvert, conversionKey } from './output-format.js';
import { withinBudget } from './image-budget.js';
import { mapLimited } from './map-limited.js';
import { planOutputs } from './output-path.js';
import type { Provider } from './provider.js';
import { ResultSink } from './result-sink.js';
import type { SourceResult } from './results.js';
import { inflightBounds, type Settings, type TransportSettings } from './settings.js';
import { checkImage } from './validation.js';
import { quoteText } from './presentation.js';

/** Room for an 8192×8192 result of a v2 model; bounds what a misbehaving link can write. */
const MAX_RESULT_BYTES = 400 * 1024 * 1024;
/** Quotes asked for at once in a dry run (they take no in-flight places). */
const QUOTE_PARALLELISM = 4;
const HASH_PARALLELISM = 4;

/** What the action and the command-line tool each do with the job's progress. */
export interface JobHooks {
  /** After discovery, before anything is sent. */
  readonly onDiscovered?: (discovery: Discovery) => void;
  /** As each source finishes. */
  readonly onResult?: (result: SourceResult, done: number, total: number) => void;
  /** Before an upscale or a download is tried again. */
  readonly onRetry?: (file: string, event: RetryEvent) => void;
  /** Something worth telling once (a newer endpoint, a deprecation, a job id that could not be recorded). */
  readonly onNotice?: (message: string) => void;
  /** Something the user should look at (a manifest entry not trusted); told as a notice when unset. */
  readonly onWarning?: (message: string) => void;
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
  return defaultRetryPolicy({
    maxRetries: transport.maxRetries,
    retryLostResponses: transport.retryTimeouts,
    maxRateLimitWaitMs: transport.rateLimitWaitMs
  });
}

/** The legacy endpoint's successor and deprecation signs, told once a run. */
function legacyNotices(hooks: JobHooks): (notice: LegacyNotice) => void {
  let told = false;
  return ({ successor, deprecation }) => {
    if (told) return;
    told = true;
    const parts = [
      successor ? `Ideogram names a successor to POST /upscale: ${successor} (set 'model' to use a v2 upscaler)` : '',
      deprecation ? `Ideogram marks POST /upscale deprecated (Deprecation: ${deprecation})` : ''
    ];
    hooks.onNotice?.(parts.filter(part => part !== '').join('. '));
  };
}

function ideogramEndpoint(provider: IdeogramSettings, transport: TransportSettings, hooks: JobHooks): UpscaleEndpoint {
  const client = new IdeogramClient({
    apiUrl: provider.apiUrl,
    apiKey: provider.apiKey,
    timeoutMs: transport.requestTimeoutMs,
    onLegacyNotice: legacyNotices(hooks)
  });
  return provider.kind === 'legacy'
    ? new LegacyEndpoint(client, provider.request)
    : new V2Endpoint(client, provider, new Poller(defaultPollOptions()));
}

/** What the upscaler needs from the job's manifest: jobs to collect, and where to record new ones. */
interface JobRecords {
  readonly pending: ReadonlyMap<string, string>;
  readonly onAccepted: (file: string, generationId: string) => Promise<void>;
  readonly onAbandoned: (file: string) => void;
}

/** The local provider's codecs (WebAssembly) are loaded only when it is chosen, so the action starts fast. */
async function createProvider(settings: Settings, hooks: JobHooks, records: JobRecords): Promise<Provider> {
  const { provider, transport } = settings;
  if (provider.kind === 'local') {
    const { LocalUpscaler } = await import('./local/upscaler.js');
    return new LocalUpscaler();
  }
  const maxCost = provider.kind === 'v2' ? provider.maxCost : undefined;
  return new IdeogramUpscaler({
    endpoint: ideogramEndpoint(provider, transport, hooks),
    limiter: new InflightLimiter(inflightBounds(transport.concurrency)),
    retry: retryPolicy(transport),
    hosts: ideogramHosts(provider.apiUrl),
    maxResultBytes: MAX_RESULT_BYTES,
    downloadTimeoutMs: transport.requestTimeoutMs,
    onRetry: hooks.onRetry,
    onBatchStopped: why => hooks.onNotice?.(why),
    ...records,
    ...(maxCost === undefined ? {} : { costCap: new CostCap(maxCost) })
  });
}

/** A dry run with a model that quotes: each source checked and priced exactly as it would be sent, nothing run. */
async function quoteAll(settings: Settings, sources: readonly string[], hooks: JobHooks): Promise<SourceResult[]> {
  if (settings.provider.kind !== 'v2') throw new Error('only v2 models quote');
  const endpoint = ideogramEndpoint(settings.provider, settings.transport, hooks);
  const retry = retryPolicy(settings.transport);
  let finished = 0;
  try {
    return await mapLimited(sources, QUOTE_PARALLELISM, async (source): Promise<SourceResult> => {
      let result: SourceResult;
      try {
        const image = await checkImage(join(settings.workspace, source), source, settings.discovery.maxFileBytes);
        const quote = quoteRecord(
          await retryIdeogram(
            source,
            () => endpoint.quote(image),
            retry,
            event => hooks.onRetry?.(source, event)
          )
        );
        result = { source, status: 'skipped', outputs: [], error: `dry run: quoted ${quoteText(quote)}`, quote };
      } catch (error) {
        result = { source, status: 'failed', outputs: [], error: (error as Error).message };
      }
      hooks.onResult?.(result, ++finished, sources.length);
      return result;
    });
  } finally {
    await endpoint.close();
  }
}

/** What made the upscale: a change to any of these makes an unchanged image worth upscaling again. */
function upscaleFingerprint(settings: Settings): Record<string, unknown> {
  const { provider } = settings;
  // The shapes manifests have always recorded, so existing entries still match.
  if (provider.kind === 'local') return { provider: 'local', request: {} };
  if (provider.kind === 'legacy') return { provider: 'ideogram', request: provider.request };
  // A v2 model: every form field counts (the factor or tier, prompt, seed and each model option).
  return { provider: 'ideogram', model: provider.model.id, fields: provider.fields };
}

/**
 * What the manifest compares: the upscale's settings, and the conversion (format, quality, box) when there is
 * one. A change of the conversion alone converts the earlier result again, if it is still there.
 */
export function fingerprint(settings: Settings): Record<string, unknown> {
  const output = conversionKey(settings.output.conversion);
  return output ? { ...upscaleFingerprint(settings), output } : upscaleFingerprint(settings);
}

/** Whether an entry's results came from the same upscale as this run would make, converted otherwise. */
function sameUpscale(entry: ManifestEntry, settings: Settings): boolean {
  const { output: _output, ...upscale } = entry.settings;
  return canonical(upscale) === canonical(upscaleFingerprint(settings));
}

interface Selection {
  /** Sources the manifest says are done, as their results. */
  readonly skipped: ReadonlyMap<string, SourceResult>;
  /** Content hashes of the sources, for the manifest. */
  readonly hashes: ReadonlyMap<string, string>;
  /** Sources whose earlier results only need converting again (format, quality or size changed). */
  readonly reconvert: ReadonlyMap<string, Recorded>;
}

/** Hashes each source and skips those whose bytes, settings and results the manifest still vouches for. */
async function selectWork(
  settings: Settings,
  manifest: Manifest | undefined,
  sources: readonly string[]
): Promise<Selection> {
  const skipped = new Map<string, SourceResult>();
  const hashes = new Map<string, string>();
  const reconvert = new Map<string, Recorded>();
  if (!manifest) return { skipped, hashes, reconvert };
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
      continue;
    }
    const earlier = settings.selection.force ? undefined : await manifest.recorded(source, sha256);
    if (earlier && sameUpscale(earlier.entry, settings) && canReconvert(earlier, settings.output.conversion)) {
      reconvert.set(source, earlier);
    }
  }
  return { skipped, hashes, reconvert };
}

/** Jobs to collect from earlier runs, and how this run records its own as they are accepted. */
function jobRecords(
  settings: Settings,
  manifest: Manifest | undefined,
  hashes: ReadonlyMap<string, string>,
  work: readonly string[],
  hooks: JobHooks
): JobRecords {
  const settingsPrint = fingerprint(settings);
  const pending = new Map<string, string>();
  for (const source of work) {
    const sha256 = hashes.get(source);
    const id = sha256 === undefined ? undefined : manifest?.pendingJob(source, sha256, settingsPrint);
    if (id !== undefined) pending.set(source, id);
  }
  return {
    pending,
    onAccepted: async (file, generationId) => {
      const sha256 = hashes.get(file);
      if (!manifest || sha256 === undefined) return;
      const job = { generationId, sha256, settings: settingsPrint, acceptedAt: new Date().toISOString() };
      await manifest.accepted(file, job).catch((error: unknown) => {
        hooks.onNotice?.(
          `${file}: Ideogram accepted generation ${generationId}, but the manifest could not record it: ${(error as Error).message}`
        );
      });
    },
    onAbandoned: file => {
      void manifest?.abandoned(file).catch((error: unknown) => {
        hooks.onNotice?.(`${file}: the manifest could not forget its failed job: ${(error as Error).message}`);
      });
    }
  };
}

export interface JobOptions {
  /** Narrows the sources to these paths (e.g. what a push changed). */
  readonly only?: ReadonlySet<string>;
  /** Stops the job part-way: what finished is kept and recorded, the rest reported as not done. */
  readonly cancellation?: Cancellation;
  /** The manifest at the head of the branch results are committed to, when it moved on from the checkout. */
  readonly branchManifest?: ManifestDocument;
}

/**
 * The work shared by the action and the command-line tool: discovery → selection (the event's changes, the
 * manifest) → planning → (check → upscale → download per source) → manifest. Publishing and reporting are the
 * caller's.
 */
export async function runJob(
  settings: Settings,
  hooks: JobHooks = {},
  { only, cancellation, branchManifest }: JobOptions = {}
): Promise<JobOutcome> {
  const { manifest: manifestPath, force } = settings.selection;
  const manifest = manifestPath ? await Manifest.load(settings.workspace, manifestPath, force) : undefined;
  for (const warning of manifest?.warnings ?? []) (hooks.onWarning ?? hooks.onNotice)?.(warning);
  if (manifest && branchManifest) manifest.takeFromBranch(branchManifest);
  const earlierResults = manifest?.resultOwners() ?? new Map<string, string>();
  const discovery = await discoverSources(
    settings.workspace,
    settings.discovery.patterns,
    path => settings.output.template.matches(path) || earlierResults.has(path)
  );
  hooks.onDiscovered?.(discovery);
  const selected = only ? discovery.sources.filter(source => only.has(source)) : discovery.sources;
  const { skipped, hashes, reconvert } = await selectWork(settings, manifest, selected);
  const candidates = selected.filter(source => !skipped.has(source) && !reconvert.has(source));
  const { template, imagesPerSource, overwrite, conversion } = settings.output;
  // Conversions write too: the same rules, for the paths the conversion gives.
  const { refused, replaceable } = await checkDestinations(
    [...candidates, ...reconvert.keys()],
    discovery.sources,
    template,
    imagesPerSource,
    { workspace: settings.workspace, sources: new Set(discovery.sources), earlier: earlierResults, overwrite },
    conversion
  );
  const converting = [...reconvert].filter(([source]) => !refused.has(source));
  // A refused source costs nothing, so it takes no share of the run's budget.
  const { taken: work, deferred } = withinBudget(
    candidates.filter(source => !refused.has(source)),
    settings.output.imagesPerSource,
    settings.selection.maxImages
  );
  const plan = planOutputs(
    [...work, ...converting.map(([source]) => source)],
    settings.output.template,
    settings.output.imagesPerSource,
    settings.output.conversion
  );

  const done = new Map<string, SourceResult>(skipped);
  for (const result of deferred) done.set(result.source, result);
  // Refused sources count among the finished, so the progress reads [n/total] over everything this run decided.
  let finished = 0;
  const total = work.length + converting.length + refused.size;
  const report = (result: SourceResult): void => hooks.onResult?.(result, ++finished, total);
  // Checkpointed as each finishes (its results already in place), so a kill loses no paid work. A failed append
  // surfaces when the manifest is saved.
  const checkpoint = (result: SourceResult, returned?: Recorded['from']): void => {
    const sha256 = hashes.get(result.source);
    if (manifest && sha256) {
      manifest.record(result, sha256, fingerprint(settings), new Date(), returned).catch(() => {});
    }
    report(result);
  };
  for (const [source, error] of refused) {
    const result: SourceResult = { source, status: 'failed', outputs: [], error };
    done.set(source, result);
    report(result);
  }
  if (settings.dryRun && settings.provider.kind === 'v2') {
    for (const result of await quoteAll(settings, work, hooks)) done.set(result.source, result);
  } else if (settings.dryRun) {
    for (const source of work)
      done.set(source, { source, status: 'skipped', outputs: [], error: 'dry run: nothing sent' });
  }
  if (settings.dryRun) {
    for (const [source] of converting) {
      done.set(source, { source, status: 'skipped', outputs: [], error: 'dry run: would convert its earlier result' });
    }
  } else if (converting.length > 0) {
    // Loaded only here: the conversion codecs are WebAssembly.
    const { reconvert: convertAgain } = await import('./reconvert.js');
    for (const [source, earlier] of converting) {
      const result = await convertAgain(settings.workspace, source, earlier, {
        planned: plan.get(source) ?? [],
        conversion,
        replaceable
      });
      done.set(source, result);
      // Results as returned, converted to other paths, stay what the next change converts from.
      const written = new Set(result.outputs.map(output => output.path));
      const kept = earlier.asReturned && earlier.from.every(output => !written.has(output.path));
      checkpoint(result, kept ? earlier.from : undefined);
    }
  }
  if (!settings.dryRun && work.length > 0) {
    const provider = await createProvider(settings, hooks, jobRecords(settings, manifest, hashes, work, hooks));
    try {
      const results = await upscaleAll(provider, {
        workspace: settings.workspace,
        plan: new Map(work.map(source => [source, plan.get(source) ?? []])),
        sink: new ResultSink({
          workspace: settings.workspace,
          maxBytes: MAX_RESULT_BYTES,
          retry: retryPolicy(settings.transport),
          cut: cancellation?.cut,
          replaceable,
          conversion: settings.output.conversion
        }),
        cancellation,
        maxFileBytes: settings.discovery.maxFileBytes,
        // More sources under way than places, so the next is checked and downloads overlap with uploads.
        workers: inflightBounds(settings.transport.concurrency).ceiling * 2,
        onResult: result => checkpoint(result)
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
