import type { UsdMicros } from '../text/money.js';
import type { QuoteRecord } from '../text/money.js';
import type { SourceImage } from '../imaging/source-image.js';

/**
 * A result's bytes as a provider hands them over: in memory, or a way to open them as a stream (opened again when
 * a read fails part-way with a transient `DownloadError`).
 */
export type ResultBytes = Uint8Array | (() => Promise<AsyncIterable<Uint8Array>>);

/** What a request cost, as far as the provider knows; carried by the first image of the request. */
export interface Billing {
  /** The price quoted before sending. */
  readonly quote?: QuoteRecord;
  /** What the provider reports was billed. */
  readonly spentUsdMicros?: UsdMicros;
}

/** One image a provider made for a source, in the order it made them (result 1, 2, …). */
export type ProducedImage =
  | {
      readonly kind: 'image';
      /** The bytes; the engine's result sink writes them to the planned path. */
      readonly bytes: ResultBytes;
      readonly resolution: string | null;
      readonly seed: number | null;
      readonly prompt: string | null;
      readonly billing?: Billing;
    }
  /** Made (and maybe billed) but not handed over (Ideogram's safety check). */
  | { readonly kind: 'withheld'; readonly billing?: Billing }
  /** Not made: its request failed for good while others for the same source did not. */
  | { readonly kind: 'failed'; readonly error: Error };

/** A source the provider chose not to send (a cap was reached); the next run takes it. */
export class DeferredError extends Error {
  override name = 'DeferredError';
  constructor(
    message: string,
    /** Its price, when it was quoted before the cap stopped it. */
    readonly quote?: QuoteRecord
  ) {
    super(message);
  }
}

/**
 * Something that upscales one checked source and hands the results back; it never touches the file system. A
 * failure of the whole request is thrown.
 */
export interface Provider {
  /** Once `stopped` aborts, nothing more is sent for the image (a `NotStartedError` if nothing was). */
  produce(image: SourceImage, stopped?: AbortSignal): Promise<ProducedImage[]>;
  close(): Promise<void>;
}
