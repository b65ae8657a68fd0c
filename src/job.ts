import { discoverSources, type Discovery } from './discovery.js';
import { upscaleAll } from './engine.js';
import { InflightLimiter } from './ideogram/inflight-limiter.js';
import { defaultRetryPolicy, type RetryEvent } from './ideogram/retry.js';
import { IdeogramUpscaler } from './ideogram/upscaler.js';
import { planOutputs } from './output-path.js';
import type { Provider } from './provider.js';
import type { SourceResult } from './results.js';
import { inflightBounds, type Settings } from './settings.js';

/** Generous for a 2× upscale of a 25 MB source; bounds what a misbehaving link can write. */
const MAX_RESULT_BYTES = 200 * 1024 * 1024;

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
  /** One per source, in discovery order. */
  readonly results: readonly SourceResult[];
}

function createProvider(settings: Settings, hooks: JobHooks): Provider {
  return new IdeogramUpscaler({
    apiUrl: settings.apiUrl,
    apiKey: settings.apiKey,
    timeoutMs: settings.requestTimeoutMs,
    imageRequest: settings.imageRequest,
    limiter: new InflightLimiter(inflightBounds(settings.concurrency)),
    retry: defaultRetryPolicy({ maxRetries: settings.maxRetries, retryLostResponses: settings.retryTimeouts }),
    maxResultBytes: MAX_RESULT_BYTES,
    onRetry: hooks.onRetry
  });
}

/**
 * The work shared by the action and the command-line tool: discovery → planning → (check → upscale → download
 * per source). Publishing and reporting are the caller's.
 */
export async function runJob(settings: Settings, hooks: JobHooks = {}): Promise<JobOutcome> {
  const discovery = await discoverSources(settings.workspace, settings.patterns, path => settings.output.matches(path));
  hooks.onDiscovered?.(discovery);
  const plan = planOutputs(discovery.sources, settings.output, settings.imagesPerSource);
  if (settings.dryRun) {
    const results = discovery.sources.map(
      (source): SourceResult => ({ source, status: 'skipped', outputs: [], error: 'dry run: nothing sent' })
    );
    return { discovery, results };
  }
  const provider = createProvider(settings, hooks);
  try {
    const results = await upscaleAll(provider, {
      workspace: settings.workspace,
      plan,
      output: settings.output,
      maxFileBytes: settings.maxFileBytes,
      // More sources under way than places, so the next is checked and downloads overlap with uploads.
      workers: inflightBounds(settings.concurrency).ceiling * 2,
      onResult: hooks.onResult
    });
    return { discovery, results };
  } finally {
    await provider.close();
  }
}
