import { upscaleFingerprint } from '../providers/index.js';
import { conversionKey } from '../imaging/output-format.js';
import type { Settings } from '../settings/settings.js';
import { canonical } from '../text/canonical-json.js';
import type { ManifestEntry } from './manifest-document.js';

/**
 * What the manifest compares: the upscale's settings, and the conversion (format, quality, box) when there is
 * one. A change of the conversion alone converts the earlier result again, if it is still there.
 */
export function fingerprint(settings: Settings): Record<string, unknown> {
  const output = conversionKey(settings.output.conversion);
  return output ? { ...upscaleFingerprint(settings.provider), output } : upscaleFingerprint(settings.provider);
}

/** Whether an entry's results came from the same upscale as this run would make, converted otherwise. */
export function sameUpscale(entry: ManifestEntry, settings: Settings): boolean {
  const { output: _output, ...upscale } = entry.settings;
  return canonical(upscale) === canonical(upscaleFingerprint(settings.provider));
}
