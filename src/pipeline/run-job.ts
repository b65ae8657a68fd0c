import { CancelledError, unlessCut, type Cancellation } from '../async/cancellation.js';
import type { RetryEvent } from '../async/retry.js';
import { createProvider, MAX_RESULT_BYTES, quotesPrices, sourcesAtOnce } from '../providers/index.js';
import { NotSentError } from '../providers/provider.js';
import { retryPolicy } from '../net/transport.js';
import type { Settings } from '../settings/settings.js';
import { fingerprint, sameUpscale } from '../state/fingerprint.js';
import { Manifest } from '../state/manifest.js';
import type { ManifestDocument } from '../state/manifest-document.js';
import { notSentResult, type SourceResult } from '../state/results.js';
import { discoverSources, type Discovery } from './discovery.js';
import { upscaleAll } from './engine.js';
import { removeLeftovers } from './leftovers.js';
import { planJob } from './plan.js';
import { quoteAll } from './quote.js';
import { canReconvert } from './reconvert.js';
import { JobRecords } from './records.js';
import { ResultSink } from './result-sink.js';
import { Router } from './route.js';
import { resultPresence, selectSources, type ManifestLookup } from './selection.js';

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
 * The work shared by the action and the command-line tool, as a pipeline: the first source is sent while the last
 * ones are still being read. Each stage is its own module; this only orders them: the manifest → discovery → plan →
 * selection (the event's changes, the manifest, the destinations, the checks) → route → upscale and write →
 * the manifest saved. Publishing and reporting are the caller's.
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
  const settingsPrint = fingerprint(settings);
  const lookup: ManifestLookup | undefined = manifest && {
    manifest,
    fingerprint: settingsPrint,
    force,
    present: resultPresence(settings.workspace),
    reusable: earlier => sameUpscale(earlier.entry, settings) && canReconvert(earlier, settings.output.conversion)
  };
  const plan = await planJob(settings, discovery.sources, selected, earlierResults, lookup);

  // Each selected source finishes exactly once, whichever stage settles it.
  const finished = new Map<string, SourceResult>();
  const records = new JobRecords(manifest, settingsPrint, message => hooks.onNotice?.(message));
  const finish = (result: SourceResult): void => {
    finished.set(result.source, result);
    records.finished(result);
    hooks.onResult?.(result, finished.size, selected.length);
  };
  const router = new Router(settings, plan, records);
  const selection = selectSources(selected, {
    workspace: settings.workspace,
    maxFileBytes: settings.discovery.maxFileBytes,
    lookup,
    destinations: plan.destinations,
    sent: plan.sent,
    // Without a price to ask for, a dry run lists what it would send (the checks come with sending).
    checkContent: !settings.dryRun || quotesPrices(settings.provider)
  });
  const provider = createProvider(settings.provider, settings.transport, hooks, records.pendingJobs());
  try {
    await upscaleAll(provider, {
      sources: router.route(selection),
      plan: plan.plan,
      sink: new ResultSink({
        workspace: settings.workspace,
        maxBytes: MAX_RESULT_BYTES,
        retry: retryPolicy(settings.transport),
        cut: cancellation?.cut,
        replaceable: plan.destinations.replaceable,
        conversion: settings.output.conversion
      }),
      cancellation,
      workers: sourcesAtOnce(settings.transport),
      onResult: finish
    });
    // A dry run with a provider that quotes: what it would send, priced.
    if (router.toQuote.length > 0) await quoteAll(provider, router.toQuote, finish);
  } finally {
    // Closing waits for requests in flight; once they are cut, nothing more is wanted of them.
    await unlessCut(provider.close(), cancellation?.cut).catch((error: unknown) => {
      if (!(error instanceof CancelledError)) throw error;
    });
  }
  // A source a cancellation stopped before it started: nothing was sent for it, and the next run takes it.
  const results = selected.map(source => finished.get(source) ?? notSentResult(source, NotSentError.cancelled()));

  // What a killed run left half-written where this run writes goes once the run is done: those files are named
  // after a dead process, so nothing this run writes meets them, and listing every result folder stays off the
  // path to the first request.
  if (!settings.dryRun) {
    const removed = await removeLeftovers(settings.workspace, selected.flatMap(plan.plan), manifestPath).catch(
      () => []
    );
    if (removed.length > 0) {
      hooks.onNotice?.(`Removed ${removed.length} temporary file(s) a killed run left behind: ${removed.join(', ')}`);
    }
  }
  let manifestWritten: string | undefined;
  if (manifest?.hasChanges && !settings.dryRun) {
    await manifest.save();
    manifestWritten = manifest.path;
  }
  return { discovery, results, manifestWritten, sent: router.sent };
}
