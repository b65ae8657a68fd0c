import { fingerprint, sameUpscale } from '../state/fingerprint.js';
import { discoverSources, type Discovery } from './discovery.js';
import { CancelledError, NotStartedError, unlessCut, type Cancellation } from '../async/cancellation.js';
import { Destinations } from './destinations.js';
import { upscaleAll, type Sendable } from './engine.js';
import { CostCap } from '../providers/ideogram/cost-cap.js';
import { BatchStop } from '../providers/ideogram/batch-stop.js';
import { IdeogramClient, type LegacyNotice } from '../providers/ideogram/client.js';
import { LegacyEndpoint, V2Endpoint, type UpscaleEndpoint } from '../providers/ideogram/endpoint.js';
import { ideogramHosts } from '../providers/ideogram/hosts.js';
import { InflightLimiter } from '../providers/ideogram/inflight-limiter.js';
import { Poller, defaultPollOptions } from '../providers/ideogram/poller.js';
import type { IdeogramSettings } from '../providers/ideogram/settings.js';
import { IdeogramUpscaler, quoteRecord } from '../providers/ideogram/upscaler.js';
import { defaultRetryPolicy, type RetryEvent, type RetryPolicy } from '../async/retry.js';
import { Manifest } from '../state/manifest.js';
import type { ManifestDocument } from '../state/manifest-document.js';
import { ImageBudget } from './image-budget.js';
import { removeLeftovers } from './leftovers.js';
import { canReconvert, reconvert, type Recorded } from './reconvert.js';
import { mapLimited } from '../async/map-limited.js';
import { planOutputs, plannedOutputs } from '../settings/output-path.js';
import type { Provider } from '../providers/provider.js';
import { ResultSink } from './result-sink.js';
import type { PlannedOutput } from '../settings/output-path.js';
import type { SourceResult } from '../state/results.js';
import { resultPresence, selectSources, skippedByManifest, type ManifestLookup } from './selection.js';
import { inflightBounds, type Settings, type TransportSettings } from '../settings/settings.js';
import type { SourceImage } from '../imaging/source-image.js';
import { quoteText } from '../text/money.js';

/** Room for an 8192×8192 result of a v2 model; bounds what a misbehaving link can write. */
const MAX_RESULT_BYTES = 400 * 1024 * 1024;
/** Quotes asked for at once in a dry run (they take no in-flight places). */
const QUOTE_PARALLELISM = 4;

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

/**
 * A provider made when the first source reaches it: a run that skips everything never loads the local provider's
 * codecs, nor opens a connection.
 */
function lazily(create: () => Promise<Provider>): Provider {
  let made: Promise<Provider> | undefined;
  return {
    produce: async (image, stopped) => (await (made ??= create())).produce(image, stopped),
    close: async () => {
      if (made) await (await made).close();
    }
  };
}

/** The local provider's codecs (WebAssembly) are loaded only when it is chosen, so the action starts fast. */
async function createProvider(settings: Settings, hooks: JobHooks, records: JobRecords): Promise<Provider> {
  const { provider, transport } = settings;
  if (provider.kind === 'local') {
    const { LocalUpscaler } = await import('../providers/local/upscaler.js');
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

/** A dry run with a model that quotes: each checked source priced exactly as it would be sent, nothing run. */
async function quoteAll(
  settings: Settings,
  images: readonly SourceImage[],
  hooks: JobHooks,
  onResult: (result: SourceResult) => void
): Promise<void> {
  if (settings.provider.kind !== 'v2') throw new Error('only v2 models quote');
  const endpoint = ideogramEndpoint(settings.provider, settings.transport, hooks);
  const retry = retryPolicy(settings.transport);
  // Quotes stop as upscales do: after the account is refused, or the host could not be reached a few times in a row.
  const batch = new BatchStop(why => hooks.onNotice?.(why));
  try {
    await mapLimited(images, QUOTE_PARALLELISM, async image => {
      const source = image.relativePath;
      let result: SourceResult;
      try {
        const quote = quoteRecord(
          await batch.retrying(
            source,
            () => batch.guard(source, () => endpoint.quote(image)),
            retry,
            event => hooks.onRetry?.(source, event)
          )
        );
        result = { source, status: 'skipped', outputs: [], error: `dry run: quoted ${quoteText(quote)}`, quote };
      } catch (error) {
        result = { source, status: 'failed', outputs: [], error: (error as Error).message };
      }
      onResult(result);
    });
  } finally {
    await endpoint.close();
  }
}

/**
 * Jobs to collect from earlier runs, and how this run records its own as they are accepted. `pending` fills as the
 * selection hands sources over (`collect`), before each reaches the upscaler; `hashes` are the job's, by source.
 */
function jobRecords(
  settingsPrint: Record<string, unknown>,
  manifest: Manifest | undefined,
  hooks: JobHooks,
  hashes: ReadonlyMap<string, string>
): JobRecords & { collect: (image: SourceImage) => void } {
  const pending = new Map<string, string>();
  return {
    pending,
    collect: ({ relativePath: source, sha256 }) => {
      if (sha256 === undefined) return;
      const id = manifest?.pendingJob(source, sha256, settingsPrint);
      if (id !== undefined) pending.set(source, id);
    },
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
  /** The job's manifest, when the caller has loaded it already (see `loadManifest`): a run reads it once. */
  readonly manifest?: Manifest;
}

/** The job's manifest, as the settings name it, with what a stopped run left in its journal; none without one. */
export async function loadManifest(settings: Settings): Promise<Manifest | undefined> {
  const { manifest, force } = settings.selection;
  return manifest ? Manifest.load(settings.workspace, manifest, force) : undefined;
}

/**
 * The work shared by the action and the command-line tool: discovery → selection (the event's changes, the
 * manifest, the destinations, the checks) → (upscale → download per source) → manifest, as a pipeline: the first
 * source is sent while the last ones are still being read. Publishing and reporting are the caller's.
 */
export async function runJob(
  settings: Settings,
  hooks: JobHooks = {},
  { only, cancellation, branchManifest, manifest: loaded }: JobOptions = {}
): Promise<JobOutcome> {
  const { manifest: manifestPath, force } = settings.selection;
  const manifest = loaded ?? (await loadManifest(settings));
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
  const { template, imagesPerSource, overwrite, conversion } = settings.output;
  const settingsPrint = fingerprint(settings);
  const lookup: ManifestLookup | undefined = manifest && {
    manifest,
    fingerprint: settingsPrint,
    force,
    present: resultPresence(settings.workspace),
    reusable: earlier => sameUpscale(earlier.entry, settings) && canReconvert(earlier, conversion)
  };

  // Who may write each result path is known from the paths alone; only sources that share one (rare) need to know
  // before the run whether the others are sent, so only those are looked up first.
  const destinations = await Destinations.prepare(
    discovery.sources,
    template,
    imagesPerSource,
    { workspace: settings.workspace, sources: new Set(discovery.sources), earlier: earlierResults, overwrite },
    conversion
  );
  const selectedSet = new Set(selected);
  const rivals = new Set(
    selected.flatMap(source => {
      const others = destinations.rivals(source).filter(other => selectedSet.has(other));
      return others.length > 0 ? [source, ...others] : [];
    })
  );
  const skippedRivals = new Set<string>();
  for (const source of rivals) {
    if (lookup && (await skippedByManifest(source, settings.workspace, lookup))) skippedRivals.add(source);
  }
  const sent = (rival: string): boolean => selectedSet.has(rival) && !skippedRivals.has(rival);
  // Two sources both sent that would write one path: the template does not work for them (nothing sent yet).
  planOutputs([...rivals].filter(sent), template, imagesPerSource, conversion);
  const plan = (source: string): PlannedOutput[] => plannedOutputs(source, template, imagesPerSource, conversion);
  // Each selected source finishes exactly once, whichever stage settles it.
  const finished = new Map<string, SourceResult>();
  const hashes = new Map<string, string>();
  /** Results as Ideogram returned them that a conversion left in place: what the next change converts from. */
  const keptReturned = new Map<string, Recorded['from']>();
  const finish = (result: SourceResult): void => {
    finished.set(result.source, result);
    // Checkpointed as it finishes (its results already in place), so a kill loses no paid work. A failed append
    // surfaces when the manifest is saved. The hash is of the bytes checked, which the upload made sure it sent.
    const sha256 = hashes.get(result.source);
    const returned = keptReturned.get(result.source);
    if (manifest && sha256) {
      manifest.record(result, sha256, settingsPrint, new Date(), returned).catch(() => {});
    }
    hooks.onResult?.(result, finished.size, selected.length);
  };
  const budget = new ImageBudget(imagesPerSource, settings.selection.maxImages);
  const records = jobRecords(settingsPrint, manifest, hooks, hashes);
  const toSend: string[] = [];
  const toQuote: SourceImage[] = [];

  // What the selection hands over, decided as it comes: past max-images, or a dry run, it is settled here.
  async function* work(): AsyncGenerator<Sendable> {
    const selection = selectSources(selected, {
      workspace: settings.workspace,
      maxFileBytes: settings.discovery.maxFileBytes,
      lookup,
      destinations,
      sent,
      // Without a price to ask for, a dry run lists what it would send (the checks come with sending).
      checkContent: !settings.dryRun || settings.provider.kind === 'v2'
    });
    for await (const item of selection) {
      if (item.kind === 'settled') {
        yield item;
        continue;
      }
      if (item.kind === 'earlier') {
        if (!settings.dryRun) hashes.set(item.source, item.sha256);
        yield { kind: 'settled', result: await convertEarlier(item.source, item.earlier) };
        continue;
      }
      const source = item.kind === 'listed' ? item.source : item.image.relativePath;
      // A source refused or failing its check costs nothing, so it takes no share of the run's budget.
      const deferred = budget.take(source);
      if (deferred) {
        yield { kind: 'settled', result: deferred };
        continue;
      }
      toSend.push(source);
      if (item.kind === 'checked' && !settings.dryRun) {
        if (item.image.sha256 !== undefined) hashes.set(source, item.image.sha256);
        records.collect(item.image);
        yield item;
      } else if (item.kind === 'checked') {
        toQuote.push(item.image);
      } else {
        yield { kind: 'settled', result: { source, status: 'skipped', outputs: [], error: 'dry run: nothing sent' } };
      }
    }
  }

  // Earlier results whose conversion alone changed: converted again, one at a time, instead of paid for again.
  async function convertEarlier(source: string, earlier: Recorded): Promise<SourceResult> {
    if (settings.dryRun) {
      return { source, status: 'skipped', outputs: [], error: 'dry run: would convert its earlier result' };
    }
    const result = await reconvert(settings.workspace, source, earlier, {
      planned: plan(source),
      conversion,
      replaceable: destinations.replaceable
    });
    // Results as returned, converted to other paths, stay what the next change converts from.
    const written = new Set(result.outputs.map(output => output.path));
    if (earlier.asReturned && earlier.from.every(output => !written.has(output.path))) {
      keptReturned.set(source, earlier.from);
    }
    return result;
  }

  const provider = lazily(() => createProvider(settings, hooks, records));
  try {
    await upscaleAll(provider, {
      sources: work(),
      plan,
      sink: new ResultSink({
        workspace: settings.workspace,
        maxBytes: MAX_RESULT_BYTES,
        retry: retryPolicy(settings.transport),
        cut: cancellation?.cut,
        replaceable: destinations.replaceable,
        conversion
      }),
      cancellation,
      // More sources under way than places, so downloads overlap with uploads.
      workers: inflightBounds(settings.transport.concurrency).ceiling * 2,
      onResult: finish
    });
  } finally {
    // Closing waits for requests in flight; once they are cut, nothing more is wanted of them.
    await unlessCut(provider.close(), cancellation?.cut).catch((error: unknown) => {
      if (!(error instanceof CancelledError)) throw error;
    });
  }
  // A dry run with a model that quotes: what it would send, priced.
  if (toQuote.length > 0) await quoteAll(settings, toQuote, hooks, finish);
  // A source a cancellation stopped before it started: nothing was sent for it, and the next run takes it.
  const why = new NotStartedError().message;
  const notStarted = (source: string): SourceResult => ({ source, status: 'deferred', outputs: [], error: why });
  const results = selected.map(source => finished.get(source) ?? notStarted(source));

  // What a killed run left half-written where this run writes goes once the run is done: those files are named
  // after a dead process, so nothing this run writes meets them, and listing every result folder stays off the
  // path to the first request.
  if (!settings.dryRun) {
    const removed = await removeLeftovers(settings.workspace, selected.flatMap(plan), manifestPath).catch(() => []);
    if (removed.length > 0) {
      hooks.onNotice?.(`Removed ${removed.length} temporary file(s) a killed run left behind: ${removed.join(', ')}`);
    }
  }
  let manifestWritten: string | undefined;
  if (manifest?.hasChanges && !settings.dryRun) {
    await manifest.save();
    manifestWritten = manifest.path;
  }
  return { discovery, results, manifestWritten, sent: toSend };
}
