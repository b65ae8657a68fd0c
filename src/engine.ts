import { join } from 'node:path';
import type { OutputPlan } from './output-path.js';
import { DeferredError, type Billing, type ProducedImage, type Provider } from './provider.js';
import type { OutputRecord, SourceResult } from './results.js';
import type { PlannedOutput, ResultSink } from './result-sink.js';
import { mapLimited } from './map-limited.js';
import { checkImage } from './validation.js';
import { NotStartedError, unlessCut, type Cancellation } from './cancellation.js';

export interface EngineOptions {
  readonly workspace: string;
  readonly plan: OutputPlan;
  /** Writes each result where the plan says. */
  readonly sink: ResultSink;
  readonly maxFileBytes: number;
  /** How many sources are worked on at once; the provider's own limits decide what is in flight at the API. */
  readonly workers: number;
  /** Once stopped, no new source starts; once cut, what is in flight is given up (and reported failed). */
  readonly cancellation?: Cancellation;
  /** Called as each source finishes, in finishing order; `done` counts finished sources. */
  readonly onResult?: (result: SourceResult, done: number, total: number) => void;
}

/** What became of one produced image once the sink had it. */
type Delivered = ({ kind: 'written'; record: OutputRecord } | { kind: 'withheld' } | { kind: 'lost'; error: Error }) & {
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
  if (image.kind === 'withheld') return { kind: 'withheld', ...billing };
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
  const withheld = delivered.filter(image => image.kind === 'withheld').length;
  if (lost.length > 0) return { source, status: 'failed', outputs, error: lost.join('; '), seconds };
  if (outputs.length === 0) {
    return { source, status: 'unsafe', outputs, error: 'Ideogram withheld the result as unsafe', seconds };
  }
  const note = withheld > 0 ? { error: `${withheld} of ${delivered.length} results withheld as unsafe` } : {};
  return { source, status: 'upscaled', outputs, ...note, seconds };
}

/**
 * Runs every planned source through check → upscale → save (by the sink), several at once. A source that fails is recorded
 * with its reason and the others go on; results come back in the order of the plan.
 */
export async function upscaleAll(provider: Provider, options: EngineOptions): Promise<SourceResult[]> {
  // Workers start in a doubling ramp, two more each time a source has been checked: this way the first request
  // goes out after one check, not after all of them (~25 ms for 64 sources).
  const work = async (source: string, grow: () => void): Promise<SourceResult> => {
    const started = performance.now();
    const seconds = (): number => Math.round((performance.now() - started) / 100) / 10;
    try {
      const image = await checkImage(join(options.workspace, source), source, options.maxFileBytes).finally(grow);
      const { stopped, cut } = options.cancellation ?? {};
      const produced = await unlessCut(provider.produce(image, stopped), cut);
      const planned = options.plan.get(source) ?? [];
      const delivered = await Promise.all(produced.map((item, i) => deliver(options.sink, source, planned[i], item)));
      return summarise(source, delivered, seconds());
    } catch (error) {
      if (error instanceof DeferredError) {
        return {
          source,
          status: 'deferred',
          outputs: [],
          error: error.message,
          ...(error.quote ? { quote: error.quote } : {})
        };
      }
      const status = error instanceof NotStartedError ? 'deferred' : 'failed';
      return { source, status, outputs: [], error: (error as Error).message, seconds: seconds() };
    }
  };

  const stopped = options.cancellation?.stopped;
  return mapLimited([...options.plan.keys()], options.workers, work, {
    rampUp: true,
    onEach: options.onResult,
    // A source not started before a cancellation: nothing was sent for it, and the next run takes it.
    stop: stopped && {
      signal: stopped,
      notStarted: source => ({ source, status: 'deferred', outputs: [], error: 'not started: the run was cancelled' })
    }
  });
}
