import * as core from '@actions/core';
import { discoverSources } from './discovery.js';
import { upscaleAll } from './engine.js';
import { InflightLimiter } from './ideogram/inflight-limiter.js';
import { defaultRetryPolicy } from './ideogram/retry.js';
import { IdeogramUpscaler } from './ideogram/upscaler.js';
import { Input } from './inputs.js';
import { planOutputs } from './output-path.js';
import { uploadArtifact, type PublishedArtifact } from './publish/artifact.js';
import { logDiscovery, logResult, setOutputs, writeSummary, type RunOutcome } from './report.js';
import { countByStatus, type SourceResult } from './results.js';
import { readSettings, type Settings } from './settings.js';

/** Generous for a 2× upscale of a 10 MB source; bounds what a misbehaving link can write. */
const MAX_RESULT_BYTES = 100 * 1024 * 1024;

async function upscale(settings: Settings, sources: readonly string[]): Promise<SourceResult[]> {
  const plan = planOutputs(sources, settings.output, settings.imagesPerSource);
  if (settings.dryRun) {
    return sources.map(source => ({ source, status: 'skipped', outputs: [], error: 'dry run: nothing sent' }));
  }
  const provider = new IdeogramUpscaler({
    apiUrl: settings.apiUrl,
    apiKey: settings.apiKey,
    timeoutMs: settings.requestTimeoutMs,
    imageRequest: settings.imageRequest,
    limiter: new InflightLimiter({ initial: settings.concurrency, ceiling: settings.concurrency }),
    retry: defaultRetryPolicy({ maxRetries: settings.maxRetries, retryLostResponses: settings.retryTimeouts }),
    maxResultBytes: MAX_RESULT_BYTES,
    onRetry: (file, { error, delayMs, retry }) =>
      core.info(`  ${file}: ${(error as Error).message}; trying again in ${(delayMs / 1000).toFixed(1)} s (retry ${retry})`)
  });
  try {
    return await upscaleAll(provider, {
      workspace: settings.workspace,
      plan,
      output: settings.output,
      maxFileBytes: settings.maxFileBytes,
      // More sources than places, so the next one is checked and downloads overlap with uploads.
      workers: settings.concurrency * 2,
      onResult: logResult
    });
  } finally {
    await provider.close();
  }
}

async function publish(settings: Settings, results: readonly SourceResult[]): Promise<PublishedArtifact | undefined> {
  const files = results.flatMap(result => result.outputs.map(output => output.path));
  if (settings.dryRun || settings.publish === 'none') return undefined;
  if (files.length === 0) {
    core.info('No results to upload.');
    return undefined;
  }
  const artifact = await uploadArtifact(
    { name: settings.artifactName, workspace: settings.workspace, files, retentionDays: settings.retentionDays },
    process.env
  );
  core.info(`Uploaded ${files.length} file(s) as artifact '${settings.artifactName}' (id ${artifact.id}).`);
  return artifact;
}

/** The action: settings → discovery → upscale (check, send, download) → publish → report. */
export async function run(): Promise<void> {
  try {
    // Masked before anything else can print it.
    core.setSecret(core.getInput(Input.ApiKey));
    const settings = readSettings(name => core.getInput(name), process.env.GITHUB_WORKSPACE ?? process.cwd());
    const discovery = await discoverSources(settings.workspace, settings.patterns, path => settings.output.matches(path));
    logDiscovery(discovery);
    if (discovery.sources.length === 0) core.warning(`No images matched '${Input.Files}'.`);

    const results = await upscale(settings, discovery.sources);
    const outcome: RunOutcome = {
      results,
      artifact: await publish(settings, results),
      dryRun: settings.dryRun,
      imagesPerSource: settings.imagesPerSource
    };
    setOutputs(outcome);
    if (process.env.GITHUB_STEP_SUMMARY) await writeSummary(outcome);

    const { failed } = countByStatus(results);
    if (failed > 0 && settings.failOnError) {
      core.setFailed(`${failed} of ${results.length} image(s) failed; see the log above.`);
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
