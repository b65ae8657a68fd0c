/** The loopback Ideogram's v2 surface behaves as the contract says, independently of our client. */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { encodePng, startFakeIdeogram, SUCCESSOR_LINK, type FakeIdeogram } from './ideogram-server.js';

const KEY = 'k-v2';
let server: FakeIdeogram;

beforeEach(async () => {
  server = await startFakeIdeogram({ apiKey: KEY });
});
afterEach(() => server.close());

function post(
  model: string,
  fields: Record<string, string>,
  options: { file?: Buffer | null; dryRun?: boolean; key?: string } = {}
): Promise<Response> {
  const form = new FormData();
  const file = options.file === undefined ? encodePng(40, 30) : options.file;
  if (file !== null) form.append('image', new Blob([new Uint8Array(file)], { type: 'image/png' }), 'src.png');
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const query = options.dryRun ? '?dry_run=true' : '';
  return fetch(`${server.url}/v2/image/upscale/${model}${query}`, {
    method: 'POST',
    headers: { 'Api-Key': options.key ?? KEY },
    body: form
  });
}

async function error(res: Response): Promise<string> {
  expect(res.status).toBe(400);
  return ((await res.json()) as { error: string }).error;
}

describe('per-model forms', () => {
  test.each<[string, Record<string, string>, RegExp]>([
    ['topaz-bloom-2', { denoise: '0.5' }, /Unknown field 'denoise' for model 'topaz-bloom-2'/],
    ['topaz-standard-2', { seed: '3' }, /Unknown field 'seed'/],
    ['nano-banana-pro', { upscale_factor: 'x2' }, /Unknown field 'upscale_factor'/],
    ['topaz-wonder-4', { upscale_factor: 'x8' }, /'upscale_factor' must be one of x2, x4/],
    ['topaz-redefine', { creativity: '10' }, /between 1 and 9/],
    ['topaz-redefine', { texture: '2.5' }, /must be an integer/],
    ['topaz-standard-2', { sharpen: 'lots' }, /must be a number/],
    [
      'topaz-standard-2',
      { face_enhancement: 'true', face_enhancement_strength: '0.5' },
      /'face_enhancement_creativity' is required/
    ],
    ['auto', { async: 'yes' }, /'async' must be a boolean/]
  ])('%s refuses %j', async (model, fields, why) => {
    expect(await error(await post(model, fields))).toMatch(why);
  });

  test('an unknown model is a 404; a wrong key a 401; no image part a 400', async () => {
    expect((await post('topaz-ultra', {})).status).toBe(404);
    expect((await post('auto', {}, { key: 'nope' })).status).toBe(401);
    expect(await error(await post('auto', {}, { file: null }))).toMatch(/'image' is required/);
  });

  test('the 8192-px rule and the tiers are enforced from the image itself', async () => {
    expect(await error(await post('auto', { upscale_factor: 'x8' }, { file: encodePng(1025, 10) }))).toMatch(
      /8K limit/
    );
    expect((await post('auto', { upscale_factor: 'x8' }, { file: encodePng(1024, 10) })).status).toBe(200);
    expect(
      await error(await post('nano-banana-pro', { resolution_tier: '1K' }, { file: encodePng(1024, 10) }))
    ).toMatch(/already at or above/);
  });
});

describe('quotes', () => {
  test.each<[string, Record<string, string>, number]>([
    ['topaz-standard-2', {}, 125830],
    ['auto', {}, 251659],
    ['topaz-bloom-2', {}, 377488],
    ['topaz-standard-2', { upscale_factor: 'x4' }, 503317],
    ['nano-banana-pro', {}, 134400]
  ])('%s %j on a 1024×1024 source quotes the recorded price', async (model, fields, micros) => {
    const res = await post(model, fields, { file: encodePng(1024, 1024), dryRun: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      object: 'price_quote',
      quantity: 1,
      usd_micros: micros,
      qualifier: 'exact'
    });
    expect(server.v2.stats.submitted).toBe(0);
  });
});

describe('async jobs', () => {
  test('acknowledged at once, pending, then completed with the bill; the place is held until then', async () => {
    server.v2.options.generationMs = 200;
    const ack = (await (await post('auto', { async: 'true' })).json()) as { generation_id: string };
    expect(server.stats.imagesInFlight).toBe(1);
    const poll = async (): Promise<Record<string, unknown>> =>
      (await (
        await fetch(`${server.url}/v2/generations/${ack.generation_id}`, { headers: { 'Api-Key': KEY } })
      ).json()) as Record<string, unknown>;
    expect(await poll()).toMatchObject({ status: 'pending' });
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(await poll()).toMatchObject({ status: 'completed', usage_cost_usd_micros: 288, response_type: 'url' });
    expect(server.stats.imagesInFlight).toBe(0);
  });

  test('a job past the in-flight limit is refused 429 with the limit, never run', async () => {
    server.options.inflightLimit = 1;
    server.v2.options.generationMs = 500;
    expect((await post('auto', { async: 'true' })).status).toBe(200);
    const refused = await post('auto', { async: 'true' });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ reject_reason: 'inflight_limit', max_inflight_requests: 1 });
    expect(server.v2.stats.submitted).toBe(1);
  });

  test('legacy answers name their successor', async () => {
    const form = new FormData();
    form.append('image_request', '{}');
    form.append('image_file', new Blob([new Uint8Array(encodePng(8, 8))], { type: 'image/png' }), 'a.png');
    const res = await fetch(`${server.url}/upscale`, { method: 'POST', headers: { 'Api-Key': KEY }, body: form });
    expect(res.headers.get('link')).toBe(`<${SUCCESSOR_LINK}>; rel="successor-version"`);
  });
});
