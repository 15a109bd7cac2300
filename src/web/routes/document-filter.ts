import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentStatus,
  type DocumentType,
} from '../../domain/sales-document.js';
import type { DocumentFilter } from '../../ports/gescom-target.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FRENCH_DAY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** The filter's date fields are typed dd/mm/yyyy (French); links carry them as such too. */
function isoDay(text: string | undefined): string | undefined {
  const value = text?.trim();
  if (value === undefined) return undefined;
  const french = FRENCH_DAY.exec(value);
  const iso = french === null ? value : `${french[3]}-${french[2]}-${french[1]}`;
  return DAY.test(iso) ? iso : undefined;
}

/** The documents list's filter from the query string; anything malformed is ignored, not trusted. */
export function documentFilter(query: (name: string) => string | undefined): DocumentFilter {
  const type = query('type');
  const status = query('status');
  const from = isoDay(query('from'));
  const to = isoDay(query('to'));
  const customer = query('customer')?.trim().slice(0, 100);
  return {
    ...(DOCUMENT_TYPES.includes(type as DocumentType) ? { type: type as DocumentType } : {}),
    ...(DOCUMENT_STATUSES.includes(status as DocumentStatus) ? { status: status as DocumentStatus } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
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
