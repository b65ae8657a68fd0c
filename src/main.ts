import * as core from '@actions/core';
import { Input } from './inputs.js';
import { runJob } from './job.js';
import { uploadArtifact, type PublishedArtifact } from './publish/artifact.js';
import { logDiscovery, logResult, setOutputs, writeSummary } from './report.js';
import { countByStatus, type SourceResult } from './results.js';
import { readSettings, type Settings } from './settings.js';

async function publish(settings: Settings, results: readonly SourceResult[]): Promise<PublishedArtifact | undefined> {
  if (settings.dryRun || settings.publish === 'none') return undefined;
  const files = results.flatMap(result => result.outputs.map(output => output.path));
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
    const { discovery, results } = await runJob(settings, {
      onDiscovered: logDiscovery,
      onResult: logResult,
      onRetry: (file, { error, delayMs, retry }) =>
        core.info(`  ${file}: ${(error as Error).message}; trying again in ${(delayMs / 1000).toFixed(1)} s (retry ${retry})`)
    });
    if (discovery.sources.length === 0) core.warning(`No images matched '${Input.Files}'.`);

    const outcome = {
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
