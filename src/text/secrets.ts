/**
 * The run's secrets (the API key, the GitHub token, the artifact service's token), so that text from the network
 * can be cleaned of them before it goes anywhere: an error body that echoes the request's headers must not carry
 * the key into the log, the summary, the outputs, the gallery or the manifest.
 */
const secrets = new Set<string>();

export const REDACTED = '***';

/** Adds a secret, in the forms an echo may carry it: as sent, URL-encoded, and escaped inside a JSON string. */
export function registerSecret(value: string): void {
  if (value === '') return;
  for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) secrets.add(form);
  // Longest first, so a secret that contains another is replaced whole; sorted here, not for every line logged.
  longestFirst = [...secrets].sort((a, b) => b.length - a.length);
}

let longestFirst: readonly string[] = [];

/** `text` with every registered secret replaced by `***`. */
export function redact(text: string): string {
  let clean = text;
  for (const secret of longestFirst) clean = clean.replaceAll(secret, REDACTED);
  return clean;
}
