import { describe, expect, test } from '@jest/globals';
import { countsLine, escapeHtml, resultLine, retryLine } from '../../src/report/presentation.js';
import type { SourceResult } from '../../src/state/results.js';

const output = { path: 'upscaled/a.png', resolution: '2048x1280', seed: 7, prompt: null };

describe('resultLine', () => {
  test.each<[SourceResult, string]>([
    [
      { source: 'a.png', status: 'upscaled', outputs: [output], seconds: 4.12 },
      '[3/12] a.png → upscaled/a.png 2048x1280 (4.1 s)'
    ],
    [
      { source: 'a.png', status: 'upscaled', outputs: [output, { ...output, path: 'b.png', resolution: null }] },
      '[3/12] a.png → upscaled/a.png 2048x1280, b.png'
    ],
    [
      {
        source: 'a.png',
        status: 'upscaled',
        outputs: [{ ...output, path: 'upscaled/a.webp' }],
        seconds: 0.3,
        convertedFrom: ['upscaled/a.png']
      },
      '[3/12] a.png → converted from upscaled/a.png, nothing sent; upscaled/a.webp 2048x1280 (0.3 s)'
    ],
    [
      { source: 'a.png', status: 'failed', outputs: [], error: 'HTTP 400', seconds: 1 },
      '[3/12] a.png failed: HTTP 400 (1.0 s)'
    ],
    [{ source: 'a.png', status: 'unsafe', outputs: [] }, "[3/12] a.png withheld by Ideogram's safety check"],
    [{ source: 'a.png', status: 'skipped', outputs: [], error: 'unchanged' }, '[3/12] a.png skipped: unchanged'],
    [{ source: 'a.png', status: 'deferred', outputs: [], error: 'max-images' }, '[3/12] a.png deferred: max-images']
  ])('%j', (result, line) => {
    expect(resultLine(result, 3, 12)).toBe(line);
  });
});

test('countsLine counts every status and the total', () => {
  const of = (status: SourceResult['status']): SourceResult => ({ source: 'x', status, outputs: [] });
  expect(countsLine([of('upscaled'), of('upscaled'), of('failed'), of('skipped'), of('deferred')])).toBe(
    '2 upscaled, 1 failed, 0 unsafe, 1 skipped, 1 deferred, of 5.'
  );
  expect(countsLine([])).toBe('0 upscaled, 0 failed, 0 unsafe, 0 skipped, 0 deferred, of 0.');
});

test('retryLine says what failed, how long until the next try and which retry it is', () => {
  expect(retryLine('a.png', { error: new Error('Ideogram answered HTTP 503'), delayMs: 400, retry: 1 })).toBe(
    '  a.png: Ideogram answered HTTP 503 (trying again in 0.4 s, retry 1)'
  );
});

describe('escapeHtml', () => {
  const decode = (html: string): string =>
    html.replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? ''
    );

  test.each([
    '<img src=x onerror=alert(1)>',
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    'a &amp; b',
    '&#60;already&#62;',
    'plain name.png'
  ])('%s reads as the same text and can open no tag, attribute or entity', text => {
    const html = escapeHtml(text);
    expect(html).not.toMatch(/[<>"']/);
    expect(html.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
    expect(decode(html)).toBe(text);
  });
});
