import { createHash } from 'node:crypto';
import type { DocumentAddress, SalesDocumentDraft } from '../../domain/sales-document.js';
import { truncateText } from '../../domain/truncate.js';
import type { DocumentResource, DolibarrClient } from './dolibarr-client.js';
import type { WireContact } from './wire-schemas.js';

/** llx_socpeople: `lastname` varchar(50), `address` varchar(255), `zip` varchar(25), `town` varchar(255). */
const LIMITS = { lastname: 50, address: 255, zip: 25, town: 255, phone: 30 } as const;

/** What places an address: a different phone alone is the same place. */
function place(address: DocumentAddress): string {
  return [
    address.name,
    address.company,
    address.line1,
    address.line2,
    address.postcode,
    address.city,
    address.countryIso,
  ]
    .map((part) => part.trim().toLowerCase())
    .join('\n');
}

/** Whether the order is delivered elsewhere than it is billed (SPEC §3.1: then a shipping contact). */
export function deliveredElsewhere(draft: SalesDocumentDraft): DocumentAddress | undefined {
  const delivery = draft.deliveryAddress;
  if (delivery === undefined || draft.billingAddress === undefined) return undefined;
  return place(delivery) === place(draft.billingAddress) ? undefined : delivery;
}

/**
 * The contact's `ref_ext`: the address's fingerprint, so that the same delivery address of the same
 * customer is one contact however many orders go there (and a contact edited in Dolibarr stays used).
 */
export function addressKey(address: DocumentAddress): string {
  return `ps-adr-${createHash('sha256').update(place(address)).digest('hex').slice(0, 16)}`;
}

/** The contact as Dolibarr stores it: the person (or the company) and the address, cut to its columns. */
function contactFields(address: DocumentAddress): Record<string, string> {
  const person = address.name.trim() === '' ? address.company : address.name;
  return {
    lastname: truncateText(person, LIMITS.lastname),
    // Dolibarr's contact has no company of its own (it belongs to the third party's): it heads the
    // address, one part a line (the parts are already cut to 35 and 69 characters: within 255).
    address: [address.name.trim() === '' ? '' : address.company, address.line1, address.line2]
      .map((part) => truncateText(part, LIMITS.address))
      .filter((part) => part !== '')
      .join('\n'),
    zip: truncateText(address.postcode, LIMITS.zip),
    town: truncateText(address.city, LIMITS.town),
    country_code: address.countryIso,
    phone_pro: truncateText(address.phone, LIMITS.phone),
  };
}

function sameContact(found: WireContact, key: string, fields: Record<string, string>): boolean {
  if (found.ref_ext === key) return true;
  const same = (a: string | null, b: string | undefined) =>
    (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
  return (
    same(found.lastname, fields.lastname) &&
    same(found.address, fields.address) &&
    same(found.zip, fields.zip) &&
    same(found.town, fields.town)
  );
}

/**
 * The delivery address as the shipping contact (role `SHIPPING`) of a document, when it differs from the
 * billing address. The contact is looked up among the third party's contacts first (by the address's
 * `ref_ext`, or a contact with the same name and address), created only when missing: a repeated import
 * or another order to the same address never makes a second one. Contacts are read once per third
 * party for the target's life: one call for the list, one to create a new address, then one per
 * document for the role.
 */
export class ShippingContacts {
  readonly #byThirdParty = new Map<number, Promise<WireContact[]>>();

  constructor(private readonly client: DolibarrClient) {}

  /** Gives the document its shipping contact when the draft is delivered elsewhere; nothing otherwise. */
  async attach(
    where: { readonly resource: DocumentResource; readonly id: number },
    thirdPartyId: number,
    draft: SalesDocumentDraft,
  ): Promise<void> {
    const delivery = deliveredElsewhere(draft);
    if (delivery === undefined) return;
    const contactId = await this.contactFor(thirdPartyId, delivery);
    await this.client.addDocumentContact(where.resource, where.id, contactId, 'SHIPPING');
  }

  /**
   * The shipping contact of `from` given to the document made from it (`createfromproposal`,
   * `createfromorder`): Dolibarr copies a document's contacts only while
   * `MAIN_PROPAGATE_CONTACTS_FROM_ORIGIN` is on — the default, but a `0` there loses the delivery
   * address (real exchanges 028–033). One call to read the source's role, one more when it has one
   * (Dolibarr says when the copy already has it).
   */
  async carryOver(
    from: { readonly resource: DocumentResource; readonly id: number },
    to: { readonly resource: DocumentResource; readonly id: number },
  ): Promise<void> {
    const roles = await this.client.documentContacts(from.resource, from.id, 'SHIPPING');
    for (const role of roles)
      if (role.source === 'external')
        await this.client.addDocumentContact(to.resource, to.id, role.id, 'SHIPPING');
  }

  /** Forgets the contacts read (some deleted in Dolibarr meanwhile). */
  forget(): void {
    this.#byThirdParty.clear();
  }

  private async contactFor(thirdPartyId: number, address: DocumentAddress): Promise<number> {
    const key = addressKey(address);
    const fields = contactFields(address);
    const contacts = await this.contactsOf(thirdPartyId);
    const found = contacts.find((contact) => sameContact(contact, key, fields));
    if (found) return found.id;
    const id = await this.client.create('contacts', { socid: thirdPartyId, ref_ext: key, ...fields });
    contacts.push({
      id,
      socid: thirdPartyId,
      ref_ext: key,
      lastname: fields.lastname ?? null,
      firstname: null,
      address: fields.address ?? null,
      zip: fields.zip ?? null,
      town: fields.town ?? null,
      country_code: fields.country_code ?? null,
    });
    return id;
  }

  private contactsOf(thirdPartyId: number): Promise<WireContact[]> {
    let known = this.#byThirdParty.get(thirdPartyId);
    if (known === undefined) {
      known = this.client.contactsOf(thirdPartyId);
      this.#byThirdParty.set(thirdPartyId, known);
      // A failed read is asked again next time, not remembered.
      known.catch(() => this.#byThirdParty.delete(thirdPartyId));
    }
    return known;
  }
}
