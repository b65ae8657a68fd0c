import { log } from '../report/log.js';
import { cacheKeys, type CacheOutcome, type CacheRequest } from '../github/cache.js';
import { fingerprint } from '../state/fingerprint.js';
import type { Settings } from '../settings/settings.js';

/**
 * The Actions cache request, when the cache is what carries results to the next run: in artifact (or no) publishing
 * with a manifest. Committed results and their manifest are on the branch already.
 */
export function cacheRequest(settings: Settings): CacheRequest | undefined {
  const { manifest, cache } = settings.selection;
  if (!cache || settings.dryRun || !manifest) return undefined;
  if (settings.publishing.mode === 'commit' || settings.publishing.mode === 'both') return undefined;
  const scope = { settings: fingerprint(settings), output: settings.output.template.pattern, manifest };
  return { workspace: settings.workspace, keys: cacheKeys(scope, process.env) };
}

/** One line on what the cache did; a miss or a failure is a notice, never a failure of the step. */
export function reportCache(outcome: CacheOutcome): void {
  switch (outcome.kind) {
    case 'unavailable':
      log.info(`Not using the Actions cache: ${outcome.reason}.`);
      break;
    case 'missed':
      log.notice('No earlier results in the Actions cache for these settings: upscaling what the manifest lacks.');
      break;
    case 'failed':
      log.notice(`The Actions cache could not be used (${outcome.reason}); going on without it.`);
      break;
    case 'restored':
      log.info(
        `Restored ${outcome.sources} source(s) done earlier (${outcome.files} result file(s)) from the Actions cache (${outcome.key}).`
      );
      break;
    case 'saved':
      log.info(`Saved the manifest and ${outcome.files} result file(s) to the Actions cache (${outcome.key}).`);
      break;
  }
}
