import { controlCharacterIn } from '../text/printable.js';
import { InputError, type Input } from './inputs.js';

/** The raw value as messages show it. */
export function quote(value: string): string {
  return `'${value}'`;
}

export function integer<T extends number>(name: Input, raw: string, min: number, max: number): T {
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InputError(name, `must be a whole number from ${min} to ${max}; got ${quote(raw)}.`);
  }
  return value as T;
}

export function oneOf<T extends string>(name: Input, raw: string, allowed: readonly T[]): T {
  const value = allowed.find(option => option.toLowerCase() === raw.toLowerCase());
  if (value === undefined) {
    throw new InputError(name, `must be one of ${allowed.join(', ')}; got ${quote(raw)}.`);
  }
  return value;
}

export function boolean(name: Input, raw: string): boolean {
  return oneOf(name, raw, ['true', 'false']) === 'true';
}

/** An input that may be left empty: undefined then, so the API's own default applies. */
export function optional<T>(input: (name: Input) => string, name: Input, parse: (raw: string) => T): T | undefined {
  const raw = input(name);
  return raw === '' ? undefined : parse(raw);
}

/** A key or token is one word: a space or line break inside it is a pasting accident, and would break the header. */
export function secret(name: Input, raw: string): string {
  const at = [...raw].findIndex(character => /\s/.test(character) || controlCharacterIn(character) !== undefined);
  if (at >= 0) {
    // Never the value itself: it is a secret.
    throw new InputError(
      name,
      `has a space, line break or control character inside it (character ${at + 1} of ${raw.length}); check the secret for a pasted line break.`
    );
  }
  return raw;
}
