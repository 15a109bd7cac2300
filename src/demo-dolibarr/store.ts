import type { Amount } from './amounts.js';
import { DEFAULT_ROUNDING, type RoundingSettings } from './amounts.js';
import { DEFAULT_MODULES } from './reference-data.js';
import type { Row } from './render.js';

/** The three sales documents, by Dolibarr's element names. */
export type DocumentKind = 'propal' | 'commande' | 'facture';

export interface LineRecord {
  id: number;
  row: Row;
  /** Kept as decimals for the totals; the row holds the database strings. */
  totals: { ht: Amount; vat: Amount; ttc: Amount; cht: Amount; cvat: Amount; cttc: Amount };
}

export interface DocumentRecord {
  readonly kind: DocumentKind;
  readonly id: number;
  row: Row;
  lines: LineRecord[];
}

export interface ShipmentRecord {
  readonly id: number;
  row: Row;
  readonly lines: Row[];
  /** `tms` (unix seconds): in the table, filtered on, but not in the answers (`Expedition::fetch`). */
  modified: number;
}

export interface PaymentRecord {
  readonly id: number;
  readonly ref: string;
  readonly refExt: string;
  readonly date: number;
  readonly typeCode: string;
  readonly num: string;
  readonly bankLineId: number | null;
  /** Per invoice id: the amount paid on it. */
  readonly amounts: ReadonlyMap<number, Amount>;
  /** Per invoice id: the same amount in the invoice's currency (`multicurrency_amount`). */
  readonly currencyAmounts?: ReadonlyMap<number, Amount>;
}

export interface AccountLink {
  readonly id: number;
  readonly socid: number;
  readonly site: string;
  readonly key: string;
  readonly created: number;
}

/** The roles each kind of document knows for an external contact (llx_c_type_contact, active ones). */
export const CONTACT_ROLES: Readonly<Record<DocumentKind, readonly string[]>> = {
  propal: ['BILLING', 'CUSTOMER', 'SHIPPING', 'SERVICE'],
  commande: ['BILLING', 'CUSTOMER', 'SHIPPING'],
  facture: ['BILLING', 'SHIPPING', 'SERVICE'],
};

/** A contact linked to a document with a role (`SHIPPING`…): Dolibarr's llx_element_contact. */
export interface ContactLink {
  readonly kind: DocumentKind;
  readonly documentId: number;
  readonly contactId: number;
  readonly type: string;
}

export interface LinkRecord {
  readonly id: number;
  readonly sourceType: string;
  readonly sourceId: number;
  readonly targetType: string;
  readonly targetId: number;
}

export interface ApiUser {
  readonly key: string;
  readonly login: string;
  /** `module:read` / `module:write` rights (e.g. `commande:write`); `undefined` = every right (admin). */
  readonly rights?: ReadonlySet<string>;
  readonly active: boolean;
}

/** The in-memory database of the simulated Dolibarr. */
export class DolibarrStore {
  readonly thirdparties = new Map<number, Row>();
  readonly accounts: AccountLink[] = [];
  /** Contacts (llx_socpeople) and their roles on documents. */
  readonly contacts = new Map<number, Row>();
  readonly contactLinks: ContactLink[] = [];
  readonly products = new Map<number, Row>();
  readonly documents: Record<DocumentKind, Map<number, DocumentRecord>> = {
    propal: new Map(),
    commande: new Map(),
    facture: new Map(),
  };
  readonly payments: PaymentRecord[] = [];
  readonly bankAccounts = new Map<number, Row>();
  readonly bankLines = new Map<number, Row>();
  readonly links: LinkRecord[] = [];
  readonly shipments = new Map<number, ShipmentRecord>();
  readonly users = new Map<string, ApiUser>();
  readonly modules: Set<string> = new Set(DEFAULT_MODULES);
  /**
   * The currencies the multicurrency setup declares (`llx_multicurrency`), with their latest rate. The
   * module declares the company's own when it is enabled; the demo declares USD and GBP beside it.
   */
  readonly currencies = new Map<string, Amount>();
  readonly constants = new Map<string, string>();
  rounding: RoundingSettings = DEFAULT_ROUNDING;
  /** The next auto-increment value of each table. */
  private readonly sequences = new Map<string, number>();
  /** Validated numbers per mask prefix and month (`CO2611` → 6). */
  private readonly numbering = new Map<string, number>();

  constructor(readonly now: () => Date) {}

  /** MySQL's AUTO_INCREMENT: a failed insert may still use a value up, as InnoDB does. */
  nextId(table: string): number {
    const next = this.sequences.get(table) ?? 1;
    this.sequences.set(table, next + 1);
    return next;
  }

  setNextId(table: string, next: number): void {
    this.sequences.set(table, next);
  }

  /** Dolibarr's "mod_*_marbre" numbering: PREFIX + yymm + '-' + counter over the prefix. */
  nextNumber(prefix: string): string {
    const date = this.now();
    const yymm = `${String(date.getUTCFullYear() % 100).padStart(2, '0')}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    const next = (this.numbering.get(prefix) ?? 0) + 1;
    this.numbering.set(prefix, next);
    return `${prefix}${yymm}-${String(next).padStart(4, '0')}`;
  }

  setNumberCounter(prefix: string, used: number): void {
    this.numbering.set(prefix, used);
  }

  /** `MAIN_PROPAGATE_CONTACTS_FROM_ORIGIN`: `*` when unset (conf.class.php), off as `0` or empty. */
  propagatesContacts(): boolean {
    const value = this.constants.get('MAIN_PROPAGATE_CONTACTS_FROM_ORIGIN') ?? '*';
    return value !== '' && value !== '0';
  }

  /**
   * The roles of `from`'s contacts given to `to`, as `add_contact` does for each: a role the new kind of
   * document does not know, or that it already has, is left out.
   */
  copyContactRoles(
    from: { readonly kind: DocumentKind; readonly id: number },
    to: { readonly kind: DocumentKind; readonly id: number },
  ): void {
    for (const link of this.contactLinks.filter((l) => l.kind === from.kind && l.documentId === from.id)) {
      if (!CONTACT_ROLES[to.kind].includes(link.type)) continue;
      const copy = { kind: to.kind, documentId: to.id, contactId: link.contactId, type: link.type };
      if (!this.contactLinks.some((l) => JSON.stringify(l) === JSON.stringify(copy)))
        this.contactLinks.push(copy);
    }
  }

  timestamp(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  /** 00:00 of the timestamp's day, in the server's time zone (UTC). */
  static dayOf(timestamp: number): number {
    return timestamp - (((timestamp % 86400) + 86400) % 86400);
  }

  /** `YYYY-MM-DD HH:MM:SS` in server time, as a few replies give dates. */
  static sqlDate(timestamp: number): string {
    return new Date(timestamp * 1000).toISOString().slice(0, 19).replace('T', ' ');
  }

  moduleOn(name: string): boolean {
    return this.modules.has(name);
  }

  linkedObjectsIds(type: string, id: number): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const link of this.links) {
      let other: [string, number] | undefined;
      if (link.sourceType === type && link.sourceId === id) other = [link.targetType, link.targetId];
      else if (link.targetType === type && link.targetId === id) other = [link.sourceType, link.sourceId];
      if (!other) continue;
      (out[other[0]] ??= {})[String(link.id)] = String(other[1]);
    }
    return out;
  }

  addLink(sourceType: string, sourceId: number, targetType: string, targetId: number): void {
    this.links.push({ id: this.nextId('element_element'), sourceType, sourceId, targetType, targetId });
  }
}
