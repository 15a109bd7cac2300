import { describe, expect, it } from 'vitest';
import { fillTemplate, frenchDate, type TemplateValues } from './templates.js';

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
