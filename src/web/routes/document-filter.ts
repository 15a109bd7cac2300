import type { DocumentFilter } from '../../app/navette.js';
import { parseDay, parseDocumentStatus, parseDocumentType } from '../../domain/input-values.js';

/**
 * The documents list's filter from the query string, read by the parsers the CLI uses (types and
 * statuses by code or French name, days that exist, typed AAAA-MM-JJ or JJ/MM/AAAA); anything malformed is ignored, not trusted.
 */
export function documentFilter(query: (name: string) => string | undefined): DocumentFilter {
  const type = query('type');
  const status = query('status');
  const from = query('from');
  const to = query('to');
  const customer = query('customer')?.trim().slice(0, 100);
  const parsedType = type === undefined || type === '' ? undefined : parseDocumentType(type);
  const parsedStatus = status === undefined || status === '' ? undefined : parseDocumentStatus(status);
  const parsedFrom = from === undefined ? undefined : parseDay(from, 'du');
  const parsedTo = to === undefined ? undefined : parseDay(to, 'au');
  return {
    ...(parsedType?.ok ? { type: parsedType.value } : {}),
    ...(parsedStatus?.ok ? { status: parsedStatus.value } : {}),
    ...(parsedFrom?.ok ? { from: parsedFrom.value } : {}),
    ...(parsedTo?.ok ? { to: parsedTo.value } : {}),
    ...(customer !== undefined && customer !== '' ? { customer } : {}),
  };
}

export function filterQuery(filter: DocumentFilter): string {
  const params = new URLSearchParams();
  for (const name of ['type', 'status', 'from', 'to', 'customer'] as const) {
    const value = filter[name];
    if (value !== undefined) params.set(name, value);
  }
  return params.toString();
}
