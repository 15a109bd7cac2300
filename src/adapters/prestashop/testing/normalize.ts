import { Decimal } from '../../../domain/money.js';

/** Decimals as exact text, so that parsed records compare with `toEqual` whatever their source format. */
export function normalize(value: unknown): unknown {
  if (value instanceof Decimal) return `dec:${value.toFixed()}`;
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, normalize(entry)]));
  }
  return value;
}
