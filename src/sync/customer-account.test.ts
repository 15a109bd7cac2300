import { describe, expect, it } from 'vitest';
import { customerSettingsSchema } from '../config/config-schema.js';
import type { Address, Customer, ShopOrder } from '../domain/shop-order.js';
import { expectedShopOrder } from '../../test/support/expected-orders.js';
import { customerAccountCode, customerAccountFor, toDocumentAddress } from './customer-account.js';

const settings = (fields: Record<string, unknown> = {}) => customerSettingsSchema.parse(fields);

describe('customerAccountFor', () => {
  it('one account per customer: prefix + padded id, name, e-mail, address, match by e-mail setting', () => {
    const result = customerAccountFor(expectedShopOrder(6), settings({ matchByEmail: true }));
    expect(result).toMatchObject({
      ok: true,
      account: {
        code: 'WEB000003',
        name: "Hélène D'Aubigné",
        email: 'helene.daubigne@example.fr',
        company: '',
        vatNumber: '',
        siret: '',
        generic: false,
        matchByEmail: true,
      },
    });
  });

  it('order 14 (shop 2, B2B): FR VAT number from the invoice address, SIRET from the customer', () => {
    const result = customerAccountFor(expectedShopOrder(14), settings());
    expect(result).toMatchObject({
      ok: true,
      account: {
        code: 'WEB000010',
        // The shop customer behind the account, for a target that links accounts to it (Dolibarr).
        shopCustomer: { shopId: 2, customerId: 10 },
        name: 'Cabinet Durand-Mercier',
        vatNumber: 'FR93811223346',
        siret: '81122334600271',
      },
    });
  });

  it('order 13: the company written on the address when the customer has none', () => {
    const result = customerAccountFor(expectedShopOrder(13), settings());
    expect(result).toMatchObject({
      ok: true,
      account: { name: 'Smith & Partners LLC', company: 'Smith & Partners LLC' },
    });
  });

  it("the generic account for everyone, never carrying one order's data", () => {
    const result = customerAccountFor(
      expectedShopOrder(8),
      settings({ mode: 'generic', genericAccount: 'CLIENTWEB' }),
    );
    expect(result).toMatchObject({
      ok: true,
      account: {
        code: 'CLIENTWEB',
        shopCustomer: undefined,
        generic: true,
        email: '',
        vatNumber: '',
        address: undefined,
      },
    });
  });

  it('guests on the guest account in both modes, when one is set', () => {
    const guestOrder = expectedShopOrder(9);
    for (const mode of ['per-customer', 'generic'])
      expect(customerAccountFor(guestOrder, settings({ mode, guestAccount: 'INVITES' }))).toMatchObject({
        ok: true,
        account: { code: 'INVITES', generic: true },
      });
  });

  it('codes: padding, and a clear failure when prefix + id exceed 17 characters', () => {
    expect(customerAccountCode(settings({ prefix: 'C', padding: 3 }), 42)).toBe('C042');
    expect(customerAccountCode(settings(), 1234567)).toBe('WEB1234567');
    const order = { ...expectedShopOrder(6) };
    const tooLong = customerAccountFor(order, settings({ prefix: 'WEBSHOP1', padding: 12 }));
    expect(tooLong).toMatchObject({ ok: false, code: 'account-code-too-long' });
  });

  it('a code of exactly 17 characters fits; one more is refused, saying which setting to shorten', () => {
    const order = expectedShopOrder(6);
    expect(customerAccountFor(order, settings({ prefix: 'WEBSHOP1', padding: 9 }))).toMatchObject({
      ok: true,
      account: { code: 'WEBSHOP1000000003' },
    });
    expect(customerAccountFor(order, settings({ prefix: 'WEBSHOP1', padding: 10 }))).toEqual({
      ok: false,
      code: 'account-code-too-long',
      message:
        'Le code de compte client WEBSHOP10000000003 dépasse 17 caractères : raccourcissez le préfixe ou ' +
        'la longueur du numéro dans les réglages des clients.',
      data: { accountCode: 'WEBSHOP10000000003', max: 17 },
    });
  });

  it('a generic account carries nothing of the order nor of the per-customer settings, and no note', () => {
    const empty = {
      email: '',
      company: '',
      vatNumber: '',
      siret: '',
      phone: '',
      address: undefined,
      generic: true,
      matchByEmail: false,
    };
    const everyone = settings({ mode: 'generic', genericAccount: 'CLIENTWEB', matchByEmail: true });
    expect(customerAccountFor(expectedShopOrder(14), everyone)).toEqual({
      ok: true,
      account: { code: 'CLIENTWEB', name: 'Clients web', ...empty },
      notes: [],
    });
    const guests = settings({ guestAccount: 'INVITES', matchByEmail: true });
    expect(customerAccountFor(expectedShopOrder(9), guests)).toEqual({
      ok: true,
      account: { code: 'INVITES', name: 'Clients web (invités)', ...empty },
      notes: [],
    });
  });

  it('no address at all: refused, saying the document cannot be addressed', () => {
    const order: ShopOrder = {
      ...expectedShopOrder(6),
      invoiceAddress: undefined,
      deliveryAddress: undefined,
    };
    expect(customerAccountFor(order, settings())).toEqual({
      ok: false,
      code: 'address-missing',
      message:
        `La commande ${order.reference} n'a ni adresse de facturation ni adresse de livraison dans la boutique ` +
        '(adresses supprimées ?) : le document ne peut pas être adressé. Vérifiez la commande dans la boutique.',
      data: { reference: order.reference },
    });
  });

  it('a customer gone from the shop: refused on its own account, imported on the generic one', () => {
    const order: ShopOrder = { ...expectedShopOrder(6), customer: undefined };
    expect(customerAccountFor(order, settings())).toEqual({
      ok: false,
      code: 'customer-missing',
      message:
        `Le client (id ${order.customerId}) de la commande ${order.reference} n'existe plus dans la boutique : ` +
        'aucun compte client ne peut être créé pour lui. Choisissez le compte générique dans les réglages des ' +
        'clients pour importer quand même ces commandes, sur le compte client web générique.',
      data: { customerId: order.customerId, reference: order.reference },
    });
    expect(customerAccountFor(order, settings({ mode: 'generic' }))).toMatchObject({
      ok: true,
      account: { code: 'CLIENTWEB' },
    });
  });

  it('a customer deleted in the shop keeps its account, with a note', () => {
    const order = expectedShopOrder(6);
    const deleted: ShopOrder = { ...order, customer: { ...order.customer!, deleted: true } };
    expect(customerAccountFor(deleted, settings())).toMatchObject({
      ok: true,
      account: { code: 'WEB000003' },
      notes: [
        {
          code: 'customer-deleted',
          text: 'Le client WEB000003 est supprimé dans la boutique ; son compte est utilisé quand même.',
          data: { accountCode: 'WEB000003' },
        },
      ],
    });
    expect(customerAccountFor(order, settings())).toMatchObject({ ok: true, notes: [] });
  });

  it('a blank company on the customer is no company: the address’s is taken; numbers lose their spaces', () => {
    const order = expectedShopOrder(14);
    const customer: Customer = { ...order.customer!, company: '   ', siret: '811 223 346 00271' };
    const invoiceAddress: Address = {
      ...order.invoiceAddress!,
      company: ' Durand & Fils ',
      vatNumber: 'FR 93 811223346',
    };
    expect(customerAccountFor({ ...order, customer, invoiceAddress }, settings())).toMatchObject({
      ok: true,
      account: {
        name: 'Durand & Fils',
        company: 'Durand & Fils',
        vatNumber: 'FR93811223346',
        siret: '81122334600271',
      },
    });
  });
});

describe('toDocumentAddress', () => {
  const address = expectedShopOrder(6).invoiceAddress!;

  it('takes the mobile number when the address has no landline, the landline first otherwise', () => {
    expect(toDocumentAddress({ ...address, phone: '', phoneMobile: '06 12 34 56 78' }).phone).toBe(
      '06 12 34 56 78',
    );
    expect(
      toDocumentAddress({ ...address, phone: '01 23 45 67 89', phoneMobile: '06 12 34 56 78' }).phone,
    ).toBe('01 23 45 67 89');
  });
});
