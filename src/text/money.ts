/**
 * Money as whole micro-dollars (millionths of a USD), the unit Ideogram quotes and bills in: integers end to end,
 * never floats, so sums and caps are exact.
 */
export type UsdMicros = number;

const MICROS_PER_USD = 1_000_000;

/** `'1.5'` → 1500000; undefined unless it is a plain non-negative amount with at most six decimals. */
export function parseUsd(raw: string): UsdMicros | undefined {
  const match = /^\$?(\d{1,9})(?:\.(\d{1,6}))?$/.exec(raw.trim());
  if (!match) return undefined;
  return Number(match[1]) * MICROS_PER_USD + Number((match[2] ?? '').padEnd(6, '0'));
}

/** 125830 → `$0.12583`, 1000000 → `$1.00`: every non-zero micro shown, at least cents. */
export function formatUsd(micros: UsdMicros): string {
  const whole = Math.floor(micros / MICROS_PER_USD);
  const fraction = String(micros % MICROS_PER_USD)
    .padStart(6, '0')
    .replace(/0+$/, '')
    .padEnd(2, '0');
  return `$${whole}.${fraction}`;
}

/** A price quote as reported: integers in micro-USD; an estimate may cost up to its upper bound. */
export interface QuoteRecord {
  readonly usdMicros: number;
  readonly qualifier: 'exact' | 'estimate';
  readonly upperBoundUsdMicros?: number;
  readonly creditMillis?: number;
}

/** `$0.12583 (exact, 12.583 credits)`, or `about $0.2 (estimate, at most $0.3)`: a quote as it may be relied on. */
export function quoteText(quote: QuoteRecord): string {
  const credits = quote.creditMillis === undefined ? '' : `, ${quote.creditMillis / 1000} credits`;
  if (quote.qualifier === 'exact') return `${formatUsd(quote.usdMicros)} (exact${credits})`;
  const bound = quote.upperBoundUsdMicros === undefined ? '' : `, at most ${formatUsd(quote.upperBoundUsdMicros)}`;
  return `about ${formatUsd(quote.usdMicros)} (estimate${bound}${credits})`;
}
