import { describe, expect, it } from 'vitest';
import { customerSettingsSchema } from '../config/config-schema.js';
import { expectedShopOrder } from '../../test/support/expected-orders.js';
import { customerAccountCode, customerAccountFor } from './customer-account.js';

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
});
