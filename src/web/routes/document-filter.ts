import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  type DocumentStatus,
  type DocumentType,
} from '../../domain/sales-document.js';
import type { DocumentFilter } from '../../ports/gescom-target.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The documents list's filter from the query string; anything malformed is ignored, not trusted. */
export function documentFilter(query: (name: string) => string | undefined): DocumentFilter {
  const type = query('type');
  const status = query('status');
  const from = query('from');
  const to = query('to');
  const customer = query('customer')?.trim().slice(0, 100);
  return {
    ...(DOCUMENT_TYPES.includes(type as DocumentType) ? { type: type as DocumentType } : {}),
    ...(DOCUMENT_STATUSES.includes(status as DocumentStatus) ? { status: status as DocumentStatus } : {}),
    ...(from !== undefined && DAY.test(from) ? { from } : {}),
    ...(to !== undefined && DAY.test(to) ? { to } : {}),
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
