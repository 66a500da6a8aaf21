import type { Range } from '../content/types.js';

const formats = new Map<string, Intl.NumberFormat>();

/** Formats a figure exactly as the content states it: no rounding, no arithmetic. */
export function money(amount: number, currency: string): string {
  let f = formats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    });
    formats.set(currency, f);
  }
  return f.format(amount);
}

export function moneyRange(range: Range, currency: string): string {
  if (range.openMax) return `${money(range.min, currency)} to over ${money(range.max, currency)}`;
  return range.min === range.max
    ? money(range.min, currency)
    : `${money(range.min, currency)} – ${money(range.max, currency)}`;
}
