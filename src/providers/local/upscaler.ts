import { readDimensions } from '../../imaging/dimensions.js';
import type { ProducedImage, Provider } from '../provider.js';
import type { SourceImage } from '../../imaging/source-image.js';
import { loadCodecs } from '../../imaging/codecs.js';
import { readChecked } from '../../imaging/source-file.js';

/** The local provider enlarges by this factor in each direction. */
export const SCALE = 2;

/** Bounds the memory one image takes (RGBA at 4 bytes a pixel, a few copies): 100 MP is a 10000×10000 result. */
export const MAX_RESULT_PIXELS = 100_000_000;

function megapixels(pixels: number): string {
  return `${(pixels / 1_000_000).toFixed(1)} MP`;
}

function checkSize(width: number, height: number): void {
  const result = width * SCALE * height * SCALE;
  if (result > MAX_RESULT_PIXELS) {
    throw new Error(
      `The image is ${width}x${height}; its ${SCALE}× result would be ${megapixels(result)}, over the local provider's ${megapixels(MAX_RESULT_PIXELS)} limit`
    );
  }
}

/**
 * Upscales on this machine, with no key and no network: decodes the source (PNG, JPEG or WebP), resamples it to
 * twice its width and height with a Lanczos3 filter, and makes one PNG. It makes exactly one result per source,
 * whatever `num-images` says, and leaves out everything Ideogram would imagine (prompt, seed, detail): the result
 * has the same content, only more pixels; the engine writes it. Images are worked on one at a time, on the main thread.
 */
export class LocalUpscaler implements Provider {
  private queue: Promise<unknown> = Promise.resolve();

  async produce(image: SourceImage): Promise<ProducedImage[]> {
    const turn = this.queue.then(() => this.upscale(image));
    this.queue = turn.catch(() => undefined);
    return [await turn];
  }

  private async upscale(image: SourceImage): Promise<ProducedImage> {
    const codecs = await loadCodecs();
    // The bytes checked (and hashed for the manifest), or a SourceChangedError.
    const bytes = await readChecked(image);
    const declared = readDimensions(bytes, image.format);
    if (declared) checkSize(declared.width, declared.height);
    const source = await codecs.decode(bytes, image.format);
    checkSize(source.width, source.height);
    const result = codecs.resize(source, source.width * SCALE, source.height * SCALE);
    const png = await codecs.encodePng(result);
    return { kind: 'image', bytes: png, resolution: `${result.width}x${result.height}`, seed: null, prompt: null };
  }

  async close(): Promise<void> {
    await this.queue;
  }
}
