import { basename } from 'node:path';
import { Agent, DecoratorHandler, request, type Dispatcher } from 'undici';
import { MIME_TYPES } from '../../imaging/image-format.js';
import { multipartBody, type FilePart, type MultipartBody } from '../../net/multipart.js';
import { SourceChangedError, ensureUnchanged } from '../../imaging/source-file.js';
import type { SourceImage } from '../../imaging/source-image.js';
import {
  APIError,
  ConnectionError,
  IdeogramError,
  InvalidResponseError,
  ResponseLostError,
  UploadInterruptedError
} from './errors.js';
import { networkFailure } from '../../net/network-error.js';
import { parseRetryAfter } from '../../async/retry.js';
import type { FieldValue } from './models.js';
import { redact } from '../../text/secrets.js';
import type { ImageObject, ImageRequest, UpscaleResponse } from './types.js';

export interface IdeogramClientOptions {
  /** The API's base URL; `/upscale` is appended to it. */
  readonly apiUrl: URL;
  readonly apiKey: string;
  /** How long to wait for the answer to one upscale once it is sent. */
  readonly timeoutMs: number;
  readonly dispatcher?: Dispatcher;
  /** Called with what a legacy answer says about its successor (`Link: rel="successor-version"`, `Deprecation`). */
  readonly onLegacyNotice?: (notice: LegacyNotice) => void;
}

/** The signs a legacy answer carries that a newer endpoint replaces it. */
export interface LegacyNotice {
  readonly successor: string | undefined;
  readonly deprecation: string | undefined;
}

/** A price quote (`?dry_run=true`): nothing run, nothing billed. */
export interface PriceQuote {
  readonly billingIdentifier: string;
  readonly quantity: number;
  readonly usdMicros: number;
  readonly creditMillis: number;
  /** `estimate`: priced from the provider's cost after inference; `upperBoundUsdMicros` is then the most. */
  readonly qualifier: 'exact' | 'estimate';
  readonly upperBoundUsdMicros?: number;
}

/** What an asynchronous v2 request answers at once: the only handle on a paid job. */
export interface Acknowledgement {
  readonly generationId: string;
}

/** One result item of a completed v2 generation. */
export interface GeneratedImage {
  readonly url: string | null;
  readonly resolution: string | null;
  readonly seed: number | null;
  readonly isSafe: boolean;
}

/** A v2 generation's state, as `GET /v2/generations/{id}` reports it. */
export type Generation =
  | { readonly status: 'pending' }
  | {
      readonly status: 'completed';
      readonly images: readonly GeneratedImage[];
      /** What was billed, when Ideogram says. */
      readonly costUsdMicros: number | undefined;
    }
  | { readonly status: 'failed'; readonly reason: string | undefined };

/** `rel="successor-version"` from a `Link` header. */
function successorLink(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return /<([^>]+)>\s*;[^,]*rel="?successor-version"?/i.exec(text)?.[1];
}

/**
 * Tells when undici has handed the whole request, headers and body, to the socket: a connection that fails before
 * then cannot have delivered the image, so the upscale was not run and not billed.
 */
class SentWatch extends DecoratorHandler implements Dispatcher.DispatchHandlers {
  constructor(
    private readonly inner: Dispatcher.DispatchHandlers & { onRequestSent?: () => void },
    private readonly onSent: () => void
  ) {
    super(inner);
  }

  onRequestSent(): void {
    this.onSent();
    this.inner.onRequestSent?.();
  }

  // Declared for the type checker only (undici's declaration of DecoratorHandler lists no handler method).
  declare onError: Dispatcher.DispatchHandlers['onError'];
}

/** Error bodies larger than this are cut: we only need the message. */
const MAX_ERROR_BODY = 64 * 1024;

/** Speaks Ideogram's upscale endpoints, one request per call; retrying is the caller's business (see retry.ts). */
export class IdeogramClient {
  private readonly base: string;
  private readonly endpoint: URL;
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: IdeogramClientOptions) {
    this.base = options.apiUrl.href.endsWith('/') ? options.apiUrl.href : `${options.apiUrl.href}/`;
    this.endpoint = new URL('upscale', this.base);
    this.dispatcher =
      options.dispatcher ??
      new Agent({ connect: { timeout: 30_000 }, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  }

  /** Legacy `POST /upscale`. */
  async upscale(image: SourceImage, imageRequest: ImageRequest): Promise<UpscaleResponse> {
    const form = await multipartBody([
      { name: 'image_request', value: JSON.stringify(imageRequest) },
      filePart('image_file', image)
    ]);
    const { body, headers } = await this.call(image.relativePath, this.endpoint, 'POST', form);
    const notice = { successor: successorLink(headers.link), deprecation: firstHeader(headers.deprecation) };
    if (notice.successor || notice.deprecation) this.options.onLegacyNotice?.(notice);
    return checkResponse(image.relativePath, body);
  }

  /** `POST /v2/image/upscale/{model}?dry_run=true`: the price of exactly this request, for free. */
  async quote(image: SourceImage, model: string, fields: Readonly<Record<string, FieldValue>>): Promise<PriceQuote> {
    const url = this.v2Url(model, true);
    const { body } = await this.call(image.relativePath, url, 'POST', await v2Form(image, fields));
    return checkQuote(image.relativePath, body);
  }

  /** `POST /v2/image/upscale/{model}` with `async=true`: accepted at once, run and billed on Ideogram's side. */
  async submit(
    image: SourceImage,
    model: string,
    fields: Readonly<Record<string, FieldValue>>
  ): Promise<Acknowledgement> {
    const form = await v2Form(image, { ...fields, async: true });
    const { body } = await this.call(image.relativePath, this.v2Url(model, false), 'POST', form);
    const id = (body as { generation_id?: unknown } | null)?.generation_id;
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(id)) {
      throw new InvalidResponseError(image.relativePath, 'it has no usable "generation_id"');
    }
    return { generationId: id };
  }

  /** `GET /v2/generations/{id}`: free, and never runs the job again. */
  async generation(file: string, generationId: string): Promise<Generation> {
    const url = new URL(`v2/generations/${encodeURIComponent(generationId)}`, this.base);
    const { body } = await this.call(file, url, 'GET');
    return checkGeneration(file, body);
  }

  private v2Url(model: string, dryRun: boolean): URL {
    const url = new URL(`v2/image/upscale/${encodeURIComponent(model)}`, this.base);
    if (dryRun) url.searchParams.set('dry_run', 'true');
    return url;
  }

  /** One request; the answer's JSON, or the typed error its status, body or transport calls for. */
  private async call(
    file: string,
    url: URL,
    method: 'GET' | 'POST',
    form?: MultipartBody
  ): Promise<{ body: unknown; headers: Dispatcher.ResponseData['headers'] }> {
    let sent = false;
    const watched = this.dispatcher.compose(
      dispatch => (options, handler) => dispatch(options, new SentWatch(handler, () => (sent = true)))
    );
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method,
        headers: { 'Api-Key': this.options.apiKey, Accept: 'application/json', ...form?.headers },
        // undici sends an async iterable as it is (its documentation says so; its type declarations omit it).
        body: form?.body as unknown as Dispatcher.DispatchOptions['body'],
        dispatcher: watched
      });
    } catch (error) {
      // The source changed or went away mid-upload: the request was cut before it was whole.
      if (error instanceof SourceChangedError) throw error;
      throw transportError(file, error, sent);
    }
    if (response.statusCode !== 200) {
      const errorBody = await readErrorBody(response.body);
      throw APIError.from(file, response.statusCode, errorBody, parseRetryAfter(response.headers));
    }
    try {
      // Redacted before parsing, as error bodies are: an answer that echoes the key (in a prompt, a link) must not
      // carry it into the outputs, the manifest or the gallery.
      return { body: JSON.parse(redact(await response.body.text())) as unknown, headers: response.headers };
    } catch (error) {
      if (error instanceof SyntaxError) throw new InvalidResponseError(file, 'the body is not JSON');
      throw transportError(file, error, true);
    }
  }

  async close(): Promise<void> {
    if (!this.options.dispatcher) await this.dispatcher.close();
  }
}

/**
 * A request that never reached Ideogram, or whose connection failed while the image was still being sent, cannot
 * have been billed; one sent whole may have been.
 */
function transportError(file: string, error: unknown, sentWhole: boolean): IdeogramError {
  const failure = networkFailure(error);
  if (failure === 'not-sent') return new ConnectionError(file, error);
  if (failure !== undefined && !sentWhole) return new UploadInterruptedError(file, error);
  return new ResponseLostError(file, failure === 'timed-out', error);
}

async function readErrorBody(body: Dispatcher.ResponseData['body']): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const buffer = chunk as Buffer;
      if (size + buffer.length > MAX_ERROR_BODY) {
        chunks.push(buffer.subarray(0, MAX_ERROR_BODY - size));
        body.destroy();
        break;
      }
      chunks.push(buffer);
      size += buffer.length;
    }
  } catch {
    // A body cut short still leaves the status to report.
  }
  // Redacted before parsing: a body that echoes our headers must not carry the key into any field.
  const text = redact(Buffer.concat(chunks).toString('utf8'));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function checkResponse(file: string, body: unknown): UpscaleResponse {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length === 0) {
    throw new InvalidResponseError(file, 'it has no "data" list');
  }
  data.forEach((item: unknown, i) => {
    const image = item as Partial<Record<keyof ImageObject, unknown>> | null;
    if (image === null || typeof image !== 'object' || typeof image.is_image_safe !== 'boolean') {
      throw new InvalidResponseError(file, `data[${i}] has no "is_image_safe"`);
    }
    if (image.url !== null && image.url !== undefined && typeof image.url !== 'string') {
      throw new InvalidResponseError(file, `data[${i}].url is not a string`);
    }
  });
  return body as UpscaleResponse;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The checked source as a form's file part, streamed from disk: exactly the bytes checked and hashed, or the request
 * fails with `SourceChangedError` before it is whole (so nothing is billed).
 */
function filePart(name: string, image: SourceImage): FilePart {
  return {
    name,
    path: image.path,
    filename: basename(image.path),
    type: MIME_TYPES[image.format],
    size: image.bytes,
    verify: () => ensureUnchanged(image)
  };
}

/** A v2 form: the source in the file part `image`, every field as a plain form field; kept private. */
function v2Form(image: SourceImage, fields: Readonly<Record<string, FieldValue>>): Promise<MultipartBody> {
  return multipartBody([
    filePart('image', image),
    // Sent explicitly: on some models an omitted value follows the account's plan, which may be public.
    { name: 'private', value: 'true' },
    ...Object.entries(fields).map(([name, value]) => ({ name, value: String(value) }))
  ]);
}

function isMicros(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function checkQuote(file: string, body: unknown): PriceQuote {
  const quote = (body ?? {}) as Record<string, unknown>;
  if (quote.object !== 'price_quote' || !isMicros(quote.usd_micros)) {
    throw new InvalidResponseError(file, 'the price quote has no "usd_micros"');
  }
  return {
    billingIdentifier: typeof quote.billing_identifier === 'string' ? quote.billing_identifier : '',
    quantity: isMicros(quote.quantity) ? quote.quantity : 1,
    usdMicros: quote.usd_micros,
    creditMillis: isMicros(quote.credit_millis) ? quote.credit_millis : 0,
    qualifier: quote.qualifier === 'estimate' ? 'estimate' : 'exact',
    ...(isMicros(quote.upper_bound_usd_micros) ? { upperBoundUsdMicros: quote.upper_bound_usd_micros } : {})
  };
}

function checkGeneration(file: string, body: unknown): Generation {
  const generation = (body ?? {}) as Record<string, unknown>;
  switch (generation.status) {
    case 'pending':
      return { status: 'pending' };
    case 'failed':
      return {
        status: 'failed',
        reason: typeof generation.failure_reason === 'string' ? generation.failure_reason : undefined
      };
    case 'completed': {
      if (!Array.isArray(generation.data) || generation.data.length === 0) {
        throw new InvalidResponseError(file, 'the completed generation has no "data" list');
      }
      const images = generation.data.map((item: unknown, i): GeneratedImage => {
        const image = (item ?? {}) as Record<string, unknown>;
        if (typeof image.is_image_safe !== 'boolean') {
          throw new InvalidResponseError(file, `data[${i}] has no "is_image_safe"`);
        }
        return {
          url: typeof image.url === 'string' && image.url !== '' ? image.url : null,
          resolution: typeof image.resolution === 'string' ? image.resolution : null,
          seed: typeof image.seed === 'number' ? image.seed : null,
          isSafe: image.is_image_safe
        };
      });
      const cost = generation.usage_cost_usd_micros;
      return { status: 'completed', images, costUsdMicros: isMicros(cost) ? cost : undefined };
    }
    default:
      throw new InvalidResponseError(file, 'the generation has no known "status"');
  }
}
