import { mapLimited } from '../async/map-limited.js';
import type { SourceImage } from '../imaging/source-image.js';
import type { Provider } from '../providers/provider.js';
import type { SourceResult } from '../state/results.js';
import { quoteText } from '../text/money.js';

/** Quotes asked for at once in a dry run (they take no in-flight places). */
const QUOTE_PARALLELISM = 4;

/** A dry run with a provider that quotes: each checked source priced exactly as it would be sent, nothing run. */
export async function quoteAll(
  provider: Provider,
  images: readonly SourceImage[],
  onResult: (result: SourceResult) => void
): Promise<void> {
  await mapLimited(images, QUOTE_PARALLELISM, async image => {
    const source = image.relativePath;
    let result: SourceResult;
    try {
      if (!provider.quote) throw new Error('this provider does not quote');
      const quote = await provider.quote(image);
      result = { source, status: 'skipped', outputs: [], error: `dry run: quoted ${quoteText(quote)}`, quote };
    } catch (error) {
      result = { source, status: 'failed', outputs: [], error: (error as Error).message };
    }
    onResult(result);
  });
}
