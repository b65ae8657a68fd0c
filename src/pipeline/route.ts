import type { SourceImage } from '../imaging/source-image.js';
import type { SourceResult } from '../state/results.js';
import type { Settings } from '../settings/settings.js';
import type { Sendable } from './engine.js';
import { ImageBudget } from './image-budget.js';
import type { JobPlan } from './plan.js';
import { reconvert, type Recorded } from './reconvert.js';
import type { JobRecords } from './records.js';
import type { Selected } from './selection.js';

/**
 * Decides, as the selection hands each source over, where it goes: to the provider, to a reconversion of its
 * earlier results, to a dry run's quote, or settled on the spot (past `max-images`, or a dry run with nothing to
 * price).
 */
export class Router {
  /** The sources this run sends, or in a dry run would send: neither skipped nor deferred. */
  readonly sent: string[] = [];
  /** A dry run's checked sources, to be priced once the selection is done. */
  readonly toQuote: SourceImage[] = [];
  private readonly budget: ImageBudget;

  constructor(
    private readonly settings: Settings,
    private readonly plan: JobPlan,
    private readonly records: JobRecords
  ) {
    this.budget = new ImageBudget(settings.output.imagesPerSource, settings.selection.maxImages);
  }

  async *route(selection: AsyncIterable<Selected>): AsyncGenerator<Sendable> {
    const { dryRun } = this.settings;
    for await (const item of selection) {
      if (item.kind === 'settled') {
        yield item;
        continue;
      }
      if (item.kind === 'earlier') {
        if (!dryRun) this.records.hashed(item.source, item.sha256);
        yield { kind: 'settled', result: await this.convertEarlier(item.source, item.earlier) };
        continue;
      }
      const source = item.kind === 'listed' ? item.source : item.image.relativePath;
      // A source refused or failing its check costs nothing, so it takes no share of the run's budget.
      const deferred = this.budget.take(source);
      if (deferred) {
        yield { kind: 'settled', result: deferred };
        continue;
      }
      this.sent.push(source);
      if (item.kind === 'checked' && !dryRun) {
        this.records.collect(item.image);
        yield item;
      } else if (item.kind === 'checked') {
        this.toQuote.push(item.image);
      } else {
        yield { kind: 'settled', result: { source, status: 'skipped', outputs: [], error: 'dry run: nothing sent' } };
      }
    }
  }

  /** Earlier results whose conversion alone changed: converted again, one at a time, instead of paid for again. */
  private async convertEarlier(source: string, earlier: Recorded): Promise<SourceResult> {
    if (this.settings.dryRun) {
      return { source, status: 'skipped', outputs: [], error: 'dry run: would convert its earlier result' };
    }
    const result = await reconvert(this.settings.workspace, source, earlier, {
      planned: this.plan.plan(source),
      conversion: this.settings.output.conversion,
      replaceable: this.plan.destinations.replaceable
    });
    // Results as returned, converted to other paths, stay what the next change converts from.
    const written = new Set(result.outputs.map(output => output.path));
    if (earlier.asReturned && earlier.from.every(output => !written.has(output.path))) {
      this.records.keep(source, earlier.from);
    }
    return result;
  }
}
