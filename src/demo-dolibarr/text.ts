/**
 * A JSON value as the text MySQL would store from it: what PHP's string conversion gives for scalars,
 * the JSON for anything else. Used wherever a request value becomes a column.
 */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}
