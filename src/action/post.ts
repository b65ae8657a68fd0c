import { log } from '../report/log.js';
import * as core from '@actions/core';
import { unpublishedSince } from './handover.js';
import { saveResults } from '../github/cache.js';
import { lazyGitHub } from '../github/client.js';
import { cacheRequest, reportCache } from './cache.js';
import { Manifest } from '../state/manifest.js';
import type { ManifestDocument } from '../state/manifest-document.js';
import { publishingFailed, publishResults } from '../github/publish.js';
import type { SourceResult } from '../state/results.js';
import { readSettings } from '../settings/settings.js';

/** The sources the manifest says were finished since `since`, as results to publish. */
function finishedSince(document: ManifestDocument, since: Date): SourceResult[] {
  return Object.entries(document.sources)
    .filter(([, entry]) => Date.parse(entry.upscaledAt) >= since.getTime())
    .map(([source, entry]) => ({
      source,
      status: entry.status,
      outputs: entry.outputs.map(output => ({ ...output, prompt: null }))
    }));
}

/**
 * The post step: when the main step stopped before publishing (cancelled, timed out, crashed), publishes what it
 * finished (the results its manifest records since it started, and the manifest) as the main step would have:
 * into the cache, and as the artifact or the commit. After a main step that published, it does nothing.
 */
export async function publishWhatWasLeft(): Promise<void> {
  const since = unpublishedSince();
  if (!since) return;
  try {
    const settings = readSettings(name => core.getInput(name), process.env.GITHUB_WORKSPACE ?? process.cwd());
    const { manifest: manifestPath } = settings.selection;
    if (!manifestPath || settings.dryRun) {
      log.warning('The upscale step stopped before publishing, and no manifest records what it finished.');
      return;
    }
    const manifest = await Manifest.load(settings.workspace, manifestPath);
    if (manifest.hasChanges) await manifest.save();
    const { document } = manifest;
    const results = finishedSince(document, since);
    log.info(`The upscale step stopped before publishing: publishing the ${results.length} source(s) it finished.`);
    if (results.length === 0) return;
    const cache = cacheRequest(settings);
    if (cache) reportCache(await saveResults(cache, document));
    const { failures } = await publishResults(
      settings,
      results,
      manifestPath,
      lazyGitHub(settings.publishing.commit.token, process.env)
    );
    if (failures?.length) log.fail(publishingFailed(failures));
  } catch (error) {
    log.fail(
      `Publishing what the upscale step finished failed: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}
