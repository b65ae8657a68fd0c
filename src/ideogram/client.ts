import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { Agent, FormData, request, type Dispatcher } from 'undici';
import { MIME_TYPES } from '../image-format.js';
import type { SourceImage } from '../validation.js';
import { APIError, ConnectionError, IdeogramError, InvalidResponseError, ResponseLostError } from './errors.js';
import { parseRetryAfter } from '../retry.js';
import type { ImageObject, ImageRequest, UpscaleResponse } from './types.js';

export interface IdeogramClientOptions {
  /** The API's base URL; `/upscale` is appended to it. */
  readonly apiUrl: URL;
  readonly apiKey: string;
  /** How long to wait for the answer to one upscale once it is sent. */
  readonly timeoutMs: number;
  readonly dispatcher?: Dispatcher;
}

/** Error bodies larger than this are cut: we only need the message. */
const MAX_ERROR_BODY = 64 * 1024;

/** Errors from the socket layer that mean the request never reached the server, so it cannot have been billed. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT'
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Sends one upscale request; retrying is the caller's business (see retry.ts). */
export class IdeogramClient {
  private readonly endpoint: URL;
  private readonly dispatcher: Dispatcher;

  constructor(private readonly options: IdeogramClientOptions) {
    const base = options.apiUrl.href.endsWith('/') ? options.apiUrl.href : `${options.apiUrl.href}/`;
    this.endpoint = new URL('upscale', base);
    this.dispatcher =
      options.dispatcher ??
      new Agent({ connect: { timeout: 30_000 }, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  }

  async upscale(image: SourceImage, imageRequest: ImageRequest): Promise<UpscaleResponse> {
    // undici builds the multipart body and its boundary; the file streams from disk.
    const form = new FormData();
    form.append('image_request', JSON.stringify(imageRequest));
    form.append('image_file', await openAsBlob(image.path, { type: MIME_TYPES[image.format] }), basename(image.path));

    let response: Dispatcher.ResponseData;
    try {
      response = await request(this.endpoint, {
        method: 'POST',
        headers: { 'Api-Key': this.options.apiKey, Accept: 'application/json' },
        body: form,
        dispatcher: this.dispatcher
      });
    } catch (error) {
      throw transportError(image.relativePath, error);
    }

    if (response.statusCode !== 200) {
      const body = await readErrorBody(response.body);
      throw APIError.from(image.relativePath, response.statusCode, body, parseRetryAfter(response.headers));
    }
    let parsed: unknown;
    try {
      parsed = await response.body.json();
    } catch (error) {
      if (error instanceof SyntaxError) throw new InvalidResponseError(image.relativePath, 'the body is not JSON');
      throw transportError(image.relativePath, error);
    }
    return checkResponse(image.relativePath, parsed);
  }

  async close(): Promise<void> {
    if (!this.options.dispatcher) await this.dispatcher.close();
  }
}

function transportError(file: string, error: unknown): IdeogramError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return new ConnectionError(file, error);
  return new ResponseLostError(file, typeof code === 'string' && TIMEOUT_CODES.has(code), error);
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
  const text = Buffer.concat(chunks).toString('utf8');
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
