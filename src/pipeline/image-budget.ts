import { Input } from '../inputs/inputs.js';
import { NotSentError } from '../providers/provider.js';
import { notSentResult, type SourceResult } from '../state/results.js';

/**
 * Takes sources in the order they come while their images (`imagesPerSource` each) fit under `maxImages`; the
 * rest are deferred to a later run, which (the manifest skipping what is done) takes them first. No cap:
 * everything is taken.
 */
export class ImageBudget {
  private sourcesLeft: number;

  constructor(
    imagesPerSource: number,
    private readonly maxImages: number | undefined
  ) {
    this.sourcesLeft = maxImages === undefined ? Infinity : Math.floor(maxImages / imagesPerSource);
  }

  /** Undefined when the source fits (and is counted); otherwise its `deferred` result. */
  take(source: string): SourceResult | undefined {
    if (this.sourcesLeft > 0) {
      this.sourcesLeft -= 1;
      return undefined;
    }
    const why = `past '${Input.MaxImages}' (${this.maxImages} images); a later run takes it first`;
    return notSentResult(source, new NotSentError('capped', why));
  }
}
