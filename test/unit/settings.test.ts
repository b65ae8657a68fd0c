import { describe, expect, test } from '@jest/globals';
import { isAbsolute, resolve } from 'node:path';
import { Input, InputError } from '../../src/inputs/inputs.js';
import type { LegacySettings, V2Settings } from '../../src/providers/ideogram/settings.js';
import { DEFAULT_FILES, readSettings, type Settings } from '../../src/settings/settings.js';
import { inflightBounds } from '../../src/providers/ideogram/inflight-limiter.js';

type Inputs = Partial<Record<Input, string>>;

/** Reads settings the way the runner hands them over: every input a string, unset ones empty. */
function read(inputs: Inputs = {}, workspace = '/tmp/ws'): Settings {
  const all: Inputs = { [Input.ApiKey]: 'secret-key', ...inputs };
  return readSettings(name => all[name] ?? '', workspace);
}

/** The provider settings, which must be Ideogram's legacy endpoint. */
function ideogram(settings: Settings): LegacySettings {
  if (settings.provider.kind !== 'legacy') throw new Error('expected the legacy endpoint');
  return settings.provider;
}

/** The provider settings, which must be a v2 model's. */
function v2(settings: Settings): V2Settings {
  if (settings.provider.kind !== 'v2') throw new Error('expected a v2 model');
  return settings.provider;
}

/** The InputError message `readSettings` throws for these inputs. */
function errorFor(inputs: Inputs): string {
  try {
    read(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${JSON.stringify(inputs)}`);
}

describe('defaults', () => {
  test('empty inputs fall back to the documented defaults', () => {
    const settings = read();
    expect(settings).toMatchObject({
      provider: { kind: 'legacy', apiKey: 'secret-key' },
      output: { imagesPerSource: 1 },
      publishing: { mode: 'artifact', artifactName: 'upscaled-images', retentionDays: undefined },
      transport: {
        concurrency: { kind: 'auto' },
        maxRetries: 4,
        requestTimeoutMs: 180_000,
        rateLimitWaitMs: 600_000,
        retryTimeouts: false
      },
      discovery: { maxFileBytes: 10 * 1024 * 1024 },
      failOnError: true,
      dryRun: false
    });
    expect(ideogram(settings).apiUrl.href).toBe('https://api.ideogram.ai/');
    expect(settings.output.template.pattern).toBe('upscaled/{dir}/{name}.{ext}');
    expect(settings.discovery.patterns).toEqual(DEFAULT_FILES.split('\n'));
    expect(settings.discovery.patterns).toContain('!**/node_modules/**');
  });

  test('inputs made only of spaces count as empty', () => {
    const settings = read({ [Input.Concurrency]: '   ', [Input.MaxRetries]: ' ', [Input.Resemblance]: '  ' });
    expect(settings.transport.concurrency).toEqual({ kind: 'auto' });
    expect(settings.transport.maxRetries).toBe(4);
    expect(ideogram(settings).request).toEqual({});
  });

  test('no API field set: image_request serialises to {} so the API applies its own defaults', () => {
    const settings = read();
    expect(ideogram(settings).request).toEqual({});
    expect(JSON.stringify(ideogram(settings).request)).toBe('{}');
  });

  test('only the API fields that were set go into image_request', () => {
    const settings = read({ [Input.Prompt]: 'a red fox', [Input.Detail]: '70' });
    expect(JSON.parse(JSON.stringify(ideogram(settings).request))).toEqual({ prompt: 'a red fox', detail: 70 });
    expect(Object.keys(ideogram(settings).request).sort()).toEqual(['detail', 'prompt']);
  });

  test('every API field, typed as the API wants (numbers as numbers, enums in upper case)', () => {
    const settings = read({
      [Input.Prompt]: 'harbour at dawn',
      [Input.Resemblance]: '1',
      [Input.Detail]: '100',
      [Input.MagicPromptOption]: 'off',
      [Input.MagicPromptVersion]: 'v_0_8',
      [Input.NumImages]: '3',
      [Input.Seed]: '2147483647'
    });
    expect(ideogram(settings).request).toEqual({
      prompt: 'harbour at dawn',
      resemblance: 1,
      detail: 100,
      magic_prompt_option: 'OFF',
      magic_prompt_version: 'V_0_8',
      num_images: 3,
      seed: 2147483647
    });
    expect(settings.output.imagesPerSource).toBe(3);
  });

  test('the other settings are converted to the units the code uses', () => {
    const settings = read({
      [Input.RequestTimeout]: '30',
      [Input.RateLimitWait]: '0',
      [Input.MaxFileSize]: '25',
      [Input.RetentionDays]: '7',
      [Input.MaxRetries]: '0',
      [Input.RetryTimeouts]: 'TRUE',
      [Input.FailOnError]: 'False',
      [Input.Publish]: 'NONE'
    });
    expect(settings).toMatchObject({
      transport: { requestTimeoutMs: 30_000, rateLimitWaitMs: 0, maxRetries: 0, retryTimeouts: true },
      discovery: { maxFileBytes: 25 * 1024 * 1024 },
      publishing: { retentionDays: 7, mode: 'none' },
      failOnError: false
    });
  });

  test('the workspace is made absolute', () => {
    const settings = read({}, 'some/relative/dir');
    expect(isAbsolute(settings.workspace)).toBe(true);
    expect(settings.workspace).toBe(resolve('some/relative/dir'));
  });
});

describe('range errors name the input, the value and the allowed range', () => {
  test.each<[Input, string, string]>([
    [Input.Resemblance, '0', 'from 1 to 100'],
    [Input.Resemblance, '101', 'from 1 to 100'],
    [Input.Resemblance, '50.5', 'from 1 to 100'],
    [Input.Detail, '-3', 'from 1 to 100'],
    [Input.Detail, 'lots', 'from 1 to 100'],
    [Input.NumImages, '0', 'from 1 to 8'],
    [Input.NumImages, '9', 'from 1 to 8'],
    [Input.Seed, '-1', 'from 0 to 2147483647'],
    [Input.Seed, '2147483648', 'from 0 to 2147483647'],
    [Input.RateLimitWait, '3601', 'from 0 to 3600'],
    [Input.RateLimitWait, '-1', 'from 0 to 3600'],
    [Input.Seed, '1e3', 'from 0 to 2147483647'],
    [Input.RetentionDays, '0', 'from 1 to 90'],
    [Input.RetentionDays, '91', 'from 1 to 90'],
    [Input.MaxRetries, '11', 'from 0 to 10'],
    [Input.MaxRetries, '-1', 'from 0 to 10'],
    [Input.RequestTimeout, '0', 'from 1 to 3600'],
    [Input.RequestTimeout, '3601', 'from 1 to 3600'],
    [Input.MaxFileSize, '26', 'from 1 to 25'],
    [Input.MaxFileSize, '0', 'from 1 to 25'],
    [Input.Concurrency, '0', 'from 1 to 64'],
    [Input.Concurrency, '65', 'from 1 to 64'],
    [Input.Concurrency, 'many', 'from 1 to 64']
  ])("%s = '%s' is refused", (input, value, range) => {
    const message = errorFor({ [input]: value });
    expect(message).toContain(`'${input}'`);
    expect(message).toContain(`'${value}'`);
    expect(message).toContain(range);
  });

  test('the bounds themselves are accepted', () => {
    const settings = read({
      [Input.Resemblance]: '100',
      [Input.Detail]: '1',
      [Input.NumImages]: '8',
      [Input.Seed]: '0',
      [Input.RetentionDays]: '90',
      [Input.MaxRetries]: '10',
      [Input.RequestTimeout]: '3600',
      [Input.MaxFileSize]: '1',
      [Input.Concurrency]: '64'
    });
    expect(ideogram(settings).request).toMatchObject({ resemblance: 100, detail: 1, num_images: 8, seed: 0 });
    expect(settings.publishing.retentionDays).toBe(90);
  });
});

describe('enum errors name the input, the value and the choices', () => {
  test.each<[Input, string, string[]]>([
    [Input.MagicPromptOption, 'MAYBE', ['AUTO', 'ON', 'OFF']],
    [Input.MagicPromptVersion, 'V_1', ['V_0', 'V_0_1', 'V_0_8']],
    [Input.Publish, 'email', ['artifact', 'none']],
    [Input.Provider, 'openai', ['ideogram', 'local']],
    [Input.DryRun, 'yes', ['true', 'false']],
    [Input.FailOnError, '1', ['true', 'false']],
    [Input.RetryTimeouts, 'on', ['true', 'false']]
  ])("%s = '%s' is refused", (input, value, allowed) => {
    const message = errorFor({ [input]: value });
    expect(message).toContain(`'${input}'`);
    expect(message).toContain(`'${value}'`);
    for (const option of allowed) expect(message).toContain(option);
  });

  test.each(['commit', 'both'])("publish '%s' needs a github-token, and says so", mode => {
    const message = errorFor({ [Input.Publish]: mode });
    expect(message).toContain(`'${Input.GithubToken}'`);
    expect(message).toContain(mode);
  });
});

describe('api-key', () => {
  test('is required to send anything to Ideogram', () => {
    const message = errorFor({ [Input.ApiKey]: '' });
    expect(message).toContain(`'${Input.ApiKey}'`);
    expect(message).toMatch(/required/);
  });

  test('a key of only spaces is no key', () => {
    expect(errorFor({ [Input.ApiKey]: '   ' })).toContain(`'${Input.ApiKey}'`);
  });

  test('is not needed in a dry run', () => {
    const settings = read({ [Input.ApiKey]: '', [Input.DryRun]: 'true' });
    expect(settings.dryRun).toBe(true);
    expect(ideogram(settings).apiKey).toBe('');
  });

  test('is not needed with the local provider', () => {
    const settings = read({ [Input.ApiKey]: '', [Input.Provider]: 'LOCAL' });
    expect(settings.provider.kind).toBe('local');
  });
});

describe('api-url', () => {
  test.each(['http://api.ideogram.ai', 'http://10.0.0.5:8080', 'ftp://api.ideogram.ai'])(
    "refuses '%s': the key would travel in clear text",
    url => {
      const message = errorFor({ [Input.ApiUrl]: url });
      expect(message).toContain(`'${Input.ApiUrl}'`);
      expect(message).toContain(url);
      expect(message).toMatch(/https/);
    }
  );

  // BUG (src/settings.ts, reported): any host *name* starting with "127." counts as loopback, so
  // http://127.attacker.example would otherwise get the API key over plain http.
  test('refuses plain http to a host name that merely starts with 127.', () => {
    expect(() => read({ [Input.ApiUrl]: 'http://127.attacker.example' })).toThrow(InputError);
  });

  test.each(['http://localhost:8080', 'http://127.0.0.1:9999', 'http://127.1.2.3', 'http://[::1]:3000'])(
    "accepts plain http to the loopback host '%s'",
    url => {
      expect(ideogram(read({ [Input.ApiUrl]: url })).apiUrl.protocol).toBe('http:');
    }
  );

  test('accepts https with a base path', () => {
    expect(ideogram(read({ [Input.ApiUrl]: 'https://proxy.example.com/ideogram/' })).apiUrl.href).toBe(
      'https://proxy.example.com/ideogram/'
    );
  });

  test('refuses credentials in the URL without echoing them', () => {
    const message = errorFor({ [Input.ApiUrl]: 'https://user:hunter2@api.ideogram.ai' });
    expect(message).toContain(`'${Input.ApiUrl}'`);
    expect(message).toMatch(/credentials/);
    expect(message).not.toContain('hunter2');
  });

  test.each(['https://api.ideogram.ai/?key=1', 'https://api.ideogram.ai/#x'])(
    "refuses query or fragment in '%s'",
    url => {
      expect(errorFor({ [Input.ApiUrl]: url })).toMatch(/query or fragment/);
    }
  );

  test('refuses something that is not a URL, naming it', () => {
    const message = errorFor({ [Input.ApiUrl]: 'api.ideogram.ai' });
    expect(message).toContain(`'${Input.ApiUrl}'`);
    expect(message).toContain("'api.ideogram.ai'");
  });
});

describe('concurrency', () => {
  test("'auto' (any case) starts at the documented limit and may probe up to 64", () => {
    const settings = read({ [Input.Concurrency]: 'AUTO' });
    expect(settings.transport.concurrency).toEqual({ kind: 'auto' });
    expect(inflightBounds(settings.transport.concurrency)).toEqual({ initial: 10, ceiling: 64 });
  });

  test('a number is a hard bound: start and ceiling both', () => {
    const settings = read({ [Input.Concurrency]: '6' });
    expect(settings.transport.concurrency).toEqual({ kind: 'fixed', places: 6 });
    expect(inflightBounds(settings.transport.concurrency)).toEqual({ initial: 6, ceiling: 6 });
  });

  test('a fixed number below num-images with a seed is refused: the seed makes one request, which could never fit', () => {
    const message = errorFor({ [Input.Concurrency]: '3', [Input.NumImages]: '4', [Input.Seed]: '7' });
    expect(message).toBe(
      "Input 'concurrency' (3) must be at least 'num-images' (4) when 'seed' is set: a seed makes a source's images one request, which takes that many places."
    );
  });

  test.each([1, 2, 3])(
    '%i place(s) for num-images 4 without a seed: the images are asked for as many at a time',
    places => {
      expect(read({ [Input.Concurrency]: String(places), [Input.NumImages]: '4' }).transport.concurrency).toEqual({
        kind: 'fixed',
        places
      });
    }
  );

  test('a fixed number equal to num-images, or auto with num-images 8, is fine', () => {
    expect(read({ [Input.Concurrency]: '4', [Input.NumImages]: '4' }).transport.concurrency).toEqual({
      kind: 'fixed',
      places: 4
    });
    expect(read({ [Input.NumImages]: '8' }).transport.concurrency).toEqual({ kind: 'auto' });
  });
});

describe('artifact-name', () => {
  test.each(['my/images', 'a\\b', 'a:b', 'what?', 'star*', 'pipe|x', '<x>', 'say "hi"'])("refuses '%s'", name => {
    const message = errorFor({ [Input.ArtifactName]: name });
    expect(message).toContain(`'${Input.ArtifactName}'`);
    expect(message).toContain(name);
  });

  test('accepts an ordinary name with spaces, dots and apostrophes', () => {
    expect(read({ [Input.ArtifactName]: 'upscaled images v2.1' }).publishing.artifactName).toBe('upscaled images v2.1');
    expect(read({ [Input.ArtifactName]: "bob's images" }).publishing.artifactName).toBe("bob's images");
  });
});

describe('files', () => {
  test('only exclusions is refused: it would match nothing', () => {
    const message = errorFor({ [Input.Files]: '!**/*.png\n!docs/**' });
    expect(message).toContain(`'${Input.Files}'`);
    expect(message).toMatch(/exclusion/);
  });

  test('blank lines, comments and surrounding spaces are dropped; CRLF is accepted', () => {
    const settings = read({ [Input.Files]: '# images\r\n  assets/**/*.png  \r\n\r\n!assets/tmp/**\n' });
    expect(settings.discovery.patterns).toEqual(['assets/**/*.png', '!assets/tmp/**']);
  });
});

describe('output-path', () => {
  test.each<[string, RegExp]>([
    ['out/{folder}/{name}.{ext}', /unknown placeholder \{folder\}/],
    ['/srv/out/{name}.{ext}', /relative to the workspace/],
    ['C:\\out\\{name}.{ext}', /relative to the workspace/],
    ['../{dir}/{name}.{ext}', /outside the workspace/],
    ['up/../../{dir}/{name}.{ext}', /outside the workspace/],
    ['{dir}/{name}.{ext}', /over their sources/],
    ['./{dir}/{name}.png', /over their sources/]
  ])("refuses '%s'", (template, why) => {
    const message = errorFor({ [Input.OutputPath]: template });
    expect(message).toContain(`'${Input.OutputPath}'`);
    expect(message).toContain(`'${template}'`);
    expect(message).toMatch(why);
  });

  test('with several images per source, -{index} goes before the extension', () => {
    expect(read({ [Input.NumImages]: '2' }).output.template.pattern).toBe('upscaled/{dir}/{name}-{index}.{ext}');
  });

  test('{dir}/{name}.{ext} is fine once -{index} tells results from their sources', () => {
    const settings = read({ [Input.NumImages]: '2', [Input.OutputPath]: '{dir}/{name}.{ext}' });
    expect(settings.output.template.resolve('art/cat.png', 2, 'png')).toBe('art/cat-2.png');
  });
});

describe('max-images', () => {
  test('is no cap when empty, a whole number of images otherwise', () => {
    expect(read().selection.maxImages).toBeUndefined();
    expect(read({ [Input.MaxImages]: '12' }).selection.maxImages).toBe(12);
  });

  test.each(['0', '-3', '2.5', 'ten', '1000001'])('refuses %p, naming the input and the range', raw => {
    expect(errorFor({ [Input.MaxImages]: raw })).toBe(
      `Input 'max-images' must be a whole number from 1 to 1000000; got '${raw}'.`
    );
  });

  test('must hold at least one request of num-images', () => {
    expect(errorFor({ [Input.MaxImages]: '3', [Input.NumImages]: '4' })).toBe(
      "Input 'max-images' (3) must be at least 'num-images' (4): one request asks for that many images."
    );
  });

  test('needs the manifest, which is what lets the next run go on where this one stopped', () => {
    expect(errorFor({ [Input.MaxImages]: '5', [Input.Manifest]: 'none' })).toContain("'manifest' is 'none'");
  });
});

describe('cache', () => {
  test('is on by default, and a boolean', () => {
    expect(read().selection.cache).toBe(true);
    expect(read({ [Input.Cache]: 'false' }).selection.cache).toBe(false);
    expect(errorFor({ [Input.Cache]: 'maybe' })).toBe("Input 'cache' must be one of true, false; got 'maybe'.");
  });
});

describe('reporting and commit guards', () => {
  test('comment is auto unless set, and only auto, always or never', () => {
    expect(read().publishing.comment).toBe('auto');
    expect(read({ [Input.Comment]: 'Never' }).publishing.comment).toBe('never');
    expect(errorFor({ [Input.Comment]: 'sometimes' })).toBe(
      "Input 'comment' must be one of auto, always, never; got 'sometimes'."
    );
  });

  test('results routed to Git LFS are held back unless commit-lfs-paths says otherwise', () => {
    expect(read().publishing.commit.acceptLfs).toBe(false);
    expect(read({ [Input.CommitLfsPaths]: 'true' }).publishing.commit.acceptLfs).toBe(true);
    expect(errorFor({ [Input.CommitLfsPaths]: 'yes' })).toBe(
      "Input 'commit-lfs-paths' must be one of true, false; got 'yes'."
    );
  });
});

describe('every settings error carries its input', () => {
  const flag = (input: Input): string => `--${input}`;
  const inputNames = Object.values(Input);

  test.each<[Input, Inputs]>([
    [Input.Detail, { [Input.Detail]: '150' }],
    [Input.NumImages, { [Input.NumImages]: '0' }],
    [Input.Concurrency, { [Input.Concurrency]: 'lots' }],
    [Input.Concurrency, { [Input.Concurrency]: '2', [Input.NumImages]: '4', [Input.Seed]: '1' }],
    [Input.MaxImages, { [Input.MaxImages]: '2', [Input.NumImages]: '4' }],
    [Input.MaxImages, { [Input.MaxImages]: '5', [Input.Manifest]: 'none' }],
    [Input.ArtifactName, { [Input.ArtifactName]: 'a/b' }],
    [Input.Branch, { [Input.Publish]: 'commit', [Input.GithubToken]: 't', [Input.Branch]: 'a..b' }],
    [Input.CommitAuthor, { [Input.Publish]: 'commit', [Input.GithubToken]: 't', [Input.CommitAuthor]: 'nobody' }],
    [Input.GithubToken, { [Input.Publish]: 'commit' }],
    [Input.Manifest, { [Input.Manifest]: '../elsewhere.json' }],
    [Input.Files, { [Input.Files]: '!assets/**' }],
    [Input.OutputPath, { [Input.OutputPath]: '/absolute/{name}.{ext}' }],
    [Input.ApiUrl, { [Input.ApiUrl]: 'http://example.com' }],
    [Input.ApiKey, { [Input.ApiKey]: ' ' }],
    [Input.Provider, { [Input.Provider]: 'magic' }],
    [Input.DryRun, { [Input.DryRun]: 'maybe' }],
    [Input.Comment, { [Input.Comment]: 'sometimes' }],
    [Input.OutputFormat, { [Input.OutputFormat]: 'gif' }],
    [Input.Quality, { [Input.Quality]: '80' }],
    [Input.MaxWidth, { [Input.MaxWidth]: '0' }]
  ])('%s: the action names it as an input, the CLI as a flag, from the same words (%j)', (input, inputs) => {
    let error: unknown;
    try {
      read(inputs);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InputError);
    const { message } = error as InputError;
    expect((error as InputError).input).toBe(input);
    expect(message.startsWith(`Input '${input}' `)).toBe(true);

    const asFlags = (error as InputError).describe(flag);
    expect(asFlags).toBe(
      `${message.slice('Input '.length).replace(/'([a-z-]+)'/g, (whole, name: string) => (inputNames.includes(name as Input) ? `--${name}` : whole))}`
    );
    for (const name of inputNames) expect(asFlags).not.toContain(`'${name}'`);
  });
});

describe('model: legacy or a v2 upscaler', () => {
  const V2 = (inputs: Inputs): V2Settings => v2(read({ [Input.Model]: 'topaz-standard-2', ...inputs }));

  test("is 'legacy' by default: POST /upscale, exactly as before", () => {
    expect(read().provider.kind).toBe('legacy');
  });

  test.each([
    'auto',
    'topaz-standard-2',
    'topaz-text-refine',
    'topaz-wonder-3-5',
    'topaz-wonder-4',
    'topaz-bloom-2',
    'topaz-redefine',
    'nano-banana-pro'
  ])('%s is a v2 model, asked for one result per source', model => {
    const settings = read({ [Input.Model]: model });
    expect(v2(settings).model.id).toBe(model);
    expect(settings.output.imagesPerSource).toBe(1);
  });

  test('an unknown model is refused, listing the valid ones', () => {
    const message = errorFor({ [Input.Model]: 'topaz-ultra' });
    expect(message).toContain("'model'");
    expect(message).toContain("'topaz-ultra'");
    for (const model of ['legacy', 'auto', 'topaz-bloom-2', 'nano-banana-pro']) expect(message).toContain(model);
  });

  test('the factor is x2 unless given; the tier 2K for nano-banana-pro', () => {
    expect(V2({}).fields).toEqual({ upscale_factor: 'x2' });
    expect(V2({ [Input.UpscaleFactor]: 'X8' }).size).toEqual({ kind: 'factor', factor: 'x8' });
    expect(v2(read({ [Input.Model]: 'nano-banana-pro' })).fields).toEqual({ resolution_tier: '2K' });
  });

  test.each<[string, Inputs, RegExp]>([
    [
      'topaz-wonder-4',
      { [Input.UpscaleFactor]: 'x8' },
      /'upscale-factor' must be one of x2, x4 with model 'topaz-wonder-4'/
    ],
    ['nano-banana-pro', { [Input.UpscaleFactor]: 'x4' }, /'upscale-factor' is not taken by model 'nano-banana-pro'/],
    ['topaz-bloom-2', { [Input.ResolutionTier]: '4K' }, /'resolution-tier' is not taken by model 'topaz-bloom-2'/],
    ['topaz-standard-2', { [Input.Prompt]: 'crisp' }, /'prompt' is not taken by model 'topaz-standard-2'/],
    ['topaz-standard-2', { [Input.Seed]: '7' }, /'seed' is not taken by model 'topaz-standard-2'/],
    ['topaz-standard-2', { [Input.Creativity]: '4' }, /'creativity' is not taken/],
    ['topaz-bloom-2', { [Input.EnhancementStrength]: 'low' }, /'enhancement-strength' is not taken/],
    ['topaz-bloom-2', { [Input.Creativity]: '10' }, /'creativity' must be a whole number from 1 to 9; got '10'/],
    ['topaz-bloom-2', { [Input.Resemblance]: '50' }, /'resemblance' is for the legacy endpoint only/],
    ['auto', { [Input.NumImages]: '2' }, /'num-images' is for the legacy endpoint only/],
    ['topaz-redefine', { [Input.Detail]: '40' }, /'detail' is for the legacy endpoint only/]
  ])('%s with %j is an input error', (model, inputs, why) => {
    expect(errorFor({ [Input.Model]: model, ...inputs })).toMatch(why);
  });

  test.each([Input.UpscaleFactor, Input.Creativity, Input.MaxCost, Input.ModelOptions])(
    "'%s' with model legacy is an input error, not silently dropped",
    input => {
      const value = input === Input.UpscaleFactor ? 'x4' : input === Input.ModelOptions ? '{denoise: 0.1}' : '3';
      const message = errorFor({ [input]: value });
      expect(message).toContain(`'${input}'`);
      expect(message).toMatch(/v2 models/);
    }
  );

  test('each dedicated input goes into the form where the model takes it', () => {
    expect(
      v2(
        read({
          [Input.Model]: 'topaz-bloom-2',
          [Input.UpscaleFactor]: 'x4',
          [Input.Creativity]: '4',
          [Input.Prompt]: 'crisp knit texture',
          [Input.Seed]: '12'
        })
      ).fields
    ).toEqual({ upscale_factor: 'x4', creativity: 4, prompt: 'crisp knit texture', seed: 12 });
    expect(v2(read({ [Input.Model]: 'topaz-wonder-3-5', [Input.EnhancementStrength]: 'Medium' })).fields).toEqual({
      upscale_factor: 'x2',
      enhancement_strength: 'medium'
    });
  });

  test('a dry run with a v2 model needs the key: it asks Ideogram for quotes', () => {
    expect(errorFor({ [Input.ApiKey]: '', [Input.DryRun]: 'true', [Input.Model]: 'auto' })).toMatch(
      /'api-key' is required for a dry run with model 'auto'/
    );
  });
});

describe('model-options', () => {
  const options = (model: string, raw: string): Record<string, unknown> =>
    v2(read({ [Input.Model]: model, [Input.ModelOptions]: raw })).fields;

  test('a YAML map or a JSON object, typed and checked against the model', () => {
    expect(options('topaz-standard-2', 'denoise: 0.3\nsharpen: 1\nsubject_detection: Foreground')).toEqual({
      upscale_factor: 'x2',
      denoise: 0.3,
      sharpen: 1,
      subject_detection: 'foreground'
    });
    expect(options('topaz-redefine', '{"texture": 2, "detail": true, "detail_strength": 7.5}')).toEqual({
      upscale_factor: 'x2',
      texture: 2,
      detail: true,
      detail_strength: 7.5
    });
  });

  test('face enhancement comes with its strength and creativity, or not at all', () => {
    const message = errorFor({
      [Input.Model]: 'topaz-text-refine',
      [Input.ModelOptions]: '{face_enhancement: true, face_enhancement_strength: 0.5}'
    });
    expect(message).toMatch(
      /'face_enhancement' on for model 'topaz-text-refine', which then needs face_enhancement_creativity/
    );
    expect(
      options(
        'topaz-text-refine',
        '{face_enhancement: true, face_enhancement_strength: 0.5, face_enhancement_creativity: 0}'
      )
    ).toMatchObject({ face_enhancement: true });
  });

  test.each<[string, string, RegExp]>([
    [
      'topaz-bloom-2',
      '{denoise: 0.2}',
      /'denoise', which model 'topaz-bloom-2' does not take; its fields: color_preservation/
    ],
    ['auto', '{strength: 0.5}', /model 'auto' does not take; its fields: internal/],
    [
      'topaz-standard-2',
      '{denoise: 1.5}',
      /'denoise' of model 'topaz-standard-2' must be a number from 0 to 1; got 1.5/
    ],
    ['topaz-standard-2', '{strength: 0}', /must be a number from 0.01 to 1; got 0/],
    ['topaz-standard-2', '{sharpen: "high"}', /must be a number from 0 to 1; got "high"/],
    ['topaz-redefine', '{texture: 2.5}', /'texture' of model 'topaz-redefine' must be a whole number from 1 to 5/],
    ['topaz-redefine', '{detail: "yes"}', /'detail' .* must be true or false; got "yes"/],
    ['topaz-standard-2', '{subject_detection: people}', /must be one of all, foreground, background/],
    ['topaz-bloom-2', '{creativity: 5}', /sets 'creativity': use 'creativity' for it/],
    ['topaz-standard-2', '{upscale_factor: x4}', /use 'upscale-factor' for it/],
    ['topaz-standard-2', '[1, 2]', /must be a map of field names to values/],
    ['topaz-standard-2', '{denoise: [', /not valid YAML or JSON/]
  ])('%s with %s is an input error naming the model and what is allowed', (model, raw, why) => {
    expect(errorFor({ [Input.Model]: model, [Input.ModelOptions]: raw })).toMatch(why);
  });
});

describe('max-cost', () => {
  test('is kept in whole micro-dollars, never a float', () => {
    const cap = (raw: string): number | undefined => v2(read({ [Input.Model]: 'auto', [Input.MaxCost]: raw })).maxCost;
    expect(cap('2.50')).toBe(2_500_000);
    expect(cap('$0.000001')).toBe(1);
    expect(cap('12')).toBe(12_000_000);
    expect(cap('0.1')).toBe(100_000);
  });

  test.each(['0', '-1', 'ten', '1.0000001', '1e3', '1,50'])('refuses %p', raw => {
    expect(errorFor({ [Input.Model]: 'auto', [Input.MaxCost]: raw })).toMatch(/'max-cost' must be an amount in USD/);
  });
});

describe('output format and size', () => {
  test('as returned, at full size, unless set', () => {
    expect(read().output.conversion).toEqual({
      format: undefined,
      quality: undefined,
      maxWidth: undefined,
      maxHeight: undefined
    });
  });

  test('each lossy format has its own default quality; a quality and a box are taken as given', () => {
    expect(read({ [Input.OutputFormat]: 'webp' }).output.conversion.quality).toBe(82);
    expect(read({ [Input.OutputFormat]: 'AVIF' }).output.conversion).toMatchObject({ format: 'avif', quality: 60 });
    expect(
      read({ [Input.OutputFormat]: 'jpeg', [Input.Quality]: '40', [Input.MaxWidth]: '1600' }).output.conversion
    ).toEqual({ format: 'jpeg', quality: 40, maxWidth: 1600, maxHeight: undefined });
  });

  test.each([
    [{ [Input.OutputFormat]: 'gif' }, "Input 'output-format' must be one of png, webp, avif, jpeg; got 'gif'."],
    [
      { [Input.OutputFormat]: 'png', [Input.Quality]: '80' },
      "Input 'quality' applies to the lossy formats (webp, avif, jpeg); 'output-format' is png; got '80'."
    ],
    [
      { [Input.Quality]: '80' },
      "Input 'quality' applies to the lossy formats (webp, avif, jpeg); 'output-format' is not set; got '80'."
    ],
    [
      { [Input.OutputFormat]: 'webp', [Input.Quality]: '0' },
      "Input 'quality' must be a whole number from 1 to 100; got '0'."
    ],
    [{ [Input.MaxWidth]: '20000' }, "Input 'max-width' must be a whole number from 1 to 16383; got '20000'."],
    [{ [Input.MaxHeight]: '-5' }, "Input 'max-height' must be a whole number from 1 to 16383; got '-5'."]
  ])('refuses %j', (inputs, message) => {
    expect(errorFor(inputs)).toBe(message);
  });
});
