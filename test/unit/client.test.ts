import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { IdeogramClient } from '../../src/providers/ideogram/client.js';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  IdeogramError,
  InvalidResponseError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ResponseLostError,
  SafetyRejectedError,
  ServerError,
  UploadInterruptedError
} from '../../src/providers/ideogram/errors.js';
import { ideogramRule } from '../../src/providers/ideogram/retry-rule.js';
import { defaultRetryPolicy } from '../../src/async/retry.js';
import type { ImageRequest } from '../../src/providers/ideogram/types.js';
import { checkImage, type SourceImage } from '../../src/imaging/source-image.js';
import { startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { encodePng, jpegBytes, makeTempDir, paddedPng, removeDir, webpBytes, writeFiles } from '../support/files.js';

const KEY = 'client-test-key';
const MB = 1024 * 1024;

let dir: string;
let fake: FakeIdeogram;
let client: IdeogramClient;
const clients: IdeogramClient[] = [];

function makeClient(options: { apiKey?: string; timeoutMs?: number; apiUrl?: URL } = {}): IdeogramClient {
  const made = new IdeogramClient({
    apiUrl: options.apiUrl ?? new URL(fake.url),
    apiKey: options.apiKey ?? KEY,
    timeoutMs: options.timeoutMs ?? 10_000
  });
  clients.push(made);
  return made;
}

function source(name: string): Promise<SourceImage> {
  return checkImage(join(dir, name), `art/${name}`, 10 * MB);
}

/** The error `upscale` rejects with. */
async function failure(promise: Promise<unknown>): Promise<IdeogramError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown
  );
  expect(error).toBeInstanceOf(IdeogramError);
  return error as IdeogramError;
}

const request = (fields: Record<string, unknown>): ImageRequest => fields;

beforeAll(async () => {
  dir = await makeTempDir('client-');
  await writeFiles(dir, {
    'fox.png': encodePng(64, 40),
    'mislabelled.png': jpegBytes(48, 32),
    'leaf.webp': webpBytes(30, 20)
  });
});

afterAll(async () => {
  await removeDir(dir);
});

beforeEach(async () => {
  fake = await startFakeIdeogram({ apiKey: KEY });
  client = makeClient();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map(made => made.close()));
  await fake.close();
});

describe('the request', () => {
  test('carries the key, the set fields as JSON, and the file with its name and type', async () => {
    const image = await source('fox.png');
    const response = await client.upscale(image, request({ prompt: 'a red fox', detail: 70 }));

    expect(fake.upscales).toHaveLength(1);
    const sent = fake.upscales[0];
    expect(sent?.headers['api-key']).toBe(KEY);
    expect(sent?.rawImageRequest).toBe('{"prompt":"a red fox","detail":70}');
    expect(sent?.fileName).toBe('fox.png');
    expect(sent?.fileContentType).toBe('image/png');
    expect(sent?.fileBytes).toBe(image.bytes);
    expect(sent?.fileSha256).toBe(createHash('sha256').update(encodePng(64, 40)).digest('hex'));
    expect(sent?.status).toBe(200);

    expect(response.data).toHaveLength(1);
    expect(response.data[0]).toMatchObject({ is_image_safe: true, resolution: '64x40', upscaled_resolution: '128x80' });
    expect(response.data[0]?.url).toMatch(new RegExp(`^${fake.url}/api/images/ephemeral/`));
  });

  test('the multipart boundary is set by the HTTP client, in the Content-Type header', async () => {
    await client.upscale(await source('fox.png'), request({}));
    const type = String(fake.upscales[0]?.headers['content-type']);
    expect(type).toMatch(/^multipart\/form-data; boundary=\S+$/);
  });

  test('nothing set: image_request is still sent, as {}', async () => {
    await client.upscale(await source('fox.png'), request({}));
    expect(fake.upscales[0]?.rawImageRequest).toBe('{}');
    expect(fake.upscales[0]?.imageRequest).toEqual({});
  });

  test('the content type follows the bytes, not the file name', async () => {
    await client.upscale(await source('mislabelled.png'), request({}));
    await client.upscale(await source('leaf.webp'), request({}));
    expect(fake.upscales.map(sent => [sent.fileName, sent.fileContentType])).toEqual([
      ['mislabelled.png', 'image/jpeg'],
      ['leaf.webp', 'image/webp']
    ]);
    expect(fake.stats.admitted).toBe(2);
  });

  test('num_images 3: three results', async () => {
    const response = await client.upscale(await source('fox.png'), request({ num_images: 3, seed: 12 }));
    expect(response.data.map(item => item.seed)).toEqual([12, 12, 12]);
    expect(fake.stats.maxImagesInFlight).toBe(3);
  });

  test('an API URL with or without a trailing slash reaches /upscale', async () => {
    await makeClient({ apiUrl: new URL(`${fake.url}/`) }).upscale(await source('fox.png'), request({}));
    expect(fake.stats.admitted).toBe(1);
  });
});

describe('documented errors map to their class, with the status and the API own words', () => {
  test('400 {"error": …}', async () => {
    fake.inject({ kind: 'status', status: 400 });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, apiMessage: 'Could not read a source image.', file: 'art/fox.png' });
    expect(error.message).toContain('Could not read a source image.');
    expect(error.message).toContain('400');
  });

  test('400 problem+json {"title", "detail"}, as the API sends for a bad field', async () => {
    const error = await failure(client.upscale(await source('fox.png'), request({ resemblance: 0 })));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.status).toBe(400);
    expect(error.apiMessage).toBe('Bad Request: resemblance must be between 1 and 100');
    expect((error as APIError).body).toMatchObject({ type: 'about:blank', status: 400 });
  });

  test('400 with only a detail', async () => {
    fake.inject({ kind: 'status', status: 400, body: { detail: 'image_file is too small' } });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error.apiMessage).toBe('image_file is too small');
  });

  test('401: a wrong key', async () => {
    const error = await failure(makeClient({ apiKey: 'wrong' }).upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, apiMessage: 'Invalid API key.' });
    expect(fake.stats.admitted).toBe(0);
  });

  test('402: out of credit, with its reject_reason', async () => {
    fake.inject({ kind: 'status', status: 402 });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(PaymentRequiredError);
    expect(error).toMatchObject({
      status: 402,
      apiMessage: 'Insufficient credits.',
      rejectReason: 'insufficient_funds'
    });
  });

  test('402: daily limit', async () => {
    fake.inject({ kind: 'status', status: 402, body: { error: 'Daily limit reached.', reject_reason: 'daily_limit' } });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toMatchObject({ status: 402, apiMessage: 'Daily limit reached.', rejectReason: 'daily_limit' });
  });

  test('403: not allowed, {"message": …}', async () => {
    fake.inject({ kind: 'status', status: 403 });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, apiMessage: 'This account is not authorized for this operation.' });
  });

  test('422: refused by the safety check', async () => {
    fake.inject({ kind: 'status', status: 422 });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(SafetyRejectedError);
    expect(error).toMatchObject({ status: 422, apiMessage: 'Image failed safety check.' });
  });

  test('422 with an empty body: the status alone', async () => {
    fake.inject({ kind: 'status', status: 422, body: {} });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(SafetyRejectedError);
    expect(error.apiMessage).toBeUndefined();
    expect(error.message).toBe('Ideogram answered HTTP 422');
  });

  test('429 from a full organisation: reject_reason, max_inflight_requests and Retry-After', async () => {
    fake.options.inflightLimit = 2;
    fake.options.includeMaxInflight = true;
    fake.options.retryAfterSeconds = 7;
    const error = await failure(client.upscale(await source('fox.png'), request({ num_images: 3 })));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      status: 429,
      apiMessage: 'Too many requests in flight.',
      rejectReason: 'inflight_limit',
      retryAfterMs: 7000
    });
    expect((error as RateLimitError).maxInflight).toBe(2);
  });

  test('429 without the optional hints', async () => {
    fake.options.inflightLimit = 1;
    const error = (await failure(
      client.upscale(await source('fox.png'), request({ num_images: 2 }))
    )) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.maxInflight).toBeUndefined();
    expect(error.retryAfterMs).toBeUndefined();
  });

  test('429 with retry-after-ms', async () => {
    fake.inject({ kind: 'status', status: 429, headers: { 'Retry-After-Ms': '1500' } });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect((error as RateLimitError).retryAfterMs).toBe(1500);
  });

  test('500: the generation failed', async () => {
    fake.inject({ kind: 'status', status: 500 });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, apiMessage: 'Internal server error.' });
  });

  test('503 with Retry-After', async () => {
    fake.inject({ kind: 'status', status: 503, headers: { 'Retry-After': '4' } });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 4000 });
    expect(error.apiMessage).toMatch(/temporarily unavailable/);
  });

  test('502 from a proxy, with an HTML body, is still a server error', async () => {
    fake.inject({ kind: 'status', status: 502 });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(502);
  });

  test('a huge error body is cut, and the status still reported', async () => {
    fake.inject({ kind: 'status', status: 500, body: 'x'.repeat(2 * MB) });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(ServerError);
    expect((error.apiMessage ?? '').length).toBeLessThanOrEqual(500);
  });
});

describe('answers that are not the documented response', () => {
  test('malformed JSON with status 200', async () => {
    fake.inject({ kind: 'malformed-json' });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/not JSON/);
  });

  test('JSON without a data list', async () => {
    fake.inject({ kind: 'status', status: 200, body: { created: 'now' } });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/"data"/);
  });

  test('an image object without is_image_safe', async () => {
    fake.inject({
      kind: 'status',
      status: 200,
      body: { created: 'now', data: [{ url: 'https://ideogram.ai/x.png' }] }
    });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/is_image_safe/);
  });

  test('a url that is not a string', async () => {
    fake.inject({ kind: 'status', status: 200, body: { created: 'now', data: [{ url: 42, is_image_safe: true }] } });
    expect(await failure(client.upscale(await source('fox.png'), request({})))).toBeInstanceOf(InvalidResponseError);
  });

  test('unsafe results come back as data, not as an error', async () => {
    fake.inject({ kind: 'unsafe' });
    const response = await client.upscale(await source('fox.png'), request({}));
    expect(response.data[0]).toMatchObject({ is_image_safe: false, url: null });
  });
});

describe('transport failures', () => {
  test('the connection dropped after sending: ResponseLostError, not timed out', async () => {
    fake.inject({ kind: 'destroy' });
    const error = await failure(client.upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(ResponseLostError);
    expect((error as ResponseLostError).timedOut).toBe(false);
    expect(error.message).toMatch(/dropped/);
    expect(fake.stats.admitted).toBe(1);
  });

  test('nothing listening: ConnectionError, which is safe to resend', async () => {
    const server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>(resolve => server.close(() => resolve()));
    const error = await failure(
      makeClient({ apiUrl: new URL(`http://127.0.0.1:${port}`) }).upscale(await source('fox.png'), request({}))
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/Could not reach Ideogram.*ECONNREFUSED/);
    expect(error.file).toBe('art/fox.png');
  });

  test('no answer within the timeout: ResponseLostError with timedOut, promptly', async () => {
    // Longer than the test's own timeout: a client that waited for the answer fails the test.
    fake.options.latencyMs = 120_000;
    const error = await failure(makeClient({ timeoutMs: 150 }).upscale(await source('fox.png'), request({})));
    expect(error).toBeInstanceOf(ResponseLostError);
    expect((error as ResponseLostError).timedOut).toBe(true);
    expect(error.message).toMatch(/did not answer in time/);
  });
});

describe('a connection that fails while the image is still being sent', () => {
  test('is "not received, not billed": UploadInterruptedError, safe to resend; one cut after sending is not', async () => {
    await writeFiles(dir, { 'big.png': paddedPng(9 * MB) });
    fake.inject({ kind: 'reset-upload' });
    const error = await failure(client.upscale(await source('big.png'), request({})));
    expect(error).toBeInstanceOf(UploadInterruptedError);
    expect(error.message).toMatch(
      /^The connection to Ideogram failed while the image was still being sent: .*\(not received, so not billed\)$/
    );
    expect(ideogramRule(error, defaultRetryPolicy())).toEqual({ budget: 'errors' });
    expect(fake.stats).toMatchObject({ requests: 1, uploadsReset: 1, admitted: 0 });

    fake.inject({ kind: 'destroy' });
    const lost = await failure(client.upscale(await source('big.png'), request({})));
    expect(lost).toBeInstanceOf(ResponseLostError);
    expect(lost.message).toMatch(/dropped after the whole request was sent: .*\(the upscale may have been billed\)$/);
    expect(ideogramRule(lost, defaultRetryPolicy())).toBeUndefined();
  });
});
