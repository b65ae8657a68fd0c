import type { IdeogramSettings } from './ideogram/settings.js';

/** Who upscales, with what that provider needs: Ideogram (one of its endpoints) or this machine. */
export type ProviderSettings = IdeogramSettings | { readonly kind: 'local' };

/** What made the upscale: a change to any of these makes an unchanged image worth upscaling again. */
export function upscaleFingerprint(provider: ProviderSettings): Record<string, unknown> {
  // The shapes manifests have always recorded, so existing entries still match.
  if (provider.kind === 'local') return { provider: 'local', request: {} };
  if (provider.kind === 'legacy') return { provider: 'ideogram', request: provider.request };
  // A v2 model: every form field counts (the factor or tier, prompt, seed and each model option).
  return { provider: 'ideogram', model: provider.model.id, fields: provider.fields };
}
