import { ExpectedFailure } from '../../domain/failure.js';
import type { DocumentStatus, DocumentType } from '../../domain/sales-document.js';
import type { DocumentResource } from './dolibarr-client.js';

/**
 * navette's document types and statuses in Dolibarr's words (gescom-model.md): quote → proposal,
 * order → order, invoice → invoice. Dolibarr has no delivery note of its own over REST nor credit
 * notes navette makes, so those are refused.
 */
const RESOURCES: Readonly<Partial<Record<DocumentType, DocumentResource>>> = {
  quote: 'proposals',
  order: 'orders',
  invoice: 'invoices',
};

const TYPES: Readonly<Record<DocumentResource, DocumentType>> = {
  proposals: 'quote',
  orders: 'order',
  invoices: 'invoice',
};

/** The chain's resources, lowest rank first (a key's head is the last one holding it). */
export const CHAIN: readonly DocumentResource[] = ['proposals', 'orders', 'invoices'];

/** Drafts are numbered `(PROVn)` in each resource: navette shows them prefixed, so they never collide. */
const DRAFT_PREFIX: Readonly<Record<DocumentResource, string>> = {
  proposals: 'PR',
  orders: 'CO',
  invoices: 'FA',
};

export function resourceFor(type: DocumentType): DocumentResource {
  const resource = RESOURCES[type];
  if (resource === undefined)
    throw new ExpectedFailure(
      'transform-unsupported',
      `Dolibarr ne reçoit de navette que des devis (propositions commerciales), des commandes et des factures : le type « ${type} » est à changer dans le tableau des statuts.`,
    );
  return resource;
}

export function typeOf(resource: DocumentResource): DocumentType {
  return TYPES[resource];
}

export function rankOf(resource: DocumentResource): number {
  return CHAIN.indexOf(resource);
}

/** Dolibarr's status (an int for proposals, digits for orders and invoices) in navette's words. */
export function statusOf(
  resource: DocumentResource,
  status: number | null,
): { readonly status: DocumentStatus; readonly cancelled: boolean } {
  const value = status ?? 0;
  if (resource === 'proposals') {
    // 0 draft, 1 validated, 2 signed, 3 not signed, 4 billed.
    if (value === 3) return { status: 'confirmed', cancelled: true };
    return { status: value === 0 ? 'draft' : value === 1 ? 'confirmed' : 'accepted', cancelled: false };
  }
  if (resource === 'orders') {
    // -1 cancelled, 0 draft, 1 validated, 2 shipment in progress, 3 closed.
    if (value === -1) return { status: 'confirmed', cancelled: true };
    return { status: value === 0 ? 'draft' : 'confirmed', cancelled: false };
  }
  // 0 draft, 1 unpaid, 2 paid, 3 abandoned.
  if (value === 3) return { status: 'confirmed', cancelled: true };
  return { status: value === 0 ? 'draft' : value === 1 ? 'confirmed' : 'accepted', cancelled: false };
}

/** The number navette shows: Dolibarr's ref, a draft's `(PROVn)` prefixed by its resource. */
export function documentNumber(resource: DocumentResource, ref: string): string {
  return ref.startsWith('(PROV') ? `${DRAFT_PREFIX[resource]}${ref}` : ref;
}

/** A draft's number read back into its resource and id, without asking Dolibarr. */
export function parseDraftNumber(number: string): { resource: DocumentResource; id: number } | undefined {
  const match = /^(PR|CO|FA)\(PROV(\d+)\)$/.exec(number);
  if (!match) return undefined;
  const resource = CHAIN.find((candidate) => DRAFT_PREFIX[candidate] === match[1]);
  return resource === undefined ? undefined : { resource, id: Number(match[2]) };
}

/** A `YYYY-MM-DD` day as the timestamp sent: noon UTC, so that the server's time zone keeps the day. */
export function dayToTimestamp(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T12:00:00Z`) / 1000);
}

/** Dolibarr's midnight of the day in its time zone, read back as that day (±12 h of UTC). */
export function timestampToDay(timestamp: number | null): string {
  if (timestamp === null) return '';
  return new Date((timestamp + 12 * 3600) * 1000).toISOString().slice(0, 10);
}
