import { posix } from 'node:path';
import { EXTENSIONS, IMAGE_FORMATS, type ImageFormat } from '../imaging/image-format.js';
import { Input, InputError } from '../inputs/inputs.js';
import { AS_RETURNED, OUTPUT_FORMAT_INFO, targetFormat, type Conversion } from '../imaging/output-format.js';
import { controlCharacterIn } from '../text/printable.js';

/**
 * Where one result goes, fixed before anything is sent (`planOutputs`) and checked for collisions there: one
 * workspace-relative path per format the bytes may turn out to be, so the sink follows the plan whatever arrives.
 */
export interface PlannedOutput {
  /** 1-based, within its source. */
  readonly index: number;
  readonly paths: Readonly<Record<ImageFormat, string>>;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
/** What `posix.normalize` would change: an empty path, `.` or `..` segments, doubled slashes. */
const NEEDS_NORMALIZING = /^$|(^|\/)\.\.?(\/|$)|\/\//;

/** `a/{name}.{ext}` as `['a/', 'name', '.', 'ext', '']`: literal text and placeholder names, alternately. */
function split(pattern: string): string[] {
  return pattern.split(PLACEHOLDER);
}
const KNOWN = new Set(['dir', 'name', 'ext', 'index']);

/** What Ideogram returns; the real extension is taken from the downloaded bytes. */
export const EXPECTED_RESULT_EXTENSION = EXTENSIONS.png;

/**
 * The `output-path` template: where each result goes, relative to the workspace. Only `parse` makes one, so a
 * template in hand is known to stay inside the workspace and to never name a result like its source.
 */
export class OutputTemplate {
  private constructor(
    /** The template with `-{index}` added when several results per source need telling apart. */
    readonly pattern: string,
    /** Also the template without the added index, so results of runs with another num-images are recognised. */
    private readonly matchers: readonly RegExp[]
  ) {}

  /** @throws Error with a message saying what is wrong with the template. */
  static parse(raw: string, imagesPerSource: number): OutputTemplate {
    const template = raw.trim().replace(/\\/g, '/');
    if (template === '') throw new Error('must not be empty');
    for (const [, name] of template.matchAll(PLACEHOLDER)) {
      if (!KNOWN.has(name ?? ''))
        throw new Error(`has an unknown placeholder {${name}}; use {dir}, {name}, {ext} or {index}`);
    }
    if (template.startsWith('/') || /^[A-Za-z]:/.test(template)) throw new Error('must be relative to the workspace');
    const control = controlCharacterIn(template);
    if (control) throw new Error(`must not hold a control character (${control})`);
    if (template.split('/').some(part => part.toLowerCase() === '.git')) {
      throw new Error("must not write into a .git directory (git's own files)");
    }
    const pattern = imagesPerSource > 1 && !template.includes('{index}') ? withIndex(template) : template;
    // Without its index a template such as {dir}/{name}.{ext} names every source: then only the indexed form counts.
    const plain = new OutputTemplate(template, []).resolve('a/b/photo.png', 1, EXPECTED_RESULT_EXTENSION);
    const output = new OutputTemplate(
      pattern,
      pattern === template || plain === 'a/b/photo.png'
        ? [toMatcher(pattern)]
        : [toMatcher(pattern), toMatcher(template)]
    );
    const sample = output.resolve('a/b/photo.png', 1, EXPECTED_RESULT_EXTENSION);
    if (sample === '..' || sample.startsWith('../')) throw new Error('resolves outside the workspace');
    if (sample === 'a/b/photo.png') {
      throw new Error(
        'would write results over their sources; add a folder or a suffix, e.g. {dir}/{name}-upscaled.{ext}'
      );
    }
    return output;
  }

  /** The result's path for a workspace-relative source, its 1-based index and its real extension. */
  resolve(source: string, index: number, ext: string): string {
    const folder = posix.dirname(source);
    const dir = folder === '.' ? '' : folder;
    const values: Record<string, string> = {
      dir,
      name: posix.basename(source, posix.extname(source)),
      ext,
      index: String(index)
    };
    // With no folder, `{dir}/` vanishes whole instead of leaving a leading or doubled slash.
    const parts =
      dir === ''
        ? (this.partsWithoutDir ??= split(this.pattern.replace(/\{dir\}\/?/g, '')))
        : (this.parts ??= split(this.pattern));
    let filled = '';
    for (const [i, part] of parts.entries()) filled += i % 2 === 0 ? part : (values[part] ?? '');
    // Normalised only when something in it needs it: this runs for every source found, before the first request.
    return NEEDS_NORMALIZING.test(filled) ? posix.normalize(filled).replace(/^\.\//, '') : filled;
  }

  /** The pattern as literal text and placeholder names, alternately (literal first): split once, filled often. */
  private parts: readonly string[] | undefined;
  private partsWithoutDir: readonly string[] | undefined;

  /** Whether a workspace-relative path looks like one of our results, so discovery never takes it as a source. */
  matches(path: string): boolean {
    return this.matchers.some(matcher => matcher.test(path));
  }
}

function withIndex(template: string): string {
  return template.endsWith('.{ext}') ? `${template.slice(0, -'.{ext}'.length)}-{index}.{ext}` : `${template}-{index}`;
}

function toMatcher(pattern: string): RegExp {
  const parts: Record<string, string> = { dir: '.*', name: '[^/]+', ext: '[A-Za-z0-9]+', index: '\\d+' };
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let source = '';
  let last = 0;
  for (const match of pattern.matchAll(PLACEHOLDER)) {
    source += escape(pattern.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] === 'dir' && pattern[last] === '/') {
      source += '(?:.+/)?';
      last += 1;
    } else {
      source += parts[match[1] ?? ''];
    }
  }
  source += escape(pattern.slice(last));
  return new RegExp(`^(?:\\./)?${source}$`);
}

/** `{ext}` of a result that arrives as `format`: its own, or the format it is converted to. */
function resultExtension(format: ImageFormat, conversion: Conversion): string {
  return OUTPUT_FORMAT_INFO[targetFormat(format, conversion)].extension;
}

/**
 * Every path a source's `index`-th result may take, one per extension it may end up with: for checking the
 * destinations of every source found, before the first request, so made without an object per source.
 */
export function possibleResultPaths(
  template: OutputTemplate,
  conversion: Conversion
): (source: string, index: number) => string[] {
  const extensions = [...new Set(IMAGE_FORMATS.map(format => resultExtension(format, conversion)))];
  // Resolved once with the extension marked, then each extension put in.
  return (source, index) => {
    const marked = template.resolve(source, index, EXT_MARK);
    return marked.includes(EXT_MARK) ? extensions.map(ext => marked.replaceAll(EXT_MARK, ext)) : [marked];
  };
}

/** Where a source's `index`-th result goes, for each format it may come back as, once converted. */
function resultPaths(
  source: string,
  template: OutputTemplate,
  index: number,
  conversion: Conversion
): Record<ImageFormat, string> {
  return Object.fromEntries(
    IMAGE_FORMATS.map(format => [format, template.resolve(source, index, resultExtension(format, conversion))])
  ) as Record<ImageFormat, string>;
}

/** Stands for `{ext}` in a resolved path: no file name holds a NUL, and no path rule treats it specially. */
const EXT_MARK = '\0';

/** Each source's planned results, in the order of `sources`. */
export type OutputPlan = ReadonlyMap<string, readonly PlannedOutput[]>;

/**
 * Works out every result path before anything is sent, for every format a result may come back as, so that two
 * sources writing the same file, or a result landing on a source, stop the run before it costs anything. The
 * result sink then writes exactly where this plan says.
 * @throws InputError for `output-path`: the template does not work for these sources.
 */
export function planOutputs(
  sources: readonly string[],
  template: OutputTemplate,
  imagesPerSource: number,
  conversion: Conversion = AS_RETURNED
): OutputPlan {
  const owners = new Map<string, string>();
  const sourceSet = new Set(sources);
  const plan = new Map<string, readonly PlannedOutput[]>();
  for (const source of sources) {
    const outputs = plannedOutputs(source, template, imagesPerSource, conversion);
    for (const path of outputs.flatMap(output => [...new Set(Object.values(output.paths))])) {
      if (path === '..' || path.startsWith('../')) {
        throw new InputError(Input.OutputPath, `puts the result of ${source} outside the workspace (${path}).`);
      }
      if (sourceSet.has(path)) {
        throw new InputError(Input.OutputPath, `would write the result of ${source} over the source ${path}.`);
      }
      const owner = owners.get(path);
      if (owner !== undefined) {
        throw new InputError(
          Input.OutputPath,
          name =>
            `makes ${owner} and ${source} both write ${path}; rename one, or leave one out with a '!' pattern in ${name(Input.Files)}.`
        );
      }
      owners.set(path, source);
    }
    plan.set(source, outputs);
  }
  return plan;
}

/** One source's planned results: for each index, its path for every format the result may come back as. */
export function plannedOutputs(
  source: string,
  template: OutputTemplate,
  imagesPerSource: number,
  conversion: Conversion = AS_RETURNED
): PlannedOutput[] {
  return Array.from({ length: imagesPerSource }, (_, i) => ({
    index: i + 1,
    paths: resultPaths(source, template, i + 1, conversion)
  }));
}
