/**
 * The v2 surface of the loopback Ideogram (see /work/shared/ideogram/v2-upscale.md): `POST /v2/image/upscale/{model}`
 * (multipart, file part `image`, flat form fields validated per model, 50 MB uploads, the 8192-px output rule,
 * `?dry_run=true` price quotes at the recorded per-megapixel rates, `async=true` acknowledgements) and
 * `GET /v2/generations/{id}` (pending → completed | failed over time, 429 + Retry-After on polls). An accepted job
 * holds one in-flight place until it completes. Written from the contract, not from our client's code.
 */
import busboy from 'busboy';
import { randomInt } from 'node:crypto';
import type http from 'node:http';
import {
  JpegSizeScanner,
  createdNow,
  pngSize,
  problem,
  randomId,
  sniff,
  webpSize,
  type Reply,
  type StoredImage
} from './ideogram-server.js';

/** What the v2 handlers need from the server they live in. */
export interface V2Host {
  readonly apiKey: () => string;
  readonly inflightLimit: () => number;
  readonly stats: { imagesInFlight: number; maxImagesInFlight: number; rejected429: number };
  readonly send: (res: http.ServerResponse, reply: Reply) => void;
  readonly drain: (req: http.IncomingMessage, then: () => void) => void;
  /** Stores a result and returns its signed link. */
  readonly publish: (image: StoredImage) => string;
  readonly later: (ms: number, then: () => void) => void;
}

export type V2Fault =
  /** The job runs, then fails with this reason (not billed). */
  | { kind: 'generation-failed'; reason?: string }
  /** The job completes, its image withheld as unsafe (billed). */
  | { kind: 'unsafe' }
  /** The first `times` polls of this job are answered 429, with `Retry-After` seconds. */
  | { kind: 'poll-429'; times: number; retryAfterSeconds: number }
  /** The quote is an estimate with an upper bound. */
  | { kind: 'estimate' }
  /** The request (a quote or a job) is answered with this status and body instead (e.g. 401, 402, 403). */
  | { kind: 'status'; status: number; body: object };

export interface V2Options {
  /** How long an accepted job stays pending. */
  generationMs: number;
  /** Omit `usage_cost_usd_micros` on completed jobs. */
  omitUsageCost: boolean;
}

export interface RecordedV2Request {
  model: string;
  fields: Record<string, string>;
  dryRun: boolean;
  fileName: string;
  fileBytes: number;
  status: number;
  generationId?: string;
}

export interface V2Stats {
  quotes: number;
  submitted: number;
  polls: number;
  poll429: number;
  /** Generations billed (completed, also unsafe ones) and the sum. */
  billed: number;
  billedUsdMicros: number;
}

interface GenerationState {
  readonly id: string;
  readonly model: string;
  readonly created: string;
  readonly fault: V2Fault | undefined;
  status: 'pending' | 'completed' | 'failed';
  output: { width: number; height: number };
  seed: number;
  costUsdMicros: number;
  url: string | null;
  polls429Left: number;
}

/** 50 MB, decimal: the stricter reading of "50MB". */
const MAX_UPLOAD = 50_000_000;
const MAX_SIDE = 8192;
/** Served results are cut down to this side (the reported resolution stays the true one). */
const SERVED_MAX_SIDE = 1024;
/** Recorded per-output-megapixel rates (usd micros per 10^6 px), and Nano Banana Pro's flat 2K price. */
const RATE_PER_MP: Record<string, number> = {
  auto: 60_000,
  'topaz-standard-2': 30_000,
  'topaz-text-refine': 30_000,
  'topaz-wonder-3-5': 60_000,
  'topaz-redefine': 60_000,
  'topaz-bloom-2': 90_000,
  // Not quoted in the recordings: priced as an estimate.
  'topaz-wonder-4': 60_000
};
const NANO_FLAT_2K = 134_400;
const TIER_SIDE: Record<string, number> = { '1K': 1024, '2K': 2048, '4K': 4096 };

type Rule = ['num', number, number] | ['int', number, number] | ['bool'] | ['enum', ...string[]] | ['text', number];

const unit: Rule = ['num', 0, 1];
const face: Record<string, Rule> = {
  face_enhancement: ['bool'],
  face_enhancement_strength: unit,
  face_enhancement_creativity: unit
};
const shared = (seed: boolean, factor: 'all' | 'x2x4' | 'none'): Record<string, Rule> => ({
  async: ['bool'],
  private: ['bool'],
  target_collection_id: ['text', 64],
  ...(seed ? { seed: ['int', 0, 2147483647] as Rule } : {}),
  ...(factor === 'all' ? { upscale_factor: ['enum', 'x2', 'x4', 'x8'] as Rule } : {}),
  ...(factor === 'x2x4' ? { upscale_factor: ['enum', 'x2', 'x4'] as Rule } : {})
});
const topazStandard: Record<string, Rule> = {
  denoise: unit,
  sharpen: unit,
  fix_compression: unit,
  strength: ['num', 0.01, 1],
  subject_detection: ['enum', 'all', 'foreground', 'background'],
  ...face
};

/** The form each model accepts, per the contract's section 2. */
const FORMS: Record<string, Record<string, Rule>> = {
  auto: { ...shared(true, 'all'), internal: ['bool'] },
  'topaz-standard-2': { ...shared(false, 'all'), ...topazStandard },
  'topaz-text-refine': { ...shared(true, 'all'), ...topazStandard },
  'topaz-wonder-3-5': { ...shared(true, 'all'), enhancement_strength: ['enum', 'low', 'medium', 'high'] },
  'topaz-wonder-4': shared(true, 'x2x4'),
  'topaz-bloom-2': {
    ...shared(true, 'all'),
    prompt: ['text', 1024],
    creativity: ['int', 1, 9],
    color_preservation: ['bool']
  },
  'topaz-redefine': {
    ...shared(true, 'all'),
    prompt: ['text', 1024],
    autoprompt: ['bool'],
    creativity: ['int', 1, 9],
    texture: ['int', 1, 5],
    detail: ['bool'],
    detail_strength: ['num', 0, 10],
    denoise: unit,
    sharpen: unit,
    subject_detection: ['enum', 'all', 'foreground', 'background'],
    ...face
  },
  'nano-banana-pro': { ...shared(true, 'none'), prompt: ['text', 2000], resolution_tier: ['enum', '1K', '2K', '4K'] }
};

/** Why a form value breaks its rule, in the API's manner; undefined when it is fine. */
function breaks(name: string, value: string, rule: Rule): string | undefined {
  const [type] = rule;
  if (type === 'bool') return value === 'true' || value === 'false' ? undefined : `'${name}' must be a boolean`;
  if (type === 'enum')
    return rule.slice(1).includes(value) ? undefined : `'${name}' must be one of ${rule.slice(1).join(', ')}`;
  if (type === 'text') return value.length <= rule[1] ? undefined : `'${name}' is longer than ${rule[1]} characters`;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) return `'${name}' must be a number`;
  if (type === 'int' && !Number.isInteger(number)) return `'${name}' must be an integer`;
  return number < rule[1] || number > rule[2] ? `'${name}' must be between ${rule[1]} and ${rule[2]}` : undefined;
}

interface Priced {
  usdMicros: number;
  exact: boolean;
  upperBound?: number;
}

function price(model: string, fields: Record<string, string>, output: { width: number; height: number }): Priced {
  if (model === 'nano-banana-pro') {
    const tier = fields.resolution_tier ?? '2K';
    return tier === '2K'
      ? { usdMicros: NANO_FLAT_2K, exact: true }
      : { usdMicros: NANO_FLAT_2K, exact: false, upperBound: NANO_FLAT_2K * 2 };
  }
  const rate = RATE_PER_MP[model] ?? 60_000;
  const micros = Math.ceil((output.width * output.height * rate) / 1_000_000);
  return model === 'topaz-wonder-4'
    ? { usdMicros: micros, exact: false, upperBound: Math.ceil(micros * 1.5) }
    : { usdMicros: micros, exact: true };
}

export interface V2Surface {
  readonly options: V2Options;
  readonly stats: V2Stats;
  readonly requests: RecordedV2Request[];
  /** Every generation by id, as the server sees it. */
  readonly generations: ReadonlyMap<string, { status: string; model: string }>;
  /** Queue a fault for the next v2 request whose file has that name (or the next one). */
  inject(fault: V2Fault, match?: { fileName?: string }): void;
  /** Called when a job is accepted, with its id: lets a test "crash" the client right after. */
  onAccepted: ((generationId: string) => void) | undefined;
  handleUpscale(req: http.IncomingMessage, res: http.ServerResponse, url: URL, model: string): void;
  handleGeneration(req: http.IncomingMessage, res: http.ServerResponse, id: string): void;
}

export function createV2Surface(host: V2Host): V2Surface {
  const options: V2Options = { generationMs: 40, omitUsageCost: false };
  const stats: V2Stats = { quotes: 0, submitted: 0, polls: 0, poll429: 0, billed: 0, billedUsdMicros: 0 };
  const requests: RecordedV2Request[] = [];
  const generations = new Map<string, GenerationState>();
  const faults: { fault: V2Fault; fileName?: string }[] = [];

  const takeFault = (fileName: string): V2Fault | undefined => {
    let i = faults.findIndex(entry => entry.fileName === fileName);
    if (i < 0) i = faults.findIndex(entry => entry.fileName === undefined);
    return i < 0 ? undefined : faults.splice(i, 1)[0]?.fault;
  };

  const authorised = (req: http.IncomingMessage, res: http.ServerResponse, record?: RecordedV2Request): boolean => {
    if (req.headers['api-key'] === host.apiKey()) return true;
    host.drain(req, () => {
      if (record) {
        record.status = 401;
        requests.push(record);
      }
      host.send(res, { status: 401, body: { message: 'Invalid API key.' } });
    });
    return false;
  };

  const complete = (generation: GenerationState): void => {
    if (generation.fault?.kind === 'generation-failed') {
      generation.status = 'failed';
    } else {
      generation.status = 'completed';
      stats.billed += 1;
      stats.billedUsdMicros += generation.costUsdMicros;
      if (generation.fault?.kind !== 'unsafe') {
        const scale = Math.min(1, SERVED_MAX_SIDE / Math.max(generation.output.width, generation.output.height));
        generation.url = host.publish({
          width: Math.max(1, Math.round(generation.output.width * scale)),
          height: Math.max(1, Math.round(generation.output.height * scale)),
          wrongType: false
        });
      }
    }
    host.stats.imagesInFlight -= 1;
  };

  function handleUpscale(req: http.IncomingMessage, res: http.ServerResponse, url: URL, model: string): void {
    const record: RecordedV2Request = {
      model,
      fields: {},
      dryRun: url.searchParams.get('dry_run') === 'true',
      fileName: '',
      fileBytes: 0,
      status: 0
    };
    const finish = (reply: Reply): void => {
      record.status = reply.status;
      requests.push(record);
      host.send(res, reply);
    };
    if (!authorised(req, res, record)) return;
    const form = FORMS[model];
    if (!form) return host.drain(req, () => finish(problem(404, 'Not Found', `No upscale model '${model}'.`)));
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fieldSize: 64 * 1024, parts: 64 } });
    } catch {
      return host.drain(req, () => finish({ status: 400, body: { error: "can't decode multipart body" } }));
    }
    let head = Buffer.alloc(0);
    const jpeg = new JpegSizeScanner();
    let sawFile = false;
    let fileDone: Promise<void> = Promise.resolve();
    bb.on('field', (name, value) => {
      record.fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (name !== 'image' || sawFile || !info.filename) {
        stream.resume();
        return;
      }
      sawFile = true;
      record.fileName = info.filename;
      fileDone = new Promise<void>(resolve => {
        stream.on('data', (chunk: Buffer) => {
          record.fileBytes += chunk.length;
          if (head.length < 64) head = Buffer.concat([head, chunk.subarray(0, 64 - head.length)]);
          if (sniff(head) === 'jpeg') jpeg.feed(chunk);
        });
        stream.on('end', () => resolve());
        stream.on('error', () => resolve());
      });
    });
    bb.on('error', () =>
      host.drain(req, () => finish({ status: 400, body: { error: "can't decode multipart body" } }))
    );
    bb.on('close', () => void fileDone.then(() => answer()));
    req.pipe(bb);

    const answer = (): void => {
      const bad = (detail: string): void => finish({ status: 400, body: { error: detail } });
      if (!sawFile) return bad("'image' is required: send the source as a file part named 'image'");
      for (const [name, value] of Object.entries(record.fields)) {
        const rule = form[name];
        if (!rule) return bad(`Unknown field '${name}' for model '${model}'`);
        const why = breaks(name, value, rule);
        if (why) return bad(why);
      }
      const fields = record.fields;
      if (fields.face_enhancement === 'true') {
        for (const needed of ['face_enhancement_strength', 'face_enhancement_creativity']) {
          if (!(needed in fields)) return bad(`'${needed}' is required when 'face_enhancement' is true`);
        }
      }
      if (record.fileBytes > MAX_UPLOAD) return bad('Image too large: the maximum upload is 50MB');
      const kind = sniff(head);
      const source = kind === 'png' ? pngSize(head) : kind === 'webp' ? webpSize(head) : kind ? jpeg.size : undefined;
      if (!source) return bad('Could not read a source image.');
      let output: { width: number; height: number };
      if (model === 'nano-banana-pro') {
        const tierSide = TIER_SIDE[fields.resolution_tier ?? '2K'] ?? 2048;
        if (Math.max(source.width, source.height) >= tierSide) {
          return bad('The source image is already at or above the requested resolution tier');
        }
        const scale = tierSide / Math.max(source.width, source.height);
        output = { width: Math.round(source.width * scale), height: Math.round(source.height * scale) };
      } else {
        const factor = Number((fields.upscale_factor ?? 'x2').slice(1));
        output = { width: source.width * factor, height: source.height * factor };
        if (Math.max(output.width, output.height) > MAX_SIDE) {
          return bad('Invalid input provided, or the output would exceed the 8K limit');
        }
      }
      const fault = takeFault(record.fileName);
      if (fault?.kind === 'status') return finish({ status: fault.status, body: fault.body });
      const priced = price(model, fields, output);
      if (record.dryRun) {
        stats.quotes += 1;
        const estimate = fault?.kind === 'estimate' || !priced.exact;
        return finish({
          status: 200,
          body: {
            object: 'price_quote',
            billing_identifier: `${model.replace(/-/g, '_')}_upscale`,
            quantity: 1,
            usd_micros: priced.usdMicros,
            credit_millis: Math.round(priced.usdMicros / 10),
            qualifier: estimate ? 'estimate' : 'exact',
            ...(estimate ? { upper_bound_usd_micros: priced.upperBound ?? priced.usdMicros * 2 } : {})
          }
        });
      }
      if (host.stats.imagesInFlight + 1 > host.inflightLimit()) {
        host.stats.rejected429 += 1;
        return finish({
          status: 429,
          body: {
            error: 'Too many requests in flight.',
            reject_reason: 'inflight_limit',
            max_inflight_requests: host.inflightLimit(),
            task_completion_speed: 'fast'
          }
        });
      }
      host.stats.imagesInFlight += 1;
      host.stats.maxImagesInFlight = Math.max(host.stats.maxImagesInFlight, host.stats.imagesInFlight);
      const seed = fields.seed === undefined ? randomInt(0, 2147483647) : Number(fields.seed);
      const generation: GenerationState = {
        id: randomId(),
        model,
        created: createdNow(),
        fault,
        status: 'pending',
        output,
        seed,
        costUsdMicros: priced.usdMicros,
        url: null,
        polls429Left: fault?.kind === 'poll-429' ? fault.times : 0
      };
      generations.set(generation.id, generation);
      record.generationId = generation.id;
      stats.submitted += 1;
      const ack = { generation_id: generation.id, seed, width: output.width, height: output.height };
      if (fields.async === 'true') {
        host.later(options.generationMs, () => complete(generation));
        finish({ status: 200, body: ack });
        surface.onAccepted?.(generation.id);
        return;
      }
      // Synchronous: the answer waits for the result.
      host.later(options.generationMs, () => {
        complete(generation);
        finish({ status: 200, body: { ...ack, data: [itemOf(generation)] } });
      });
    };
  }

  const itemOf = (generation: GenerationState): Record<string, unknown> => ({
    url: generation.url,
    resolution: `${generation.output.width}x${generation.output.height}`,
    seed: generation.seed,
    is_image_safe: generation.fault?.kind !== 'unsafe'
  });

  function handleGeneration(req: http.IncomingMessage, res: http.ServerResponse, id: string): void {
    if (!authorised(req, res)) return;
    host.drain(req, () => {
      stats.polls += 1;
      const generation = generations.get(id);
      if (!generation) return host.send(res, { status: 404, body: { error: 'Generation not found.' } });
      if (generation.polls429Left > 0 && generation.fault?.kind === 'poll-429') {
        generation.polls429Left -= 1;
        stats.poll429 += 1;
        return host.send(res, {
          status: 429,
          body: { error: 'Too many requests.' },
          headers: { 'Retry-After': String(generation.fault.retryAfterSeconds) }
        });
      }
      const base = { generation_id: generation.id, status: generation.status, created: generation.created };
      if (generation.status === 'pending') return host.send(res, { status: 200, body: base });
      if (generation.status === 'failed') {
        const reason = generation.fault?.kind === 'generation-failed' ? generation.fault.reason : undefined;
        return host.send(res, { status: 200, body: { ...base, ...(reason ? { failure_reason: reason } : {}) } });
      }
      host.send(res, {
        status: 200,
        body: {
          ...base,
          response_type: 'url',
          ...(options.omitUsageCost ? {} : { usage_cost_usd_micros: generation.costUsdMicros }),
          data: [itemOf(generation)]
        }
      });
    });
  }

  const surface: V2Surface = {
    options,
    stats,
    requests,
    generations,
    inject: (fault, match) => void faults.push(match?.fileName === undefined ? { fault } : { fault, ...match }),
    onAccepted: undefined,
    handleUpscale,
    handleGeneration
  };
  return surface;
}
