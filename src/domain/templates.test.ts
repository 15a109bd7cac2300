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
