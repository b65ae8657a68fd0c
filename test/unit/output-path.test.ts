import { describe, expect, test } from '@jest/globals';
import { OutputTemplate, planOutputs, type OutputPlan } from '../../src/settings/output-path.js';

const DEFAULT = 'upscaled/{dir}/{name}.{ext}';

describe('OutputTemplate.resolve', () => {
  const template = OutputTemplate.parse(DEFAULT, 1);

  test('a file at the workspace root: {dir}/ vanishes whole, no leading or doubled slash', () => {
    expect(template.resolve('photo.png', 1, 'png')).toBe('upscaled/photo.png');
  });

  test('a nested file keeps its folders', () => {
    expect(template.resolve('docs/img/photo.jpeg', 1, 'png')).toBe('upscaled/docs/img/photo.png');
  });

  test('{ext} is the extension passed in (the real format), not the source one', () => {
    expect(template.resolve('a/photo.png', 1, 'jpg')).toBe('upscaled/a/photo.jpg');
  });

  test('only the last extension is dropped from {name}', () => {
    expect(template.resolve('a/archive.v2.final.JPG', 1, 'png')).toBe('upscaled/a/archive.v2.final.png');
  });

  test('a source name that looks like a placeholder is not expanded again', () => {
    expect(template.resolve('a/{dir}$&.png', 1, 'png')).toBe('upscaled/a/{dir}$&.png');
  });

  test('backslashes in the template are read as folder separators', () => {
    expect(OutputTemplate.parse('out\\{dir}\\{name}-big.{ext}', 1).resolve('a/b.png', 1, 'png')).toBe(
      'out/a/b-big.png'
    );
  });

  test('{dir} inside a name, for a root file, leaves no stray characters behind beyond the literal text', () => {
    const flat = OutputTemplate.parse('flat/{name}.{ext}', 1);
    expect(flat.resolve('a/b/c.png', 1, 'png')).toBe('flat/c.png');
  });
});

describe('several images per source', () => {
  test('-{index} is added before the extension', () => {
    const template = OutputTemplate.parse(DEFAULT, 2);
    expect(template.pattern).toBe('upscaled/{dir}/{name}-{index}.{ext}');
    expect(template.resolve('a/photo.png', 1, 'png')).toBe('upscaled/a/photo-1.png');
    expect(template.resolve('photo.png', 2, 'png')).toBe('upscaled/photo-2.png');
  });

  test('a template that does not end in .{ext} gets -{index} at the end', () => {
    expect(OutputTemplate.parse('out/{dir}/{name}', 3).pattern).toBe('out/{dir}/{name}-{index}');
  });

  test('a template that already has {index} is left alone', () => {
    const template = OutputTemplate.parse('out/{index}/{dir}/{name}.{ext}', 2);
    expect(template.pattern).toBe('out/{index}/{dir}/{name}.{ext}');
    expect(template.resolve('a/p.png', 2, 'png')).toBe('out/2/a/p.png');
  });

  test('one image per source: no index added', () => {
    expect(OutputTemplate.parse(DEFAULT, 1).pattern).toBe(DEFAULT);
  });
});

describe('OutputTemplate.parse errors', () => {
  test.each<[string, RegExp]>([
    ['', /must not be empty/],
    ['   ', /must not be empty/],
    ['out/{stem}.{ext}', /unknown placeholder \{stem\}; use \{dir\}, \{name\}, \{ext\} or \{index\}/],
    ['out/{}.{ext}', /unknown placeholder \{\}/],
    ['/abs/{name}.{ext}', /relative to the workspace/],
    ['\\\\server\\share\\{name}.{ext}', /relative to the workspace/],
    ['D:/out/{name}.{ext}', /relative to the workspace/],
    ['../out/{dir}/{name}.{ext}', /outside the workspace/],
    ['{dir}/../../../{name}.{ext}', /outside the workspace/],
    ['{dir}/{name}.{ext}', /over their sources/],
    ['{dir}/{name}.png', /over their sources/],
    ['up/../{dir}/{name}.{ext}', /over their sources/]
  ])("'%s' is refused", (raw, why) => {
    expect(() => OutputTemplate.parse(raw, 1)).toThrow(why);
  });
});

describe('OutputTemplate.matches: discovery must never take a result for a source', () => {
  const sources = ['photo.png', 'a/photo.jpg', 'a/b/c/deep.webp', 'odd (1) [x]+y.png', 'dots.in.name.jpeg'];

  test.each([
    [DEFAULT, 1],
    [DEFAULT, 2],
    ['{dir}/{name}-upscaled.{ext}', 1],
    ['{dir}/{name}.{ext}', 3],
    ['out (v2)/{name}@2x.{ext}', 1],
    ['big/{index}/{dir}/{name}.{ext}', 2],
    ['{name}/{dir}/{index}.{ext}', 2]
  ])("'%s' (%i per source) recognises every result it produces", (raw, perSource) => {
    const template = OutputTemplate.parse(raw, perSource);
    for (const source of sources) {
      for (let index = 1; index <= perSource; index++) {
        for (const ext of ['png', 'jpg', 'webp']) {
          const result = template.resolve(source, index, ext);
          expect({ result, matches: template.matches(result) }).toEqual({ result, matches: true });
        }
      }
    }
  });

  test('the default template does not match ordinary sources', () => {
    const template = OutputTemplate.parse(DEFAULT, 1);
    for (const path of ['photo.png', 'a/b/photo.png', 'upscaled.png', 'upscaledx/photo.png', 'docs/upscaled/x.png']) {
      expect({ path, matches: template.matches(path) }).toEqual({ path, matches: false });
    }
  });

  test('a suffix template does not match the sources beside its results', () => {
    const template = OutputTemplate.parse('{dir}/{name}-upscaled.{ext}', 1);
    expect(template.matches('a/photo-upscaled.png')).toBe(true);
    expect(template.matches('a/photo.png')).toBe(false);
    expect(template.matches('photo.png')).toBe(false);
    expect(template.matches('a/photo-upscaled/x.png')).toBe(false);
  });

  test('with -{index}, a name with a number after a dash matches but a plain one does not', () => {
    const template = OutputTemplate.parse('{dir}/{name}.{ext}', 2);
    expect(template.matches('a/photo-2.png')).toBe(true);
    expect(template.matches('a/photo.png')).toBe(false);
    expect(template.matches('a/photo-final.png')).toBe(false);
  });

  test('results of an earlier run with another num-images are recognised too', () => {
    expect(OutputTemplate.parse(DEFAULT, 2).matches('upscaled/a/photo.png')).toBe(true);
    expect(OutputTemplate.parse(DEFAULT, 1).matches('upscaled/a/photo-2.png')).toBe(true);
  });

  // Regression: the index-less form of {dir}/{name}.{ext} matches every image, so every source was passed over.
  test('{dir}/{name}.{ext} with -{index} added still leaves the sources beside it alone', () => {
    for (const perSource of [2, 8]) {
      const template = OutputTemplate.parse('{dir}/{name}.{ext}', perSource);
      expect(['photo.png', 'a/b/photo.jpg', 'x.webp'].filter(path => template.matches(path))).toEqual([]);
    }
  });

  test('literal characters in the template are not read as regular expression syntax', () => {
    const template = OutputTemplate.parse('out (v2)/{name}.{ext}', 1);
    expect(template.matches('out (v2)/p.png')).toBe(true);
    expect(template.matches('out v2/p.png')).toBe(false);
    expect(template.matches('out (v2)x/p.png')).toBe(false);
  });
});

/** The planned paths of a PNG result (what Ideogram returns), per source. */
function pngPaths(plan: OutputPlan): [string, string[]][] {
  return [...plan.entries()].map(([source, outputs]) => [source, outputs.map(output => output.paths.png)]);
}

describe('planOutputs', () => {
  test('plans every result path before anything is sent, in source order', () => {
    const plan = planOutputs(['z.png', 'a/b.jpg', 'm.webp'], OutputTemplate.parse(DEFAULT, 1), 1);
    expect(pngPaths(plan)).toEqual([
      ['z.png', ['upscaled/z.png']],
      ['a/b.jpg', ['upscaled/a/b.png']],
      ['m.webp', ['upscaled/m.png']]
    ]);
  });

  test('with num-images 3, three numbered paths per source', () => {
    const plan = planOutputs(['a/cat.png'], OutputTemplate.parse(DEFAULT, 3), 3);
    expect(pngPaths(plan)).toEqual([
      ['a/cat.png', ['upscaled/a/cat-1.png', 'upscaled/a/cat-2.png', 'upscaled/a/cat-3.png']]
    ]);
  });

  test('each result has a path per format its bytes may turn out to be, numbered in order', () => {
    const [planned] = planOutputs(['a/cat.png'], OutputTemplate.parse(DEFAULT, 1), 1).get('a/cat.png') ?? [];
    expect(planned).toEqual({
      index: 1,
      paths: { png: 'upscaled/a/cat.png', jpeg: 'upscaled/a/cat.jpg', webp: 'upscaled/a/cat.webp' }
    });
  });

  test('a result that would land on a source only if it came back as JPEG is refused too', () => {
    expect(() =>
      planOutputs(['logo.png', 'logo-big.jpg'], OutputTemplate.parse('{dir}/{name}-big.{ext}', 1), 1)
    ).toThrow("Input 'output-path' would write the result of logo.png over the source logo-big.jpg.");
  });

  test('two sources writing the same file: the error names both and the file', () => {
    expect(() => planOutputs(['a/photo.jpg', 'a/photo.png'], OutputTemplate.parse(DEFAULT, 1), 1)).toThrow(
      /Input 'output-path' makes a\/photo\.jpg and a\/photo\.png both write upscaled\/a\/photo\.png; .* in 'files'\./
    );
  });

  test('a flat template collides across folders', () => {
    expect(() => planOutputs(['x/logo.png', 'y/logo.png'], OutputTemplate.parse('flat/{name}.{ext}', 1), 1)).toThrow(
      /x\/logo\.png and y\/logo\.png both write flat\/logo\.png/
    );
  });

  test('a result landing on another source is refused, naming both', () => {
    expect(() => planOutputs(['a/logo.png', 'logo.png'], OutputTemplate.parse('{name}.{ext}', 1), 1)).toThrow(
      "Input 'output-path' would write the result of a/logo.png over the source logo.png."
    );
  });

  test('a result landing on its own source is refused', () => {
    expect(() => planOutputs(['logo.png'], OutputTemplate.parse('{name}.{ext}', 1), 1)).toThrow(
      /result of logo\.png over the source logo\.png/
    );
  });

  test('a template that only escapes for files at the root is caught here', () => {
    const template = OutputTemplate.parse('{dir}/../big-{name}.{ext}', 1);
    expect(pngPaths(planOutputs(['a/p.png'], template, 1))).toEqual([['a/p.png', ['big-p.png']]]);
    expect(() => planOutputs(['p.png'], template, 1)).toThrow(
      /result of p\.png outside the workspace \(\.\.\/big-p\.png\)/
    );
  });
});
