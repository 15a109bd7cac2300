import { describe, expect, it } from 'vitest';
import { expectedShopOrder } from '../../test/support/expected-orders.js';
import {
  customerDisplayName,
  fillTemplate,
  frenchDate,
  templateValuesFor,
  type TemplateValues,
} from './templates.js';

const values: TemplateValues = {
  reference: 'BLZCJBMWE',
  id_order: '7',
  id_shop: '1',
  payment: 'Chèque',
  carrier: 'Mondial Relay',
  date: '05/10/2026',
  customer: 'Jean-François Lefèvre',
  message: 'Merci !',
};

describe('fillTemplate', () => {
  it('fills every known field', () => {
    expect(
      fillTemplate(
        '{reference}|{id_order}|{id_shop}|{payment}|{carrier}|{date}|{customer}|{message}',
        values,
      ),
    ).toBe('BLZCJBMWE|7|1|Chèque|Mondial Relay|05/10/2026|Jean-François Lefèvre|Merci !');
  });

  it('fills the default remark template', () => {
    expect(fillTemplate('Commande web {reference} (n° {id_order}) — {payment}', values)).toBe(
      'Commande web BLZCJBMWE (n° 7) — Chèque',
    );
  });

  it('leaves unknown fields and stray braces as written', () => {
    expect(fillTemplate('{reference} {referense} {} {ID_ORDER} {id_order', values)).toBe(
      'BLZCJBMWE {referense} {} {ID_ORDER} {id_order',
    );
  });

  it('does not re-expand a value that looks like a field', () => {
    expect(fillTemplate('{message}', { ...values, message: '{reference}' })).toBe('{reference}');
  });
});

describe('frenchDate', () => {
  it('writes a shop date-time as DD/MM/YYYY', () => {
    expect(frenchDate('2026-10-05 09:40:00')).toBe('05/10/2026');
  });
});

describe('templateValuesFor', () => {
  it('reads the fields of a recorded order', () => {
    expect(templateValuesFor(expectedShopOrder(6))).toEqual({
      reference: 'QPJBQPNWB',
      id_order: '6',
      id_shop: '1',
      payment: 'Virement bancaire',
      carrier: 'Colissimo Domicile',
      date: '01/10/2026',
      customer: "Hélène D'Aubigné",
      message: 'Merci de laisser le colis chez la gardienne si je suis absente.',
    });
  });

  it('the customer is the company for a business, from the customer or its address', () => {
    expect(customerDisplayName(expectedShopOrder(8))).toBe('Brasserie Van den Broeck SA');
    expect(customerDisplayName(expectedShopOrder(13))).toBe('Smith & Partners LLC');
    expect(customerDisplayName({ ...expectedShopOrder(6), customer: undefined })).toBe("Hélène D'Aubigné");
  });
});

describe('template fields at their edges', () => {
  const order = expectedShopOrder(6);
  const customer = order.customer!;
  const address = order.invoiceAddress!;

  it('leaves a text that is not a shop date as it is, and reads only a date at the start', () => {
    expect(frenchDate('2026-10-05')).toBe('05/10/2026');
    expect(frenchDate('le 2026-10-05')).toBe('le 2026-10-05');
    expect(frenchDate('')).toBe('');
  });

  it('skips a company made of spaces, on the customer and on the address', () => {
    const blank = { ...order, customer: { ...customer, company: '   ' } };
    expect(customerDisplayName({ ...blank, invoiceAddress: { ...address, company: ' Atelier Lune ' } })).toBe(
      'Atelier Lune',
    );
    expect(customerDisplayName({ ...blank, invoiceAddress: { ...address, company: '  ' } })).toBe(
      `${customer.firstName} ${customer.lastName}`,
    );
  });

  it('falls back to the delivery address when there is no invoice address', () => {
    const withoutInvoice = {
      ...order,
      customer: undefined,
      invoiceAddress: undefined,
      deliveryAddress: { ...address, company: '', firstName: 'Paul', lastName: 'Livré' },
    };
    expect(customerDisplayName(withoutInvoice)).toBe('Paul Livré');
    expect(
      customerDisplayName({ ...withoutInvoice, deliveryAddress: { ...address, company: 'Livraisons SARL' } }),
    ).toBe('Livraisons SARL');
  });

  it('gives an empty name when nobody is known, and no stray space for a missing first name', () => {
    expect(
      customerDisplayName({
        ...order,
        customer: undefined,
        invoiceAddress: undefined,
        deliveryAddress: undefined,
      }),
    ).toBe('');
    expect(customerDisplayName({ ...order, customer: { ...customer, firstName: '' } })).toBe(
      customer.lastName,
    );
  });

  it('gives empty carrier and message for an order without them, and the first message otherwise', () => {
    const bare = templateValuesFor({ ...order, carrier: undefined, messages: [] });
    expect(bare.carrier).toBe('');
    expect(bare.message).toBe('');
    expect(templateValuesFor({ ...order, messages: ['premier', 'second'] }).message).toBe('premier');
  });
});
