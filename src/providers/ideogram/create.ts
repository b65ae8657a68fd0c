import { retryPolicy, type TransportSettings } from '../../net/transport.js';
import type { PendingJobs, ProviderHooks } from '../provider.js';
import { IdeogramClient, type LegacyNotice } from './client.js';
import { CostCap } from './cost-cap.js';
import { LegacyEndpoint, V2Endpoint, type UpscaleEndpoint } from './endpoint.js';
import { ideogramHosts } from './hosts.js';
import { InflightLimiter, inflightBounds } from './inflight-limiter.js';
import { Poller, defaultPollOptions } from './poller.js';
import type { IdeogramSettings } from './settings.js';
import { IdeogramUpscaler } from './upscaler.js';

/** The legacy endpoint's successor and deprecation signs, told once a run. */
function legacyNotices(hooks: ProviderHooks): (notice: LegacyNotice) => void {
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

function endpointFor(provider: IdeogramSettings, transport: TransportSettings, hooks: ProviderHooks): UpscaleEndpoint {
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

/** Ideogram's upscaler, wired: the endpoint the settings name, the in-flight limiter, the retry ladder, the cap. */
export function createIdeogramUpscaler(
  provider: IdeogramSettings,
  transport: TransportSettings,
  hooks: ProviderHooks,
  jobs: PendingJobs,
  maxResultBytes: number
): IdeogramUpscaler {
  const maxCost = provider.kind === 'v2' ? provider.maxCost : undefined;
  return new IdeogramUpscaler({
    endpoint: endpointFor(provider, transport, hooks),
    limiter: new InflightLimiter(inflightBounds(transport.concurrency)),
    retry: retryPolicy(transport),
    hosts: ideogramHosts(provider.apiUrl),
    maxResultBytes,
    downloadTimeoutMs: transport.requestTimeoutMs,
    onRetry: hooks.onRetry,
    onBatchStopped: why => hooks.onNotice?.(why),
    ...jobs,
    ...(maxCost === undefined ? {} : { costCap: new CostCap(maxCost) })
  });
}
