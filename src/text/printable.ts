/**
 * Text from outside (file names, API messages, the user's settings) shown to a person: in the log, an annotation,
 * the job summary, the gallery or a terminal. The runner executes a log line that starts with `::` (after spaces)
 * or holds `##[` as a workflow command, and a line break inside a name would start a new line; so every such text
 * passes through `printable`, which makes control characters visible and defuses both command markers.
 */

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
function isControl(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** Printable ASCII but `\\`: no character of it is escaped. */
const PLAIN = /^[\x20-\x5b\x5d-\x7e]*$/;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

function escape(character: string): string {
  return NAMED[character] ?? `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/** The text on one line, as it reads, with nothing in it a runner or a terminal would act on. */
export function printable(text: string): string {
  // `\` is escaped too, so that an escape in the output always means one character of the input. Most text is
  // plain ASCII, with no character to escape: it is not taken apart.
  let visible = text;
  if (!PLAIN.test(text)) {
    visible = '';
    for (const character of text) visible += isControl(character) || character === '\\' ? escape(character) : character;
  }
  // `##[` anywhere on a line starts a (legacy) command; `::` at its start (after spaces) starts one too, and what
  // is left can start a line only as a whole.
  return visible.replace(/##\[/g, '#\\u0023[').replace(/^(\s*):/, '$1\\u003a');
}

const CONTROL_NAMES: Readonly<Record<string, string>> = {
  '\n': 'line feed',
  '\r': 'carriage return',
  '\t': 'tab',
  '\u2028': 'line separator',
  '\u2029': 'paragraph separator'
};

/**
 * The first control character in a name, described for a message (`line feed, U+000A`), or undefined; such a name
 * is refused as a source. Described in words, with no backslash: a message passes through `printable` on its way
 * out, which would escape an escape a second time (`\\n`).
 */
export function controlCharacterIn(text: string): string | undefined {
  const found = [...text].find(isControl);
  if (found === undefined) return undefined;
  const code = `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CONTROL_NAMES[found];
  return name ? `${name}, ${code}` : code;
}
