import type { ResultBytes } from './result-sink.js';
import type { SourceImage } from './validation.js';

/** One image a provider made for a source, in the order it made them (result 1, 2, …). */
export type ProducedImage =
  | {
      readonly kind: 'image';
      /** The bytes; the engine's result sink writes them to the planned path. */
      readonly bytes: ResultBytes;
      readonly resolution: string | null;
      readonly seed: number | null;
      readonly prompt: string | null;
    }
  /** Made but not handed over (Ideogram's safety check). */
  | { readonly kind: 'withheld' };

/**
 * Something that upscales one checked source and hands the results back; it never touches the file system. A
 * failure of the whole request is thrown.
 */
export interface Provider {
  /** Once `stopped` aborts, nothing more is sent for the image (a `NotStartedError` if nothing was). */
  produce(image: SourceImage, stopped?: AbortSignal): Promise<ProducedImage[]>;
  close(): Promise<void>;
}
