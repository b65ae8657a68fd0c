import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { changedSources } from '../github/changes.js';
import { log } from '../report/log.js';
import { readAtBranchHead } from '../github/branch-manifest.js';
import { lazyGitHub, type GitHubAccess } from '../github/client.js';
import { parseManifest, type ManifestDocument } from '../state/manifest-document.js';
import { markPublished, markStarted } from './handover.js';
import { Input } from '../inputs/inputs.js';
import { restoreResults, saveResults } from '../github/cache.js';
import { cacheRequest, reportCache } from './cache.js';
import { loadManifest, runJob } from '../pipeline/run-job.js';
import { countsLine, dryRunLine, IN_FLIGHT_GRACE, notDone, retryLine } from '../report/presentation.js';
import { annotations, logDiscovery, logResult, setOutputs, writeSummary } from '../report/summary.js';
import { writeResultsFile } from '../report/results-file.js';
import { countByStatus, type SourceResult } from '../state/results.js';
import { Cancellation, cancelOnSignals } from '../async/cancellation.js';
import { costLine } from '../report/presentation.js';
import { registerSecret } from '../text/secrets.js';
import { readSettings, type Settings } from '../settings/settings.js';

/**
 * In commit mode, the manifest at the head of the branch the results go to, when the branch has moved on from this
 * checkout: "Re-run jobs" checks out the original commit, which lacks what the first attempt committed.
 */
async function branchManifest(settings: Settings, github: GitHubAccess): Promise<ManifestDocument | undefined> {
  const { manifest } = settings.selection;
  const { mode, commit } = settings.publishing;
  if (!manifest || settings.dryRun || (mode !== 'commit' && mode !== 'both') || !commit.token) return undefined;
  try {
    const [{ client, context }, { commitTarget }] = await Promise.all([github(), import('../github/publish.js')]);
    const target = commitTarget(settings, context);
    if (!('branch' in target)) return undefined;
    const where = { owner: context.owner, repo: context.repo, branch: target.branch, path: manifest };
    const head = await readAtBranchHead(client, where);
    if (!head || head.commit === process.env.GITHUB_SHA) return undefined;
    log.info(
      `Taking what is done from ${manifest} at the head of ${target.branch} (${head.commit.slice(0, 7)}), which is ahead of this checkout.`
    );
    return parseManifest(head.text, manifest);
  } catch (error) {
    log.notice(
      `Could not read ${manifest} at the head of the branch (${(error as Error).message}); going by the checkout's.`
    );
    return undefined;
  }
}

/** In-flight work's time to finish after the runner's SIGINT; its SIGTERM follows 7.5 s after, the kill 2.5 s later. */
const CANCEL_GRACE_MS = 5_000;

/** On SIGINT or SIGTERM: start nothing new, let what is in flight finish briefly, then cut it. */
function cancelOnSignalsForTheRunner(cancellation: Cancellation): () => void {
  return cancelOnSignals(cancellation, CANCEL_GRACE_MS, (signal, first) =>
    log.warning(
      first
        ? `Received ${signal}: starting no new upscale; ${IN_FLIGHT_GRACE}.`
        : `Received ${signal} again: cutting what is in flight.`
    )
  );
}

/** What a cancelled run did and did not do; its results are published by the post step. */
function reportCancelled(results: readonly SourceResult[]): void {
  const finished = results.filter(result => result.status === 'upscaled' || result.status === 'unsafe');
  const lines = notDone(results);
  log.group(`Not done (${lines.length}): the next run takes these`, lines);
  log.fail(
    `Cancelled: ${countsLine(results)} The manifest records the ${finished.length} finished source(s); the post step publishes them.`
  );
}

/** The action: settings → discovery → upscale (check, send, download) → publish → report. */
export async function run(): Promise<void> {
  const cancellation = new Cancellation();
  const stopListening = cancelOnSignalsForTheRunner(cancellation);
  try {
    // Masked before anything else can print them.
    for (const secret of [Input.ApiKey, Input.GithubToken]) {
      const value = core.getInput(secret);
      if (value) core.setSecret(value);
      registerSecret(value);
    }
    // The artifact service's token: its errors may echo it.
    registerSecret(process.env.ACTIONS_RUNTIME_TOKEN ?? '');
    const settings = readSettings(name => core.getInput(name), process.env.GITHUB_WORKSPACE ?? process.cwd());
    markStarted(new Date());
    const github = lazyGitHub(settings.publishing.commit.token, process.env);
    const cache = cacheRequest(settings);
    // Read once: the cache's entries are taken into it, then the job works on it and the cache saves it.
    const jobManifest = await loadManifest(settings);
    // Together: the restore's round trips overlap the changed-files lookup's. Both end before the job reads the
    // manifest, which the restore may add to (with the results it names), and neither is left running on a failure.
    const [restore, changes] = await Promise.allSettled([
      cache && jobManifest ? restoreResults(cache, jobManifest) : undefined,
      changedSources(
        { changedOnly: settings.discovery.changedOnly, token: settings.publishing.commit.token },
        github,
        process.env
      )
    ]);
    if (changes.status === 'rejected') throw changes.reason;
    if (restore.status === 'rejected') throw restore.reason;
    const { value: only } = changes;
    const { value: restored } = restore;
    if (restored) reportCache(restored);
    const { discovery, results, manifestWritten, sent } = await runJob(
      settings,
      {
        onDiscovered: logDiscovery,
        onResult: logResult,
        onRetry: (file, event) => log.info(retryLine(file, event)),
        onNotice: message => log.notice(message),
        onWarning: message => annotations.forFile('warning', message)
      },
      { only, cancellation, branchManifest: await branchManifest(settings, github), manifest: jobManifest }
    );
    if (cancellation.stopped.aborted) {
      annotations.summarise();
      return reportCancelled(results);
    }
    if (discovery.sources.length === 0) log.warning(`No images matched '${Input.Files}'.`);
    const dryRun = settings.dryRun ? dryRunLine(settings, sent.length) : undefined;
    if (dryRun) log.info(dryRun);
    const { skipped, deferred } = countByStatus(results);
    if (skipped > 0 && !settings.dryRun) {
      log.info(`Skipped ${skipped} image(s) unchanged since their last upscale ('${Input.Force}: true' redoes them).`);
    }
    if (deferred > 0 && settings.selection.maxImages !== undefined) {
      log.notice(
        `Deferred ${deferred} image(s) past '${Input.MaxImages}' (${settings.selection.maxImages}); the next run takes them first.`
      );
    }
    const costs = costLine(results);
    if (costs) log.info(costs);

    // Into the cache before publishing: if publishing fails, a re-run still pays nothing again.
    if (cache && jobManifest && manifestWritten) reportCache(await saveResults(cache, jobManifest.document));
    const manifest = manifestWritten ?? (restored?.kind === 'restored' ? settings.selection.manifest : undefined);
    const resultsFile = await writeResultsFile(results, process.env.RUNNER_TEMP ?? tmpdir()).catch((error: Error) => {
      log.warning(`Could not write the results file: ${error.message}`);
      return undefined;
    });
    // Publishing (artifact, gallery, commit) and the comment load only now: they are not on the way to the first upscale.
    const [{ publishingFailed, publishResults }, { commentOnPullRequest }] = await Promise.all([
      import('../github/publish.js'),
      import('../github/comment.js')
    ]);
    const published = await publishResults(settings, results, manifest, github, resultsFile);
    markPublished();
    const outcome = {
      results,
      ...published,
      dryRun,
      resultsFile
    };
    setOutputs(outcome);
    if (process.env.GITHUB_STEP_SUMMARY) await writeSummary(outcome);
    await commentOnPullRequest(settings, outcome, github, process.env);

    annotations.summarise();
    const { failed } = countByStatus(results);
    // Only now, with the outputs and the summary in place: a later step still finds every result.
    if (published.failures?.length) log.fail(publishingFailed(published.failures));
    if (failed > 0 && settings.failOnError) {
      log.fail(`${failed} of ${results.length} image(s) failed; see the log above.`);
    }
  } catch (error) {
    annotations.summarise();
    log.fail(error instanceof Error ? error.message : String(error));
  } finally {
    stopListening();
  }
}
