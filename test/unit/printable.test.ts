import { describe, expect, test } from '@jest/globals';
import { controlCharacterIn, printable } from '../../src/text/printable.js';

/** What the runner would take as a workflow command on any line of `text`. */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter(line => /^\s*::/.test(line) || line.includes('##['));
}

describe('printable: no text from outside can become a workflow command or a second line', () => {
  const hostile = [
    'a\n::warning::owned.png',
    'a\r::error::owned.png',
    '::set-output name=files::x',
    '  ::add-mask::x',
    '\t::stop-commands::token',
    '\u00a0::notice::x',
    'x ##[warning]v1 command',
    '##[add-mask]secret',
    'a\u2028::warning::x',
    'a\u0085b',
    'bell\u0007 escape\u001b[2J del\u007f',
    'back\\slash',
    'ok.png'
  ];
  test.each(hostile)('%j', text => {
    const shown = printable(text);
    expect(commandLines(shown)).toEqual([]);
    expect(controlCharacterIn(shown)).toBeUndefined();
    // Also as part of a longer line, wherever it is placed.
    expect(commandLines(printable(`  ${text}: failed`))).toEqual([]);
  });

  test('what it changes stays readable and unambiguous', () => {
    expect(printable('line\nbreak\r\ttab')).toBe('line\\nbreak\\r\\ttab');
    expect(printable('esc\u001b')).toBe('esc\\u001b');
    expect(printable('a\\nb')).toBe('a\\\\nb');
    expect(printable('::warning::x')).toBe('\\u003a:warning::x');
    expect(printable('x ##[group]')).toBe('x #\\u0023[group]');
    expect(printable('photos/ünïcødé 🐱 a:b.png')).toBe('photos/ünïcødé 🐱 a:b.png');
  });
});
