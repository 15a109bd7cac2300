import type { OutcomeNote, ReasonData } from '../domain/import-report.js';
import type { CustomerSettings } from '../domain/rules.js';
import { type CustomerAccountDraft, type DocumentAddress, FIELD_LIMITS } from '../domain/sales-document.js';
import type { Address, ShopOrder } from '../domain/shop-order.js';
import { customerDisplayName } from '../domain/templates.js';
import { truncateText } from '../domain/truncate.js';

/**
 * The GesCom customer account of an order (SPEC §3.1 "Customer"): one account per shop customer
 * (`WEB000042`), or the single generic web account, guests optionally on their own generic account.
 */

export type CustomerAccountResult =
  | { readonly ok: true; readonly account: CustomerAccountDraft; readonly notes: readonly OutcomeNote[] }
  | {
      readonly ok: false;
      readonly code: 'customer-missing' | 'address-missing' | 'account-code-too-long';
      readonly message: string;
      readonly data: ReasonData;
    };

/** Names of the generic accounts when navette has to create them (they are never renamed afterwards). */
const GENERIC_ACCOUNT_NAME = 'Clients web';
const GUEST_ACCOUNT_NAME = 'Clients web (invités)';

/** Sage's address columns are 35 characters; a wider target loses nothing readable. */
const ADDRESS_LINE_LIMIT = 35;

/** The billing address: the invoice address, or the delivery one when the order has none (SPEC §3.1). */
export function billingAddressOf(order: ShopOrder): Address | undefined {
  return order.invoiceAddress ?? order.deliveryAddress;
}

/** A shop address as the document carries it, cut to the target's lengths. */
export function toDocumentAddress(address: Address): DocumentAddress {
  const cut = (text: string, limit: number = ADDRESS_LINE_LIMIT) => truncateText(text, limit);
  return {
    name: cut(`${address.firstName} ${address.lastName}`, FIELD_LIMITS.accountName),
    company: cut(address.company, FIELD_LIMITS.accountName),
    line1: cut(address.address1),
    line2: cut(address.address2),
    postcode: cut(address.postcode, 10),
    city: cut(address.city),
    countryIso: cut(address.countryIso, 2),
    country: cut(address.countryName),
    phone: cut(address.phone || address.phoneMobile, 21),
  };
}

/** `WEB` + the customer id padded with zeros: `WEB000042`. */
export function customerAccountCode(settings: CustomerSettings, customerId: number): string {
  return `${settings.prefix}${String(customerId).padStart(settings.padding, '0')}`;
}

function genericAccount(code: string, name: string): CustomerAccountDraft {
  return {
    code,
    shopCustomer: undefined,
    name,
    email: '',
    company: '',
    vatNumber: '',
    siret: '',
    phone: '',
    // A shared account keeps its own address: each order's addresses go on its document instead.
    address: undefined,
    generic: true,
    matchByEmail: false,
  };
}

export function customerAccountFor(order: ShopOrder, settings: CustomerSettings): CustomerAccountResult {
  const billing = billingAddressOf(order);
  if (!billing)
    return {
      ok: false,
      code: 'address-missing',
      message:
        `La commande ${order.reference} n'a ni adresse de facturation ni adresse de livraison dans la ` +
        'boutique (adresses supprimées ?) : le document ne peut pas être adressé. Vérifiez la commande dans la boutique.',
      data: { reference: order.reference },
    };

  const customer = order.customer;
  if (customer?.isGuest && settings.guestAccount !== null)
    return { ok: true, account: genericAccount(settings.guestAccount, GUEST_ACCOUNT_NAME), notes: [] };
  if (settings.mode === 'generic')
    return { ok: true, account: genericAccount(settings.genericAccount, GENERIC_ACCOUNT_NAME), notes: [] };

  if (!customer)
    return {
      ok: false,
      code: 'customer-missing',
      message:
        `Le client (id ${order.customerId}) de la commande ${order.reference} n'existe plus dans la boutique : ` +
        'aucun compte client ne peut être créé pour lui. Choisissez le compte générique dans les réglages ' +
        'des clients pour importer quand même ces commandes, sur le compte client web générique.',
      data: { customerId: order.customerId, reference: order.reference },
    };

  const code = customerAccountCode(settings, customer.id);
  if (code.length > FIELD_LIMITS.accountCode)
    return {
      ok: false,
      code: 'account-code-too-long',
      message:
        `Le code de compte client ${code} dépasse ${FIELD_LIMITS.accountCode} caractères : ` +
        'raccourcissez le préfixe ou la longueur du numéro dans les réglages des clients.',
      data: { accountCode: code, max: FIELD_LIMITS.accountCode },
    };

  // A blank company is no company; truncateText below trims the address's.
  const company = customer.company.trim() || billing.company;
  const notes: OutcomeNote[] = [];
  if (customer.deleted)
    notes.push({
      code: 'customer-deleted',
      text: `Le client ${code} est supprimé dans la boutique ; son compte est utilisé quand même.`,
      data: { accountCode: code },
    });
  return {
    ok: true,
    account: {
      code,
      shopCustomer: { shopId: order.key.shopId, customerId: customer.id },
      name: truncateText(customerDisplayName(order), FIELD_LIMITS.accountName),
      email: truncateText(customer.email, 255),
      company: truncateText(company, FIELD_LIMITS.accountName),
      // The intra-EU VAT number is an attribute of the invoice address in PrestaShop, not of the customer.
      vatNumber: truncateText(billing.vatNumber.replace(/\s/g, ''), 25),
      siret: truncateText(customer.siret.replace(/\s/g, ''), 14),
      phone: truncateText(billing.phone || billing.phoneMobile, 21),
      address: toDocumentAddress(billing),
      generic: false,
      matchByEmail: settings.matchByEmail,
    },
    notes,
  };
}
