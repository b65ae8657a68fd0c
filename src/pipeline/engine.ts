import { NotSentError, type Billing, type ProducedImage, type Provider } from '../providers/provider.js';
import { notSentResult, type OutputRecord, type SourceResult } from '../state/results.js';
import type { PlannedOutput } from '../settings/output-path.js';
import type { ResultSink } from './result-sink.js';
import type { SourceImage } from '../imaging/source-image.js';
import { forEachLimited } from '../async/map-limited.js';
import type { Selected } from './selection.js';
import { unlessCut, type Cancellation } from '../async/cancellation.js';

/** What the engine takes: a checked source, or a settled one to pass on. */
export type Sendable = Extract<Selected, { kind: 'checked' | 'settled' }>;

export interface EngineOptions {
  /**
   * What to do, in order, as the selection hands it over (it may still be reading the last sources while the first
   * are sent): checked sources to upscale, and sources already settled, which are only passed on.
   */
  readonly sources: AsyncIterable<Sendable>;
  /** Where each source's results go. */
  readonly plan: (source: string) => readonly PlannedOutput[];
  /** Writes each result where the plan says. */
  readonly sink: ResultSink;
  /** How many sources are worked on at once; the provider's own limits decide what is in flight at the API. */
  readonly workers: number;
  /** Once stopped, no new source starts; once cut, what is in flight is given up (and reported failed). */
  readonly cancellation?: Cancellation;
  /** Called as each source finishes, settled ones too, in finishing order. */
  readonly onResult?: (result: SourceResult) => void;
}

/** What became of one produced image once the sink had it. */
type Delivered = (
  { kind: 'written'; record: OutputRecord } | { kind: 'withheld'; reason: string } | { kind: 'lost'; error: Error }
) & {
  billing?: Billing;
};

async function deliver(
  sink: ResultSink,
  source: string,
  planned: PlannedOutput | undefined,
  image: ProducedImage
): Promise<Delivered> {
  if (image.kind === 'failed') return { kind: 'lost', error: image.error };
  const billing = image.billing ? { billing: image.billing } : {};
  if (image.kind === 'withheld') return { kind: 'withheld', reason: image.reason, ...billing };
  if (!planned) {
    return { kind: 'lost', error: new Error('the provider made more results than were planned'), ...billing };
  }
  try {
    const saved = await sink.save(source, planned, image.bytes);
    return {
      kind: 'written',
      record: {
        path: saved.path,
        resolution: saved.resolution ?? image.resolution,
        seed: image.seed,
        prompt: image.prompt
      },
      ...billing
    };
  } catch (error) {
    return { kind: 'lost', error: error as Error, ...billing };
  }
}

/** The quote and the bill of a source's request, for its result. */
function costs(delivered: readonly Delivered[]): Pick<SourceResult, 'quote' | 'spentUsdMicros'> {
  const billing = delivered.find(image => image.billing)?.billing;
  return {
    ...(billing?.quote ? { quote: billing.quote } : {}),
    ...(billing?.spentUsdMicros === undefined ? {} : { spentUsdMicros: billing.spentUsdMicros })
  };
}

/** Puts the delivered images together into the source's one result. */
function summarise(source: string, delivered: readonly Delivered[], seconds: number): SourceResult {
  return { ...outcome(source, delivered, seconds), ...costs(delivered) };
}

function outcome(source: string, delivered: readonly Delivered[], seconds: number): SourceResult {
  const outputs = delivered.flatMap(image => (image.kind === 'written' ? [image.record] : []));
  const lost = delivered.flatMap(image => (image.kind === 'lost' ? [image.error.message] : []));
  const withheld = delivered.flatMap(image => (image.kind === 'withheld' ? [image.reason] : []));
  if (lost.length > 0) return { source, status: 'failed', outputs, error: lost.join('; '), seconds };
  if (outputs.length === 0) {
    const error = withheld[0] ?? 'the provider handed back no result';
    return { source, status: withheld.length > 0 ? 'unsafe' : 'failed', outputs, error, seconds };
  }
  const note =
    withheld.length > 0 ? { error: `${withheld.length} of ${delivered.length} results withheld as unsafe` } : {};
  return { source, status: 'upscaled', outputs, ...note, seconds };
}

/**
 * Runs each checked source through upscale → save (by the sink), several at once, taking the next as a worker frees
 * up. A source that fails is recorded with its reason and the others go on. Results come back in finishing order;
 * after a cancellation's stop no source is started, and those have no result (the caller reports them).
 */
export async function upscaleAll(provider: Provider, options: EngineOptions): Promise<SourceResult[]> {
  const results: SourceResult[] = [];
  const upscale = async (image: SourceImage): Promise<SourceResult> => {
    const source = image.relativePath;
    const started = performance.now();
    const seconds = (): number => Math.round((performance.now() - started) / 100) / 10;
    try {
      const { stopped, cut } = options.cancellation ?? {};
      const produced = await unlessCut(provider.produce(image, stopped), cut);
      const planned = options.plan(source);
      const delivered = await Promise.all(produced.map((item, i) => deliver(options.sink, source, planned[i], item)));
      return summarise(source, delivered, seconds());
    } catch (error) {
      if (error instanceof NotSentError) return { ...notSentResult(source, error), seconds: seconds() };
      return { source, status: 'failed', outputs: [], error: (error as Error).message, seconds: seconds() };
    }
  };
  await forEachLimited(
    options.sources,
    options.workers,
    async item => {
      const result = item.kind === 'settled' ? item.result : await upscale(item.image);
      results.push(result);
      options.onResult?.(result);
    },
    options.cancellation?.stopped
  );
  return results;
}
