/**
 * Ideogram's current upscalers, `POST /v2/image/upscale/{model}`, one entry per model: what it does, how its size
 * is set, the form fields it takes (names, types, ranges as the API states them) and how it is priced. Settings
 * validate against this table, the client sends what it allows, and docs/models.md describes the same.
 */

export const V2_MODELS = [
  'auto',
  'topaz-standard-2',
  'topaz-text-refine',
  'topaz-wonder-3-5',
  'topaz-wonder-4',
  'topaz-bloom-2',
  'topaz-redefine',
  'nano-banana-pro'
] as const;
export type V2Model = (typeof V2_MODELS)[number];

export const UPSCALE_FACTORS = ['x2', 'x4', 'x8'] as const;
export type UpscaleFactor = (typeof UPSCALE_FACTORS)[number];

export const RESOLUTION_TIERS = ['1K', '2K', '4K'] as const;
export type ResolutionTier = (typeof RESOLUTION_TIERS)[number];

export const ENHANCEMENT_STRENGTHS = ['low', 'medium', 'high'] as const;

/** A form field's type and range, as the API states them. */
export type FieldRule =
  | { readonly type: 'number'; readonly min: number; readonly max: number }
  | { readonly type: 'integer'; readonly min: number; readonly max: number }
  | { readonly type: 'boolean' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'text'; readonly maxLength: number };

/** A form field value, as sent. */
export type FieldValue = string | number | boolean;

/** How a model's output size is chosen. */
export type SizeControl =
  /** `upscale_factor`; each output side must stay within `maxSide` px. */
  | { readonly kind: 'factor'; readonly factors: readonly UpscaleFactor[]; readonly maxSide: number }
  /** `resolution_tier`; the source must be below the tier (its long side, in px). */
  | { readonly kind: 'tier'; readonly tiers: Readonly<Record<ResolutionTier, number>> };

/** The price basis Ideogram's quotes showed (they are one account's; a dry run asks for yours). */
export type PriceBasis =
  | { readonly kind: 'per-output-megapixel'; readonly usdMicrosPerMegapixel: number }
  | { readonly kind: 'per-call'; readonly usdMicros: number; readonly at: string }
  | { readonly kind: 'unknown' };

export interface ModelSpec {
  readonly id: V2Model;
  readonly summary: string;
  readonly size: SizeControl;
  /** Every form field the model takes besides `image`, `async`, `private` and its size field. */
  readonly fields: Readonly<Record<string, FieldRule>>;
  /** Fields that must come together: when `field` is true, every one of `needs` is required. */
  readonly requires?: readonly { readonly field: string; readonly needs: readonly string[] }[];
  readonly price: PriceBasis;
}

/** The 8192-px rule: no output side may exceed it (8192 itself is allowed). */
export const MAX_OUTPUT_SIDE = 8192;
/** `image` uploads, per request; the API says "50MB" without saying which MB, so the smaller. */
export const V2_MAX_UPLOAD_BYTES = 50_000_000;

const SEED: FieldRule = { type: 'integer', min: 0, max: 2147483647 };
const UNIT: FieldRule = { type: 'number', min: 0, max: 1 };
const SUBJECT: FieldRule = { type: 'enum', values: ['all', 'foreground', 'background'] };
const CREATIVITY: FieldRule = { type: 'integer', min: 1, max: 9 };
const FACE_FIELDS = {
  face_enhancement: { type: 'boolean' },
  face_enhancement_strength: UNIT,
  face_enhancement_creativity: UNIT
} as const satisfies Record<string, FieldRule>;
const FACE_RULE = [
  { field: 'face_enhancement', needs: ['face_enhancement_strength', 'face_enhancement_creativity'] }
] as const;
const TOPAZ_FACTORS: SizeControl = { kind: 'factor', factors: UPSCALE_FACTORS, maxSide: MAX_OUTPUT_SIDE };
const perMegapixel = (usdMicrosPerMegapixel: number): PriceBasis => ({
  kind: 'per-output-megapixel',
  usdMicrosPerMegapixel
});
const FAITHFUL_FIELDS = {
  denoise: UNIT,
  sharpen: UNIT,
  fix_compression: UNIT,
  strength: { type: 'number', min: 0.01, max: 1 },
  subject_detection: SUBJECT,
  ...FACE_FIELDS
} as const satisfies Record<string, FieldRule>;

export const MODELS: Readonly<Record<V2Model, ModelSpec>> = {
  auto: {
    id: 'auto',
    summary: 'Ideogram picks the upscaler per image (the choice may change over time)',
    size: TOPAZ_FACTORS,
    fields: { seed: SEED, internal: { type: 'boolean' } },
    price: perMegapixel(60_000)
  },
  'topaz-standard-2': {
    id: 'topaz-standard-2',
    summary: 'faithful: sharpens the whole image, stays close to the source',
    size: TOPAZ_FACTORS,
    // No seed on this one (the API's own schema leaves it out).
    fields: FAITHFUL_FIELDS,
    requires: FACE_RULE,
    price: perMegapixel(30_000)
  },
  'topaz-text-refine': {
    id: 'topaz-text-refine',
    summary: 'faithful: keeps large and small lettering crisp',
    size: TOPAZ_FACTORS,
    fields: { seed: SEED, ...FAITHFUL_FIELDS },
    requires: FACE_RULE,
    price: perMegapixel(30_000)
  },
  'topaz-wonder-3-5': {
    id: 'topaz-wonder-3-5',
    summary: 'adds detail: generative reconstruction, strength low/medium/high',
    size: TOPAZ_FACTORS,
    fields: { seed: SEED, enhancement_strength: { type: 'enum', values: ENHANCEMENT_STRENGTHS } },
    price: perMegapixel(60_000)
  },
  'topaz-wonder-4': {
    id: 'topaz-wonder-4',
    summary: 'adds detail: removes noise, blur and compression artefacts and recovers faces in one pass',
    // Only x2 and x4; its own fields are not published, so it takes the shared ones only.
    size: { kind: 'factor', factors: ['x2', 'x4'], maxSide: MAX_OUTPUT_SIDE },
    fields: { seed: SEED },
    price: { kind: 'unknown' }
  },
  'topaz-bloom-2': {
    id: 'topaz-bloom-2',
    summary: 'creative: invents new fine detail, optional prompt',
    size: TOPAZ_FACTORS,
    fields: {
      seed: SEED,
      prompt: { type: 'text', maxLength: 1024 },
      creativity: CREATIVITY,
      color_preservation: { type: 'boolean' }
    },
    price: perMegapixel(90_000)
  },
  'topaz-redefine': {
    id: 'topaz-redefine',
    summary: 'creative: redraws the most; optional prompt or autoprompt',
    size: TOPAZ_FACTORS,
    fields: {
      seed: SEED,
      prompt: { type: 'text', maxLength: 1024 },
      autoprompt: { type: 'boolean' },
      creativity: CREATIVITY,
      texture: { type: 'integer', min: 1, max: 5 },
      detail: { type: 'boolean' },
      detail_strength: { type: 'number', min: 0, max: 10 },
      denoise: UNIT,
      sharpen: UNIT,
      subject_detection: SUBJECT,
      ...FACE_FIELDS
    },
    requires: FACE_RULE,
    price: perMegapixel(60_000)
  },
  'nano-banana-pro': {
    id: 'nano-banana-pro',
    summary: 'regenerates the image at a resolution tier, keeping content, composition and style',
    // The tiers' pixel sizes are not published: their names, on the long side.
    size: { kind: 'tier', tiers: { '1K': 1024, '2K': 2048, '4K': 4096 } },
    fields: { seed: SEED, prompt: { type: 'text', maxLength: 2000 } },
    price: { kind: 'per-call', usdMicros: 134_400, at: '2K' }
  }
};

/** What a factor multiplies each side by. */
export function factorValue(factor: UpscaleFactor): number {
  return Number(factor.slice(1));
}

/** Describes a rule for messages, e.g. `a number from 0 to 1`. */
export function describeRule(rule: FieldRule): string {
  switch (rule.type) {
    case 'number':
      return `a number from ${rule.min} to ${rule.max}`;
    case 'integer':
      return `a whole number from ${rule.min} to ${rule.max}`;
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${rule.values.join(', ')}`;
    case 'text':
      return `text of at most ${rule.maxLength} characters`;
  }
}

/** Whether `value` obeys `rule`; enums compare without case, and the API's own spelling is returned. */
export function checkField(rule: FieldRule, value: unknown): FieldValue | undefined {
  switch (rule.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= rule.min && value <= rule.max
        ? value
        : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= rule.min && value <= rule.max
        ? value
        : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'enum':
      return typeof value === 'string'
        ? rule.values.find(option => option.toLowerCase() === value.toLowerCase())
        : undefined;
    case 'text':
      return typeof value === 'string' && value.length <= rule.maxLength ? value : undefined;
  }
}
