import { describe, expect, it } from 'vitest';
import { validateConfig } from './load-config.js';
import { DEFAULT_STATE_TABLE, hasDefaultStateIds, stateTableFor, starterConfig } from './defaults.js';
import type { OrderState } from '../domain/shop-order.js';

const state = (id: number, template: string, name = `état ${id}`): OrderState => ({
  id,
  name,
  template,
  paid: false,
  shipped: false,
  delivery: false,
  invoice: false,
  logable: false,
  deleted: false,
  hidden: false,
  sendEmail: false,
  moduleName: '',
  color: '',
});

const defaultTemplates: Record<number, string> = {
  1: 'cheque',
  2: 'payment',
  3: 'preparation',
  4: 'shipped',
  5: '',
  6: 'order_canceled',
  7: 'refund',
  8: 'payment_error',
  9: 'outofstock',
  10: 'bankwire',
  11: 'payment',
  12: 'outofstock',
  13: 'cashondelivery',
};

describe('the configuration', () => {
  it('accepts the starter configuration with every default filled in', () => {
    const result = validateConfig(starterConfig('https://www.maboutique.fr'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.period).toMatchObject({ kind: 'last-30-days', dateField: 'order' });
    expect(result.config.customers).toMatchObject({ mode: 'per-customer', prefix: 'WEB', padding: 6 });
    expect(result.config.articles).toMatchObject({ unknown: 'generic', generic: 'DIVERS', shipping: 'PORT' });
    expect(result.config.shops).toBeNull();
  });

  it('names the path of every problem, unknown keys included', () => {
    const input = starterConfig('https://www.maboutique.fr') as Record<string, unknown>;
    const states = [...DEFAULT_STATE_TABLE.map((rule) => ({ ...rule }))];
    states[3] = { ...states[3]!, documentType: 'bon' as never };
    const result = validateConfig({ ...input, states, periode: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['states[3].documentType', '']),
    );
    expect(result.issues.find((issue) => issue.path === '')?.message).toMatch(/clé inconnue : periode/);
  });

  it('uses the SPEC §2 table only for a shop with PrestaShop’s default state ids', () => {
    const defaults = Object.entries(defaultTemplates).map(([id, template]) => state(Number(id), template));
    expect(hasDefaultStateIds(defaults)).toBe(true);
    expect(stateTableFor(defaults).find((rule) => rule.id === 2)).toMatchObject({
      selected: true,
      documentType: 'order',
      documentStatus: 'confirmed',
    });

    // PrestaShop 1.6 numbers its states differently: 12 is "payment", 14 "cashondelivery".
    const shop16 = defaults.map((entry) => (entry.id === 12 ? state(12, 'payment') : entry));
    const table = stateTableFor(shop16);
    expect(
      table.every(
        (rule) =>
          !rule.selected &&
          rule.documentType === 'quote' &&
          rule.documentStatus === 'draft' &&
          rule.changeStateTo === null,
      ),
    ).toBe(true);
  });
});

describe('gescom.target dolibarr', () => {
  const starter = starterConfig('https://shop.example');

  it('needs Dolibarr’s URL, and never a key in the config', () => {
    const missing = validateConfig({ ...starter, gescom: { target: 'dolibarr', database: 'navette.db' } });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(JSON.stringify(missing)).toContain('gescom.dolibarr.url');
    const withKey = validateConfig({
      ...starter,
      gescom: { target: 'dolibarr', dolibarr: { url: 'https://erp.example', key: 'SECRET' } },
    });
    expect(withKey.ok).toBe(false);
    const fine = validateConfig({
      ...starter,
      gescom: { target: 'dolibarr', dolibarr: { url: 'https://erp.example', bankAccountId: 1 } },
    });
    expect(fine.ok && fine.config.gescom.dolibarr?.timeoutSeconds).toBe(30);
  });
});
