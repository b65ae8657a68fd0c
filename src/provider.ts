import type { ImageFormat } from './image-format.js';
import type { SourceImage } from './validation.js';

/** What became of one image a provider made for a source. */
export type ProducedImage =
  | {
      readonly kind: 'written';
      /** Absolute path it was written to. */
      readonly path: string;
      readonly resolution: string | null;
      readonly seed: number | null;
      readonly prompt: string | null;
    }
  /** Made but not handed over (Ideogram's safety check). */
  | { readonly kind: 'withheld' }
  /** Made, but could not be saved (e.g. the download failed). */
  | { readonly kind: 'lost'; readonly error: Error };

/** Where result number `index` (1-based) goes, given the format its bytes turned out to be. */
export type Destination = (index: number, format: ImageFormat) => string;

/** Something that upscales one checked source into files. A failure of the whole request is thrown. */
export interface Provider {
  produce(image: SourceImage, destination: Destination): Promise<ProducedImage[]>;
  close(): Promise<void>;
}
